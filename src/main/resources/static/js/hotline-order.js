// The order page's map: the order's place on the grid's units; where the confirm form is
// shown, a click places (or moves) the order and fills the form's lon/lat.
(function () {
  var el = document.getElementById('order-map');
  if (!el) { return; }
  var marker = null;
  var lon = parseFloat(el.dataset.lon), lat = parseFloat(el.dataset.lat);
  var map = cityops.unitMap(el, {}, function () {
    if (!isNaN(lon) && !isNaN(lat)) {
      marker = L.marker([lat, lon]).addTo(map);
      map.setView([lat, lon], 15);
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
