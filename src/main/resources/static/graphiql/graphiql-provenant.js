// GraphiQL against this service's /graphql. Put your key in the headers pane, e.g. {"X-API-Key": "pvn_..."};
// GraphiQL keeps its state (headers, tabs, history) in this tab's session storage, so a key survives a reload but
// not the tab: GraphiQL's default, local storage, would keep it on disk for anyone using the browser later.
// Subscriptions run over a WebSocket (graphql-transport-ws), with the headers pane sent as connection_init's payload.
(function () {
  'use strict';

  var httpFetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var socketUrl = window.location.origin.replace(/^http/, 'ws') + '/graphql';

  // The operation to run is a subscription: the named one, or the first of the document.
  function isSubscription(params) {
    var query = (params.query || '').replace(/#[^\n]*/g, '');
    if (params.operationName) {
      return new RegExp('\\bsubscription\\s+' + params.operationName + '\\b').test(query);
    }
    return /^\s*subscription\b/.test(query);
  }

  // An observable GraphiQL renders result by result: one WebSocket per subscription.
  function subscribe(params, headers) {
    return {
      subscribe: function (observer) {
        var socket = new WebSocket(socketUrl, 'graphql-transport-ws');
        var done = false;
        function finish(result) {
          if (done) { return; }
          done = true;
          if (result) { observer.next(result); }
          observer.complete();
        }
        socket.onopen = function () {
          socket.send(JSON.stringify({ type: 'connection_init', payload: headers || {} }));
        };
        socket.onmessage = function (message) {
          var msg = JSON.parse(message.data);
          if (msg.type === 'connection_ack') {
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: {
              query: params.query, variables: params.variables, operationName: params.operationName } }));
          } else if (msg.type === 'next') {
            observer.next(msg.payload);
          } else if (msg.type === 'error') {
            finish({ errors: msg.payload });
            socket.close(1000);
          } else if (msg.type === 'complete') {
            finish();
            socket.close(1000);
          } else if (msg.type === 'ping') {
            socket.send(JSON.stringify({ type: 'pong' }));
          }
        };
        socket.onclose = function (event) {
          finish(event.code === 1000 ? null
            : { errors: [{ message: 'The subscription connection closed: ' + event.code + ' ' + event.reason }] });
        };
        return {
          unsubscribe: function () {
            done = true;
            if (socket.readyState === WebSocket.OPEN) {
              socket.send(JSON.stringify({ id: '1', type: 'complete' }));
            }
            socket.close(1000);
          }
        };
      }
    };
  }

  function fetcher(params, options) {
    return isSubscription(params) ? subscribe(params, options && options.headers) : httpFetcher(params, options);
  }

  var example = '# Provenant: put {"X-API-Key": "<your key>"} in the Headers pane below, then run.\n'
    + '{\n  quarantines(activeOnly: true) { node { id kind } }\n}\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      storage: window.sessionStorage,
      defaultQuery: example,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: 'headers'
    }));
})();
