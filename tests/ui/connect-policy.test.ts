/** The narrow Content-Security-Policy (issue #13): the page itself, plus exactly the base map's hosts. */
import { describe, expect, it } from 'vitest';
import { connectPolicy, isStyleDocument, styleOrigins } from '../../src/ui/app/connect-policy';

describe('styleOrigins', () => {
  it('names no host for the offline base map or an unusable URL', () => {
    expect(styleOrigins('')).toEqual([]);
    expect(styleOrigins('   ')).toEqual([]);
    expect(styleOrigins('tiles/{z}/{x}/{y}.png')).toEqual([]);
    expect(styleOrigins('mapbox://styles/x/y')).toEqual([]);
    expect(styleOrigins('javascript:alert(1)')).toEqual([]);
  });

  it('names the host of a tile template or style URL, with its port', () => {
    expect(styleOrigins(' https://tile.openstreetmap.org/{z}/{x}/{y}.png ')).toEqual([
      'https://tile.openstreetmap.org',
    ]);
    expect(styleOrigins('http://127.0.0.1:8123/style.json?key=abc')).toEqual(['http://127.0.0.1:8123']);
    expect(styleOrigins('https://T0.Tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&z={z}')).toEqual([
      'https://t0.tianditu.gov.cn',
    ]);
  });

  it('adds the hosts a style document names: sprite, glyphs, tiles, TileJSON, GeoJSON data', () => {
    const style = {
      version: 8,
      sprite: [
        { id: 'a', url: 'https://sprites.example.com/s' },
        { id: 'b', url: '/relative/sprite' },
      ],
      glyphs: 'https://fonts.example.com/{fontstack}/{range}.pbf',
      sources: {
        v: { type: 'vector', url: 'https://tilejson.example.net/v.json' },
        r: {
          type: 'raster',
          tiles: [
            'https://a.tiles.example.org/{z}/{x}/{y}.png',
            'https://b.tiles.example.org/{z}/{x}/{y}.png',
          ],
        },
        g: { type: 'geojson', data: 'https://data.example.edu/x.geojson' },
        inline: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        broken: null,
      },
    };
    expect(styleOrigins('https://styles.example.com/style.json', style)).toEqual([
      'https://a.tiles.example.org',
      'https://b.tiles.example.org',
      'https://data.example.edu',
      'https://fonts.example.com',
      'https://sprites.example.com',
      'https://styles.example.com',
      'https://tilejson.example.net',
    ]);
    expect(
      styleOrigins('https://styles.example.com/style.json', { sprite: 'https://styles.example.com/sp' }),
    ).toEqual(['https://styles.example.com']);
    expect(styleOrigins('https://s.example.com/style.json', 'not a style')).toEqual([
      'https://s.example.com',
    ]);
  });

  it('tells style documents from tile templates', () => {
    expect(isStyleDocument('https://s.example.com/style.json')).toBe(true);
    expect(isStyleDocument('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(false);
    expect(isStyleDocument('')).toBe(false);
    expect(isStyleDocument('not a url')).toBe(false);
  });
});

describe('connectPolicy', () => {
  it('allows only the page, blob: and data: without a base map', () => {
    expect(connectPolicy([])).toBe("connect-src 'self' blob: data:; img-src 'self' blob: data:");
  });

  it('adds exactly the given hosts to connect-src and img-src', () => {
    const policy = connectPolicy(['https://tile.openstreetmap.org', 'http://127.0.0.1:8123']);
    const directives = Object.fromEntries(
      policy.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(Object.keys(directives)).toEqual(['connect-src', 'img-src']);
    for (const sources of Object.values(directives))
      expect(sources).toEqual([
        "'self'",
        'blob:',
        'data:',
        'https://tile.openstreetmap.org',
        'http://127.0.0.1:8123',
      ]);
    expect(policy).not.toMatch(/https:(?!\/)|ws:|\*/);
  });

  it('never writes something that is not an origin (no new directive, no wildcard)', () => {
    const policy = connectPolicy([
      'https://a.example.com; script-src *',
      '*',
      'https:',
      'https://ok.example.com',
    ]);
    expect(policy).toBe(
      "connect-src 'self' blob: data: https://ok.example.com; img-src 'self' blob: data: https://ok.example.com",
    );
  });
});
