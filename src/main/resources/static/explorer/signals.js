// Provenant's signals page: decisionStats per model version (or prompt version, or policy) over time — decisions,
// human-review share, overdue reviews, violations, confidence p10/p50/p90 — and drift between two windows. Charts by
// ECharts, served from the jar; the window and grouping are kept in the URL.
(function () {
  'use strict';

  var DAY_MS = 24 * 3600 * 1000;
  // ECharts' own default colours, named so that one group keeps its colour across a chart's series.
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  var keyInput = document.getElementById('api-key');
  keyInput.value = sessionStorage.getItem('provenant-key') || '';
  keyInput.addEventListener('change', function () { sessionStorage.setItem('provenant-key', keyInput.value); });

  var fields = { from: document.getElementById('from'), to: document.getElementById('to'),
    bucket: document.getElementById('bucket'), groupBy: document.getElementById('group-by') };
  var charts = {};
  ['decisions', 'review', 'trouble', 'confidence'].forEach(function (name) {
    // Drawn on canvas, tooltips included: HTML tooltips would carry inline styles the page's policy refuses.
    charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'canvas' });
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (name) { charts[name].resize(); }); });
  // For tests and the browser console.
  window.provenantSignals = { charts: charts };


  function graphql(query, variables) {
    return Provenant.graphql(keyInput.value, query, variables);
  }

  /** A time typed in the page, or the fallback when blank; throws naming the field. */
  function instant(input, name, fallback) {
    return Provenant.instant(input.value, name) || fallback;
  }

  var escape = Provenant.escape;
  var status = Provenant.status;

  // ---- Decision statistics.

  function show() {
    var asked;
    try {
      var to = instant(fields.to, 'to', new Date().toISOString());
      asked = { from: instant(fields.from, 'from', new Date(Date.parse(to) - 30 * DAY_MS).toISOString()), to: to,
        bucket: fields.bucket.value, groupBy: fields.groupBy.value || null };
    } catch (error) {
      status(error.message);
      return;
    }
    var params = new URLSearchParams();
    ['from', 'to', 'bucket'].forEach(function (name) { params.set(name, asked[name]); });
    params.set('groupBy', asked.groupBy || '');
    history.replaceState(null, '', '?' + params.toString());
    status('Loading…', true);
    graphql('query($from: DateTime!, $to: DateTime!, $bucket: Bucket!, $groupBy: StatsGroup) {'
      + ' decisionStats(from: $from, to: $to, bucket: $bucket, groupBy: $groupBy) { bucketStart group decisions'
      + ' humanReviewShare approved rejected overdueReviews violations rolledBackActions confidence { p10 p50 p90 } } }', asked)
      .then(function (data) {
        var rows = data.decisionStats;
        plot(rows, asked.bucket);
        table(rows);
        status(rows.length ? '' : 'No decision occurred in this window.', true);
      })
      .catch(function (error) { status(error.message); });
  }

  /** One series per group, over every bucket that has a row; a bucket without the group's decisions is a gap. */
  function plot(rows, bucket) {
    var buckets = [];
    var groups = [];
    rows.forEach(function (row) {
      if (buckets.indexOf(row.bucketStart) < 0) { buckets.push(row.bucketStart); }
      var group = row.group || 'all';
      if (groups.indexOf(group) < 0) { groups.push(group); }
    });
    var labels = buckets.map(function (start) { return bucket === 'DAY' ? start.slice(0, 10) : start.slice(0, 16).replace('T', ' '); });
    function series(type, value, extra) {
      return groups.map(function (group) {
        var byBucket = {};
        rows.forEach(function (row) { if ((row.group || 'all') === group) { byBucket[row.bucketStart] = row; } });
        return Object.assign({ name: group, type: type, connectNulls: false,
          data: buckets.map(function (start) { return byBucket[start] ? value(byBucket[start]) : null; }) }, extra || {});
      });
    }
    function options(list, yAxis) {
      return { animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { type: 'scroll', top: 0 }, grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: labels }, yAxis: Object.assign({ type: 'value' }, yAxis || {}), series: list };
    }
    charts.decisions.setOption(options(series('bar', function (r) { return r.decisions; }, { stack: 'decisions' })), true);
    charts.review.setOption(options(series('line', function (r) { return Math.round(r.humanReviewShare * 1000) / 10; }),
      { max: 100, axisLabel: { formatter: '{value} %' } }), true);
    var trouble = series('bar', function (r) { return r.overdueReviews; }, { stack: 'overdue' })
      .map(function (s) { s.name = s.name + ' overdue'; return s; })
      .concat(series('bar', function (r) { return r.violations; }, { stack: 'violations' })
        .map(function (s) { s.name = s.name + ' violations'; return s; }));
    charts.trouble.setOption(options(trouble), true);
    // One colour per group: its p50 solid, its p10 and p90 dashed around it.
    var confidence = [];
    ['p10', 'p50', 'p90'].forEach(function (p) {
      series('line', function (r) { return r.confidence ? r.confidence[p] : null; },
        { symbol: p === 'p50' ? 'circle' : 'none' })
        .forEach(function (s, index) {
          var colour = PALETTE[index % PALETTE.length];
          s.name = s.name + ' ' + p;
          s.itemStyle = { color: colour };
          s.lineStyle = { color: colour, type: p === 'p50' ? 'solid' : 'dashed', width: p === 'p50' ? 2 : 1 };
          confidence.push(s);
        });
    });
    charts.confidence.setOption(options(confidence, { min: 0, max: 1 }), true);
    document.querySelector('.charts').dataset.buckets = String(buckets.length);
    document.querySelector('.charts').dataset.groups = String(groups.length);
  }

  function table(rows) {
    document.querySelector('#rows tbody').innerHTML = rows.map(function (row) {
      var c = row.confidence;
      return '<tr><td>' + escape(row.bucketStart) + '</td><td>' + escape(row.group || 'all') + '</td><td>' + row.decisions
        + '</td><td>' + Math.round(row.humanReviewShare * 100) + ' %</td><td>' + row.approved + '</td><td>' + row.rejected
        + '</td><td>' + row.overdueReviews + '</td><td>' + row.violations + '</td><td>' + row.rolledBackActions + '</td><td>'
        + (c ? [c.p10, c.p50, c.p90].map(function (v) { return v.toFixed(2); }).join(' / ') : '–') + '</td></tr>';
    }).join('') || '<tr><td colspan="10" class="hint">No decision occurred in this window.</td></tr>';
    var total = rows.reduce(function (sum, row) { return sum + row.decisions; }, 0);
    var count = document.getElementById('row-count');
    count.textContent = rows.length + ' rows, ' + total + ' decisions';
    document.getElementById('rows').dataset.decisions = String(total);
  }

  document.getElementById('stats').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('provenant-key', keyInput.value);
    show();
  });

  // ---- Drift between a baseline and a current window.

  document.getElementById('drift').addEventListener('submit', function (event) {
    event.preventDefault();
    var result = document.getElementById('drift-result');
    var asked;
    try {
      asked = { id: document.getElementById('drift-id').value.trim(),
        baselineFrom: instant(document.getElementById('baseline-from'), 'baseline from', null),
        baselineTo: instant(document.getElementById('baseline-to'), 'baseline to', null),
        currentFrom: instant(document.getElementById('current-from'), 'current from', null),
        currentTo: instant(document.getElementById('current-to'), 'current to', null) };
      if (!asked.id || !asked.baselineFrom || !asked.baselineTo || !asked.currentFrom || !asked.currentTo) {
        throw new Error('Drift needs a model or prompt version and both windows.');
      }
    } catch (error) {
      status(error.message);
      return;
    }
    graphql('query($id: ID!, $baselineFrom: DateTime!, $baselineTo: DateTime!, $currentFrom: DateTime!, $currentTo: DateTime!) {'
      + ' drift(id: $id, baselineFrom: $baselineFrom, baselineTo: $baselineTo, currentFrom: $currentFrom, currentTo: $currentTo)'
      + ' { confidencePsi outcomePsi drifting baselineCount currentCount } }', asked)
      .then(function (data) {
        var drift = data.drift;
        result.dataset.drifting = String(drift.drifting);
        result.innerHTML = 'Confidence PSI <strong>' + drift.confidencePsi.toFixed(3) + '</strong>, outcome PSI <strong>'
          + drift.outcomePsi.toFixed(3) + '</strong> (' + drift.baselineCount + ' decisions in the baseline, '
          + drift.currentCount + ' now)<span class="badge ' + (drift.drifting ? 'broken' : 'ok') + '">'
          + (drift.drifting ? 'drifting' : 'stable') + '</span>';
        status('');
      })
      .catch(function (error) { status(error.message); });
  });

  // A link restores its window and grouping.
  var params = new URLSearchParams(window.location.search);
  ['from', 'to', 'bucket'].forEach(function (name) { if (params.get(name)) { fields[name].value = params.get(name); } });
  if (params.has('groupBy')) { fields.groupBy.value = params.get('groupBy'); }
  if (keyInput.value) { show(); }
})();
