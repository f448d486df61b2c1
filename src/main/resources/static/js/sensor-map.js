// The live sensor map: every device as a dot coloured by status over the grid's units,
// refreshed every 15 seconds; a click opens the device.
(function () {
  var el = document.getElementById('sensor-map');
  if (!el) { return; }
  var colours = { ALARM: '#e03131', OFFLINE: '#868e96', ONLINE: '#2f9e44', SILENT: '#fab005' };
  var counts = document.getElementById('sensor-counts');
  var map = cityops.unitMap(el, { map: { preferCanvas: true },
    style: { color: '#adb5bd', fillColor: '#f1f3f5', fillOpacity: 0.5 } }, function () {
    refresh();
    setInterval(refresh, 15000);
  });
  var dots = L.layerGroup().addTo(map);
  function refresh() {
    cityops.fetchJson('/api/v1/sensors/map').then(function (r) {
      if (!r.ok) { return; }
      dots.clearLayers();
      var n = { ALARM: 0, OFFLINE: 0, ONLINE: 0, SILENT: 0 };
      r.body.forEach(function (d) {
        n[d[4]] = (n[d[4]] || 0) + 1;
        L.circleMarker([d[3], d[2]], { radius: d[4] === 'ALARM' ? 6 : 3, weight: 0,
          fillColor: colours[d[4]], fillOpacity: d[4] === 'ALARM' ? 1 : 0.7 })
          .bindTooltip(d[0] + ' · ' + d[1])
          .on('click', function () { location.href = '/sensors/devices/' + encodeURIComponent(d[0]); })
          .addTo(dots);
      });
      counts.dataset.ready = 'true';
      counts.textContent = [['ALARM', 'labelAlarm'], ['OFFLINE', 'labelOffline'], ['ONLINE', 'labelOnline'],
        ['SILENT', 'labelSilent']].map(function (k) { return counts.dataset[k[1]] + ' ' + n[k[0]]; }).join(' · ');
    });
  }
})();
