// The report form: location from the phone, or a click on the grid map; either fills lon/lat.
(function () {
  var lon = document.getElementById('lon');
  var lat = document.getElementById('lat');
  var picked = document.getElementById('picked');
  var map = cityops.unitMap('pick-map', { interactive: true,
    style: { color: '#495057', fillColor: '#74c0fc', fillOpacity: 0.15 } }, function () {
    document.getElementById('pick-map').dataset.ready = 'true';
  });
  var marker = null;
  function set(latlng) {
    lon.value = latlng.lng.toFixed(7);
    lat.value = latlng.lat.toFixed(7);
    picked.textContent = lon.value + ', ' + lat.value;
    if (marker) { map.removeLayer(marker); }
    marker = L.marker(latlng).addTo(map);
  }
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
