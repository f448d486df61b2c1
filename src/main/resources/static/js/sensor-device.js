// The device page's chart: each metric of the last day as a line (ECharts).
(function () {
  var el = document.getElementById('reading-chart');
  if (!el) { return; }
  cityops.fetchJson('/api/v1/sensors/devices/' + encodeURIComponent(el.dataset.device)).then(function (r) {
    if (!r.ok) { return; }
    var series = {};
    r.body.readings.slice().reverse().forEach(function (p) {
      (series[p.metric] = series[p.metric] || []).push([p.at, p.value]);
    });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: Object.keys(series) },
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: Object.keys(series).map(function (m) {
        return { name: m, type: 'line', showSymbol: series[m].length < 60, data: series[m] };
      })
    });
    el.dataset.ready = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
