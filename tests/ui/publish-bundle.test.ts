/** The planner's 发布 / Publish bundle: the page's files found through the build manifest, zipped with the data. */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PublishedScenario } from '../../src/core/publish';
import { pageFiles, publishBundle, type ManifestChunk } from '../../src/ui/app/publish-bundle';

const manifest: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-1.js', imports: ['_shared.js'] },
  'public.html': {
    file: 'assets/public-2.js',
    imports: ['_shared.js', '_kdbush.js'],
    css: ['assets/public-3.css'],
  },
  '_shared.js': {
    file: 'assets/shared-4.js',
    css: ['assets/shared-5.css'],
    assets: ['assets/worker-6.mjs'],
    imports: ['_kdbush.js'],
  },
  '_kdbush.js': { file: 'assets/kdbush-7.js' },
};

describe('publish bundle', () => {
  it('lists every file the page loads, each once, and none of the planner’s own', () => {
    expect(pageFiles(manifest, 'public.html')).toEqual([
      'assets/public-2.js',
      'assets/public-3.css',
      'assets/shared-4.js',
      'assets/shared-5.css',
      'assets/worker-6.mjs',
      'assets/kdbush-7.js',
    ]);
    expect(() =>
      pageFiles({ ...manifest, 'public.html': { file: 'p.js', imports: ['_gone.js'] } }, 'public.html'),
    ).toThrow(/no entry "_gone.js"/);
  });

  it('zips index.html, the assets, scenario.json and the network', async () => {
    const files: Record<string, string> = {
      'page-manifest.json': JSON.stringify(manifest),
      'public.html': '<html>page</html>',
      ...Object.fromEntries(pageFiles(manifest, 'public.html').map((p) => [p, `content of ${p}`])),
    };
    const asked: string[] = [];
    const zip = await publishBundle(
      {
        scenario: { name: '方案', publishedAt: '2026-12-07T00:00:00Z' } as PublishedScenario,
        network: new Uint8Array([1, 2, 3]),
      },
      (path) => {
        asked.push(path);
        if (!(path in files)) return Promise.reject(new Error(`404 ${path}`));
        return Promise.resolve(new TextEncoder().encode(files[path]));
      },
    );
    const entries = unzipSync(zip);
    const text = (k: string) => new TextDecoder().decode(entries[k]);
    expect(Object.keys(entries).sort()).toEqual(
      ['index.html', 'network.lcwg', 'scenario.json', 'sw.js', ...pageFiles(manifest, 'public.html')].sort(),
    );
    expect(text('index.html')).toBe('<html>page</html>');
    expect(text('assets/worker-6.mjs')).toBe('content of assets/worker-6.mjs');
    expect(JSON.parse(text('scenario.json'))).toEqual({ name: '方案', publishedAt: '2026-12-07T00:00:00Z' });
    expect([...entries['network.lcwg']!]).toEqual([1, 2, 3]);
    expect(asked).not.toContain('assets/index-1.js');
    // The offline script stores every other file of the bundle.
    for (const f of ['index.html', 'scenario.json', 'network.lcwg', 'assets/worker-6.mjs'])
      expect(text('sw.js')).toContain(`"./${f}"`);
  });
});
