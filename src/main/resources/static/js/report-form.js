// The report form: location from the phone, or a click on the grid map; either fills lon/lat.
(function () {
  var lon = document.getElementById('lon');
  var lat = document.getElementById('lat');
  var picked = document.getElementById('picked');
  var map = L.map('pick-map', { zoomSnap: 0.25 });
  var marker = null;
  function set(latlng) {
    lon.value = latlng.lng.toFixed(7);
    lat.value = latlng.lat.toFixed(7);
    picked.textContent = lon.value + ', ' + lat.value;
    if (marker) { map.removeLayer(marker); }
    marker = L.marker(latlng).addTo(map);
  }
  cityops.fetchJson('/api/v1/grid/export?levels=unit').then(function (r) {
    if (!r.ok) { return; }
    var units = L.geoJSON(r.body, { style: { color: '#495057', weight: 1, fillColor: '#74c0fc', fillOpacity: 0.15 } }).addTo(map);
    map.fitBounds(units.getBounds());
    document.getElementById('pick-map').dataset.ready = 'true';
  });
  map.on('click', function (e) { set(e.latlng); });
  document.getElementById('use-location').addEventListener('click', function () {
    if (!navigator.geolocation) { return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      var latlng = L.latLng(p.coords.latitude, p.coords.longitude);
      set(latlng);
      map.setView(latlng, 16);
    });
  });
  window.reportMap = { map: map, set: set };
})();
