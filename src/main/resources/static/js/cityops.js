// Shared page helpers: the CSRF token for htmx and fetch calls made with the signed-in session.
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  // behaviour that used to sit in inline attributes, which the Content-Security-Policy forbids
  function enhance(root) {
    root.querySelectorAll('[data-bar]').forEach(function (el) { el.style.setProperty('--v', el.dataset.bar); });
    root.querySelectorAll('select[data-autosubmit]').forEach(function (el) {
      el.addEventListener('change', function () { el.form.submit(); });
    });
    root.querySelectorAll('form[data-month-action]').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.action = form.action.replace(/\/0$/, '/' + form.month.value);
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { enhance(document); });
  document.addEventListener('htmx:afterSwap', function (event) { enhance(event.detail.elt); });
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  // The grid's units drawn as the background of a page's map: the one setup every map shares.
  // options.map: Leaflet map options; options.style: the units' style; options.interactive;
  // ready(map, units): called once the units are drawn (the map fitted to them).
  function unitMap(el, options, ready) {
    options = options || {};
    var map = L.map(el, Object.assign({ zoomSnap: 0.25 }, options.map || {}));
    window.cityops.fetchJson('/api/v1/grid/export?levels=unit').then(function (r) {
      if (!r.ok) { return; }
      var units = L.geoJSON(r.body, {
        interactive: !!options.interactive,
        style: Object.assign({ color: '#868e96', weight: 1, fillColor: '#e7f5ff', fillOpacity: 0.4 }, options.style || {})
      }).addTo(map);
      map.fitBounds(units.getBounds());
      if (ready) { ready(map, units); }
    });
    return map;
  }
  window.cityops = {
    unitMap: unitMap,
    fetchJson: function (url, options) {
      options = options || {};
      options.headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
      var c = csrf();
      if (c && options.method && options.method !== 'GET') { options.headers[c.header] = c.token; }
      return fetch(url, options).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
      });
    }
  };
})();
