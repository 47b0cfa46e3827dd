// Lint: typescript-eslint's recommended rules, and the layer rule the README states: only the
// edges touch disk, processes or the terminal. Everything else (checklist, answers, scoring,
// evidence, report, render, ...) is pure. Import cycles are held at zero by
// test/unit/import-graph.test.ts (scripts/import-graph.mjs), which also counts type-only and
// dynamic imports. Formatting is Prettier's business (`npm run format`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The modules allowed to touch disk, git or the terminal. */
const edges = [
  'src/io/**',
  'src/load/**',
  'src/cli/**',
  'src/build-steps/**',
  'src/interactive/prompter.ts',
  'src/history/git.ts',
  'src/history/passes.ts',
  'src/scan/list-files.ts',
  'src/scan/read-file.ts',
  'src/scan/scan-directory.ts',
  'src/scan/scan.ts',
];
const edgeOnly = ['fs', 'fs/promises', 'child_process', 'readline'].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'bench/**', 'scripts/**', 'bin/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
      // Literal spaces in a pattern that matches YAML indentation read better than {2}.
      'no-regex-spaces': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: edges,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: edgeOnly.map((name) => ({
            name,
            message: 'only the edges touch disk, processes or the terminal (eslint.config.js lists them): pass data in instead',
          })),
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'only the edges write to the terminal' },
        { object: 'process', property: 'stderr', message: 'only the edges write to the terminal' },
        { object: 'process', property: 'exit', message: 'only the CLI ends the process' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }] },
  },
);
