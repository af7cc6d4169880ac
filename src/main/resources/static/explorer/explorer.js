// Provenant's lineage explorer: a node's upstream lineage as a left-to-right graph, its fields, its blast radius
// and rollback plan. It talks to /graphql with the API key typed in the header (kept for this browser tab only).
(function () {
  'use strict';

  var KIND_COLOURS = {
    DATA_SOURCE: '#2a9d8f', FEATURE: '#8ab17d', MODEL_VERSION: '#e9c46a', PROMPT_VERSION: '#f4a261',
    POLICY: '#6d597a', APPROVER: '#b56576', DECISION: '#1d3557', ACTION: '#457b9d', JOB: '#999999', RUN: '#bbbbbb'
  };
  // Beyond this many nodes the graph is summarised (the lists and counts still say everything).
  var MAX_DRAWN = 400;
  var LIST_LIMIT = 200;

  var keyInput = document.getElementById('api-key');
  keyInput.value = sessionStorage.getItem('provenant-key') || '';
  keyInput.addEventListener('change', function () { sessionStorage.setItem('provenant-key', keyInput.value); });

  if (window.cytoscapeKlay) {
    try { cytoscape.use(cytoscapeKlay); } catch (alreadyRegistered) { /* registered by the script itself */ }
  }

  var cy = cytoscape({
    container: document.getElementById('graph'),
    // A small lineage is not blown up to fill the pane.
    maxZoom: 1.5,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'background-color': 'data(colour)', 'font-size': 10, 'text-valign': 'bottom',
        'text-wrap': 'ellipsis', 'text-max-width': 120, 'width': 22, 'height': 22 } },
      { selector: 'node.quarantined', style: { 'border-width': 4, 'border-color': '#b00020' } },
      { selector: 'node.root', style: { 'width': 32, 'height': 32 } },
      { selector: 'node:selected', style: { 'overlay-opacity': 0.2 } },
      { selector: 'edge', style: {
        'width': 1.5, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'label': 'data(type)', 'font-size': 7, 'color': '#888' } }
    ]
  });
  var nodesById = {};
  var plan = [];

  function status(text) { document.getElementById('status').textContent = text || ''; }

  function graphql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': keyInput.value },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) { return response.json(); }).then(function (body) {
      if (body.errors && body.errors.length) {
        throw new Error(body.errors.map(function (e) { return e.message; }).join('; '));
      }
      return body.data;
    });
  }

  var NODE_FIELDS = 'id kind name recordedAt quarantined attributes '
    + '... on DataSource { uri owner } ... on ModelVersion { model version } '
    + '... on PromptVersion { prompt version } ... on Approver { role } '
    + '... on Decision { occurredAt outcome route confidence reviewState policyViolation } '
    + '... on Action { occurredAt type target status } ... on Run { state startedAt endedAt } ... on Job { namespace }';

  function show(id) {
    if (!id) { return; }
    document.getElementById('node-id').value = id;
    status('Loading ' + id + '…');
    var depth = parseInt(document.getElementById('depth').value, 10);
    graphql('query($id: ID!, $depth: Int!) { lineage(id: $id, depth: $depth) { truncated nodes { '
      + NODE_FIELDS + ' } edges { from to type } } }', { id: id, depth: depth })
      .then(function (data) { draw(id, data.lineage); status(''); details(nodesById[id]); impact(id); })
      .catch(function (error) { status(error.message); });
  }

  function draw(rootId, lineage) {
    nodesById = {};
    lineage.nodes.forEach(function (node) { nodesById[node.id] = node; });
    var drawn = lineage.nodes.slice(0, MAX_DRAWN);
    var inGraph = {};
    drawn.forEach(function (node) { inGraph[node.id] = true; });
    var elements = drawn.map(function (node) {
      return { group: 'nodes', data: { id: node.id, label: node.name || node.id, colour: KIND_COLOURS[node.kind] || '#ccc' },
        classes: (node.quarantined ? 'quarantined' : '') + (node.id === rootId ? ' root' : '') };
    });
    lineage.edges.forEach(function (edge, index) {
      if (inGraph[edge.from] && inGraph[edge.to]) {
        // Drawn from what was used towards what used it: left to right.
        elements.push({ group: 'edges', data: { id: 'e' + index, source: edge.to, target: edge.from, type: edge.type } });
      }
    });
    cy.elements().remove();
    cy.add(elements);
    var layout = window.cytoscapeKlay ? { name: 'klay', klay: { direction: 'RIGHT', spacing: 90, inLayerSpacingFactor: 1.2 } } : { name: 'breadthfirst' };
    cy.layout(layout).run();
    document.getElementById('graph').dataset.nodes = String(drawn.length);
    if (lineage.nodes.length > MAX_DRAWN) {
      status('Showing ' + MAX_DRAWN + ' of ' + lineage.nodes.length + ' nodes; lower the depth to see the rest.');
    }
  }

  cy.on('tap', 'node', function (event) {
    var id = event.target.id();
    if (event.originalEvent && event.originalEvent.detail > 1) { show(id); } else { details(nodesById[id]); }
  });

  function details(node) {
    var box = document.getElementById('details');
    if (!node) { box.innerHTML = ''; return; }
    var html = '<h2>' + escape(node.name || node.id) + (node.quarantined ? ' <span class="quarantined">quarantined</span>' : '')
      + '</h2><dl>';
    Object.keys(node).forEach(function (field) {
      var value = node[field];
      if (value !== null && value !== undefined && field !== 'name') {
        html += '<dt>' + escape(field) + '</dt><dd>' + escape(typeof value === 'object' ? JSON.stringify(value) : String(value)) + '</dd>';
      }
    });
    html += '</dl><button type="button" id="recentre">Show its lineage</button>';
    box.innerHTML = html;
    document.getElementById('recentre').addEventListener('click', function () { show(node.id); });
  }

  function impact(id) {
    graphql('query($id: ID!, $first: Int!) { blastRadius(id: $id) { decisionCount actionCount affected { kind count }'
      + ' decisions(first: $first) { edges { node { id occurredAt outcome } } }'
      + ' actions(first: $first) { edges { node { id occurredAt type status } } } }'
      + ' rollbackScope(id: $id) { stepCount actionIds(first: 100000) { ids } } }', { id: id, first: LIST_LIMIT })
      .then(function (data) {
        var radius = data.blastRadius;
        document.getElementById('impact').hidden = false;
        document.getElementById('impact-counts').textContent = radius.decisionCount + ' decisions, ' + radius.actionCount
          + ' actions' + (radius.affected.length ? '; everything downstream: ' + radius.affected.map(function (k) { return k.count + ' ' + k.kind; }).join(', ') : '');
        list('impact-decisions', radius.decisions.edges.map(function (e) { return e.node.id + ' · ' + e.node.occurredAt + ' · ' + e.node.outcome; }), radius.decisionCount);
        list('impact-actions', radius.actions.edges.map(function (e) { return e.node.id + ' · ' + e.node.type + ' · ' + e.node.status; }), radius.actionCount);
        plan = data.rollbackScope.actionIds.ids;
        document.getElementById('rollback-count').textContent = data.rollbackScope.stepCount + ' actions to revert, in this order:';
        list('rollback-steps', plan.slice(0, LIST_LIMIT), plan.length);
      })
      .catch(function (error) { status(error.message); });
  }

  function list(elementId, items, total) {
    var html = items.map(function (item) { return '<li>' + escape(item) + '</li>'; }).join('');
    if (total > items.length) { html += '<li class="hint">… and ' + (total - items.length) + ' more</li>'; }
    document.getElementById(elementId).innerHTML = html;
  }

  document.getElementById('rollback-csv').addEventListener('click', function () {
    var csv = 'position,actionId\n' + plan.map(function (id, index) { return (index + 1) + ',"' + id.replace(/"/g, '""') + '"'; }).join('\n') + '\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'rollback-plan-' + document.getElementById('node-id').value.replace(/[^A-Za-z0-9_.-]/g, '_') + '.csv';
    link.click();
  });

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  document.getElementById('search').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('provenant-key', keyInput.value);
    show(document.getElementById('node-id').value.trim());
  });
  var fromUrl = new URLSearchParams(window.location.search).get('id');
  if (fromUrl) { show(fromUrl); }
})();
