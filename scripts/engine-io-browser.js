// engine.io-client's `browser` field, which the node-resolve of rollup and of @web/dev-server do
// not apply to the package's own relative imports: its Node modules (`*.node.js`: the xhr and ws
// transports, globals) are swapped for the browser ones next to them. Used by rollup.config.js
// (the widget build) and web-test-runner.config.mjs (the widget's browser tests).

const NODE_MODULE = /\.node\.js$/;

/** Whether `source`, imported by `importer`, is one of engine.io-client's Node-only modules. */
function isNodeOnly(source, importer) {
  return Boolean(importer?.includes('/engine.io-client/') && NODE_MODULE.test(source));
}

/** As a rollup plugin. */
export function engineIoBrowserRollup() {
  return {
    name: 'guichet-engine-io-browser',
    resolveId(source, importer) {
      return isNodeOnly(source, importer) ? this.resolve(source.replace(NODE_MODULE, '.js'), importer, { skipSelf: true }) : null;
    },
  };
}

/** As a @web/dev-server plugin: the import is rewritten in place, the browser resolves it. */
export function engineIoBrowserDevServer() {
  return {
    name: 'guichet-engine-io-browser',
    resolveImport({ source, context }) {
      return isNodeOnly(source, context.path) ? source.replace(NODE_MODULE, '.js') : undefined;
    },
  };
}
