/**
 * Issue #13: every CLI command given broken, damaged or hostile inputs ends with exit 2 (input
 * unusable) and one clear message naming the file — never a stack trace (no `    at …` line).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWalkingGraph, serializeGraph } from '../../src/core';
import { graphSections } from '../../src/core/network/graph-file-layout';
import { ROOT, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-broken-'));
const write = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const OSM = join(ROOT, 'tests', 'fixtures', 'network', 'in', 'walking-filters.osm');
const REPORT_IN = join(ROOT, 'tests', 'fixtures', 'report', 'in');
const estates = write('estates.csv', 'id,name,lng,lat,households\na,A,121.40,31.20,100\n');
const facilities = write('facilities.csv', 'id,name,kind,places,lng,lat\nn1,N,nursery,20,121.40,31.21\n');

/** A valid graph file of the hand-made OSM fixture, and damaged copies of it. */
const graphs: Record<string, string> = {};
beforeAll(async () => {
  const { graph, report } = await buildWalkingGraph(new Uint8Array(readFileSync(OSM)), { minComponent: 1 });
  const good = serializeGraph(graph, report);
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = graphSections(graph.nodeCount, graph.targets.length, view(good).getUint32(24, true));
  const damaged = (name: string, change: (bytes: Uint8Array) => void) => {
    const copy = good.slice();
    change(copy);
    graphs[name] = write(name, copy);
  };
  damaged('negative-length.lcwg', (b) => view(b).setFloat32(at.lengths + 4, -5, true));
  damaged('nan-length.lcwg', (b) => view(b).setFloat32(at.lengths, Number.NaN, true));
  damaged('nan-coordinate.lcwg', (b) => view(b).setFloat64(at.coords + 8, Number.NaN, true));
  damaged('offsets.lcwg', (b) => view(b).setUint32(at.offsets + 4 * 2, 0xffff, true));
  damaged('report-block.lcwg', (b) => b.fill(0x7b, at.report, at.total)); // "{{{{…"
  damaged('truncated.lcwg', () => undefined);
  graphs['truncated.lcwg'] = write('truncated.lcwg', good.subarray(0, at.lengths));
});

const badCharRef = write(
  'bad-char.osm',
  readFileSync(OSM, 'utf8').replace('v="residential"', 'v="residential&#x110000;"'),
);
// A plausible .pbf: a length prefix and a BlobHeader of type OSMHeader, then garbage.
const corruptPbf = write(
  'corrupt.osm.pbf',
  new Uint8Array([
    0,
    0,
    0,
    13,
    0x0a,
    0x09,
    ...strToU8('OSMHeader'),
    0x18,
    0x7f,
    0xff,
    0xff,
    0x1f,
    0x08,
    0xff,
  ]),
);
const corruptPbf2 = write(
  'corrupt2.osm.pbf',
  new Uint8Array([
    0,
    0,
    0,
    13,
    0x0a,
    0x09,
    ...strToU8('OSMHeader'),
    0x18,
    0x06,
    0x1a,
    0x04,
    0xff,
    0xff,
    0xff,
    0xff,
  ]),
);
const garbageGz = write(
  'garbage.osm.gz',
  new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]),
);
const notJson = write('broken.geojson', '{"type":"FeatureCollection","features":[{"type":');
const badProfile = write('profile.json', '{"id": "mine", "rules": [');
const garbageXlsx = write('estates.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]));
const garbageZip = write('estates.zip', new Uint8Array([0x50, 0x4b, 5, 6, 0, 0, 0, 0]));
const hostileDbf = (() => {
  const dbf = new Uint8Array(66);
  const v = new DataView(dbf.buffer);
  v.setUint32(4, 2 ** 31, true);
  v.setUint16(8, 65, true);
  v.setUint16(10, 9, true);
  dbf.set(strToU8('NAME'), 32);
  dbf[43] = 0x43;
  dbf[48] = 8;
  dbf[64] = 0x0d;
  const shp = new Uint8Array(100);
  new DataView(shp.buffer).setInt32(0, 9994, false);
  new DataView(shp.buffer).setInt32(24, 50, false);
  new DataView(shp.buffer).setInt32(32, 1, true);
  return write('hostile.zip', zipSync({ 'a.shp': shp, 'a.dbf': dbf }));
})();
const garbageKml = write('estates.kml', '<kml><Document><Placemark><Point><coordinates>1,');
const missing = join(dir, 'does-not-exist.csv');

const cases: [string, () => string[]][] = [
  ['check: missing file', () => ['check', missing, '--profile', 'hefei']],
  ['check: GeoJSON cut short', () => ['check', notJson, '--profile', 'hefei']],
  ['check: damaged profile file', () => ['check', estates, '--profile', badProfile]],
  ['check: not an xlsx', () => ['check', garbageXlsx, '--profile', 'hefei']],
  ['check: not a zip', () => ['check', garbageZip, '--profile', 'hefei']],
  ['check: .dbf claiming 2³¹ records', () => ['check', hostileDbf, '--profile', 'hefei']],
  ['check: KML cut short', () => ['check', garbageKml, '--profile', 'hefei']],
  ['check: damaged facilities file', () => ['check', estates, '--profile', 'hefei', '--facilities', notJson]],
  ['coverage: damaged estates', () => ['coverage', '--estates', notJson, '--facilities', facilities]],
  ...(
    [
      'negative-length.lcwg',
      'nan-length.lcwg',
      'nan-coordinate.lcwg',
      'offsets.lcwg',
      'report-block.lcwg',
      'truncated.lcwg',
    ] as const
  ).map((name): [string, () => string[]] => [
    `coverage: graph file ${name}`,
    () => ['coverage', '--estates', estates, '--facilities', facilities, '--network', graphs[name] as string],
  ]),
  [
    'coverage: OSM character reference outside Unicode',
    () => ['coverage', '--estates', estates, '--facilities', facilities, '--network', badCharRef],
  ],
  [
    'coverage: corrupt .pbf',
    () => ['coverage', '--estates', estates, '--facilities', facilities, '--network', corruptPbf],
  ],
  [
    'build-network: OSM character reference outside Unicode',
    () => ['build-network', badCharRef, '-o', join(dir, 'o1.lcwg')],
  ],
  ['build-network: corrupt .pbf', () => ['build-network', corruptPbf, '-o', join(dir, 'o2.lcwg')]],
  ['build-network: another corrupt .pbf', () => ['build-network', corruptPbf2, '-o', join(dir, 'o3.lcwg')]],
  ['build-network: damaged .osm.gz', () => ['build-network', garbageGz, '-o', join(dir, 'o4.lcwg')]],
  [
    'build-network: a graph file is not OSM',
    () => ['build-network', graphs['report-block.lcwg'] as string, '-o', join(dir, 'o5.lcwg')],
  ],
  ['report: damaged estates', () => ['report', notJson, '--profile', 'hefei', '--out', join(dir, 'r1.html')]],
  [
    'report: damaged graph file',
    () => [
      'report',
      join(REPORT_IN, 'estates.geojson'),
      '--profile',
      'hefei',
      '--facilities',
      join(REPORT_IN, 'facilities.geojson'),
      '--network',
      graphs['negative-length.lcwg'] as string,
      '--out',
      join(dir, 'r2.html'),
    ],
  ],
  [
    'report: corrupt .pbf',
    () => ['report', estates, '--profile', 'hefei', '--network', corruptPbf, '--out', join(dir, 'r3.html')],
  ],
  [
    'report: damaged facilities file',
    () => ['report', estates, '--profile', 'hefei', '--facilities', notJson, '--out', join(dir, 'r4.html')],
  ],
  ['unknown command', () => ['frobnicate']],
];

describe('broken inputs: exit 2, a message, no stack trace (#13)', () => {
  it.each(cases)('%s', (_label, args) => {
    const { code, stdout, stderr } = runCli(args());
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(code, `${stderr}\n${stdout.slice(0, 400)}`).toBe(2);
    // The message is on stderr, or in the table on stdout (check lists unusable rows there).
    expect(`${stderr}${stdout}`).toMatch(/lifecircle: |无法使用|unusable/);
  });

  it('the undamaged graph file and OSM file load (the damage is what fails)', () => {
    const built = runCli(['build-network', OSM, '--min-component', '1', '-o', join(dir, 'good.lcwg')]);
    expect(built.code, built.stderr).toBe(0);
    const run = runCli([
      'coverage',
      '--estates',
      estates,
      '--facilities',
      facilities,
      '--network',
      join(dir, 'good.lcwg'),
    ]);
    expect(run.code, run.stderr).toBe(0);
  });

  it('says what is wrong with an OSM file and a .pbf', () => {
    expect(runCli(['build-network', badCharRef, '-o', join(dir, 'o6.lcwg')]).stderr).toContain(
      'character reference &#x110000; in "residential&#x110000;" is not a Unicode character',
    );
    expect(runCli(['build-network', corruptPbf2, '-o', join(dir, 'o7.lcwg')]).stderr).toMatch(
      /corrupt2\.osm\.pbf: OSM PBF: blob 0 at byte 0: the file is damaged/,
    );
  });

  it('names the damaged graph file and what is wrong', () => {
    for (const [name, what] of [
      ['negative-length.lcwg', /length/],
      ['nan-coordinate.lcwg', /coordinate/],
      ['report-block.lcwg', /report/],
    ] as const) {
      const path = graphs[name] as string;
      const { stderr } = runCli([
        'coverage',
        '--estates',
        estates,
        '--facilities',
        facilities,
        '--network',
        path,
      ]);
      expect(stderr).toContain(path);
      expect(stderr).toMatch(what);
    }
  });
});
