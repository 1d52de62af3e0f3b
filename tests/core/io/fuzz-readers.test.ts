/**
 * Fuzz and property suite for every reader (issue #13): seeded random mutations of valid inputs — byte
 * flips, truncation, inserted quotes / delimiters / line breaks, huge numbers, deleted and repeated
 * runs, deep nesting — must never throw anything but the reader's own typed, user-facing error, must
 * finish within a bounded time per input, and the table readers must never lose a row (rows evaluated
 * + rows reported = rows read). Each failure is listed with its seed, so it can be replayed alone.
 */
import { DOMParser } from '@xmldom/xmldom';
import { gzipSync, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importEstates,
  importFacilities,
  prepareImport,
  readCsv,
  type EstateImport,
  type ImportInput,
} from '../../../src/core/io';
import { parseCsvRecords } from '../../../src/core/io/parse-csv-records';
import {
  buildWalkingGraph,
  deserializeGraph,
  deserializeGraphReport,
  serializeGraph,
} from '../../../src/core/network';
import { scenarioFromGeoJson, scenarioToGeoJson } from '../../../src/store/scenario-file';
import { mulberry32 } from '../../bench/w1-workload';
import { parseOsmSimple } from '../network/simple-osm';
import { writeOsmPbf } from '../network/write-osm-pbf';
import { scenario } from '../../store/fixtures';
import { estatesWorkbook } from './estates-workbook';
import { errorRows } from './fixtures';
import { ascii, writeDbf, writeShp, zipShapefile } from './shapefile-writer';

/** Per input; generous for a shared 2-core machine, far below a hang. */
const MAX_MS = 3000;

interface Rng {
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    int: (n) => (n <= 0 ? 0 : next() % n),
    pick: (items) => items[next() % items.length] as (typeof items)[number],
  };
}

const enc = new TextEncoder();

/** What a careless export or an attacker puts into a file. */
const TOKENS = [
  '"',
  '""',
  ',',
  '\t',
  ';',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '9'.repeat(400),
  '1e309',
  '-1',
  'NaN',
  '{',
  '}',
  '[',
  ']',
  '[['.repeat(2000),
  '<',
  '>',
  '&#x110000;',
  '&amp;',
  '<![CDATA[',
  '\u0000',
  '\\',
  ':',
  '"x"',
  '=cmd|',
  '小区',
];

/** One random mutation of the bytes, and what it was (for the failure list). */
function mutateOnce(bytes: Uint8Array, r: Rng, tokens: readonly string[]): [Uint8Array, string] {
  const at = r.int(bytes.length + 1);
  switch (r.int(7)) {
    case 0: {
      const out = bytes.slice();
      if (out.length) out[at % out.length] = (out[at % out.length] ?? 0) ^ (1 << r.int(8));
      return [out, `flip@${at}`];
    }
    case 1:
      return [bytes.subarray(0, at), `truncate@${at}`];
    case 2: {
      const out = bytes.slice();
      if (out.length) out[at % out.length] = 0x80 + r.int(128);
      return [out, `high-byte@${at}`];
    }
    case 3: {
      const n = 1 + r.int(16);
      return [concat(bytes.subarray(0, at), bytes.subarray(at + n)), `delete@${at}+${n}`];
    }
    case 4: {
      const n = 1 + r.int(64);
      const times = 1 + r.int(50);
      const run = bytes.subarray(at, at + n);
      return [
        concat(bytes.subarray(0, at), ...Array<Uint8Array>(times).fill(run), bytes.subarray(at)),
        `repeat@${at}+${n}x${times}`,
      ];
    }
    default: {
      const token = r.pick(tokens);
      return [
        concat(bytes.subarray(0, at), enc.encode(token), bytes.subarray(at)),
        `insert@${at}:${JSON.stringify(token.slice(0, 12))}`,
      ];
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** 1–3 mutations of `base`, seeded. */
function mutate(
  base: Uint8Array,
  seed: number,
  tokens: readonly string[] = TOKENS,
): { bytes: Uint8Array; how: string } {
  const r = rng(seed);
  let bytes = base;
  const how: string[] = [];
  for (let k = 1 + r.int(3); k > 0; k--) {
    const [next, what] = mutateOnce(bytes, r, tokens);
    bytes = next;
    how.push(what);
  }
  return { bytes, how: how.join(' ') };
}

/**
 * What one input gave: a broken invariant (the message), a file read (`usable`), or a file refused
 * cleanly (`refused`: a fatal file-level error, or the reader's own typed error).
 */
type Outcome = string | 'usable' | 'refused';

/** Runs `run` on each input; collects unexpected throws, slow inputs and broken invariants. */
async function fuzz(
  name: string,
  count: number,
  input: (seed: number) => { bytes: Uint8Array; how: string },
  run: (bytes: Uint8Array) => Outcome | Promise<Outcome>,
  expected: (error: unknown) => boolean = () => false,
): Promise<{ failures: string[]; usable: number; refused: number }> {
  const failures: string[] = [];
  let usable = 0;
  let refused = 0;
  for (let seed = 1; seed <= count; seed++) {
    const { bytes, how } = input(seed);
    const start = performance.now();
    try {
      const outcome = await run(bytes);
      if (outcome === 'usable') usable++;
      else if (outcome === 'refused') refused++;
      else failures.push(`${name} seed ${seed} (${how}): ${outcome}`);
    } catch (error) {
      if (expected(error)) refused++;
      else {
        const e = error as Error;
        failures.push(`${name} seed ${seed} (${how}): threw ${e.name}: ${e.message}`);
      }
    }
    const ms = performance.now() - start;
    if (ms > MAX_MS) failures.push(`${name} seed ${seed} (${how}): took ${Math.round(ms)} ms`);
  }
  return { failures, usable, refused };
}

/**
 * No failure, and the mutations reached both paths: some inputs still read (so the invariants were
 * checked on real rows) and some refused (so the error paths ran).
 */
function expectClean(...runs: { failures: string[]; usable: number; refused: number }[]): void {
  expect(runs.flatMap((r) => r.failures)).toEqual([]);
  expect(runs.map((r) => r.usable > 0 && r.refused > 0)).toEqual(runs.map(() => true));
}

const named =
  (...names: string[]) =>
  (error: unknown) =>
    error instanceof Error && names.includes(error.name);

/** estates + rows with errors = rows read, and a fatal file reads no rows. */
function rowsAccounted(
  result: Pick<EstateImport, 'rowCount' | 'errors' | 'fatal'> & {
    estates?: unknown[];
    facilities?: unknown[];
  },
): Outcome {
  const items = (result.estates ?? result.facilities ?? []).length;
  if (result.fatal) return items === 0 ? 'refused' : `fatal but ${items} items`;
  const reported = errorRows(result.errors);
  return items + reported === result.rowCount
    ? 'usable'
    : `${items} items + ${reported} rows with errors ≠ ${result.rowCount} rows`;
}

/** Mutate one entry of a zip (chosen by the seed) and zip it again: the reader then sees the damage. */
function mutateEntry(zip: Uint8Array, seed: number): { bytes: Uint8Array; how: string } {
  const entries = unzipSync(zip);
  const names = Object.keys(entries).sort();
  const name = names[seed % names.length] ?? '';
  const { bytes, how } = mutate(entries[name] ?? new Uint8Array(), seed);
  return { bytes: zipSync({ ...entries, [name]: bytes }), how: `${name}: ${how}` };
}

// ---- base inputs, seeded --------------------------------------------------------------------------

function estatesCsv(delimiter: string): string {
  const r = rng(7);
  const lines = [['名称', '房屋总数', '经度', '纬度', '区县', '备注'].join(delimiter)];
  for (let i = 1; i <= 30; i++) {
    const lng = (117.2 + r.int(1000) / 10000).toFixed(6);
    const lat = (31.8 + r.int(1000) / 10000).toFixed(6);
    lines.push(
      [`小区${i}`, String(50 + r.int(3000)), lng, lat, r.pick(['蜀山区', '包河区']), `note ${i}`].join(
        delimiter,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: 10 }, (_, i) => ({
    type: 'Feature',
    id: i + 1,
    geometry:
      i % 3 === 0
        ? {
            type: 'Polygon',
            coordinates: [
              [
                [117.3, 31.8],
                [117.31, 31.8],
                [117.31, 31.81],
                [117.3, 31.81],
                [117.3, 31.8],
              ],
            ],
          }
        : { type: 'Point', coordinates: [117.3 + i / 1000, 31.8 + i / 1000] },
    properties: { 名称: `小区${i}`, 房屋总数: 100 + i, x: i, nested: { a: [1, 2, { b: 'c' }] } },
  })),
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
${Array.from(
  { length: 6 },
  (
    _,
    i,
  ) => `<Placemark><name>小区${i} &amp; 园</name><ExtendedData><Data name="房屋总数"><value>${100 + i}</value></Data></ExtendedData>
${i % 2 ? `<Point><coordinates>117.3${i},31.8${i},0</coordinates></Point>` : `<Polygon><outerBoundaryIs><LinearRing><coordinates>117.30,31.80 117.31,31.80 117.31,31.81 117.30,31.80</coordinates></LinearRing></outerBoundaryIs></Polygon>`}</Placemark>`,
).join('\n')}
</Document></kml>`;

const parseXml = (text: string) =>
  new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');

function shapefileZip(): Uint8Array {
  const shapes = Array.from({ length: 8 }, (_, i) => ({
    type: 'point' as const,
    x: 117.3 + i / 100,
    y: 31.8,
  }));
  const fields = [
    { name: ascii('NAME'), type: 'C' as const, length: 12 },
    { name: ascii('HOUSEHOLDS'), type: 'N' as const, length: 8 },
  ];
  const records = shapes.map((_, i) => [ascii(`estate ${i}`), ascii(String(100 * (i + 1)))]);
  return zipShapefile('estates', { shp: writeShp(shapes, 1), dbf: writeDbf(fields, records) });
}

const OSM_XML = readFileSync(
  new URL('../../fixtures/network/in/walking-filters.osm', import.meta.url),
  'utf8',
);

const isBlankLine = (line: string, delimiter: string): boolean =>
  line.split(delimiter).every((c) => c.trim() === '');

// ---- the suite ------------------------------------------------------------------------------------

/** CSV rows against lines: every line after the header is one row, or sits inside a quoted cell. */
function csvLinesAccounted(
  text: string,
  headerLength: number,
  fileName: string,
  delimiter?: string,
): Outcome {
  const result = importEstates({ data: text, fileName });
  const outcome = rowsAccounted(result);
  if (outcome !== 'usable') return outcome;
  const table = readCsv(text, { file: fileName, format: 'csv' }, null, delimiter);
  if (table.rowCount !== result.rowCount) return `readCsv ${table.rowCount} rows, import ${result.rowCount}`;
  const parsed = parseCsvRecords(text, delimiter);
  const records = parsed.records;
  let rows = 0;
  for (let i = parsed.headerIndex + 1; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    const raw = text.slice(record.start, records[i + 1]?.start ?? text.length).replace(/\n$/, '');
    const breaks = raw.split('\n').length - 1;
    const inCells = record.cells.join('').split('\n').length - 1;
    // A broken quote costs its own line only; a good record spans exactly the breaks its cells show.
    if (record.broken ? breaks !== 0 : breaks !== inCells)
      return `record at ${record.start} spans ${breaks + 1} lines (${record.broken ? 'broken' : `${inCells} breaks in its cells`})`;
    if (record.broken || !record.cells.every((c) => c.trim() === '')) rows++;
  }
  if (rows !== result.rowCount) return `${rows} non-blank records but ${result.rowCount} rows`;
  // Without quotes no value can hold a line break: rows are exactly the non-blank lines.
  if (!text.includes('"')) {
    const lines = text
      .slice(headerLength)
      .split('\n')
      .filter((l) => !isBlankLine(l, parsed.delimiter));
    if (lines.length !== result.rowCount)
      return `${lines.length} non-blank lines but ${result.rowCount} rows`;
  }
  return 'usable';
}

describe('fuzzed readers never throw, hang or lose a row', () => {
  it.each([',', '\t'])(
    'CSV / TSV with delimiter %j: rows evaluated + reported = rows in the file',
    async (delimiter) => {
      const base = estatesCsv(delimiter);
      const header = base.slice(0, base.indexOf('\n') + 1);
      const body = enc.encode(base.slice(header.length));
      // Quotes, delimiters and line feeds weighted up; no carriage returns, as the line accounting
      // counts line feeds (byte-level damage with carriage returns is the second run).
      const tokens = [...TOKENS, '"', '"', '"', '\n"', '",', delimiter, '\n', '\n\n'].filter(
        (t) => !t.includes('\r'),
      );
      const fileName = delimiter === '\t' ? 'fuzz.tsv' : 'fuzz.csv';
      const COUNT = 1500;
      const forced = delimiter === '\t' ? '\t' : undefined;
      const text = await fuzz(
        `csv ${JSON.stringify(delimiter)}`,
        COUNT,
        (seed) => mutate(body, seed, tokens),
        (bytes) =>
          csvLinesAccounted(header + new TextDecoder().decode(bytes), header.length, fileName, forced),
      );
      const bytes = await fuzz(
        `csv bytes ${JSON.stringify(delimiter)}`,
        400,
        (seed) => mutate(enc.encode(base), seed),
        (b) => rowsAccounted(importFacilities({ data: b, fileName, defaultKind: 'nursery' })),
      );
      // The body's mutations never touch the header, so the file stays usable.
      expect(text.failures).toEqual([]);
      expect(text.usable).toBe(COUNT);
      // Damage rarely reaches the header: these files stay usable, with their bad rows reported.
      expect(bytes.failures).toEqual([]);
      expect(bytes.usable).toBeGreaterThan(0);
    },
  );

  it('CSV with a stray quote on every line: linear work, every row reported', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `"小区${i},${i},117.3,31.8`);
    const text = `名称,房屋总数,经度,纬度\n${lines.join('\n')}\n`;
    const start = performance.now();
    const result = importEstates({ data: text, fileName: 'quotes.csv' });
    expect(performance.now() - start).toBeLessThan(MAX_MS);
    expect(result.rowCount).toBe(10_000);
    expect(errorRows(result.errors)).toBe(10_000);
    expect(result.errors[9_999]?.message).toMatch(/row 10000: line 10001: /);
  });

  it('GeoJSON: features read = features in the file, including deep nesting', async () => {
    const base = enc.encode(GEOJSON);
    const deep = (seed: number) => {
      const depth = 1000 + rng(seed).int(200_000);
      const nest = '['.repeat(depth) + ']'.repeat(depth);
      const polygon = seed % 2 === 1;
      const geometry = polygon
        ? `{"type":"Polygon","coordinates":${nest}},"properties":{"房屋总数":1}`
        : `{"type":"Point","coordinates":[117.3,31.8]},"properties":{"房屋总数":1,"deep":${nest}}`;
      const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":${geometry}}]}`;
      return { bytes: enc.encode(text), how: `${polygon ? 'coordinates' : 'a property'} ${depth} deep` };
    };
    const check = (bytes: Uint8Array): Outcome => {
      const result = importEstates({ data: bytes, fileName: 'fuzz.geojson' });
      const outcome = rowsAccounted(result);
      if (outcome !== 'usable') return outcome;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
      } catch {
        return 'text that is not JSON read as usable';
      }
      const { type, features } = json as { type?: unknown; features?: unknown };
      if (type === 'FeatureCollection' && Array.isArray(features) && features.length !== result.rowCount)
        return `${features.length} features but ${result.rowCount} rows`;
      return 'usable';
    };
    expectClean(await fuzz('geojson', 800, (seed) => mutate(base, seed), check));
    // Too deep for the validator's recursion: an error on the feature, never a crash.
    const nested = await fuzz('geojson deep', 8, deep, check);
    expect(nested.failures).toEqual([]);
    expect(nested.usable).toBe(8);
  });

  it('Shapefile zip: damaged zips and damaged .shp / .dbf / .prj inside', async () => {
    const base = shapefileZip();
    const check = (bytes: Uint8Array) => rowsAccounted(importEstates({ data: bytes, fileName: 'fuzz.zip' }));
    expectClean(
      await fuzz('shapefile zip', 300, (seed) => mutate(base, seed), check),
      await fuzz('shapefile parts', 500, (seed) => mutateEntry(base, seed), check),
    );
  });

  it('KML', async () => {
    const base = enc.encode(KML);
    expectClean(
      await fuzz(
        'kml',
        600,
        (seed) => mutate(base, seed),
        (bytes) => rowsAccounted(importEstates({ data: bytes, fileName: 'fuzz.kml', parseXml })),
      ),
    );
  });

  it('XLSX workbook: damaged zips and damaged sheets inside', async () => {
    const base = await estatesWorkbook();
    const check = async (bytes: Uint8Array) => {
      const input: ImportInput = await prepareImport({ data: bytes, fileName: 'fuzz.xlsx' });
      return rowsAccounted(importEstates(input));
    };
    expectClean(
      await fuzz('xlsx zip', 60, (seed) => mutate(base, seed), check),
      await fuzz('xlsx parts', 240, (seed) => mutateEntry(base, seed), check),
    );
  });

  it('OSM XML, .osm.gz and PBF: a graph or an OsmReadError', async () => {
    const xml = enc.encode(OSM_XML);
    const osm = parseOsmSimple(OSM_XML);
    const pbf = writeOsmPbf(osm, { dense: true, compress: false, blockSize: 7 });
    const packed = writeOsmPbf(osm, { dense: false, compress: true, blockSize: 5 });
    const build = async (bytes: Uint8Array): Promise<Outcome> => {
      await buildWalkingGraph(bytes, { minComponent: 1 });
      return 'usable';
    };
    const gz = gzipSync(xml);
    const osmError = named('OsmReadError');
    expectClean(
      await fuzz('osm xml', 400, (seed) => mutate(xml, seed), build, osmError),
      await fuzz('osm pbf', 300, (seed) => mutate(pbf, seed), build, osmError),
      await fuzz('osm pbf zlib', 200, (seed) => mutate(packed, seed), build, osmError),
      await fuzz('osm gz', 200, (seed) => mutate(gz, seed), build, osmError),
    );
  });

  it('graph files: a valid graph or a GraphFileError', async () => {
    const { graph, report } = await buildWalkingGraph(OSM_XML, { minComponent: 2 });
    const base = serializeGraph(graph, report);
    const check = (bytes: Uint8Array): Outcome => {
      const loaded = deserializeGraph(bytes);
      deserializeGraphReport(bytes);
      const lengths = loaded.lengths;
      for (let e = 0; e < lengths.length; e++) {
        const length = lengths[e] ?? NaN;
        if (!(length >= 0 && Number.isFinite(length))) return `half-edge ${e} has length ${length}`;
      }
      if (!loaded.coords.every(Number.isFinite)) return 'a coordinate is not finite';
      return 'usable';
    };
    expectClean(await fuzz('graph', 1000, (seed) => mutate(base, seed), check, named('GraphFileError')));
  });

  it('scenario files: a scenario or a ScenarioFileError', async () => {
    const base = enc.encode(JSON.stringify(scenarioToGeoJson(scenario())));
    const check = (bytes: Uint8Array): Outcome => {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        return 'refused'; // the caller's JSON.parse reports it (the planner's import panel does)
      }
      scenarioFromGeoJson(json, 'fuzz.geojson');
      return 'usable';
    };
    expectClean(
      await fuzz('scenario', 1000, (seed) => mutate(base, seed), check, named('ScenarioFileError')),
    );
  });
});
