// The console's map: each listed case as a dot on the grid's units (no tiles needed).
(function () {
  var el = document.getElementById('case-map');
  if (!el) { return; }
  var map = cityops.unitMap(el, {}, function () { plot(); });
  var dots = L.layerGroup().addTo(map);
  function plot() {
    dots.clearLayers();
    document.querySelectorAll('#case-table tr[data-id]').forEach(function (row) {
      var overdue = row.classList.contains('overdue');
      L.circleMarker([+row.dataset.lat, +row.dataset.lon], { radius: 6, weight: 1, color: '#fff',
        fillColor: overdue ? '#e03131' : '#1c7ed6', fillOpacity: 0.9 })
        .bindTooltip(row.dataset.number).on('click', function () { location.href = '/cases/' + row.dataset.id; })
        .addTo(dots);
    });
  }
  document.body.addEventListener('htmx:afterSwap', plot);
})();
