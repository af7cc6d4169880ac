// Provenant's explorer: find a node by id or name; see what it feeds down to decisions and actions (the impact view,
// large answers in groups) or where it came from (its upstream lineage), as a left-to-right graph; its fields, audit
// trail, blast radius and rollback plan, in a time window and as of any instant, all kept in the URL; work through the
// review queue. It talks to /graphql with the API key typed in the header (kept for this browser tab only).
(function () {
  'use strict';

  var escape = Provenant.escape;
  var status = Provenant.status;

  var KIND_COLOURS = {
    DATA_SOURCE: '#2a9d8f', FEATURE: '#8ab17d', MODEL_VERSION: '#e9c46a', PROMPT_VERSION: '#f4a261',
    POLICY: '#6d597a', APPROVER: '#b56576', DECISION: '#1d3557', ACTION: '#457b9d', JOB: '#999999', RUN: '#bbbbbb'
  };
  // Edge types by what they say, one colour each; the legend names them.
  var EDGE_FAMILIES = [
    { name: 'data flow', colour: '#6c8ebf', types: ['DERIVED_FROM', 'TRAINED_ON', 'USES_FEATURE', 'USED', 'READ', 'CONSUMED', 'GENERATED_BY'] },
    { name: 'made by, prompted by, governed by, approved by', colour: '#8e6fa8', types: ['MADE_BY', 'PROMPTED_BY', 'GOVERNED_BY', 'APPROVED_BY'] },
    { name: 'executes, triggered by', colour: '#d17a22', types: ['EXECUTES', 'TRIGGERED_BY'] },
    { name: 'supersedes, run of, part of', colour: '#aaaaaa', types: ['SUPERSEDES', 'RUN_OF', 'PART_OF'] }
  ];
  var EDGE_COLOURS = {};
  EDGE_FAMILIES.forEach(function (family) { family.types.forEach(function (type) { EDGE_COLOURS[type] = family.colour; }); });
  // Labels are drawn at 14 px; below this zoom they would shrink under 9 px, so a large graph is not fitted below it.
  var MIN_READABLE_ZOOM = 0.65;
  var AUDIT_PAGE = 20;
  // Beyond this many nodes the graph is summarised; lists show this many items and say how many there are. A blast
  // radius of 50,000 nodes thus costs the page what one of 200 does.
  var MAX_DRAWN = 400;
  var LIST_LIMIT = 200;
  // Search as you type: wait for a pause in typing, and offer this many nodes to pick from.
  var SEARCH_DELAY_MS = 250;
  var SEARCH_HITS = 20;
  var REVIEW_PAGE = 50;
  // The CSV holds every step of the plan, fetched in pages of this many ids.
  var CSV_PAGE = 10000;

  var keyInput = document.getElementById('api-key');
  var nodeInput = document.getElementById('node-id');
  var hitList = document.getElementById('hits');
  // Settles once the key's roles are known (see loadViewer).
  var viewerKnown = Promise.resolve();
  keyInput.value = sessionStorage.getItem('provenant-key') || '';
  keyInput.addEventListener('change', function () {
    sessionStorage.setItem('provenant-key', keyInput.value);
    // Who the key stands for decides which buttons the queue and the view offer.
    loadViewer().then(function () { if (currentId) { show(currentId, { keepExpanded: true }); } });
    loadReviews();
  });

  if (window.cytoscapeKlay) {
    try { cytoscape.use(cytoscapeKlay); } catch (alreadyRegistered) { /* registered by the script itself */ }
  }

  var cy = cytoscape({
    container: document.getElementById('graph'),
    // A small graph is not blown up to fill the pane.
    maxZoom: 1.2,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'background-color': 'data(colour)', 'font-size': 14, 'color': '#222',
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 150,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
        'width': 24, 'height': 24 } },
      { selector: 'node.root', style: { 'width': 36, 'height': 36, 'border-width': 3, 'border-color': '#222', 'font-weight': 'bold' } },
      { selector: 'node.group', style: {
        'shape': 'round-rectangle', 'width': 180, 'height': 66, 'text-valign': 'center', 'text-margin-y': 0,
        'color': '#fff', 'text-background-opacity': 0, 'text-outline-color': 'data(colour)', 'text-outline-width': 2,
        'font-weight': 'bold', 'border-width': 2, 'border-color': '#fff' } },
      { selector: 'node.irreversible', style: { 'shape': 'octagon', 'border-width': 4, 'border-color': '#e76f51' } },
      { selector: 'node.group.irreversible', style: { 'shape': 'round-octagon' } },
      { selector: 'node.rolledback', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#555',
        'background-opacity': 0.45 } },
      { selector: 'node.group.rolledback', style: { 'color': '#222', 'text-outline-width': 0 } },
      { selector: 'node.quarantined', style: { 'border-width': 5, 'border-color': '#b00020', 'color': '#b00020' } },
      { selector: 'node:selected', style: { 'overlay-opacity': 0.2 } },
      { selector: 'edge', style: {
        'width': 2, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 11, 'color': '#444',
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
      // An approval sent with the decision by its writer, not given through review by the approver.
      { selector: 'edge.attested', style: { 'line-style': 'dashed', 'line-color': '#c77700', 'target-arrow-color': '#c77700' } }
    ]
  });
  // For tests and the browser console.
  window.provenantExplorer = { cy: cy };
  var nodesById = {};
  var groupsById = {};
  // The node shown, and a counter so that an answer to an earlier request never overwrites a later one.
  var currentId = null;
  var shown = 0;
  var searched = 0;

  /** An edge's type, and for an approval how it was given: verified through review, or attested by its writer. */
  function edgeLabel(edge) {
    if (edge.approval === 'ATTESTED') {
      return edge.type + ' (attested' + (edge.attestedBy ? ' by ' + edge.attestedBy : '') + ')';
    }
    return edge.approval === 'VERIFIED' ? edge.type + ' (verified)' : edge.type;
  }


  function graphql(query, variables) {
    return Provenant.graphql(keyInput.value, query, variables);
  }

  // ---- Search: an exact id shows its lineage; anything else offers the nodes it matches.

  function search(text) {
    var request = ++searched;
    return graphql('query($text: String!, $first: Int) { search(text: $text, first: $first) { match node { id kind name } } }',
      { text: text, first: SEARCH_HITS })
      .then(function (data) { return request === searched ? data.search : null; });
  }

  function offer(hits, text) {
    if (!hits.length) {
      hideHits();
      status('No node matches "' + text + '".');
      return;
    }
    hitList.innerHTML = hits.map(function (hit) {
      var node = hit.node;
      return '<li role="option"><button type="button" data-id="' + escape(node.id) + '" data-kind="' + escape(node.kind) + '">'
        + '<span class="swatch" data-kind="' + escape(node.kind) + '"></span>'
        + '<span class="hit-name">' + escape(node.name || node.id) + '</span> <span class="hint">' + escape(node.kind)
        + (node.name ? ' · ' + escape(node.id) : '') + '</span></button></li>';
    }).join('');
    // Coloured through the DOM: the Content-Security-Policy refuses style attributes in markup.
    hitList.querySelectorAll('.swatch').forEach(function (swatch) {
      swatch.style.background = KIND_COLOURS[swatch.dataset.kind] || '#ccc';
    });
    hitList.dataset.hits = String(hits.length);
    hitList.hidden = false;
  }

  function hideHits() {
    hitList.hidden = true;
    hitList.innerHTML = '';
    hitList.dataset.hits = '0';
  }

  var typing = null;
  nodeInput.addEventListener('input', function () {
    clearTimeout(typing);
    var text = nodeInput.value.trim();
    if (text.length < 2 || !keyInput.value) {
      hideHits();
      return;
    }
    typing = setTimeout(function () {
      search(text).then(function (hits) {
        if (hits) { offer(hits, text); }
      }).catch(function (error) { status(error.message); });
    }, SEARCH_DELAY_MS);
  });

  nodeInput.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' && !hitList.hidden) {
      event.preventDefault();
      hitList.querySelector('button').focus();
    } else if (event.key === 'Escape') {
      hideHits();
    }
  });

  hitList.addEventListener('keydown', function (event) {
    var item = event.target.closest('li');
    if (!item) { return; }
    var next = event.key === 'ArrowDown' ? item.nextElementSibling : event.key === 'ArrowUp' ? item.previousElementSibling : null;
    if (next) {
      event.preventDefault();
      next.querySelector('button').focus();
    } else if (event.key === 'ArrowUp') {
      nodeInput.focus();
    } else if (event.key === 'Escape') {
      hideHits();
      nodeInput.focus();
    }
  });

  hitList.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-id]');
    if (button) { show(button.dataset.id, { kind: button.dataset.kind }); }
  });

  document.addEventListener('click', function (event) {
    if (!event.target.closest('.search-box')) { hideHits(); }
  });

  document.getElementById('search').addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    sessionStorage.setItem('provenant-key', keyInput.value);
    var text = nodeInput.value.trim();
    if (!text) { return; }
    status('Searching…');
    var known = roles.length ? Promise.resolve() : loadViewer();
    known.then(function () { return search(text); }).then(function (hits) {
      if (!hits) { return; }
      if (hits.length && hits[0].match === 'ID') {
        show(hits[0].node.id, { kind: hits[0].node.kind });
      } else {
        offer(hits, text);
        if (hits.length) { status(hits.length + (hits.length === SEARCH_HITS ? '+' : '') + ' nodes match: pick one.', true); }
      }
    }).catch(function (error) { status(error.message); });
  });

  // ---- What the graph shows, kept in the URL so that a link reproduces the view.

  var directionInput = document.getElementById('direction');
  var depthInput = document.getElementById('depth');
  var fromInput = document.getElementById('from');
  var toInput = document.getElementById('to');
  var asOfInput = document.getElementById('as-of');
  // The groups of the impact view opened by a click; they belong to the node shown.
  var expanded = [];

  /** A time typed in the toolbar, or null when blank; a field that cannot be read is marked. */
  function instant(input, name) {
    input.classList.remove('invalid');
    try {
      return Provenant.instant(input.value, name);
    } catch (error) {
      input.classList.add('invalid');
      throw error;
    }
  }

  /** The view asked for in the toolbar; throws, naming the field, when a time cannot be read. */
  function view() {
    return { direction: directionInput.value, depth: parseInt(depthInput.value, 10),
      from: instant(fromInput, 'from'), to: instant(toInput, 'to'), asOf: instant(asOfInput, 'as of') };
  }

  function toUrl(id, v) {
    var params = new URLSearchParams();
    params.set('id', id);
    params.set('direction', v.direction);
    params.set('depth', String(v.depth));
    ['from', 'to', 'asOf'].forEach(function (name) { if (v[name]) { params.set(name, v[name]); } });
    expanded.forEach(function (group) { params.append('expand', group); });
    return '?' + params.toString();
  }

  /** Puts a link's view in the toolbar; answers the node it names. */
  function fromUrl(search) {
    var params = new URLSearchParams(search);
    if (params.get('direction')) { directionInput.value = params.get('direction') === 'UPSTREAM' ? 'UPSTREAM' : 'DOWNSTREAM'; }
    var depth = params.get('depth');
    if (depth) {
      if (!Array.prototype.some.call(depthInput.options, function (o) { return o.value === depth; })) {
        depthInput.appendChild(new Option(depth, depth));
      }
      depthInput.value = depth;
    }
    fromInput.value = params.get('from') || '';
    toInput.value = params.get('to') || '';
    asOfInput.value = params.get('asOf') || '';
    expanded = params.getAll('expand');
    return params.get('id');
  }

  window.addEventListener('popstate', function () {
    var id = fromUrl(window.location.search);
    if (id) { show(id, { fromHistory: true }); }
  });

  document.getElementById('view').addEventListener('submit', function (event) {
    event.preventDefault();
    if (currentId) { show(currentId, { keepExpanded: true }); }
  });
  directionInput.addEventListener('change', function () { if (currentId) { show(currentId); } });
  depthInput.addEventListener('change', function () { if (currentId) { show(currentId, { keepExpanded: true }); } });

  // ---- One node: its graph (downstream impact or upstream lineage), fields, audit trail, blast radius and plan.

  var NODE_FIELDS = 'id kind name recordedAt quarantined attributes '
    + '... on DataSource { uri owner } ... on ModelVersion { model version } '
    + '... on PromptVersion { prompt version } ... on Approver { role } '
    + '... on Decision { occurredAt subject outcome route confidence reviewState reviewDeadline policyViolation } '
    + '... on Action { occurredAt type target reversible status } ... on Run { state startedAt endedAt } ... on Job { namespace }';

  /**
   * Shows a node; the promise settles once everything is drawn and listed (or said to have failed). Picked by kind
   * (from a search or the queue), a decision or an action opens on where it came from, anything else on what it
   * feeds; a link or the toolbar says which instead.
   */
  function show(id, options) {
    if (!id) { return; }
    options = options || {};
    var v;
    try {
      if (options.kind) { directionInput.value = (options.kind === 'DECISION' || options.kind === 'ACTION') ? 'UPSTREAM' : 'DOWNSTREAM'; }
      if (id !== currentId || !options.keepExpanded) { expanded = options.fromHistory ? expanded : []; }
      v = view();
    } catch (error) {
      status(error.message);
      return;
    }
    var request = ++shown;
    var started = performance.now();
    currentId = id;
    hideHits();
    hideTip();
    nodeInput.value = id;
    var url = toUrl(id, v);
    if (!options.fromHistory && url !== window.location.search) { history.pushState(null, '', url); }
    var answered = document.getElementById('answered');
    answered.textContent = '';
    delete answered.dataset.ms;
    status('Loading ' + id + '…', true);
    var drawn = graph(id, v, request, started);
    // The lists are asked once the graph is drawn, not beside it: on a small machine the two answers would share
    // its cores, and the graph is what the user looks at first.
    var radius = drawn.catch(function () { /* said by Promise.all below */ }).then(function () {
      return request === shown ? impact(id, v, request) : null;
    });
    return Promise.all([drawn, radius]).then(function () {
      if (request !== shown) { return; }
      // How long the user waited, from asking to everything drawn and listed.
      var ms = Math.round(performance.now() - started);
      answered.dataset.ms = String(ms);
      answered.textContent = 'Answered in ' + ms + ' ms' + (v.asOf ? ', as recorded at ' + v.asOf : '') + '.';
    }).catch(function (error) {
      if (request === shown) { status(error.message); }
    });
  }

  /** Asks for the graph of the view and draws it; the graph's own time is kept in data-ms. */
  function graph(id, v, request, started) {
    var asked = v.direction === 'UPSTREAM'
      ? graphql('query($id: ID!, $depth: Int!, $asOf: DateTime) { lineage(id: $id, depth: $depth, asOf: $asOf) {'
        + ' truncated nodes { ' + NODE_FIELDS + ' } edges { from to type approval attestedBy } } }',
        { id: id, depth: v.depth, asOf: v.asOf }).then(function (data) { return lineageElements(id, data.lineage); })
      : graphql('query($id: ID!, $depth: Int!, $from: DateTime, $to: DateTime, $asOf: DateTime, $expand: [ID!]) {'
        + ' impactGraph(id: $id, depth: $depth, from: $from, to: $to, asOf: $asOf, expand: $expand) {'
        + ' decisionCount actionCount nodes { ' + NODE_FIELDS + ' }'
        + ' groups { id kind count expanded modelVersion route reversible status } edges { from to type count } } }',
        { id: id, depth: v.depth, from: v.from, to: v.to, asOf: v.asOf, expand: expanded })
        .then(function (data) { return impactElements(id, data.impactGraph); });
    return asked.then(function (drawing) {
      if (request !== shown) { return; }
      if (!drawing.cut) { status(''); }
      draw(id, drawing);
      var pane = document.getElementById('graph');
      pane.dataset.view = v.direction;
      pane.dataset.ms = String(Math.round(performance.now() - started));
      details(nodesById[id]);
    });
  }

  function nodeElement(node, rootId) {
    nodesById[node.id] = node;
    var marks = [];
    if (node.quarantined) { marks.push('quarantined'); }
    if (node.status === 'ROLLED_BACK') { marks.push('rolledback'); }
    if (node.reversible === false) { marks.push('irreversible'); }
    if (node.id === rootId) { marks.push('root'); }
    var label = (node.name || node.id) + (node.quarantined ? '\n⚠ quarantined' : '')
      + (node.status === 'ROLLED_BACK' ? '\n↶ rolled back' : '');
    return { group: 'nodes', data: { id: node.id, label: label, kind: node.kind, colour: KIND_COLOURS[node.kind] || '#ccc' },
      classes: marks.join(' ') };
  }

  /** Upstream: every node (up to MAX_DRAWN) and edge of the lineage. */
  function lineageElements(rootId, lineage) {
    nodesById = {};
    groupsById = {};
    var kept = lineage.nodes.slice(0, MAX_DRAWN);
    var inGraph = {};
    var elements = kept.map(function (node) { inGraph[node.id] = true; return nodeElement(node, rootId); });
    lineage.edges.forEach(function (edge, index) {
      if (inGraph[edge.from] && inGraph[edge.to]) {
        elements.push(edgeElement('e' + index, edge, edgeLabel(edge), edge.approval === 'ATTESTED' ? 'attested' : ''));
      }
    });
    return { elements: elements, total: lineage.nodes.length, groups: 0, cut: lineage.nodes.length > MAX_DRAWN,
      summary: 'Upstream lineage within ' + depthInput.value + ' hops: ' + lineage.nodes.length + ' nodes'
        + (lineage.truncated ? ' (more lie beyond: raise the depth)' : '') + '.' };
  }

  /** Downstream: nodes one by one, decisions and actions in groups a click opens. */
  function impactElements(rootId, impact) {
    nodesById = {};
    groupsById = {};
    var elements = impact.nodes.map(function (node) { return nodeElement(node, rootId); });
    impact.groups.forEach(function (group) {
      groupsById[group.id] = group;
      var marks = ['group'];
      if (group.status === 'ROLLED_BACK') { marks.push('rolledback'); }
      if (group.reversible === false) { marks.push('irreversible'); }
      elements.push({ group: 'nodes', data: { id: group.id, label: groupLabel(group), kind: group.kind,
        colour: KIND_COLOURS[group.kind] || '#ccc', count: group.count }, classes: marks.join(' ') });
    });
    impact.edges.forEach(function (edge, index) {
      var label = edge.type + (edge.count > 1 ? ' ×' + edge.count : '');
      elements.push(edgeElement('i' + index, edge, label, ''));
    });
    var groups = impact.groups.length;
    return { elements: elements, total: impact.nodes.length + groups, groups: groups, cut: false,
      summary: 'Downstream impact within ' + depthInput.value + ' hops: ' + impact.decisionCount + ' decisions and '
        + impact.actionCount + ' actions' + (groups ? ', drawn in ' + groups + ' groups (click one to open it)' : '') + '.' };
  }

  function groupLabel(group) {
    var many = group.count.toLocaleString('en');
    if (group.kind === 'DECISION') {
      return many + ' decision' + (group.count === 1 ? '' : 's') + (group.expanded ? ' more' : '') + '\n'
        + group.route + '\n' + (group.modelVersion || 'no model version');
    }
    if (group.kind === 'ACTION') {
      // Which decisions they carry out, the edge to their group says (and the hover details).
      return many + ' action' + (group.count === 1 ? '' : 's') + (group.expanded ? ' more' : '') + '\n'
        + (group.reversible ? 'reversible' : 'IRREVERSIBLE') + '\n' + (group.status === 'ROLLED_BACK' ? '↶ rolled back' : 'executed');
    }
    return many + ' more ' + group.kind;
  }

  /** Drawn from what was used towards what used it: left to right, as data flows. */
  function edgeElement(id, edge, label, classes) {
    return { group: 'edges', data: { id: id, source: edge.to, target: edge.from, type: edge.type, label: label,
      approval: edge.approval || '', colour: EDGE_COLOURS[edge.type] || '#999' }, classes: classes };
  }

  function draw(rootId, drawing) {
    // The pane may have changed size since the last drawing (the legend, the window): pointing must hit.
    cy.resize();
    cy.elements().remove();
    cy.add(drawing.elements);
    var layout = window.cytoscapeKlay
      ? { name: 'klay', fit: false, nodeDimensionsIncludeLabels: true, transform: centred,
        klay: { direction: 'RIGHT', spacing: 40, inLayerSpacingFactor: 1.1, edgeSpacingFactor: 0.3 } }
      : { name: 'breadthfirst', fit: false };
    cy.layout(layout).run();
    fitReadably(rootId);
    var pane = document.getElementById('graph');
    pane.dataset.nodes = String(cy.nodes().length);
    pane.dataset.groups = String(drawing.groups);
    pane.dataset.attested = String(cy.edges('.attested').length);
    pane.dataset.verified = String(cy.edges('[approval = "VERIFIED"]').length);
    pane.dataset.total = String(drawing.total);
    pane.dataset.expanded = expanded.join(' ');
    document.getElementById('summary').textContent = drawing.summary;
    if (drawing.cut) {
      status('Showing ' + MAX_DRAWN + ' of ' + drawing.total + ' nodes; lower the depth to see the rest.');
    }
  }

  /**
   * cytoscape-klay hands klay's top-left corners over as centres, which shifts nodes of different sizes (a group and
   * a dot) into each other; this puts each node's centre where klay meant its box to be. Labels are below dots and
   * inside groups, so the box's top is the node's top.
   */
  function centred(node, position) {
    var box = node.layoutDimensions({ nodeDimensionsIncludeLabels: true });
    return { x: position.x + box.w / 2, y: position.y + node.outerHeight() / 2 };
  }

  /**
   * Fits the graph in the pane, but never below the zoom at which labels stay legible: a larger graph then shows
   * from its root onwards, as data flows, to be panned (or fitted whole with the Fit button).
   */
  function fitReadably(rootId) {
    cy.fit(undefined, 30);
    if (cy.zoom() < MIN_READABLE_ZOOM) {
      cy.zoom(MIN_READABLE_ZOOM);
      var root = cy.getElementById(rootId);
      var box = cy.elements().boundingBox();
      var height = cy.height();
      var first = root.empty() ? box.x1 : Math.min(root.boundingBox().x1, box.x1);
      // Vertically: the whole graph when its height fits, else around the root.
      var fits = root.empty() || (box.y2 - box.y1) * MIN_READABLE_ZOOM <= height - 60;
      var y = fits ? (box.y1 + box.y2) / 2 : root.position('y');
      cy.pan({ x: 30 - first * MIN_READABLE_ZOOM, y: height / 2 - y * MIN_READABLE_ZOOM });
    }
    document.getElementById('graph').dataset.zoom = cy.zoom().toFixed(2);
  }

  cy.on('tap', 'node', function (event) {
    var id = event.target.id();
    if (groupsById[id]) {
      // A group opens into its newest members; the rest stay grouped.
      expanded.push(id);
      show(currentId, { keepExpanded: true });
    } else {
      details(nodesById[id]);
    }
  });
  cy.on('dbltap', 'node', function (event) {
    if (!groupsById[event.target.id()]) { show(event.target.id(), { kind: event.target.data('kind') }); }
  });

  // ---- Hover details, fit, PNG export and the legend.

  var tip = document.getElementById('tip');

  cy.on('mouseover', 'node', function (event) {
    var id = event.target.id();
    var group = groupsById[id];
    var node = nodesById[id];
    var lines;
    if (group) {
      lines = [groupLabel(group).replace(/\n/g, ' · '),
        group.kind === 'ACTION' && group.route && 'carrying out ' + group.route + ' decisions of ' + (group.modelVersion || 'no model version'),
        'Click to show its newest members one by one.'];
    } else if (node) {
      lines = [node.kind + ' · ' + node.id, node.name, node.occurredAt && 'occurred ' + node.occurredAt,
        node.outcome && 'outcome ' + node.outcome, node.route && 'route ' + node.route,
        node.reviewState && 'review ' + node.reviewState, node.type && 'action ' + node.type,
        node.reversible === false && 'irreversible', node.status === 'ROLLED_BACK' && 'rolled back',
        node.quarantined && 'QUARANTINED', 'Click for details, double-click to re-centre.'];
    } else {
      return;
    }
    lines = lines.filter(Boolean);
    tip.innerHTML = '<strong>' + escape(lines[0]) + '</strong>' + lines.slice(1).map(function (line) { return escape(line); }).join('<br>');
    var at = event.target.renderedPosition();
    tip.style.left = Math.round(at.x + 18) + 'px';
    tip.style.top = Math.round(at.y + 18) + 'px';
    tip.dataset.node = id;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', hideTip);
  cy.on('pan zoom', hideTip);

  function hideTip() {
    tip.hidden = true;
    delete tip.dataset.node;
  }

  document.getElementById('fit').addEventListener('click', function () {
    cy.fit(undefined, 30);
    document.getElementById('graph').dataset.zoom = cy.zoom().toFixed(2);
  });

  document.getElementById('export-png').addEventListener('click', function () {
    if (!cy.nodes().length) { status('Nothing drawn yet to export.'); return; }
    var link = document.getElementById('png-link');
    // The whole graph at twice the screen's resolution, on white; a data URL, which the page's policy allows.
    link.href = cy.png({ output: 'base64uri', full: true, scale: 2, bg: '#ffffff' });
    link.download = 'provenant-' + (currentId || 'graph').replace(/[^A-Za-z0-9_.-]/g, '_') + '-'
      + directionInput.value.toLowerCase() + '.png';
    link.click();
  });

  function legend() {
    var kinds = Object.keys(KIND_COLOURS).map(function (kind) {
      return '<span class="item"><span class="swatch" data-kind="' + kind + '"></span>' + kind.toLowerCase().replace('_', ' ') + '</span>';
    });
    var families = EDGE_FAMILIES.map(function (family) {
      return '<span class="item" title="' + family.types.join(', ') + '"><span class="line" data-colour="' + family.colour + '"></span>'
        + escape(family.name) + '</span>';
    });
    var marks = ['<span class="item"><span class="line dashed" data-colour="#c77700"></span>attested approval</span>',
      '<span class="item"><span class="ring"></span>quarantined</span>',
      '<span class="item"><span class="ring rolledback"></span>rolled back</span>',
      '<span class="item"><span class="octagon"></span>irreversible action</span>',
      '<span class="item"><span class="box"></span>group: click to open</span>'];
    var box = document.getElementById('legend');
    box.innerHTML = kinds.concat(families, marks).join('');
    // Coloured through the DOM: the Content-Security-Policy refuses style attributes in markup.
    box.querySelectorAll('.swatch').forEach(function (swatch) { swatch.style.background = KIND_COLOURS[swatch.dataset.kind]; });
    box.querySelectorAll('.line').forEach(function (line) { line.style.borderTopColor = line.dataset.colour; });
  }
  legend();
  cy.resize();

  // ---- Fields and audit trail of the node picked.

  function details(node) {
    var box = document.getElementById('details');
    if (!node) { box.innerHTML = ''; return; }
    var html = '<h2>' + escape(node.name || node.id) + (node.quarantined ? ' <span class="quarantined">quarantined</span>' : '')
      + (node.status === 'ROLLED_BACK' ? ' <span class="quarantined">rolled back</span>' : '') + '</h2><dl>';
    Object.keys(node).forEach(function (field) {
      var value = node[field];
      if (value !== null && value !== undefined && field !== 'name') {
        html += '<dt>' + escape(field) + '</dt><dd>' + escape(typeof value === 'object' ? JSON.stringify(value) : String(value)) + '</dd>';
      }
    });
    html += '</dl>' + (node.id === currentId ? '' : '<button type="button" id="recentre">Re-centre on it</button>');
    box.innerHTML = html;
    box.dataset.node = node.id;
    offerQuarantine(node, box);
    var recentre = document.getElementById('recentre');
    if (recentre) { recentre.addEventListener('click', function () { show(node.id, { kind: node.kind }); }); }
    auditTrail(node.id);
    agentRun(node);
  }

  var runAsked = 0;

  /**
   * For a decision recorded from an OpenTelemetry trace: the agent run it was made in and the spans it was made of,
   * step by step (model calls, retrievals, database reads, tool calls and the actions they recorded).
   */
  function agentRun(node) {
    var request = ++runAsked;
    var section = document.getElementById('agent-run');
    section.hidden = true;
    delete section.dataset.node;
    if (node.kind !== 'DECISION') { return; }
    graphql('query($id: ID!) { node(id: $id) { ... on Decision { run { id name job { id name } }'
      + ' trace { name operation model tool dataSource action startedAt endedAt status inputTokens outputTokens } } } }',
      { id: node.id })
      .then(function (data) {
        if (request !== runAsked || !data.node || !data.node.trace.length) { return; }
        var run = data.node.run;
        var steps = data.node.trace;
        var calls = steps.filter(function (step) { return step.model; }).length;
        var reads = unique(steps.map(function (step) { return step.dataSource; }));
        var actions = unique(steps.map(function (step) { return step.action; }));
        document.getElementById('agent-run-summary').innerHTML = (run
          ? 'Made in the run of <button type="button" class="link" data-id="' + escape(run.id) + '">'
            + escape(run.name || run.id) + '</button>' + (run.job ? ' (agent ' + escape(run.job.name || run.job.id) + ')' : '')
          : 'Recorded from an OpenTelemetry trace')
          + ': ' + calls + ' model call' + (calls === 1 ? '' : 's') + ', '
          + reads.length + ' read' + (reads.length === 1 ? '' : 's') + ', ' + actions.length + ' action'
          + (actions.length === 1 ? '' : 's') + '.';
        document.getElementById('agent-steps').innerHTML = steps.map(function (step) {
          var what = step.model || step.dataSource || step.tool || '';
          var tokens = (step.inputTokens != null || step.outputTokens != null)
            ? ' (' + (step.inputTokens || 0) + ' in, ' + (step.outputTokens || 0) + ' out)' : '';
          var took = Math.max(0, Date.parse(step.endedAt) - Date.parse(step.startedAt));
          return '<tr' + (step.status === 'ERROR' ? ' class="overdue"' : '') + '><td>' + escape(step.name) + '</td><td>'
            + escape(step.operation || '') + '</td><td>' + escape(what + tokens) + '</td><td>'
            + (step.action ? '<button type="button" class="link" data-id="' + escape(step.action) + '">' + escape(step.action) + '</button>' : '')
            + '</td><td>' + took + ' ms</td></tr>';
        }).join('');
        section.querySelectorAll('button.link').forEach(function (button) {
          button.addEventListener('click', function () { show(button.dataset.id); });
        });
        section.dataset.node = node.id;
        section.hidden = false;
      })
      .catch(function (error) {
        if (request === runAsked) { status('The agent run could not be read: ' + error.message); }
      });
  }

  function unique(values) {
    return values.filter(function (value, i) { return value && values.indexOf(value) === i; });
  }

  var auditAsked = 0;

  /**
   * The writes that touched the node, newest first, and the log's hash chain recomputed over them: the badge
   * says whether those events are still those written. Both need the auditor role; a reader is told so.
   */
  function auditTrail(id) {
    var request = ++auditAsked;
    var section = document.getElementById('audit');
    var badge = document.getElementById('audit-badge');
    section.hidden = false;
    section.classList.remove('refused');
    section.dataset.node = id;
    delete section.dataset.state;
    badge.className = 'badge';
    badge.textContent = 'checking…';
    document.getElementById('audit-note').textContent = '';
    graphql('query($id: ID!, $first: Int) { auditTrail(id: $id, first: $first) { totalCount edges { node {'
      + ' sequence at actor operation reason note } } } }', { id: id, first: AUDIT_PAGE })
      .then(function (data) {
        if (request !== auditAsked) { return null; }
        var trail = data.auditTrail;
        var events = trail.edges.map(function (edge) { return edge.node; });
        document.getElementById('audit-events').innerHTML = events.map(function (event) {
          return '<tr><td>' + event.sequence + '</td><td>' + escape(event.at) + '</td><td>' + escape(event.actor)
            + '</td><td>' + escape(event.operation) + '</td><td>' + escape([event.reason, event.note].filter(Boolean).join(' · ')) + '</td></tr>';
        }).join('') || '<tr><td colspan="5" class="hint">No write touched it.</td></tr>';
        section.dataset.events = String(trail.totalCount);
        document.getElementById('audit-note').textContent = trail.totalCount > events.length
          ? 'showing the newest ' + events.length + ' of ' + trail.totalCount : '';
        if (!events.length) { badge.textContent = ''; return null; }
        var sequences = events.map(function (event) { return event.sequence; });
        return verify({ fromSequence: Math.min.apply(null, sequences), toSequence: Math.max.apply(null, sequences) }, request);
      })
      .catch(function (error) {
        if (request !== auditAsked) { return; }
        section.dataset.state = 'refused';
        section.classList.add('refused');
        badge.textContent = '';
        document.getElementById('audit-events').innerHTML = '';
        document.getElementById('audit-note').textContent = 'The audit trail needs the auditor role: ' + error.message;
      });
  }

  /** Recomputes the chain (within bounds, or the whole log and store without) and says the result on the badge. */
  function verify(bounds, request) {
    var badge = document.getElementById('audit-badge');
    var section = document.getElementById('audit');
    return graphql('query($from: Int, $to: Int) { verifyAuditLog(fromSequence: $from, toSequence: $to) {'
      + ' ok checked firstBrokenSequence problem outOfStep storeChecked } }', { from: bounds.fromSequence, to: bounds.toSequence })
      .then(function (data) {
        if (request !== auditAsked) { return; }
        var result = data.verifyAuditLog;
        var what = result.storeChecked ? 'the whole log and store' : 'events ' + bounds.fromSequence + '–' + bounds.toSequence;
        section.dataset.state = result.ok ? 'verified' : 'broken';
        badge.className = 'badge ' + (result.ok ? 'ok' : 'broken');
        badge.textContent = result.ok ? '✓ verified: ' + what + ' (' + result.checked + ' events)'
          : '✗ broken at #' + result.firstBrokenSequence + (result.outOfStep ? ' (' + result.outOfStep + ')' : '') + ': ' + result.problem;
      });
  }

  document.getElementById('verify-all').addEventListener('click', function () {
    var badge = document.getElementById('audit-badge');
    badge.className = 'badge';
    badge.textContent = 'verifying the whole log…';
    verify({}, auditAsked).catch(function (error) {
      badge.textContent = '';
      status(error.message);
    });
  });

  // ---- Blast radius and rollback plan, in the window and as of the instant asked.

  // Counts are exact however large the blast radius; only the first LIST_LIMIT items of each list are fetched.
  function impact(id, v, request) {
    return graphql('query($id: ID!, $first: Int!, $from: DateTime, $to: DateTime, $asOf: DateTime) {'
      + ' blastRadius(id: $id, from: $from, to: $to, asOf: $asOf) { decisionCount actionCount affected { kind count }'
      + ' decisions(first: $first) { edges { node { id occurredAt outcome } } }'
      + ' actions(first: $first) { edges { node { id occurredAt type status } } } }'
      + ' rollbackScope(id: $id, from: $from, to: $to, asOf: $asOf) { stepCount actionIds(first: $first) { ids } } }',
    { id: id, first: LIST_LIMIT, from: v.from, to: v.to, asOf: v.asOf })
      .then(function (data) {
        if (request !== shown) { return; }
        var radius = data.blastRadius;
        var section = document.getElementById('impact');
        section.hidden = false;
        section.dataset.decisions = String(radius.decisionCount);
        section.dataset.actions = String(radius.actionCount);
        var downstream = radius.affected.reduce(function (sum, k) { return sum + k.count; }, 0);
        section.dataset.downstream = String(downstream);
        document.getElementById('impact-window').textContent = (v.from || v.to)
          ? 'decisions from ' + (v.from || 'the start') + ' to ' + (v.to || 'now') : '';
        document.getElementById('impact-counts').textContent = radius.decisionCount + ' decisions, ' + radius.actionCount
          + ' actions' + (radius.affected.length ? '; everything downstream (' + downstream + ' nodes): '
          + radius.affected.map(function (k) { return k.count + ' ' + k.kind; }).join(', ') : '');
        list('impact-decisions', radius.decisions.edges.map(function (e) { return e.node.id + ' · ' + e.node.occurredAt + ' · ' + e.node.outcome; }), radius.decisionCount);
        list('impact-actions', radius.actions.edges.map(function (e) { return e.node.id + ' · ' + e.node.type + ' · ' + e.node.status; }), radius.actionCount);
        var plan = data.rollbackScope;
        document.getElementById('rollback-count').textContent = plan.stepCount + ' actions to revert, in this order:';
        list('rollback-steps', plan.actionIds.ids, plan.stepCount);
        offerMarks(plan.actionIds.ids, !!v.asOf);
      });
  }

  /** Lists items, saying (in words and in data-shown/data-total) when they are only the first of more. */
  function list(elementId, items, total) {
    var html = items.map(function (item) { return '<li>' + escape(item) + '</li>'; }).join('');
    if (total > items.length) { html += '<li class="hint">… and ' + (total - items.length) + ' more</li>'; }
    var element = document.getElementById(elementId);
    element.innerHTML = html;
    element.dataset.shown = String(items.length);
    element.dataset.total = String(total);
    var summary = document.getElementById(elementId + '-shown');
    if (summary) { summary.textContent = total > items.length ? 'showing ' + items.length + ' of ' + total : ''; }
  }

  function everyActionId(id, v, after, ids) {
    return graphql('query($id: ID!, $first: Int!, $after: String, $from: DateTime, $to: DateTime, $asOf: DateTime) {'
      + ' rollbackScope(id: $id, from: $from, to: $to, asOf: $asOf) {'
      + ' actionIds(first: $first, after: $after) { ids hasNextPage endCursor } } }',
    { id: id, first: CSV_PAGE, after: after, from: v.from, to: v.to, asOf: v.asOf })
      .then(function (data) {
        var page = data.rollbackScope.actionIds;
        var all = ids.concat(page.ids);
        return page.hasNextPage ? everyActionId(id, v, page.endCursor, all) : all;
      });
  }

  document.getElementById('rollback-csv').addEventListener('click', function () {
    var id = currentId;
    var v;
    try { v = view(); } catch (error) { status(error.message); return; }
    everyActionId(id, v, null, []).then(function (plan) {
      var csv = 'position,actionId\n' + plan.map(function (action, index) { return (index + 1) + ',"' + action.replace(/"/g, '""') + '"'; }).join('\n') + '\n';
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = 'rollback-plan-' + id.replace(/[^A-Za-z0-9_.-]/g, '_') + '.csv';
      link.click();
    }).catch(function (error) { status(error.message); });
  });

  // ---- Acting, by role: operators quarantine or release after a preview, and mark a plan's actions rolled back.

  var roles = [];

  /** Asks who the key stands for; only the actions its roles allow are offered (the service refuses the rest). */
  function loadViewer() {
    if (!keyInput.value) {
      roles = [];
      viewerKnown = Promise.resolve();
    } else {
      viewerKnown = graphql('{ viewer { principal roles } }').then(function (data) {
        roles = data.viewer.roles;
        document.body.dataset.roles = roles.join(' ');
      }).catch(function () { roles = []; });
    }
    return viewerKnown;
  }

  function may(role) { return roles.indexOf(role) >= 0; }

  var QUARANTINABLE = ['DATA_SOURCE', 'FEATURE', 'MODEL_VERSION', 'PROMPT_VERSION', 'POLICY'];

  /** The quarantine or release button under a node's fields, for operators looking at the present. */
  function offerQuarantine(node, box) {
    if (!may('OPERATOR') || QUARANTINABLE.indexOf(node.kind) < 0 || asOfInput.value.trim()) { return; }
    var verb = node.quarantined ? 'Release' : 'Quarantine';
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'quarantine-open';
    button.textContent = verb + '…';
    box.appendChild(button);
    button.addEventListener('click', function () {
      button.disabled = true;
      graphql('query($id: ID!) { quarantinePreview(id: $id) { decisionCount actionCount pendingReviews } }', { id: node.id })
        .then(function (data) { confirmQuarantine(node, verb, data.quarantinePreview, box); })
        .catch(function (error) { status(error.message); })
        .then(function () { button.disabled = false; });
    });
  }

  function confirmQuarantine(node, verb, preview, box) {
    var old = document.getElementById('quarantine-form');
    if (old) { old.remove(); }
    var form = document.createElement('form');
    form.id = 'quarantine-form';
    form.innerHTML = '<p id="quarantine-preview">' + escape(verb === 'Quarantine' ? 'Quarantining ' : 'Releasing ') + escape(node.id)
      + ' concerns ' + preview.decisionCount + ' decisions downstream (' + preview.pendingReviews + ' pending review) and '
      + preview.actionCount + ' actions.' + (verb === 'Quarantine' ? ' Decisions recorded from now on that use it go to review.' : '')
      + '</p><input id="quarantine-reason" size="36" placeholder="reason (required)" autocomplete="off"> '
      + '<button type="submit" id="quarantine-confirm">' + verb + '</button> <button type="button" id="quarantine-cancel">Cancel</button>';
    box.appendChild(form);
    document.getElementById('quarantine-reason').focus();
    document.getElementById('quarantine-cancel').addEventListener('click', function () { form.remove(); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var reason = document.getElementById('quarantine-reason').value.trim();
      if (!reason) { status('Say why: a ' + verb.toLowerCase() + ' needs a reason.'); return; }
      var mutation = verb === 'Quarantine' ? 'quarantine' : 'release';
      graphql('mutation($id: ID!, $reason: String!) { ' + mutation + '(id: $id, reason: $reason) { node { id quarantined } } }',
        { id: node.id, reason: reason })
        .then(function (data) {
          var done = node.id + (data[mutation].node.quarantined ? ' is quarantined.' : ' is released.');
          status(done, true);
          // Drawn again with the mark; said again once drawn, as loading clears the status line.
          return Promise.resolve(show(currentId, { keepExpanded: true })).then(function () {
            if (!document.getElementById('status').textContent) { status(done, true); }
          });
        })
        .catch(function (error) { status(error.message); });
    });
  }

  var marked = 0;

  /** For operators: a button on each listed step of the plan, and the marks' progress. */
  function offerMarks(ids, past) {
    var form = document.getElementById('rollback-marking');
    marked = 0;
    form.hidden = !may('OPERATOR') || past || !ids.length;
    document.getElementById('rollback-progress').textContent = '';
    if (form.hidden) { return; }
    document.querySelectorAll('#rollback-steps li').forEach(function (item, index) {
      if (index >= ids.length) { return; }
      item.dataset.action = ids[index];
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'mark';
      button.textContent = 'Mark rolled back';
      item.appendChild(document.createTextNode(' '));
      item.appendChild(button);
    });
  }

  document.getElementById('rollback-steps').addEventListener('click', function (event) {
    var button = event.target.closest('button.mark');
    if (!button) { return; }
    var item = button.closest('li');
    var reason = document.getElementById('rollback-reason').value.trim();
    if (!reason) {
      status('Say why: marking an action rolled back needs a reason.');
      document.getElementById('rollback-reason').focus();
      return;
    }
    button.disabled = true;
    graphql('mutation($actionId: ID!, $reason: String!) { markRolledBack(actionId: $actionId, reason: $reason) { id status } }',
      { actionId: item.dataset.action, reason: reason })
      .then(function (data) {
        marked += 1;
        button.replaceWith(document.createTextNode('✓ rolled back'));
        item.classList.add('done');
        var total = document.getElementById('rollback-steps').dataset.total;
        document.getElementById('rollback-progress').textContent = marked + ' of ' + total + ' marked rolled back';
        status(data.markRolledBack.id + ' is ' + data.markRolledBack.status + '.', true);
      })
      .catch(function (error) {
        button.disabled = false;
        status(error.message);
      });
  });

  // ---- The review queue: earliest deadline first, overdue items highlighted; reviewers approve or reject.

  var reviewItems = document.getElementById('review-items');
  var verdictForm = document.getElementById('verdict');
  var rationale = document.getElementById('rationale');
  var pendingTotal = 0;
  var verdict = null;
  // An event came while a verdict was being written: the queue is read again when it closes.
  var stale = false;

  var reviewsAsked = 0;

  function loadReviews() {
    if (!keyInput.value) { return; }
    var request = ++reviewsAsked;
    var role = document.getElementById('review-role').value.trim();
    // Listed once the key's roles are known: they decide whether verdicts are offered.
    viewerKnown.then(function () {
      return graphql('query($role: String, $overdueOnly: Boolean, $first: Int) { reviewQueue(role: $role, overdueOnly: $overdueOnly, first: $first) {'
      + ' totalCount edges { node { deadline overdue requiredRoles reasons { code detail } decision { id name subject outcome } } } } }',
      { role: role || null, overdueOnly: document.getElementById('review-overdue').checked, first: REVIEW_PAGE });
    })
      .then(function (data) {
        if (request !== reviewsAsked) { return; }
        listReviews(data.reviewQueue);
        // Which queue is listed: the role it was asked for.
        document.getElementById('reviews').dataset.role = role;
      })
      .catch(function (error) { status(error.message); });
  }

  function listReviews(queue) {
    closeVerdict();
    pendingTotal = queue.totalCount;
    reviewItems.innerHTML = queue.edges.map(function (edge) {
      var item = edge.node;
      var decision = item.decision;
      return '<tr class="review' + (item.overdue ? ' overdue' : '') + '" data-decision="' + escape(decision.id) + '" title="Show its lineage">'
        + '<td>' + escape(item.deadline) + (item.overdue ? ' <strong class="overdue-flag">overdue</strong>' : '') + '</td>'
        + '<td><span class="decision-name">' + escape(decision.name || decision.subject || decision.id) + '</span><br>'
        + '<small>' + escape(decision.id) + ' · ' + escape(decision.outcome) + '</small></td>'
        + '<td>' + item.reasons.map(function (reason) { return '<span title="' + escape(reason.detail) + '">' + escape(reason.code) + '</span>'; }).join(', ') + '</td>'
        + '<td>' + escape(item.requiredRoles.length ? item.requiredRoles.join(', ') : 'any') + '</td>'
        + '<td class="verdicts">' + (may('REVIEWER') ? '<button type="button" class="approve" data-verdict="APPROVE">Approve</button>'
        + ' <button type="button" class="reject" data-verdict="REJECT">Reject</button>' : '') + '</td></tr>';
    }).join('') || '<tr><td colspan="5" class="hint">Nothing waits for review.</td></tr>';
    countReviews();
  }

  function countReviews() {
    var listed = reviewItems.querySelectorAll('tr.review').length;
    document.getElementById('review-count').textContent = pendingTotal + ' pending'
      + (pendingTotal > listed ? ', showing ' + listed : '');
  }

  reviewItems.addEventListener('click', function (event) {
    var row = event.target.closest('tr.review');
    if (!row) { return; }
    var button = event.target.closest('button[data-verdict]');
    if (button) { openVerdict(row, button.dataset.verdict); } else { show(row.dataset.decision, { kind: 'DECISION' }); }
  });

  function openVerdict(row, kind) {
    closeVerdict();
    verdict = { row: row, decisionId: row.dataset.decision, kind: kind };
    row.classList.add('selected');
    document.getElementById('verdict-what').textContent = (kind === 'APPROVE' ? 'Approve ' : 'Reject ') + verdict.decisionId + ':';
    document.getElementById('verdict-submit').textContent = kind === 'APPROVE' ? 'Approve' : 'Reject';
    verdictForm.dataset.verdict = kind;
    verdictForm.hidden = false;
    rationale.value = '';
    rationale.focus();
  }

  function closeVerdict() {
    if (verdict) { verdict.row.classList.remove('selected'); }
    verdict = null;
    verdictForm.hidden = true;
    if (stale) {
      stale = false;
      setTimeout(loadReviews, 0);
    }
  }

  document.getElementById('verdict-cancel').addEventListener('click', closeVerdict);

  verdictForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!verdict) { return; }
    var why = rationale.value.trim();
    if (!why) {
      status('Say why: a verdict needs a rationale.');
      rationale.focus();
      return;
    }
    var submitted = verdict;
    var submit = document.getElementById('verdict-submit');
    submit.disabled = true;
    graphql('mutation($decisionId: ID!, $verdict: Verdict!, $rationale: String!) {'
      + ' review(decisionId: $decisionId, verdict: $verdict, rationale: $rationale) { id reviewState } }',
      { decisionId: submitted.decisionId, verdict: submitted.kind, rationale: why })
      .then(function (data) {
        closeVerdict();
        submitted.row.remove();
        pendingTotal -= 1;
        countReviews();
        status(data.review.id + ' is ' + data.review.reviewState + '.', true);
        if (currentId === submitted.decisionId && nodesById[currentId]) {
          nodesById[currentId].reviewState = data.review.reviewState;
          details(nodesById[currentId]);
        }
      })
      .catch(function (error) { status(error.message); })
      .then(function () { submit.disabled = false; });
  });

  document.getElementById('review-filter').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('provenant-key', keyInput.value);
    loadReviews();
  });


  // The queue follows escalations, verdicts and overdue reviews as they commit (a GraphQL subscription over
  // graphql-transport-ws), instead of being polled. A verdict being written is not disturbed: the queue is
  // read again once it is sent or cancelled.
  var live = null;
  var refreshing = null;

  function follow() {
    if (live) { live.close(1000); live = null; }
    if (!keyInput.value) { return; }
    var socket = new WebSocket(window.location.origin.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    var key = keyInput.value;
    live = socket;
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { 'X-API-Key': key } }));
    };
    socket.onmessage = function (message) {
      var msg = JSON.parse(message.data);
      if (msg.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'queue', type: 'subscribe', payload: {
          query: 'subscription { governanceEvents(types: [ESCALATION, REVIEW_OVERDUE, REVIEWED]) { id } }' } }));
        document.getElementById('reviews').dataset.live = 'true';
      } else if (msg.type === 'next') {
        clearTimeout(refreshing);
        refreshing = setTimeout(function () {
          if (verdict) { stale = true; } else { loadReviews(); }
        }, 300);
      } else if (msg.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    };
    socket.onclose = function (event) {
      document.getElementById('reviews').dataset.live = 'false';
      // A dropped connection (a restart, a proxy) is opened again; a refused key is not.
      if (live === socket && event.code !== 1000 && event.code !== 4401 && event.code !== 4403) {
        setTimeout(function () { if (live === socket) { follow(); } }, 5000);
      }
    };
  }
  keyInput.addEventListener('change', follow);

  loadViewer();
  loadReviews();
  follow();
  // A link restores the view it was taken from: node, direction, depth, window, as of and opened groups.
  var linked = fromUrl(window.location.search);
  if (linked) { viewerKnown.then(function () { show(linked, { fromHistory: true }); }); }
})();
