/** MapLibre's own UI texts: every string MapLibre has in Chinese and English, and the re-labelling on a switch. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAP_LOCALES, mapLocale, relabelControls, relabelScale, scaleLabel } from '../../src/map/map-locale';

/** The string ids of MapLibre's default locale, from the type declarations the package ships. */
function defaultLocaleIds(): string[] {
  const pkg = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
  const dts = readFileSync(join(dirname(pkg), 'dist', 'maplibre-gl.d.ts'), 'utf8');
  const block = /declare const defaultLocale: \{([^}]*)\}/.exec(dts)?.[1];
  if (!block) throw new Error('defaultLocale not found in maplibre-gl.d.ts');
  return [...block.matchAll(/"([^"]+)":\s*string;/g)].map((m) => m[1]!);
}

describe('map locale', () => {
  it('has a Chinese and an English text for every string of MapLibre’s default locale', () => {
    const ids = defaultLocaleIds();
    expect(ids).toContain('NavigationControl.ZoomIn');
    expect(ids).toContain('Map.Title');
    for (const lang of ['zh', 'en'] as const) {
      const texts: Record<string, string> = MAP_LOCALES[lang];
      for (const id of ids) expect(texts[id]?.trim(), `${lang} ${id}`).toBeTruthy();
      // No stale ids MapLibre no longer has.
      expect(Object.keys(texts).sort()).toEqual([...ids].sort());
    }
  });

  it('is Chinese in zh', () => {
    const zh = mapLocale('zh');
    expect(zh['NavigationControl.ZoomIn']).toBe('放大');
    expect(zh['NavigationControl.ZoomOut']).toBe('缩小');
    expect(zh['Map.Title']).toBe('地图');
    expect(zh['ScaleControl.Meters']).toBe('米');
    for (const [id, text] of Object.entries(zh))
      if (!id.startsWith('CooperativeGesturesHandler') && id !== 'LogoControl.Title')
        expect(text, id).not.toMatch(/[A-Za-z]/);
  });

  it('puts a scale label’s unit into the language, leaving the distance', () => {
    expect(scaleLabel('500\u00a0m', 'zh')).toBe('500\u00a0米');
    expect(scaleLabel('2\u00a0km', 'zh')).toBe('2\u00a0公里');
    expect(scaleLabel('2\u00a0公里', 'en')).toBe('2\u00a0km');
    expect(scaleLabel('300\u00a0米', 'zh')).toBe('300\u00a0米');
    expect(scaleLabel('', 'zh')).toBe('');
    expect(scaleLabel('5\u00a0parsec', 'zh')).toBe('5\u00a0parsec');
  });

  it('re-labels the canvas, the controls and the scale bar found by class name', () => {
    const attrs = new Map<string, Record<string, string>>();
    const scale = { textContent: '100\u00a0米' as string | null, setAttribute: () => {} };
    const root = {
      querySelectorAll(selector: string) {
        if (selector === '.maplibregl-ctrl-scale') return [scale];
        const setAttribute = (name: string, value: string) => {
          attrs.set(selector, { ...attrs.get(selector), [name]: value });
        };
        return [{ textContent: null, setAttribute }];
      },
    };
    relabelControls(root, 'en');
    relabelScale(root, 'en');
    expect(attrs.get('.maplibregl-ctrl-zoom-in')).toEqual({ 'aria-label': 'Zoom in', title: 'Zoom in' });
    expect(attrs.get('.maplibregl-canvas')).toEqual({ 'aria-label': 'Map' });
    expect(scale.textContent).toBe('100\u00a0m');
    relabelControls(root, 'zh');
    expect(attrs.get('.maplibregl-ctrl-zoom-out')).toEqual({ 'aria-label': '缩小', title: '缩小' });
  });
});
