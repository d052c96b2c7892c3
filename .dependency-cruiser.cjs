// The layering rules of DESIGN.md §2, checked by `npm run check:layers` (part of `npm test`), so that reviewers'
// memory is not what keeps the layers apart. Type-only imports are allowed across layers where they describe a
// contract (workflows name their activities' types); everything that runs must respect the arrows below.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes two modules one; split what they share into a third.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'workflows-import-only-workflow-safe-code',
      severity: 'error',
      comment: 'Workflow code runs in Temporal\'s deterministic sandbox: workflows, pure domain code, the pure id and search-attribute rules, and the workflow SDK; activities as types only.',
      from: { path: '^workflows/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: [
          '^workflows/',
          '^domain/',
          '^control/(ids|search-attributes)\\.ts$',
          '^node_modules/@temporalio/(workflow|common)/',
        ],
      },
    },
    {
      name: 'api-reaches-adapters-only-through-their-front-doors',
      severity: 'error',
      comment: 'The API uses a QuickBooks wing through its index.ts (and the shared port, errors and resolver), never an adapter\'s insides.',
      from: { path: '^api/' },
      to: { path: '^quickbooks/(online|desktop)/', pathNot: '^quickbooks/(online|desktop)/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Business rules import no I/O: no Node builtins, no database, no HTTP, no Temporal, no other layer.',
      from: { path: '^domain/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['^domain/', '^node_modules/typebox/'],
      },
    },
    {
      name: 'activities-do-not-import-the-api',
      severity: 'error',
      comment: 'Activities are called by workflows; the API is a separate entry point.',
      from: { path: '^(activities|control|quickbooks|db|outbound)/' },
      to: { path: '^api/' },
    },
    {
      name: 'nothing-reads-shared-specs-at-run-time',
      severity: 'error',
      comment: 'The product carries what it serves; ../shared is for generators and tests only.',
      from: { path: '^(api|activities|control|quickbooks|domain|db|outbound|workflows|config)/' },
      to: { path: '^\\.\\./shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|db/migrations)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
