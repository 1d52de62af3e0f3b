/**
 * The real compound lists in ../shared/data (README there): Beike / Lianjia crawls in BD-09 with
 * Chinese headers. Skipped when the data is absent (it may not be redistributed with the project).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import KDBush from 'kdbush';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEstates } from '../../../src/core/io';
import { errorRows } from './fixtures';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const HEFEI = `${DATA}hefei/compounds.csv`;
const SHANGHAI = `${DATA}shanghai-center/compounds.csv`;
const ROADS = `${DATA}shanghai-center/roads.osm`;
const bytes = (path: string) => new Uint8Array(readFileSync(path));

describe.skipIf(!existsSync(HEFEI))(
  'real data: Hefei compounds (needs ../shared/data/hefei; skipped without it)',
  () => {
    // Read in beforeAll: a skipped suite's body still runs (to collect its tests), its hooks do not.
    let result!: ReturnType<typeof importEstates>;
    beforeAll(() => {
      result = importEstates({ data: bytes(HEFEI), fileName: 'hefei/compounds.csv', crs: 'bd09' });
    });

    it('imports 4,164 of 4,168 rows and lists the 4 without coordinates or households', () => {
      expect(result.rowCount).toBe(4168);
      expect(result.estates).toHaveLength(4164);
      expect(result.errors).toHaveLength(4);
      expect(errorRows(result.errors)).toBe(4);
      for (const e of result.errors) {
        expect(e.code).toBe('missing-households');
        expect(e.also?.map((a) => a.code)).toEqual(['missing-coordinate']);
      }
    });

    it('reads the headers as the issue says and puts every compound in the Hefei area', () => {
      expect(result.mapping).toMatchObject({
        name: '小区名称',
        district: '区县',
        households: '房屋总数',
        buildYear: '建筑年代',
        lng: '经度',
        lat: '纬度',
      });
      expect(result.encoding).toBe('utf-8');
      // Hefei municipality (with Chaohu and Lujiang) lies within about 116.7–118.0 E, 30.9–32.6 N.
      for (const e of result.estates) {
        expect(e.location?.[0]).toBeGreaterThan(116.6);
        expect(e.location?.[0]).toBeLessThan(118.1);
        expect(e.location?.[1]).toBeGreaterThan(30.8);
        expect(e.location?.[1]).toBeLessThan(32.7);
      }
      const first = result.estates[0];
      expect(first).toMatchObject({
        id: '1',
        name: '金地国际城',
        households: 3637,
        district: '包河',
        buildYear: 2006,
      });
      expect(first?.properties).toEqual({ 地址: '(包河)金地国际城', 楼栋总数: '18' });
    });
  },
);

describe.skipIf(!existsSync(SHANGHAI))(
  'real data: Shanghai compounds (needs ../shared/data/shanghai-center; skipped without it)',
  () => {
    let result!: ReturnType<typeof importEstates>;
    beforeAll(() => {
      result = importEstates({
        data: bytes(SHANGHAI),
        fileName: 'shanghai-center/compounds.csv',
        crs: 'bd09',
      });
    });

    it('imports 2,914 of 3,000 rows; the 86 without coordinates are errors', () => {
      expect(result.rowCount).toBe(3000);
      expect(result.estates).toHaveLength(2914);
      expect(result.errors).toHaveLength(86);
      expect(new Set(result.errors.map((e) => e.code))).toEqual(new Set(['missing-coordinate']));
    });

    it('reports the crawl’s shared coordinates: every group of three or more rows on one point', () => {
      // Counted independently of the importer: group the source 经度/纬度 strings.
      const text = new TextDecoder().decode(bytes(SHANGHAI));
      const lines = text.trim().split('\n').slice(1);
      const counts = new Map<string, number>();
      for (const line of lines) {
        const key = line.split(',').slice(-2).join(',').trim();
        if (key !== ',') counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const groups = [...counts.values()].filter((n) => n >= 3);
      const shared = result.warnings.filter((w) => w.code === 'shared-coordinate');
      expect(shared).toHaveLength(groups.length);
      expect(shared.reduce((s, w) => s + w.rows.length, 0)).toBe(groups.reduce((s, n) => s + n, 0));
    });

    it.skipIf(!existsSync(ROADS))(
      'lands BD-09 points nearer the OSM roads once converted (README: 33 m vs 59 m)',
      () => {
        // Distance to the nearest road line: every way's segments densified to points ≤ 5 m apart (error
        // ≤ 2.5 m), indexed with kdbush in a local metric frame.
        const osm = readFileSync(ROADS, 'utf8');
        const kx = 111_130 * Math.cos((31.23 * Math.PI) / 180);
        const ky = 111_130;
        const node = new Map<string, [number, number]>();
        for (const m of osm.matchAll(/<node id="(\d+)" lat="([\d.]+)" lon="([\d.]+)"/g))
          node.set(m[1] ?? '', [Number(m[3]) * kx, Number(m[2]) * ky]);
        const xs: number[] = [];
        const ys: number[] = [];
        for (const way of osm.matchAll(/<way[^>]*>([\s\S]*?)<\/way>/g)) {
          const refs = [...(way[1] ?? '').matchAll(/<nd ref="(\d+)"/g)].map((m) => node.get(m[1] ?? ''));
          for (let i = 0; i + 1 < refs.length; i++) {
            const a = refs[i];
            const b = refs[i + 1];
            if (!a || !b) continue;
            const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 5));
            for (let k = 0; k < steps; k++) {
              xs.push(a[0] + ((b[0] - a[0]) * k) / steps);
              ys.push(a[1] + ((b[1] - a[1]) * k) / steps);
            }
          }
        }
        expect(node.size).toBeGreaterThan(20_000);
        const index = new KDBush(xs.length);
        for (let i = 0; i < xs.length; i++) index.add(xs[i] ?? 0, ys[i] ?? 0);
        index.finish();
        const nearest = (lng: number, lat: number): number => {
          const x = lng * kx;
          const y = lat * ky;
          for (let r = 25; r <= 3200; r *= 2) {
            const ids = index.within(x, y, r);
            if (ids.length)
              return Math.min(...ids.map((i) => Math.hypot((xs[i] ?? 0) - x, (ys[i] ?? 0) - y)));
          }
          return Infinity;
        };
        const inside = (lng: number, lat: number) =>
          lng > 121.409 && lng < 121.552 && lat > 31.179 && lat < 31.279;
        const asWgs = importEstates({ data: bytes(SHANGHAI), fileName: 'sh.csv', crs: 'wgs84' }).estates;
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
        const converted = median(
          result.estates
            .filter((e) => e.location && inside(e.location[0], e.location[1]))
            .map((e) => nearest(e.location![0], e.location![1])),
        );
        const raw = median(
          asWgs
            .filter((e) => e.location && inside(e.location[0], e.location[1]))
            .map((e) => nearest(e.location![0], e.location![1])),
        );
        console.log(
          `Shanghai compounds → nearest OSM road: median ${converted.toFixed(1)} m after BD-09 → WGS-84, ${raw.toFixed(1)} m read as WGS-84`,
        );
        expect(converted).toBeLessThan(40);
        expect(raw).toBeGreaterThan(converted + 10);
      },
    );
  },
);

it('keeps the invariant on both real files', () => {
  for (const path of [HEFEI, SHANGHAI].filter((p) => existsSync(p))) {
    const r = importEstates({ data: bytes(path), fileName: path, crs: 'bd09' });
    expect(r.estates.length + errorRows(r.errors)).toBe(r.rowCount);
  }
});
