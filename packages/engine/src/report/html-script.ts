/**
 * Browser-side script of the HTML report: reads the embedded report JSON and draws the charts with the
 * global `Chart` (Chart.js UMD). Written as plain ES2017 text because it runs in the page, not in Node.
 */
export const REPORT_SCRIPT = `
(function () {
  var dataElement = document.getElementById('report-data');
  if (!dataElement || typeof Chart === 'undefined') return;
  var report = JSON.parse(dataElement.textContent);
  var bucketMs = report.resolution.bucketMs;
  var palette = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#0a7d8c', '#d4a72c', '#57606a', '#e85aad', '#4f6f00'];
  function fmt(ms) {
    var s = Math.round(ms / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(r).padStart(2, '0');
  }
  var labels = [];
  for (var i = 0; i < report.resolution.points; i++) labels.push(fmt(i * bucketMs));
  function seriesOf(resource, metric) {
    for (var j = 0; j < resource.series.length; j++) if (resource.series[j].metric === metric) return resource.series[j].values;
    return null;
  }
  function collect(kind, metric, label, scale) {
    var sets = [];
    report.resources.forEach(function (resource) {
      if (kind && resource.kind !== kind) return;
      var values = seriesOf(resource, metric);
      if (!values || !values.some(function (v) { return v !== 0; })) return;
      sets.push({ label: label ? label(resource) : resource.name, data: values.map(function (v) { return scale ? v * scale : v; }) });
    });
    return sets;
  }
  function colour(sets) {
    sets.forEach(function (set, index) {
      var c = palette[index % palette.length];
      set.borderColor = c; set.backgroundColor = c; set.pointRadius = 0; set.borderWidth = 1.5; set.tension = 0;
    });
    return sets;
  }
  function timeChart(id, sets, yTitle, stepped, y2Title) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    if (sets.length === 0) { canvas.insertAdjacentText('beforebegin', 'No data for this chart.'); canvas.remove(); return; }
    colour(sets).forEach(function (set) { if (stepped) set.stepped = true; });
    var scales = { x: { title: { display: true, text: 'virtual time' }, ticks: { maxTicksLimit: 12 } },
                   y: { beginAtZero: true, title: { display: true, text: yTitle } } };
    if (y2Title && sets.some(function (set) { return set.yAxisID === 'y2'; })) {
      scales.y2 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: y2Title } };
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: sets },
      options: { animation: false, responsive: true, interaction: { mode: 'index', intersect: false }, scales: scales }
    });
  }
  function onSecondAxis(sets) {
    sets.forEach(function (set) { set.yAxisID = 'y2'; });
    return sets;
  }
  var perSecond = 1000 / bucketMs;
  timeChart('chart-backlog', collect('queue', 'ApproximateNumberOfMessagesVisible'), 'messages');
  timeChart('chart-age', collect('queue', 'ApproximateAgeOfOldestMessage', null, 1 / 1000), 'seconds');
  timeChart('chart-throughput',
    collect('queue', 'NumberOfMessagesSent', function (r) { return r.name + ' sent'; }, perSecond)
      .concat(collect('queue', 'NumberOfMessagesDeleted', function (r) { return r.name + ' deleted'; }, perSecond))
      .concat(collect('stream', 'IncomingRecords', function (r) { return r.name + ' records in'; }, perSecond)),
    'per second');
  timeChart('chart-instances', collect('consumer', 'InServiceInstances'), 'instances', true);
  timeChart('chart-streams',
    collect('stream', 'GetRecords.IteratorAgeMilliseconds', function (r) { return r.name + ' iterator age (s)'; }, 1 / 1000)
      .concat(collect('firehose', 'DeliveryToS3.DataFreshness', function (r) { return r.name + ' data freshness (s)'; }, 1 / 1000))
      .concat(onSecondAxis(collect('firehose', 'DeliveryToS3.Records', function (r) { return r.name + ' records delivered'; }))),
    'seconds', false, 'records');
  var latencyCanvas = document.getElementById('chart-latency');
  if (latencyCanvas) {
    var sets = report.latency.map(function (l) {
      var d = l.distribution, points = [];
      for (var k = 0; k < d.counts.length; k++) points.push({ x: Math.max(0.01, (d.edgesMs[k] + d.edgesMs[k + 1]) / 2), y: d.counts[k] });
      return { label: l.path, data: points };
    });
    if (sets.length === 0) { latencyCanvas.insertAdjacentText('beforebegin', 'No message completed a path.'); latencyCanvas.remove(); }
    else new Chart(latencyCanvas, {
      type: 'line', data: { datasets: colour(sets) },
      options: { animation: false, parsing: true,
        scales: { x: { type: 'logarithmic', title: { display: true, text: 'end-to-end latency (ms, log scale)' } },
                  y: { beginAtZero: true, title: { display: true, text: 'messages' } } } }
    });
  }
})();
`;
