// Provenant's lineage explorer: find a node by id or name, see its upstream lineage as a left-to-right graph, its
// fields, its blast radius and rollback plan; work through the review queue. It talks to /graphql with the API key
// typed in the header (kept for this browser tab only).
(function () {
  'use strict';

  var KIND_COLOURS = {
    DATA_SOURCE: '#2a9d8f', FEATURE: '#8ab17d', MODEL_VERSION: '#e9c46a', PROMPT_VERSION: '#f4a261',
    POLICY: '#6d597a', APPROVER: '#b56576', DECISION: '#1d3557', ACTION: '#457b9d', JOB: '#999999', RUN: '#bbbbbb'
  };
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
  keyInput.value = sessionStorage.getItem('provenant-key') || '';
  keyInput.addEventListener('change', function () {
    sessionStorage.setItem('provenant-key', keyInput.value);
    loadReviews();
  });

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
        'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 7, 'color': '#888' } },
      // An approval sent with the decision by its writer, not given through review by the approver.
      { selector: 'edge.attested', style: { 'line-style': 'dashed', 'line-color': '#c77700', 'target-arrow-color': '#c77700' } }
    ]
  });
  var nodesById = {};
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

  /** Says what went wrong (or, with ok, what was done) in the status line. */
  function status(text, ok) {
    var line = document.getElementById('status');
    line.textContent = text || '';
    line.classList.toggle('ok', !!ok);
  }

  function graphql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': keyInput.value },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) {
      return response.json().catch(function () { throw new Error('The service answered HTTP ' + response.status); });
    }).then(function (body) {
      if (body.errors && body.errors.length) {
        throw new Error(body.errors.map(function (e) {
          var kind = e.extensions && e.extensions.classification;
          return (kind ? kind + ': ' : '') + e.message;
        }).join('; '));
      }
      return body.data;
    });
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
      return '<li role="option"><button type="button" data-id="' + escape(node.id) + '">'
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
    if (button) { show(button.dataset.id); }
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
    search(text).then(function (hits) {
      if (!hits) { return; }
      if (hits.length && hits[0].match === 'ID') {
        show(hits[0].node.id);
      } else {
        offer(hits, text);
        if (hits.length) { status(hits.length + (hits.length === SEARCH_HITS ? '+' : '') + ' nodes match: pick one.', true); }
      }
    }).catch(function (error) { status(error.message); });
  });

  // ---- Lineage, fields, blast radius and rollback plan of one node.

  var NODE_FIELDS = 'id kind name recordedAt quarantined attributes '
    + '... on DataSource { uri owner } ... on ModelVersion { model version } '
    + '... on PromptVersion { prompt version } ... on Approver { role } '
    + '... on Decision { occurredAt subject outcome route confidence reviewState reviewDeadline policyViolation } '
    + '... on Action { occurredAt type target status } ... on Run { state startedAt endedAt } ... on Job { namespace }';

  function show(id) {
    if (!id) { return; }
    var request = ++shown;
    var started = performance.now();
    currentId = id;
    hideHits();
    nodeInput.value = id;
    var answered = document.getElementById('answered');
    answered.textContent = '';
    delete answered.dataset.ms;
    status('Loading ' + id + '…', true);
    var depth = parseInt(document.getElementById('depth').value, 10);
    var lineage = graphql('query($id: ID!, $depth: Int!) { lineage(id: $id, depth: $depth) { truncated nodes { '
      + NODE_FIELDS + ' } edges { from to type approval attestedBy } } }', { id: id, depth: depth })
      .then(function (data) {
        if (request !== shown) { return; }
        status('');
        draw(id, data.lineage);
        details(nodesById[id]);
      });
    var radius = impact(id, request);
    Promise.all([lineage, radius]).then(function () {
      if (request !== shown) { return; }
      // How long the user waited, from asking to everything drawn and listed.
      var ms = Math.round(performance.now() - started);
      answered.dataset.ms = String(ms);
      answered.textContent = 'Answered in ' + ms + ' ms.';
    }).catch(function (error) {
      if (request === shown) { status(error.message); }
    });
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
        elements.push({ group: 'edges', data: { id: 'e' + index, source: edge.to, target: edge.from, type: edge.type,
          label: edgeLabel(edge), approval: edge.approval || '' }, classes: edge.approval === 'ATTESTED' ? 'attested' : '' });
      }
    });
    cy.elements().remove();
    cy.add(elements);
    var layout = window.cytoscapeKlay ? { name: 'klay', klay: { direction: 'RIGHT', spacing: 90, inLayerSpacingFactor: 1.2 } } : { name: 'breadthfirst' };
    cy.layout(layout).run();
    var graph = document.getElementById('graph');
    graph.dataset.nodes = String(drawn.length);
    graph.dataset.attested = String(cy.edges('.attested').length);
    graph.dataset.verified = String(cy.edges('[approval = "VERIFIED"]').length);
    graph.dataset.total = String(lineage.nodes.length);
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

  // Counts are exact however large the blast radius; only the first LIST_LIMIT items of each list are fetched.
  function impact(id, request) {
    return graphql('query($id: ID!, $first: Int!) { blastRadius(id: $id) { decisionCount actionCount affected { kind count }'
      + ' decisions(first: $first) { edges { node { id occurredAt outcome } } }'
      + ' actions(first: $first) { edges { node { id occurredAt type status } } } }'
      + ' rollbackScope(id: $id) { stepCount actionIds(first: $first) { ids } } }', { id: id, first: LIST_LIMIT })
      .then(function (data) {
        if (request !== shown) { return; }
        var radius = data.blastRadius;
        var section = document.getElementById('impact');
        section.hidden = false;
        section.dataset.decisions = String(radius.decisionCount);
        section.dataset.actions = String(radius.actionCount);
        var downstream = radius.affected.reduce(function (sum, k) { return sum + k.count; }, 0);
        section.dataset.downstream = String(downstream);
        document.getElementById('impact-counts').textContent = radius.decisionCount + ' decisions, ' + radius.actionCount
          + ' actions' + (radius.affected.length ? '; everything downstream (' + downstream + ' nodes): '
          + radius.affected.map(function (k) { return k.count + ' ' + k.kind; }).join(', ') : '');
        list('impact-decisions', radius.decisions.edges.map(function (e) { return e.node.id + ' · ' + e.node.occurredAt + ' · ' + e.node.outcome; }), radius.decisionCount);
        list('impact-actions', radius.actions.edges.map(function (e) { return e.node.id + ' · ' + e.node.type + ' · ' + e.node.status; }), radius.actionCount);
        var plan = data.rollbackScope;
        document.getElementById('rollback-count').textContent = plan.stepCount + ' actions to revert, in this order:';
        list('rollback-steps', plan.actionIds.ids, plan.stepCount);
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

  function everyActionId(id, after, ids) {
    return graphql('query($id: ID!, $first: Int!, $after: String) { rollbackScope(id: $id) {'
      + ' actionIds(first: $first, after: $after) { ids hasNextPage endCursor } } }', { id: id, first: CSV_PAGE, after: after })
      .then(function (data) {
        var page = data.rollbackScope.actionIds;
        var all = ids.concat(page.ids);
        return page.hasNextPage ? everyActionId(id, page.endCursor, all) : all;
      });
  }

  document.getElementById('rollback-csv').addEventListener('click', function () {
    var id = currentId;
    everyActionId(id, null, []).then(function (plan) {
      var csv = 'position,actionId\n' + plan.map(function (action, index) { return (index + 1) + ',"' + action.replace(/"/g, '""') + '"'; }).join('\n') + '\n';
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = 'rollback-plan-' + id.replace(/[^A-Za-z0-9_.-]/g, '_') + '.csv';
      link.click();
    }).catch(function (error) { status(error.message); });
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
    graphql('query($role: String, $overdueOnly: Boolean, $first: Int) { reviewQueue(role: $role, overdueOnly: $overdueOnly, first: $first) {'
      + ' totalCount edges { node { deadline overdue requiredRoles reasons { code detail } decision { id name subject outcome } } } } }',
      { role: role || null, overdueOnly: document.getElementById('review-overdue').checked, first: REVIEW_PAGE })
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
        + '<td class="verdicts"><button type="button" class="approve" data-verdict="APPROVE">Approve</button>'
        + ' <button type="button" class="reject" data-verdict="REJECT">Reject</button></td></tr>';
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
    if (button) { openVerdict(row, button.dataset.verdict); } else { show(row.dataset.decision); }
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

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

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

  loadReviews();
  follow();
  var fromUrl = new URLSearchParams(window.location.search).get('id');
  if (fromUrl) { show(fromUrl); }
})();
