/**
 * Golden fixtures (style.md): tests/fixtures/coverage/in/grid-scenario.geojson → out/*.geojson. The input is
 * made by `scenarioFixture()` below (seeded mulberry32 street grid, estates and facilities); `REGEN=1 npx
 * vitest run tests/core/coverage/golden.test.ts` rewrites input and outputs. Coordinates are rounded to 6
 * decimals before comparing; outputs carry simplestyle properties, so a failing golden opens in geojson.io.
 * The goldens guard against unnoticed change; correctness is checked independently by the other tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeCoverage, createCoverageSession } from '../../../src/core/coverage';
import { serviceAreaPolygons } from '../../../src/core/service-areas';
import { createSnapper, graphFromEdges } from '../../../src/core/network';
import { makeEstate, makeFacility, mulberry32 } from './helpers';

const DIR = new URL('../../fixtures/coverage/', import.meta.url);
const IN = new URL('in/grid-scenario.geojson', DIR);
const REGEN = process.env.REGEN === '1';
const SPEED = 1.11;

const round6 = (value: unknown): unknown =>
  typeof value === 'number'
    ? Math.round(value * 1e6) / 1e6
    : Array.isArray(value)
      ? value.map(round6)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round6(v)]))
        : value;

/** A 12 × 12 jittered street grid (≈ 95 × 111 m blocks, some streets missing), 3 nurseries, 40 estates. */
function scenarioFixture(): FeatureCollection {
  const rand = mulberry32(20261123);
  const side = 12;
  const node = (c: number, r: number): [number, number] => [
    121.45 + c * 0.001 + (((c * 7 + r * 13) % 5) - 2) * 0.00004,
    31.2 + r * 0.001,
  ];
  const features: Feature[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      for (const [dc, dr] of [
        [1, 0],
        [0, 1],
      ] as const) {
        if (c + dc >= side || r + dr >= side || rand() < 0.12) continue;
        const geometry: LineString = { type: 'LineString', coordinates: [node(c, r), node(c + dc, r + dr)] };
        features.push({
          type: 'Feature',
          geometry,
          properties: { kind: 'street', stroke: '#555555', 'stroke-width': 1 },
        });
      }
    }
  }
  const point = (): [number, number] => [121.45 + rand() * 0.011, 31.2 + rand() * 0.011];
  for (let i = 0; i < 40; i++) {
    const geometry: Point = { type: 'Point', coordinates: point() };
    features.push({
      type: 'Feature',
      geometry,
      properties: { kind: 'estate', id: `e${i}`, households: 100 + Math.floor(rand() * 900) },
    });
  }
  for (let j = 0; j < 3; j++) {
    const geometry: Point = { type: 'Point', coordinates: point() };
    features.push({
      type: 'Feature',
      geometry,
      properties: { kind: 'facility', id: `f${j}`, places: 100 + Math.floor(rand() * 250) },
    });
  }
  return round6({ type: 'FeatureCollection', features }) as FeatureCollection;
}

function loadScenario(fc: FeatureCollection) {
  const index = new Map<string, number>();
  const coords: number[] = [];
  const pairs: number[] = [];
  const nodeOf = ([x, y]: number[]): number => {
    const key = `${x},${y}`;
    if (!index.has(key)) {
      index.set(key, coords.length / 2);
      coords.push(x!, y!);
    }
    return index.get(key)!;
  };
  const estates = [];
  const facilities = [];
  for (const f of fc.features) {
    const p = f.properties!;
    if (f.geometry.type === 'LineString')
      pairs.push(nodeOf(f.geometry.coordinates[0]!), nodeOf(f.geometry.coordinates[1]!));
    else if (f.geometry.type === 'Point' && p.kind === 'estate')
      estates.push(makeEstate(p.id, f.geometry.coordinates as [number, number], p.households));
    else if (f.geometry.type === 'Point')
      facilities.push(makeFacility(p.id, f.geometry.coordinates as [number, number], p.places));
  }
  const graph = graphFromEdges(Float64Array.from(coords), pairs);
  return { graph, estates, facilities, network: { graph, snapper: createSnapper(graph) } };
}

function golden(name: string, actual: FeatureCollection): void {
  const file = new URL(`out/${name}`, DIR);
  const rounded = round6(actual);
  if (REGEN) {
    mkdirSync(new URL('out/', DIR), { recursive: true });
    writeFileSync(file, `${JSON.stringify(rounded, null, 1)}\n`);
  }
  // A missing golden is a failure, not a fresh one: only REGEN=1 writes goldens.
  if (!existsSync(file)) throw new Error(`golden ${fileURLToPath(file)} is missing; REGEN=1 writes it`);
  expect(rounded).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('coverage goldens', () => {
  if (REGEN) {
    mkdirSync(new URL('in/', DIR), { recursive: true });
    writeFileSync(IN, `${JSON.stringify(scenarioFixture(), null, 1)}\n`);
  }
  if (!existsSync(IN)) throw new Error(`golden input ${fileURLToPath(IN)} is missing; REGEN=1 writes it`);
  const input = JSON.parse(readFileSync(IN, 'utf8')) as FeatureCollection;
  const { graph, estates, facilities, network } = loadScenario(input);
  const streets = input.features.filter((f) => f.properties?.kind === 'street');
  const options = {
    minutes: 10,
    speedMps: SPEED,
    personsPerHousehold: 2.5,
    capacity: { field: 'places' as const, perResident: 0.01 },
  };

  it('matches the 5/10/15-minute service areas', () => {
    const sources = createCoverageSession({ estates, facilities, network, options }).serviceAreaSources();
    const areas = serviceAreaPolygons(graph, sources, { minutes: [5, 10, 15], speedMps: SPEED });
    expect(areas.features).toHaveLength(9);
    golden('service-areas.geojson', { type: 'FeatureCollection', features: [...areas.features, ...streets] });
  });

  it('matches the underserved zones and the estates coloured by walking time', () => {
    const result = computeCoverage({ estates, facilities, network, options });
    const colour = (m: number | null) =>
      m === null ? '#999999' : m <= 5 ? '#1a9850' : m <= 10 ? '#fee08b' : '#d73027';
    const points: Feature[] = result.estates.map((row, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...estates[i]!.location!] },
      properties: {
        id: row.id,
        minutes: row.minutes,
        covered: row.covered,
        underserved: row.underserved,
        'marker-color': colour(row.minutes),
      },
    }));
    expect(result.underserved.features.length).toBeGreaterThan(0);
    golden('underserved-zones.geojson', {
      type: 'FeatureCollection',
      features: [...result.underserved.features, ...points, ...streets],
    });
  });
});
