import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, runCli, SHARED_DATA } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-site-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A 6 × 6 street grid (≈ 95 m × 111 m blocks) as OpenStreetMap XML. */
function gridOsm(): string {
  const nodes: string[] = [];
  const ways: string[] = [];
  const id = (r: number, c: number) => 1 + r * 6 + c;
  for (let r = 0; r < 6; r++)
    for (let c = 0; c < 6; c++)
      nodes.push(
        `<node id="${id(r, c)}" lat="${(31.2 + r * 0.001).toFixed(4)}" lon="${(121.45 + c * 0.001).toFixed(4)}"/>`,
      );
  let w = 1000;
  for (let r = 0; r < 6; r++)
    ways.push(
      `<way id="${w++}">${[0, 1, 2, 3, 4, 5].map((c) => `<nd ref="${id(r, c)}"/>`).join('')}<tag k="highway" v="residential"/></way>`,
    );
  for (let c = 0; c < 6; c++)
    ways.push(
      `<way id="${w++}">${[0, 1, 2, 3, 4, 5].map((r) => `<nd ref="${id(r, c)}"/>`).join('')}<tag k="highway" v="footway"/></way>`,
    );
  return `<?xml version="1.0"?><osm version="0.6">${nodes.join('')}${ways.join('')}</osm>`;
}

const network = write('grid.osm', gridOsm());
const estates = write(
  'estates.csv',
  [
    'id,name,lng,lat,households',
    'w,West,121.4502,31.2012,400',
    'e,East,121.4548,31.2048,300',
    'm,Middle,121.4525,31.2025,200',
    'x,Broken,,31.2,100',
  ].join('\n'),
);
// Same headers as a facilities file: 经度/纬度, no id column (ids are row numbers); row 3 has no latitude.
const candidates = write(
  'candidates.csv',
  '名称,经度,纬度\nA,121.4502,31.2012\nB,121.4548,31.2048\nC,121.4525,\nD,121.9,31.9\n',
);

const base = [
  'site',
  '--estates',
  estates,
  '--network',
  network,
  '--kind',
  'nursery',
  '--minutes',
  '2',
  '--speed',
  '1',
  '--min-component',
  '1',
];

describe('lifecircle site', () => {
  it('writes the proposal JSON of issue #10, listing rejected rows and off-network candidates', () => {
    const { code, stdout, stderr } = runCli([...base, '--count', '1', '--candidates', candidates]);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    for (const key of [
      'model',
      'kind',
      'objective',
      'coveredBefore',
      'coveredAfter',
      'sites',
      'bound',
      'gapPct',
      'method',
      'seconds',
      'candidates',
      'demand',
      'errors',
      'warnings',
    ])
      expect(r).toHaveProperty(key);
    expect(Object.keys(r.seconds).sort()).toEqual(['exact', 'heuristic', 'matrix', 'total']);
    expect(r.candidates).toEqual({ given: 3, usable: 2, offNetwork: 1, reduced: expect.any(Number) });
    expect(Object.keys(r.demand).sort()).toEqual(['estates', 'offNetwork', 'unreachable']);
    // 120 m reach: site A (row 1) serves West's 400 households, site B East's 300.
    expect(r.sites).toHaveLength(1);
    expect(r.sites[0]).toMatchObject({ id: '1', gain: 400, households: 400, estates: 1 });
    expect(r.sites[0].lon).toBeCloseTo(121.4502, 6);
    expect(r.objective).toBe(400);
    expect(r.coveredBefore).toBe(0);
    expect(r.coveredAfter).toBe(400);
    expect(r.method).toBe('exact');
    expect(r.gapPct).toBe(0);
    expect(r.offNetworkCandidateIds).toEqual(['4']);
    const files = r.errors.map((e: { file: string; row: number }) => `${e.file}:${e.row}`);
    expect(files).toContain(`${estates}:4`);
    expect(files).toContain(`${candidates}:3`);
  });

  it('covers every reachable estate with the fewest sites (lscp) and writes CSV and GeoJSON', () => {
    const lscp = JSON.parse(runCli([...base, '--model', 'lscp', '--candidates', candidates]).stdout);
    expect(lscp.objective).toBe(lscp.sites.length);
    expect(lscp.coveredAfter).toBeGreaterThan(lscp.coveredBefore);
    const csv = runCli([...base, '--count', '2', '--candidates', candidates, '--format', 'csv']).stdout;
    expect(csv.split(/\r?\n/)[0]).toMatch(/^\ufeff?rank,id,lon,lat,gain,households,estates/);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    const geojson = JSON.parse(runCli([...base, '--count', '2', '--format', 'geojson']).stdout);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features[0].properties.rank).toBe(1);
    expect(geojson.proposal.errors).toHaveLength(1);
  });

  it('limits automatic candidates to --area and refuses an area that is not a polygon', () => {
    // The western half of the grid: only West (121.4502) can get a site; East and Middle stay unserved.
    const west = write(
      'west.geojson',
      JSON.stringify({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [121.449, 31.199],
              [121.4515, 31.199],
              [121.4515, 31.206],
              [121.449, 31.206],
              [121.449, 31.199],
            ],
          ],
        },
      }),
    );
    const all = JSON.parse(runCli([...base, '--count', '3']).stdout);
    const inArea = JSON.parse(runCli([...base, '--count', '3', '--area', west]).stdout);
    expect(inArea.candidates.given).toBeGreaterThan(0);
    expect(inArea.candidates.given).toBeLessThan(all.candidates.given);
    for (const site of inArea.sites) expect(site.lon).toBeLessThanOrEqual(121.4515);
    const line = write(
      'line.geojson',
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [121.45, 31.2],
          [121.46, 31.21],
        ],
      }),
    );
    const bad = runCli([...base, '--area', line]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line\.geojson: the geometry is a LineString, not a polygon/);
  });

  it.each([
    [['--model', 'best'], /--model must be one of mclp, lscp, capacitated/],
    [['--count', '0'], /--count expects a number > 0/],
    [['--count', '2.5'], /--count expects a whole number/],
    [['--model', 'capacitated'], /capacitated model needs each new site's capacity/],
    [['--kind', 'school'], /--kind must be one of/],
    [['--weights', '1,2'], /--weights gives 2 weights for 1 kinds/],
  ])('refuses %j with a message, exit 2', (extra, message) => {
    const { code, stderr } = runCli([...base, ...extra]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it.runIf(HAS_SHARED_DATA)(
    'proposes 10 nurseries on the real Shanghai network with a proven gap ≤ 1 %',
    () => {
      const dirSh = join(SHARED_DATA, 'shanghai-center');
      const { code, stdout } = runCli([
        'site',
        '--estates',
        join(dirSh, 'compounds.csv'),
        '--crs',
        'bd09',
        '--network',
        join(dirSh, 'roads.osm'),
        '--kind',
        'nursery',
        '--count',
        '10',
        '--snap',
        'node',
        '--minutes',
        '15',
        '--speed',
        String(1000 / 900),
      ]);
      expect(code).toBe(0);
      const r = JSON.parse(stdout);
      expect(r.sites).toHaveLength(10);
      expect(r.objective).toBeLessThanOrEqual(r.bound + 1e-6);
      expect(r.gapPct).toBeLessThanOrEqual(1);
      expect(r.coveredAfter - r.coveredBefore).toBeCloseTo(r.objective, 6);
    },
  );
});
