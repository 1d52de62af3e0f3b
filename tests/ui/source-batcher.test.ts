/**
 * SourceBatcher: one update per changed source per frame; data queued while the analysis is busy
 * waits (up to MAX_HOLD_MS) so the map re-tiles once, except urgent data (a dragged point); identical
 * facility content is not sent again; keyed sources get a diff (updateData) when few features
 * changed, nothing but a repaint when none did. Animation frames and the clock are driven by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { MAX_HOLD_MS, SourceBatcher } from '../../src/map/source-batcher';
import { SOURCE_IDS } from '../../src/map/layers';

let frames: (() => void)[] = [];
let now = 0;
const nextFrame = () => {
  const run = frames;
  frames = [];
  run.forEach((f) => f());
};

function fakeMap() {
  const sent: [string, unknown][] = [];
  const diffs: [string, unknown][] = [];
  const repaints = { count: 0 };
  const sources = new Map<
    string,
    { setData(d: unknown): Promise<void>; updateData(d: unknown): Promise<void> }
  >();
  const map = {
    getSource: (id: string) => sources.get(id),
    addSource: (id: string) =>
      sources.set(id, {
        setData: (d: unknown) => {
          sent.push([id, d]);
          return Promise.resolve();
        },
        updateData: (d: unknown) => {
          diffs.push([id, d]);
          return Promise.resolve();
        },
      }),
    triggerRepaint: () => repaints.count++,
  };
  return { map: map as unknown as MlMap, sent, diffs, repaints };
}

const fc = (n: number) => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'f', n }, geometry: { type: 'Point', coordinates: [n, 0] } },
  ],
});

beforeEach(() => {
  frames = [];
  now = 0;
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('SourceBatcher', () => {
  it('sends the latest data of each changed source once per frame', () => {
    const { map, sent } = fakeMap();
    const b = new SourceBatcher(map, { onFlush: () => undefined, busy: () => false });
    b.install();
    expect(sent).toEqual([]); // install adds the sources with their data: no setData
    const a1 = fc(1);
    const a2 = fc(2);
    b.queue('estates', a1);
    b.queue('estates', a2);
    b.queue('underserved', a1);
    nextFrame();
    expect(sent).toEqual([
      ['estates', a2],
      ['underserved', a1],
    ]);
    expect(b.queue('estates', a2)).toBe(false); // already shown
    nextFrame();
    expect(sent).toHaveLength(2);
  });

  it('holds data while the analysis is busy, at most MAX_HOLD_MS, but not urgent data', () => {
    const { map, sent } = fakeMap();
    let busy = true;
    const b = new SourceBatcher(map, { onFlush: () => undefined, busy: () => busy });
    b.install();
    b.queue('estates', fc(1));
    b.queue('facilities', fc(7), true);
    nextFrame();
    expect(sent.map(([id]) => id)).toEqual(['facilities']);
    expect(b.hasPending(['estates'])).toBe(true);
    now = MAX_HOLD_MS - 1;
    nextFrame();
    expect(sent).toHaveLength(1);
    now = MAX_HOLD_MS;
    nextFrame();
    expect(sent.map(([id]) => id)).toEqual(['facilities', 'estates']);

    b.queue('estates', fc(2));
    nextFrame();
    expect(sent).toHaveLength(2);
    busy = false; // the analysis settled: drawn on the next frame
    nextFrame();
    expect(sent.map(([id]) => id)).toEqual(['facilities', 'estates', 'estates']);
    expect(b.hasPending([...SOURCE_IDS])).toBe(false);
  });

  it('does not resend facilities whose content is unchanged (a drop after the preview)', () => {
    const { map, sent } = fakeMap();
    const b = new SourceBatcher(map, { onFlush: () => undefined, busy: () => false });
    b.install();
    b.queue('facilities', fc(3), true);
    nextFrame();
    expect(b.queue('facilities', fc(3))).toBe(false);
    expect(b.queue('estates', fc(3))).toBe(true); // only the small facility layer is compared by content
    expect(b.queue('facilities', fc(4))).toBe(true);
    nextFrame();
    expect(sent.map(([id]) => id)).toEqual(['facilities', 'estates', 'facilities']);
  });

  it('sends a keyed source as a diff when few features changed, as new data otherwise', () => {
    const { map, sent, diffs, repaints } = fakeMap();
    const flushed: string[][] = [];
    const b = new SourceBatcher(map, { onFlush: (ids) => flushed.push(ids), busy: () => false });
    b.install();
    const estates = (v: (k: number) => number) => ({
      type: 'FeatureCollection' as const,
      features: Array.from({ length: 10 }, (_, k) => ({
        type: 'Feature' as const,
        properties: { id: `e${k}`, minutes: v(k) },
        geometry: { type: 'Point' as const, coordinates: [k, 0] },
      })),
    });
    const first = estates(() => 5);
    b.queue('estates', first); // the source was added empty: every feature is new
    nextFrame();
    expect(sent).toEqual([['estates', first]]);
    b.queue(
      'estates',
      estates((k) => (k === 4 ? 12 : 5)),
    ); // one estate further from a facility
    nextFrame();
    expect(sent).toHaveLength(1);
    expect(diffs).toEqual([
      ['estates', { update: [{ id: 'e4', addOrUpdateProperties: [{ key: 'minutes', value: 12 }] }] }],
    ]);
    expect(
      b.queue(
        'estates',
        estates((k) => (k === 4 ? 12 : 5)),
      ),
    ).toBe(true); // a new object…
    nextFrame();
    expect(diffs).toHaveLength(1); // …with the same content: nothing sent
    expect(repaints.count).toBe(1); // but a render tells the controller it is drawn
    expect(b.hasPending(['estates'])).toBe(false);
    const all = estates((k) => k);
    b.queue('estates', all); // 9 of 10 changed: new data
    b.queue('districts', fc(1)); // not keyed: always new data
    nextFrame();
    expect(sent).toEqual([
      ['estates', first],
      ['estates', all],
      ['districts', fc(1)],
    ]);
    expect(flushed).toEqual([['estates'], ['estates'], ['estates', 'districts']]);
  });
});
