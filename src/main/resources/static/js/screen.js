// The big screen (城运中心大屏): tiles, the map of open cases per unit, the 30-day trend, the month's
// top categories and the overdue and supervised cases refresh every 30 s; new cases and alarms arrive
// over server-sent events. Built to run for days: charts and layers are updated in place, the feed
// keeps its newest 30 lines, and a lost connection is retried by the browser.
(function () {
  var root = document.getElementById('screen');
  if (!root) { return; }
  var FEED_MAX = 30;
  var d = root.dataset;
  var feed = document.getElementById('screen-feed');
  var live = document.getElementById('screen-live');
  var map = L.map('screen-map', { zoomControl: false, attributionControl: false, zoomSnap: 0.25 });
  var units = null;
  var openByUnit = {};
  var trend = echarts.init(document.getElementById('screen-trend'), 'dark', { renderer: 'canvas' });
  var top = echarts.init(document.getElementById('screen-top'), 'dark', { renderer: 'canvas' });

  function get(obj, path) {
    return path.split('.').reduce(function (o, k) { return o == null ? null : o[k]; }, obj);
  }
  function colour(n) {
    return n >= 10 ? '#e03131' : n >= 5 ? '#f76707' : n >= 2 ? '#fab005' : n >= 1 ? '#74b816' : '#1c3a5e';
  }
  function text(el, value) { el.textContent = value; return el; }
  function line(parent, label, tag) {
    var li = document.createElement(tag || 'li');
    return parent.appendChild(text(li, label));
  }

  cityops.fetchJson('/api/v1/grid/export?levels=unit').then(function (r) {
    if (!r.ok) { return; }
    units = L.geoJSON(r.body, { style: style }).addTo(map);
    units.eachLayer(function (l) { l.bindTooltip(function () { return tip(l.feature); }); });
    map.fitBounds(units.getBounds());
    refresh();
  });
  function style(f) {
    return { color: '#4dabf7', weight: 1, fillColor: colour(openByUnit[f.properties.code] || 0), fillOpacity: 0.75 };
  }
  function tip(f) { return f.properties.name + ' · ' + (openByUnit[f.properties.code] || 0); }

  function refresh() {
    cityops.fetchJson('/api/v1/dashboard/screen').then(function (r) {
      if (!r.ok) { return; }
      var s = r.body;
      var sensors = s.sensors || {};
      var total = Object.keys(sensors).reduce(function (a, k) { return a + sensors[k]; }, 0);
      s.sensorsOnline = total ? Math.round((sensors.ONLINE || 0) * 1000 / total) / 10 : null;
      document.querySelectorAll('#screen-tiles .tile').forEach(function (t) {
        var v = get(s, t.dataset.k);
        text(t.querySelector('b'), v == null ? '–' : v + (t.dataset.pct ? '%' : ''));
      });
      openByUnit = s.openByUnit || {};
      if (units) { units.setStyle(style); }
      trend.setOption({
        backgroundColor: 'transparent', grid: { left: 40, right: 10, top: 30, bottom: 24 },
        legend: { data: [d.labelReported, d.labelClosed], textStyle: { color: '#c9d6e8' } },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: s.trend.map(function (x) { return x.day; }) },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: '#23344d' } } },
        series: [{ name: d.labelReported, type: 'line', smooth: true, data: s.trend.map(function (x) { return x.reported; }) },
          { name: d.labelClosed, type: 'bar', data: s.trend.map(function (x) { return x.closed; }) }]
      });
      var cats = s.topCategories.slice().reverse();
      top.setOption({
        backgroundColor: 'transparent', grid: { left: 130, right: 20, top: 10, bottom: 20 },
        xAxis: { type: 'value', splitLine: { lineStyle: { color: '#23344d' } } },
        yAxis: { type: 'category', data: cats.map(function (x) { return x.name; }) },
        series: [{ type: 'bar', data: cats.map(function (x) { return x.n; }), itemStyle: { color: '#4dabf7' } }]
      });
      list('screen-overdue', s.overdue);
      list('screen-supervised', s.supervised);
      if (!feed.dataset.started) {
        feed.dataset.started = 'true';
        s.recent.slice().reverse().forEach(function (c) { addCase(c, false); });
      }
      root.dataset.ready = 'true';
    });
  }
  function list(id, rows) {
    var ul = document.getElementById(id);
    ul.replaceChildren();
    if (!rows.length) { line(ul, d.labelNone).className = 'muted'; }
    rows.forEach(function (c) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '/cases/' + c.id;
      text(a, c.number);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + (c.unit_code || '') + ' ' + (c.department_code || '')));
      ul.appendChild(li);
    });
  }
  var shown = [];
  function addFeed(kind, label, fresh, key) {
    if (key) { // a reconnected feed may send a line again
      if (shown.indexOf(key) >= 0) { return; }
      shown.push(key);
      if (shown.length > 200) { shown.shift(); }
    }
    var li = document.createElement('li');
    li.className = 'feed-' + kind + (fresh ? ' fresh' : '');
    var tag = document.createElement('span');
    tag.className = 'tag';
    text(tag, kind === 'alarm' ? d.labelAlarm : d.labelCase);
    li.appendChild(tag);
    li.appendChild(document.createTextNode(' ' + label));
    feed.insertBefore(li, feed.firstChild);
    while (feed.children.length > FEED_MAX) { feed.removeChild(feed.lastChild); }
  }
  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString(d.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '';
  }
  function addCase(c, fresh) {
    addFeed('case', time(c.reported_at) + ' ' + c.number + ' ' + (c.category || '') + ' · ' + (c.unit_code || ''), fresh,
      'case:' + c.id);
  }

  // a new case or alarm also moves the tiles and charts: refresh soon, once per burst
  var soon = null;
  function refreshSoon() { clearTimeout(soon); soon = setTimeout(refresh, 1500); }

  var source = new EventSource('/api/v1/dashboard/stream');
  source.addEventListener('hello', function () { text(live, '● LIVE').className = 'live on'; });
  source.addEventListener('case', function (e) {
    var c = JSON.parse(e.data);
    addCase(c, true);
    refreshSoon();
    if (c.unit_code) {
      openByUnit[c.unit_code] = (openByUnit[c.unit_code] || 0) + 1;
      if (units) { units.setStyle(style); }
    }
  });
  source.addEventListener('alarm', function (e) {
    var a = JSON.parse(e.data);
    addFeed('alarm', time(a.raised_at) + ' ' + a.device_id + ' ' + a.rule_code + ' · ' + (a.unit_code || ''), true,
      'alarm:' + a.id);
    refreshSoon();
  });
  source.onerror = function () { live.className = 'live off'; };

  setInterval(refresh, 30000);
  setInterval(function () {
    text(document.getElementById('screen-clock'), new Date().toLocaleString(d.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }));
  }, 1000);
  window.addEventListener('resize', function () { trend.resize(); top.resize(); });
})();
