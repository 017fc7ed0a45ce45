// The house rules of ../shared/ARCHITECTURE.md as one dependency-cruiser config: which package
// may import which, no cycles, every cross-package import declared in the importer's
// package.json, and nobody reaching into another package's files. `npm test` runs it
// (`npm run house:imports`); tools/house-check.int.test.ts breaks each rule on purpose and expects it
// to fail.
//
// Workspace packages are resolved through their node_modules links (preserveSymlinks), so an
// import of `@anklepump/x` is seen as a package import that must be declared, and a file under
// `packages/x/` reached any other way is a deep import.

/** What each package may import of ours (the table in ARCHITECTURE.md). */
const MAY_IMPORT = {
  exercise: [],
  motion: ['exercise'],
  pose: ['motion'],
  server: ['exercise', 'motion'],
  web: ['exercise', 'motion', 'pose'],
  cli: ['exercise', 'motion', 'pose', 'server', 'web'],
};
const PACKAGES = Object.keys(MAY_IMPORT);

/** A package's public faces: its `exports` map (see each package.json). */
const PUBLIC_FACES = [
  '^node_modules/@anklepump/[^/]+/src/index\\.ts$',
  '^node_modules/@anklepump/pose/src/node/index\\.ts$',
  '^node_modules/@anklepump/server/test/testing\\.ts$',
  '^node_modules/@anklepump/web/src/testing\\.ts$',
];

const layering = PACKAGES.map((name) => {
  const others = PACKAGES.filter((p) => p !== name && !MAY_IMPORT[name].includes(p));
  return {
    name: `layer-${name}`,
    severity: 'error',
    comment: `${name} may import only ${MAY_IMPORT[name].join(', ') || 'nothing of ours'} (ARCHITECTURE.md)`,
    from: { path: `^packages/${name}/` },
    to: { path: `^(node_modules/@anklepump|packages)/(${others.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layering,
    {
      name: 'motion-takes-exercise-types-only',
      severity: 'error',
      comment:
        'motion may use exercise for types only: a value import would make the pure engine depend on it',
      from: { path: '^packages/motion/' },
      to: { path: '^node_modules/@anklepump/exercise/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-takes-motion-types-only',
      severity: 'error',
      comment: 'server may use motion for types only (ARCHITECTURE.md)',
      from: { path: '^packages/server/' },
      to: { path: '^node_modules/@anklepump/motion/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-cores-no-node',
      severity: 'error',
      comment: 'exercise and motion are pure: no node:* modules',
      from: { path: '^packages/(exercise|motion)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-cores-no-npm',
      severity: 'error',
      comment: 'exercise and motion use no third-party package at run time',
      from: { path: '^packages/(exercise|motion)/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^node_modules/', pathNot: '^node_modules/@anklepump/' },
    },
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'an import cycle: split the shared part into its own module. Cycles made only of `import type` are erased at compile time and allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-undeclared-dependency',
      severity: 'error',
      comment: "a package imported without being in the importer's package.json",
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        'an import that does not resolve; a named deep import past a package exports map ends here too. `fhir/r4` is a types-only module of @types/fhir, which TypeScript resolves and the resolver here does not.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^fhir/r4$' },
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment: "another package's files reached past its public face (src/index.ts and the exports map)",
      from: {},
      to: { path: '^node_modules/@anklepump/', pathNot: PUBLIC_FACES },
    },
    {
      name: 'no-relative-cross-package',
      severity: 'error',
      comment: "another package's files reached by a relative path: import it by its name",
      from: { path: '^(packages/([^/]+)|e2e|bench|tools)/' },
      to: { path: '^packages/([^/]+)/', pathNot: '^packages/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|test-results|coverage)/' },
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
