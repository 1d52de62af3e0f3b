/**
 * The core is pure (architecture.md, issue #9): no file in src/core imports React, MapLibre, Zustand,
 * a Node built-in, or code from src/ui, src/map, src/store, src/worker or src/cli. This scans the
 * sources themselves, so it holds even where a lint rule is switched off or overridden.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORE = join(ROOT, 'src/core');
const FORBIDDEN_PACKAGES = ['react', 'react-dom', 'maplibre-gl', 'zustand'];
const SHELLS = ['ui', 'map', 'store', 'worker', 'cli'];
/** import … from '…', export … from '…', import '…', import('…'), require('…'). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Why an import is not allowed in the core, or null when it is.
 * @param file the importing file
 * @param specifier the imported module
 */
function forbiddenImport(file: string, specifier: string): string | null {
  const bare = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  if (FORBIDDEN_PACKAGES.includes(bare)) return `imports ${bare}`;
  if (specifier.startsWith('node:') || builtinModules.includes(bare))
    return `imports the Node built-in ${specifier}`;
  if (specifier.startsWith('.')) {
    const target = relative(join(ROOT, 'src'), resolve(dirname(file), specifier)).split(/[\\/]/)[0]!;
    if (SHELLS.includes(target)) return `imports src/${target}`;
  }
  return null;
}

describe('src/core purity', () => {
  it('recognises what it forbids', () => {
    const file = join(CORE, 'coverage/x.ts');
    expect(forbiddenImport(file, 'react')).toMatch(/react/);
    expect(forbiddenImport(file, 'zustand/vanilla')).toMatch(/zustand/);
    expect(forbiddenImport(file, 'maplibre-gl')).toMatch(/maplibre/);
    expect(forbiddenImport(file, 'fs')).toMatch(/built-in/);
    expect(forbiddenImport(file, 'node:path')).toMatch(/built-in/);
    expect(forbiddenImport(file, '../../store/types')).toBe('imports src/store');
    expect(forbiddenImport(file, '../../worker/protocol')).toBe('imports src/worker');
    expect(forbiddenImport(file, '../network/haversine')).toBeNull();
    expect(forbiddenImport(file, 'flatbush')).toBeNull();
  });

  it('has no file that imports UI, map, store, worker or CLI code, or Node built-ins', () => {
    const files = sources(CORE);
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const why = forbiddenImport(file, match[1]!);
        if (why) problems.push(`${relative(ROOT, file)} ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('src/worker boundaries', () => {
  it('has no file that imports store, UI or map code (the worker answers in its own protocol types)', () => {
    const worker = join(ROOT, 'src/worker');
    const files = sources(worker);
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.')) continue;
        const target = relative(join(ROOT, 'src'), resolve(dirname(file), specifier)).split(/[\\/]/)[0]!;
        if (['store', 'ui', 'map'].includes(target))
          problems.push(`${relative(ROOT, file)} imports src/${target}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
