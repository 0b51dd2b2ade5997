/**
 * Import boundaries, checked by `npm run check:boundaries` (part of `npm test`). See docs/ARCHITECTURE.md
 * ("Client") for the folders. Tests may reach across (a client test starts a real server), so the rules
 * apply to production code.
 */
const TEST = '(\\.test\\.tsx?$|^client/test/|^server/test/|^e2e/|^bench/)';
const FRAMEWORK =
  '(^|/)node_modules/(react|react-dom|react-i18next|zustand|ws|better-sqlite3|@tiptap|html-to-image|y-websocket|y-indexeddb|jsdom)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'No import cycles in production code. `npm run check:boundaries` runs this a second time with every ' +
        'feature folder collapsed into one node, so it also catches a loop between feature folders ' +
        '(map -> compare -> map); move what they share to client/ui or client/workshop.',
      severity: 'error',
      from: { pathNot: TEST },
      to: { circular: true, pathNot: TEST },
    },
    {
      name: 'feature-public-entry-only',
      comment: 'Another feature (or the app) uses a feature through its index.ts only; styles excepted.',
      severity: 'error',
      from: { path: '^client/(features/([^/]+)|app|ui|lib|workshop|collab)/', pathNot: TEST },
      to: {
        path: '^client/features/([^/]+)/',
        pathNot: ['^client/features/([^/]+)/index\\.ts$', '\\.css$', '^client/features/$2/'],
      },
    },
    {
      name: 'shared-folders-not-features',
      comment:
        'client/ui, client/lib, client/workshop and client/collab are used by features, never the other way round.',
      severity: 'error',
      from: { path: '^client/(ui|lib|workshop|collab)/', pathNot: TEST },
      to: { path: '^client/(features|app)/' },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      from: { path: '^client/', pathNot: TEST },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^server/', pathNot: TEST },
      to: { path: '^client/' },
    },
    {
      name: 'shared-no-framework',
      comment: 'shared/ is framework-free: no React, DOM libraries, sockets or SQLite.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { path: FRAMEWORK },
    },
    {
      name: 'shared-not-client-or-server',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { path: '^(client|server)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
