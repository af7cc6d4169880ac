// What Provenant's pages share: asking /graphql with the API key typed in the page, saying its errors in words, and
// reading times typed as text.
window.Provenant = (function () {
  'use strict';

  /** Posts a GraphQL operation; rejects with the errors' classifications and messages, as the status line says them. */
  function graphql(key, query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': key },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) {
      return response.json().catch(function () { throw new Error('The service answered HTTP ' + response.status); });
    }).then(function (body) {
      if (body.errors && body.errors.length) {
        throw new Error(body.errors.map(function (e) {
          var kind = e.extensions && e.extensions.classification;
          return (kind ? kind + ': ' : '') + e.message;
        }).join('; '));
      }
      return body.data;
    });
  }

  /** A time typed as ISO-8601 (UTC when it names no offset), or null when blank; throws naming the field. */
  function instant(text, name) {
    text = text.trim();
    if (!text) { return null; }
    var time = new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : text + 'Z');
    if (isNaN(time.getTime())) {
      throw new Error(name + ': "' + text + '" is no date-time; write it as 2026-11-01T09:00:00Z.');
    }
    return time.toISOString();
  }

  /** Says what went wrong (or, with ok, what was done) in the page's status line. */
  function status(text, ok) {
    var line = document.getElementById('status');
    line.textContent = text || '';
    line.classList.toggle('ok', !!ok);
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  return { graphql: graphql, instant: instant, status: status, escape: escape };
})();
