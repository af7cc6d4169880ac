// GraphiQL against this service's /graphql. Put your key in the headers pane, e.g. {"X-API-Key": "pvn_..."};
// GraphiQL keeps it in this browser's local storage between visits.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var example = '# Provenant: put {"X-API-Key": "<your key>"} in the Headers pane below, then run.\n'
    + '{\n  quarantines(activeOnly: true) { node { id kind } }\n}\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: example,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: 'headers'
    }));
})();
