/**
 * The dependency rule (ARCHITECTURE.md): core imports nothing outside core; services import
 * core and their ports; adapters implement ports and never import http, services (other than
 * the port declarations), workers or cli; the web UI takes only types from the server. Checked in
 * CI: npm run depcheck.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core may import only src/core, node:crypto (deterministic hashing) and typebox (schemas as data).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        pathNot: ['^src/core/', '^crypto$', '^node:crypto$', 'node_modules/typebox/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-no-io-packages',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: 'node_modules', pathNot: ['node_modules/typebox/'] },
    },
    {
      name: 'services-only-core-and-ports',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(adapters|http|workers|cli|compose)/' },
    },
    {
      name: 'adapters-implement-ports',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(http|workers|cli|compose)/|^src/services/(?!ports\\.ts$|[a-z-]*-ports\\.ts$)' },
    },
    {
      name: 'web-imports-server-types-only',
      comment:
        'web/src takes only types from the server (erased at build): no server code lands in the browser bundle. Tests are not bundled: they may check the page against the real role table.',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
