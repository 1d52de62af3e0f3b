import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/bench/results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/public/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Only MapController talks to MapLibre (style.md: one imperative owner of the map). The core has
    // its own, stricter rule below: ESLint applies one no-restricted-imports per file (the later block
    // wins), so the core is left out here rather than having its rule replaced.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['maplibre-gl'] }],
    },
  },
  {
    // The core is pure: no UI, map, store, worker or CLI code, no Node built-ins (architecture.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'maplibre-gl', 'zustand', ...builtinModules],
          patterns: [
            'react/*',
            'react-dom/*',
            'maplibre-gl/*',
            'zustand/*',
            'node:*',
            '**/ui/**',
            '**/map/**',
            '**/store/**',
            '**/worker/**',
            '**/cli/**',
          ],
        },
      ],
    },
  },
);
