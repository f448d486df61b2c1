// The order page's map: the order's place on the grid's units; where the confirm form is
// shown, a click places (or moves) the order and fills the form's lon/lat.
(function () {
  var el = document.getElementById('order-map');
  if (!el) { return; }
  var map = L.map(el, { zoomSnap: 0.25 });
  var marker = null;
  var lon = parseFloat(el.dataset.lon), lat = parseFloat(el.dataset.lat);
  cityops.fetchJson('/api/v1/grid/export?levels=unit').then(function (r) {
    if (!r.ok) { return; }
    var units = L.geoJSON(r.body, { interactive: false,
      style: { color: '#868e96', weight: 1, fillColor: '#e7f5ff', fillOpacity: 0.4 } }).addTo(map);
    if (!isNaN(lon) && !isNaN(lat)) {
      marker = L.marker([lat, lon]).addTo(map);
      map.setView([lat, lon], 15);
    } else {
      map.fitBounds(units.getBounds());
    }
  });
  var lonInput = document.getElementById('pick-lon'), latInput = document.getElementById('pick-lat');
  if (!lonInput) { return; }
  el.classList.add('pickable');
  map.on('click', function (e) {
    lonInput.value = e.latlng.lng.toFixed(6);
    latInput.value = e.latlng.lat.toFixed(6);
    if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng).addTo(map); }
  });
})();
