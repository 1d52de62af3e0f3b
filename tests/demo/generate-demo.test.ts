/**
 * The bundled demo (geodata/demo) is exactly what scripts/generate-demo.ts makes from its seed, and it
 * has the shape the planner's story needs: a river crossed by three bridges, a railway crossed a few
 * times, ~60 estates with a mix of outcomes, a few facilities of each kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../scripts/generate-demo';

const DEMO_DIR = join(__dirname, '..', '..', 'geodata', 'demo');
const files = generateDemo();

type Pt = [number, number];
interface Way {
  refs: number[];
  tags: Record<string, string>;
}

/** A minimal OSM XML reader written for this test (independent of src/core/network). */
function readOsm(xml: string) {
  const nodes = new Map<number, Pt>();
  for (const m of xml.matchAll(/<node id="(\d+)" lat="([\d.]+)" lon="([\d.]+)"\/>/g)) {
    nodes.set(Number(m[1]), [Number(m[3]), Number(m[2])]);
  }
  const ways: Way[] = [];
  for (const m of xml.matchAll(/<way id="\d+">(.*?)<\/way>/g)) {
    const refs = [...m[1]!.matchAll(/<nd ref="(\d+)"\/>/g)].map((r) => Number(r[1]));
    const tags = Object.fromEntries(
      [...m[1]!.matchAll(/<tag k="([^"]+)" v="([^"]+)"\/>/g)].map((t) => [t[1], t[2]]),
    );
    ways.push({ refs, tags });
  }
  return { nodes, ways };
}

/** Proper segment intersection (orientation test). */
function crosses(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
}

function crossingsOf(osm: ReturnType<typeof readOsm>, barrier: Pt[]): number {
  let count = 0;
  for (const way of osm.ways.filter((w) => w.tags.highway)) {
    for (let k = 0; k + 1 < way.refs.length; k++) {
      const a = osm.nodes.get(way.refs[k]!)!;
      const b = osm.nodes.get(way.refs[k + 1]!)!;
      for (let s = 0; s + 1 < barrier.length; s++) if (crosses(a, b, barrier[s]!, barrier[s + 1]!)) count++;
    }
  }
  return count;
}

describe('demo generator', () => {
  it('reproduces the committed files byte for byte (run `npm run demo` after changing the generator)', () => {
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(join(DEMO_DIR, name), 'utf8'), name).toBe(content);
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateDemo(DEMO_SEED)).toEqual(files);
    expect(generateDemo(DEMO_SEED + 1)['streets.osm']).not.toBe(files['streets.osm']);
  });

  it('makes a 2–4k node street network whose ways reference existing nodes', () => {
    const osm = readOsm(files['streets.osm']!);
    expect(osm.nodes.size).toBeGreaterThanOrEqual(2000);
    expect(osm.nodes.size).toBeLessThanOrEqual(4000);
    for (const way of osm.ways) for (const ref of way.refs) expect(osm.nodes.has(ref)).toBe(true);
    expect(
      osm.ways.filter((w) => w.tags.highway === 'secondary' && w.tags.name?.endsWith('大道')),
    ).toHaveLength(2);
  });

  it('lets streets cross the river at exactly three bridges and the railway at a few crossings', () => {
    const osm = readOsm(files['streets.osm']!);
    const line = (tag: string) => osm.ways.find((w) => w.tags[tag])!.refs.map((r) => osm.nodes.get(r)!);
    expect(crossingsOf(osm, line('waterway'))).toBe(3);
    const rail = crossingsOf(osm, line('railway'));
    expect(rail).toBeGreaterThanOrEqual(2);
    expect(rail).toBeLessThanOrEqual(5);
  });

  it('makes ~60 synthetic estates with a mix of provided, failing and missing figures', () => {
    const estates = JSON.parse(files['estates.geojson']!).features as {
      properties: Record<string, unknown>;
    }[];
    expect(estates).toHaveLength(60);
    const props = estates.map((e) => e.properties);
    expect(props.every((p) => p.synthetic === true && typeof p.name === 'string')).toBe(true);
    expect(new Set(props.map((p) => p.name)).size).toBe(60);
    expect(props.some((p) => p.status === 'new') && props.some((p) => p.status === 'existing')).toBe(true);
    expect(props.filter((p) => p.elderlyCareFloorArea === null).length).toBeGreaterThan(3);
    expect(props.filter((p) => p.residents === null).length).toBeGreaterThan(10);
    // Some estates give less elderly-care area than Hefei's 20 m² per 100 households (001 line 207).
    const short = props.filter(
      (p) =>
        typeof p.elderlyCareFloorArea === 'number' &&
        p.elderlyCareFloorArea < (20 * (p.households as number)) / 100,
    );
    expect(short.length).toBeGreaterThan(5);
  });

  it('makes at least two facilities of each kind and three districts', () => {
    const facilities = JSON.parse(files['facilities.geojson']!).features as {
      properties: { kind: string };
    }[];
    const kinds = new Map<string, number>();
    for (const f of facilities) kinds.set(f.properties.kind, (kinds.get(f.properties.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual([
      'elderly-daycare',
      'elderly-home',
      'elderly-station',
      'kindergarten-nursery',
      'nursery',
    ]);
    for (const n of kinds.values()) expect(n).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(files['districts.geojson']!).features).toHaveLength(3);
    expect(JSON.parse(files['scenario.json']!).synthetic).toBe(true);
  });
});
