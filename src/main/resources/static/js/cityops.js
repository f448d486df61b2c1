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
