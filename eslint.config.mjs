// `npm run lint`: typescript-eslint's recommended rules, and the boundaries the architecture
// depends on: the language core (server/src/core) imports no LSP or VS Code module.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const LSP_AND_VSCODE = {
  patterns: [
    {
      group: [
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        'vscode-languageserver-*',
        'vscode-languageclient',
        'vscode-languageclient/*',
        'vscode-jsonrpc',
        'vscode-jsonrpc/*',
      ],
      message: 'server/src/core is the language core: plain text in, plain data out, no LSP or VS Code imports (README, Development).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.cache/', 'node_modules/', 'test-artifacts/', 'bench-results/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // `_`-prefixed parameters are the interface's, unused on purpose; tsc's noUnused* checks the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Some captioning feeds write their dash as U+001E: patterns match that control character on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Code evaluated in the browser page: the DOM's types are not in this project's lib.
    files: ['test/e2e/phases/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', LSP_AND_VSCODE] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
