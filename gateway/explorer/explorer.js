/* global document, sessionStorage, fetch, TextEncoder, React, ReactDOM, GraphiQL */
/**
 * The gateway's explorer: GraphiQL, served with React from the gateway's own node_modules (no CDN,
 * no telemetry). The bearer token and X-Purpose typed in the bar above GraphiQL are added to
 * every request and kept in this tab's sessionStorage only.
 */
(function () {
  'use strict';

  var endpoint = document.body.getAttribute('data-endpoint') || '/graphql';
  var fields = {
    token: document.getElementById('token'),
    purpose: document.getElementById('purpose'),
  };

  Object.keys(fields).forEach(function (name) {
    var input = fields[name];
    input.value = sessionStorage.getItem('gov-graph.' + name) || '';
    input.addEventListener('input', function () {
      sessionStorage.setItem('gov-graph.' + name, input.value);
    });
  });
  document.getElementById('forget').addEventListener('click', function () {
    Object.keys(fields).forEach(function (name) {
      fields[name].value = '';
      sessionStorage.removeItem('gov-graph.' + name);
    });
  });

  /** HTTP headers carry bytes: send the purpose as UTF-8 (the gateway decodes it so). */
  function utf8Header(text) {
    var bytes = new TextEncoder().encode(text);
    var latin1 = '';
    for (var i = 0; i < bytes.length; i += 1) latin1 += String.fromCharCode(bytes[i]);
    return latin1;
  }

  function fetcher(params, options) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    var token = fields.token.value.trim().replace(/^Bearer\s+/i, '');
    var purpose = fields.purpose.value.trim();
    if (token) headers.authorization = 'Bearer ' + token;
    if (purpose) headers['x-purpose'] = utf8Header(purpose);
    var extra = (options && options.headers) || {};
    Object.keys(extra).forEach(function (name) {
      headers[name.toLowerCase()] = String(extra[name]);
    });
    return fetch(endpoint, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    }).then(function (response) {
      return response.json();
    });
  }

  var defaultQuery = [
    '# gov-graph explorer. Paste a token from `npm run token` above (none: anonymous);',
    '# officers reading sensitive fields also give a purpose (a case or application reference).',
    '# Ctrl-Enter runs the query; the Docs button on the left shows the schema.',
    '',
    'query Organizations($after: String) {',
    '  organizations(first: 5, after: $after) {',
    '    totalCount',
    '    edges { node { creditCode name status districtCode } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
    '',
  ].join('\n');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      shouldPersistHeaders: false,
    }),
  );
})();
