// Shared page helpers: the CSRF token for htmx and fetch calls made with the signed-in session.
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });
  window.cityops = {
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
