// The grid map: the territory drawn with Leaflet on a plain background (no tiles needed), a layer switcher,
// unit details on click (htmx fragment), and address search through the gazetteer API.
(function () {
  var el = document.getElementById('map');
  var label = function (key) { return el.dataset['label' + key] || key; };
  var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  var areaColours = ['#1c7ed6', '#e8590c', '#2f9e44', '#7048e8'];
  var groups = {
    district: L.layerGroup(), towns: L.layerGroup(), areas: L.layerGroup(), blocks: L.layerGroup(),
    units: L.layerGroup(), committees: L.layerGroup(), compounds: L.layerGroup(), roads: L.layerGroup()
  };
  var units = {};
  var selected = null;
  var marker = null;

  function styleUnit(feature, highlighted) {
    return { className: 'grid-unit unit-' + feature.properties.code, color: highlighted ? '#c92a2a' : '#495057',
      weight: highlighted ? 3 : 1, fillColor: highlighted ? '#ffc9c9' : '#74c0fc', fillOpacity: highlighted ? 0.45 : 0.18 };
  }

  function selectUnit(code) {
    if (selected && units[selected]) { units[selected].setStyle(styleUnit(units[selected].feature, false)); }
    selected = code;
    if (units[code]) {
      units[code].setStyle(styleUnit(units[code].feature, true));
      units[code].bringToFront();
    }
    htmx.ajax('GET', '/grid/units/' + encodeURIComponent(code) + '/panel', { target: '#panel', swap: 'innerHTML' });
  }

  function draw(collection) {
    var areaIndex = {};
    collection.features.forEach(function (f) {
      var p = f.properties;
      if (p.level === 'district') {
        L.geoJSON(f, { style: { color: '#0f2a3d', weight: 3, fill: false } }).addTo(groups.district);
      } else if (p.level === 'town') {
        L.geoJSON(f, { style: { color: '#868e96', weight: 1.5, dashArray: '4 4', fillColor: '#dee2e6', fillOpacity: 0.25 } })
          .bindTooltip(p.name, { sticky: true }).addTo(groups.towns);
      } else if (p.level === 'area') {
        var colour = areaColours[Object.keys(areaIndex).length % areaColours.length];
        areaIndex[p.code] = colour;
        L.geoJSON(f, { interactive: false, style: { color: colour, weight: 4, fill: false } }).addTo(groups.areas);
      } else if (p.level === 'block') {
        L.geoJSON(f, { interactive: false, style: { color: '#343a40', weight: 2, dashArray: '6 4', fill: false } }).addTo(groups.blocks);
      } else if (p.level === 'unit') {
        var layer = L.geoJSON(f, { style: function () { return styleUnit(f, false); } }).getLayers()[0];
        layer.feature = f;
        layer.bindTooltip(p.name, { sticky: true });
        units[p.code] = layer;
        layer.addTo(groups.units);
      } else if (p.level === 'committee') {
        if (f.geometry.type === 'Point') {
          L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]],
            { radius: 4, color: '#5f3dc4', weight: 1, fillColor: '#9775fa', fillOpacity: 0.9, className: 'committee' })
            .bindTooltip(p.name).addTo(groups.committees);
        }
      } else if (p.level === 'compound') {
        L.geoJSON(f, { style: { color: '#d9480f', weight: 1, fillColor: '#ffa94d', fillOpacity: 0.55 } })
          .bindTooltip(p.name + (p.address ? ' · ' + p.address : '')).addTo(groups.compounds);
      }
    });
  }

  var overlays = {};
  overlays[label('District')] = groups.district;
  overlays[label('Towns')] = groups.towns;
  overlays[label('Areas')] = groups.areas;
  overlays[label('Blocks')] = groups.blocks;
  overlays[label('Units')] = groups.units;
  overlays[label('Committees')] = groups.committees;
  overlays[label('Compounds')] = groups.compounds;
  overlays[label('Roads')] = groups.roads;
  JSON.parse(el.dataset.layers || '[]').forEach(function (info) {
    var group = L.layerGroup();
    group.on('add', function () {
      if (group.getLayers().length) { return; }
      cityops.fetchJson('/api/v1/grid/layers/' + encodeURIComponent(info.code)).then(function (r) {
        if (r.ok) {
          L.geoJSON(r.body, { interactive: true, style: { color: '#087f5b', weight: 1.5, dashArray: '2 3', fill: false } })
            .eachLayer(function (l) { l.bindTooltip(l.feature.properties.name); }).addTo(group);
        }
      });
    });
    overlays[info.name] = group;
  });
  ['towns', 'district', 'roads', 'units', 'blocks', 'areas', 'committees', 'compounds'].forEach(function (k) { groups[k].addTo(map); });
  L.control.layers(null, overlays, { collapsed: window.innerWidth < 800 }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  cityops.fetchJson('/api/v1/grid/export').then(function (r) {
    if (!r.ok) { return; }
    draw(r.body);
    var bounds = L.latLngBounds([]);
    Object.keys(units).forEach(function (code) { bounds.extend(units[code].getBounds()); });
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [10, 10] }); }
    el.dataset.ready = 'true';
  });

  document.getElementById('address-search').addEventListener('submit', function (event) {
    event.preventDefault();
    var q = document.getElementById('address-query').value;
    var box = document.getElementById('search-result');
    cityops.fetchJson('/api/v1/grid/geocode?q=' + encodeURIComponent(q)).then(function (r) {
      box.hidden = false;
      if (!r.ok) {
        box.className = 'result error';
        box.textContent = label('NotFound') + (r.body && r.body.detail ? ': ' + r.body.detail : '');
        return;
      }
      var g = r.body;
      box.className = 'result';
      box.textContent = label('Address') + ': ' + g.address +
        (g.compound && g.compound.name !== g.address ? ' · ' + g.compound.name : '') +
        (g.location && g.location.unit ? ' → ' + g.location.unit.name : '');
      var latlng = [g.point.lat, g.point.lon];
      if (marker) { map.removeLayer(marker); }
      marker = L.marker(latlng, { title: g.address, icon: new L.Icon.Default({ className: 'address-marker' }) }).addTo(map);
      map.setView(latlng, Math.max(map.getZoom(), 15));
      if (g.location && g.location.unit) { selectUnit(g.location.unit.code); }
    });
  });

  // A click anywhere (on a unit, a compound, a committee) locates that point and opens its unit.
  map.on('click', function (e) {
    cityops.fetchJson('/api/v1/grid/locate?lon=' + e.latlng.lng + '&lat=' + e.latlng.lat).then(function (r) {
      if (r.ok && r.body.unit) { selectUnit(r.body.unit.code); }
    });
  });

  cityops.fetchJson('/api/v1/grid/roads').then(function (r) {
    if (!r.ok) { return; }
    L.geoJSON(r.body, { interactive: false, style: { color: '#adb5bd', weight: 5, opacity: 0.9 } }).addTo(groups.roads);
    r.body.features.forEach(function (f) {
      var c = f.geometry.coordinates[Math.floor(f.geometry.coordinates.length / 2)];
      L.tooltip({ permanent: true, direction: 'center', className: 'road-label', interactive: false })
        .setLatLng([c[1], c[0]]).setContent(f.properties.name).addTo(groups.roads);
    });
    groups.roads.bringToBack && groups.roads.eachLayer(function (l) { l.bringToBack && l.bringToBack(); });
  });

  window.gridMap = { map: map, units: units, select: selectUnit };
})();
