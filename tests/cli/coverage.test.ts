import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSearchResult, multiSourceSearch } from '../../src/core';
import { loadW1Workload, mulberry32, w1DataAvailable } from '../bench/w1-workload';
import { runCli, SHARED_DATA } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-coverage-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('lifecircle coverage', () => {
  it('falls back to straight-line distances, labelled, when no network is given', () => {
    // Two estates 0.01° of latitude apart from one nursery: ≈ 1,112 m and 0 m.
    const estates = write(
      'e.csv',
      'id,name,lng,lat,households\na,A,121.40,31.20,100\nb,B,121.40,31.21,200\n',
    );
    const facilities = write('f.csv', 'id,name,kind,places,lng,lat\nn1,N,nursery,20,121.40,31.21\n');
    const { code, stdout } = runCli([
      'coverage',
      '--estates',
      estates,
      '--facilities',
      facilities,
      '--minutes',
      '10',
      '--speed',
      '1',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.mode).toBe('straight-line');
    const [a, b] = report.estates;
    expect(a.distanceM).toBeCloseTo(1111.95, 0);
    expect(a.covered).toBe(false); // 10 min × 60 × 1 m/s = 600 m
    expect(b.covered).toBe(true);
    expect(report.summary.householdsCovered).toBe(200);
  });

  it('keeps rejected rows in CSV and GeoJSON output', () => {
    const estates = write(
      'bad-e.csv',
      'id,name,lng,lat,households\na,A,121.40,31.20,100\nb,B,121.40,31.21,abc\n',
    );
    const facilities = write('bad-f.csv', 'id,name,kind,places,lng,lat\nn1,N,nursery,20,121.40,31.21\n');
    const args = ['coverage', '--estates', estates, '--facilities', facilities, '--minutes', '10'];
    const csv = runCli([...args, '--format', 'csv']).stdout;
    expect(csv).toMatch(/bad-e\.csv:2,rejected/);
    expect(csv).toMatch(/^parameter,mode,straight-line/m);
    const geojson = JSON.parse(runCli([...args, '--format', 'geojson']).stdout);
    expect(geojson.mode).toBe('straight-line');
    expect(geojson.errors).toHaveLength(1);
    expect(geojson.errors[0]).toMatchObject({ row: 2 });
  });

  it.skipIf(!w1DataAvailable())(
    'reproduces w1 from the command line: each estate’s networkM to the metre',
    async () => {
      const w = await loadW1Workload();
      const estates = write(
        'w1-estates.csv',
        'id,lon,lat,households\n' +
          w.compounds.map((c, i) => `${i + 1},${c.lng},${c.lat},${c.households}`).join('\n') +
          '\n',
      );
      const facilities = write(
        'w1-facilities.csv',
        'id,lon,lat\n' +
          Array.from(
            w.facilityNodes,
            (node, i) => `f${i},${w.graph.coords[2 * node]},${w.graph.coords[2 * node + 1]}`,
          ).join('\n') +
          '\n',
      );
      const { code, stdout, stderr } = runCli([
        'coverage',
        '--network',
        join(SHARED_DATA, 'shanghai-center', 'roads.osm'),
        '--estates',
        estates,
        '--facilities',
        facilities,
        '--snap',
        'node',
        '--min-component',
        '5000',
        '--max-snap',
        '5000',
        '--minutes',
        '15',
        '--speed',
        '1.1111',
        '--format',
        'json',
      ]);
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.network.nodes).toBe(w.graph.nodeCount);
      const reference = multiSourceSearch(w.graph, w.seeds, Infinity, createSearchResult(w.graph.nodeCount));
      expect(report.estates).toHaveLength(w.compounds.length);
      w.compounds.forEach((c, i) => {
        expect(Math.abs(report.estates[i].networkM - (reference.dist[c.node] as number))).toBeLessThan(0.5);
      });
    },
    180_000,
  );

  it.skipIf(!w1DataAvailable())(
    'runs end to end on the real Shanghai data: GeoJSON with estates coloured by walking time and underserved zones',
    () => {
      const next = mulberry32(42);
      const rows = Array.from({ length: 30 }, (_, i) => {
        const lng = 121.42 + ((next() % 10000) / 10000) * 0.12;
        const lat = 31.19 + ((next() % 10000) / 10000) * 0.08;
        return `日间照料中心${i + 1},日间照料,${300 + (i % 4) * 100},${lng.toFixed(6)},${lat.toFixed(6)}`;
      });
      const facilities = write('sh-fac.csv', '名称,类型,建筑面积,经度,纬度\n' + rows.join('\n') + '\n');
      const out = join(dir, 'sh.geojson');
      const { code, stderr } = runCli([
        'coverage',
        '--network',
        join(SHARED_DATA, 'shanghai-center', 'roads.osm'),
        '--estates',
        join(SHARED_DATA, 'shanghai-center', 'compounds.csv'),
        '--crs',
        'bd09',
        '--facilities',
        facilities,
        '--profile',
        'hefei',
        '--format',
        'geojson',
        '--out',
        out,
      ]);
      expect(code, stderr).toBe(0);
      const geojson = JSON.parse(readFileSync(out, 'utf8'));
      const layer = (name: string) =>
        geojson.features.filter((f: { properties: { layer: string } }) => f.properties.layer === name);
      const estates = layer('estate');
      expect(estates.length).toBeGreaterThan(2800);
      expect(
        estates.every(
          (f: { properties: Record<string, unknown> }) => typeof f.properties['marker-color'] === 'string',
        ),
      ).toBe(true);
      // Compounds outside the road extract are reported as off-network, not dropped.
      const off = estates.filter((f: { properties: { offNetwork: boolean } }) => f.properties.offNetwork);
      expect(off.length).toBeGreaterThan(1500);
      expect(layer('underserved-zone').length).toBeGreaterThan(0);
      expect(layer('facility')).toHaveLength(30);
      expect(stderr).toMatch(/households covered/);
    },
    180_000,
  );
});
