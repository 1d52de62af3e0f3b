/**
 * proposeSites end to end on small networks: the optimum found by enumerating every choice of sites
 * and recounting each with the coverage engine (computeCoverage), hand-worked capacitated and joint
 * instances, automatic candidates, and the request's errors.
 */
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import type { Estate, Facility, FacilityKind } from '../../../src/core/model';
import { createSnapper } from '../../../src/core/network';
import {
  proposeSites,
  SitingRequestError,
  type CandidatePoint,
  type SitingProposal,
  type SitingRequest,
} from '../../../src/core/siting';
import { csrGraph, makeEstate, makeFacility, mulberry32, randomGrid, randomPoint } from '../coverage/helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const SPEED = 1;
/** 300 m at 1 m/s. */
const MINUTES = 5;

function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === k) return void out.push([...chosen]);
    for (let j = from; j < n; j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  return out;
}

/** A seeded grid scenario: estates, existing nurseries and candidate points. */
function scenario(seed: number) {
  const rows = 10;
  const cols = 10;
  const network = randomGrid(seed, rows, cols);
  const rand = mulberry32(seed + 1);
  const estates = Array.from({ length: 30 }, (_, i) =>
    makeEstate(`e${i}`, randomPoint(rand, rows, cols), 50 + Math.floor(rand() * 450)),
  );
  const facilities = [0, 1].map((k) => makeFacility(`f${k}`, randomPoint(rand, rows, cols)));
  const candidates: CandidatePoint[] = Array.from({ length: 12 }, (_, j) => {
    const [lng, lat] = randomPoint(rand, rows, cols);
    return { id: `c${j}`, location: lngLat(lng, lat) };
  });
  return { network, estates, facilities, candidates };
}

/** Households the engine counts covered with these facilities (on the network, within 300 m). */
function engineCovered(s: ReturnType<typeof scenario>, facilities: Facility[]): number {
  const r = computeCoverage({
    estates: s.estates,
    facilities,
    network: s.network,
    options: { minutes: MINUTES, speedMps: SPEED, personsPerHousehold: 2.5, snap: 'edge', maxSnapM: 500 },
  });
  return r.estates.reduce((sum, e) => sum + (e.covered && !e.offNetwork ? (e.households ?? 0) : 0), 0);
}

const asFacility = (c: CandidatePoint): Facility =>
  makeFacility(c.id, [c.location[0], c.location[1]]) as Facility;

const request = (over: Partial<SitingRequest>): SitingRequest => ({
  kind: 'nursery',
  model: 'mclp',
  count: 3,
  candidates: 'auto',
  minutes: MINUTES,
  speedMps: SPEED,
  personsPerHousehold: 2.5,
  timeLimitS: 10,
  ...over,
});

describe('proposeSites: maximal covering against enumeration', () => {
  for (const seed of [11, 29, 47]) {
    it(`finds the enumerated optimum with HiGHS and a valid bound without it (seed ${seed})`, async () => {
      const s = scenario(seed);
      const before = engineCovered(s, s.facilities);
      let best = 0;
      for (const set of subsets(s.candidates.length, 3)) {
        const covered = engineCovered(s, [...s.facilities, ...set.map((j) => asFacility(s.candidates[j]!))]);
        best = Math.max(best, covered - before);
      }
      const input = { network: s.network, estates: s.estates, facilities: s.facilities };
      const exact = await proposeSites({ ...input, highs }, request({ candidates: s.candidates }));
      expect(exact.coveredBefore).toBeCloseTo(before, 6);
      expect(exact.objective).toBeCloseTo(best, 6);
      expect(exact.method).toBe('exact');
      expect(exact.gapPct).toBeCloseTo(0, 6);
      expect(exact.sites).toHaveLength(3);
      expect(exact.sites.reduce((sum, site) => sum + site.gain, 0)).toBeCloseTo(exact.objective, 6);
      // The chosen sites, recounted independently, give the reported coverage.
      const chosen = exact.sites.map((site) => asFacility(s.candidates.find((c) => c.id === site.id)!));
      expect(engineCovered(s, [...s.facilities, ...chosen])).toBeCloseTo(exact.coveredAfter, 6);
      const ids = exact.sites.flatMap((site) => site.estateIds);
      expect(new Set(ids).size).toBe(ids.length);

      const heuristic = await proposeSites({ ...input, highs: null }, request({ candidates: s.candidates }));
      expect(heuristic.objective).toBeLessThanOrEqual(best + 1e-9);
      expect(heuristic.bound).not.toBeNull();
      expect(heuristic.bound!).toBeGreaterThanOrEqual(best - 1e-9);
      expect(heuristic.gapPct!).toBeCloseTo(
        ((heuristic.bound! - heuristic.objective) / heuristic.objective) * 100,
        9,
      );
    });
  }

  it('gives the same proposal for the same input and sends the heuristic answer first', async () => {
    const s = scenario(5);
    const input = { network: s.network, estates: s.estates, facilities: s.facilities, highs };
    const firsts: SitingProposal[] = [];
    const a = await proposeSites(input, request({ candidates: s.candidates }), {
      onFirstAnswer: (p) => firsts.push(p),
    });
    const b = await proposeSites(input, request({ candidates: s.candidates }));
    const strip = (p: SitingProposal) => ({ ...p, seconds: null });
    expect(strip(b)).toEqual(strip(a));
    expect(firsts).toHaveLength(1);
    expect(firsts[0]!.method).toBe('heuristic');
    expect(firsts[0]!.objective).toBeLessThanOrEqual(a.objective + 1e-9);
  });

  it('stops with an AbortError when cancelled', async () => {
    const s = scenario(5);
    const input = { network: s.network, estates: s.estates, facilities: s.facilities, highs };
    await expect(
      proposeSites(input, request({ candidates: s.candidates }), { signal: { aborted: true } }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports candidates off the network and estates no candidate reaches', async () => {
    const s = scenario(7);
    const far: CandidatePoint = { id: 'far', location: lngLat(121.6, 31.4) };
    const lonely = makeEstate('lonely', [121.4588, 31.2088], 100);
    const r = await proposeSites(
      { network: s.network, estates: [...s.estates, lonely], facilities: [], highs },
      request({ candidates: [...s.candidates.slice(0, 2), far], count: 1 }),
    );
    expect(r.offNetworkCandidateIds).toEqual(['far']);
    expect(r.candidates).toMatchObject({ given: 3, usable: 2, offNetwork: 1 });
    expect(r.unreachableEstateIds).toContain('lonely');
    expect(r.demand.unreachable).toBe(r.unreachableEstateIds.length);
  });
});

describe('proposeSites: set covering', () => {
  it('opens the fewest sites that cover every reachable estate', async () => {
    const s = scenario(29);
    const input = { network: s.network, estates: s.estates, facilities: s.facilities, highs };
    const r = await proposeSites(input, request({ model: 'lscp', count: 0, candidates: s.candidates }));
    const before = engineCovered(s, s.facilities);
    const all = engineCovered(s, [...s.facilities, ...s.candidates.map(asFacility)]);
    let fewest = Infinity;
    for (let k = 0; k <= s.candidates.length && fewest === Infinity; k++) {
      for (const set of subsets(s.candidates.length, k)) {
        const c = engineCovered(s, [...s.facilities, ...set.map((j) => asFacility(s.candidates[j]!))]);
        if (c >= all - 1e-9) {
          fewest = k;
          break;
        }
      }
    }
    expect(r.objective).toBe(fewest);
    expect(r.sites).toHaveLength(fewest);
    expect(r.method).toBe('exact');
    expect(r.coveredAfter).toBeCloseTo(all, 6);
    expect(r.coveredBefore).toBeCloseTo(before, 6);
  });
});

/** A straight street of nodes 100 m apart (node mode: estates and sites sit on the nodes). */
function line(nodes: number) {
  const coords = Array.from({ length: nodes }, (_, u) => [121.45 + u * 0.001, 31.2]).flat();
  const edges = Array.from({ length: nodes - 1 }, (_, u): [number, number, number] => [u, u + 1, 100]);
  const graph = csrGraph(coords, edges);
  return {
    network: { graph, snapper: createSnapper(graph) },
    at: (u: number): [number, number] => [coords[2 * u]!, coords[2 * u + 1]!],
  };
}

const pointAt = (id: string, p: [number, number]): CandidatePoint => ({ id, location: lngLat(p[0], p[1]) });

describe('proposeSites: capacitated (hand-worked)', () => {
  it('counts existing capacity and the new sites’ capacity', async () => {
    // Nursery places needed: A 30, B 30 (nodes 0, 1), C 38 (node 4); 150 m reach; an existing nursery
    // at node 1 with 25 places. A new site of 40 places at node 0 takes 35 more of A+B (60 − 25); at
    // node 4 it takes C's 38: that is the better site. Before 25, after 63.
    const { network, at } = line(5);
    const estate = (id: string, u: number, residents: number): Estate => ({
      ...makeEstate(id, at(u), null),
      residents,
    });
    const estates = [estate('A', 0, 3000), estate('B', 1, 3000), estate('C', 4, 3800)];
    const existing = makeFacility('old', at(1), 25);
    const r = await proposeSites(
      { network, estates, facilities: [existing], highs },
      request({
        model: 'capacitated',
        count: 1,
        capacity: 40,
        candidates: [pointAt('n0', at(0)), pointAt('n4', at(4))],
        minutes: 2.5,
        snap: 'node',
        demand: { field: 'places', perResident: 0.01 },
      }),
    );
    expect(r.sites.map((s) => s.id)).toEqual(['n4']);
    expect(r.objective).toBeCloseTo(38, 9);
    expect(r.coveredBefore).toBeCloseTo(25, 9);
    expect(r.coveredAfter).toBeCloseTo(63, 9);
    expect(r.unit).toBe('places');
    expect(r.sites[0]!.estateIds).toEqual(['C']);
  });
});

describe('proposeSites: joint elderly + childcare sites (hand-worked)', () => {
  // Households: E0 10 (node 0), E2 10 (node 2), E5 16 (node 5). Nursery reach 150 m (weight 1),
  // day care 250 m (weight 2). Site at node 1: nursery E0+E2 = 20, day care E0+E2 = 20 × 2 → 60.
  // Node 3: nursery E2 = 10, day care E2+E5 = 26 × 2 → 62. Node 5: 16 + 32 = 48. Alone, the nursery
  // prefers node 1 (20 > 16 > 10).
  const { network, at } = line(6);
  const estates = [makeEstate('E0', at(0), 10), makeEstate('E2', at(2), 10), makeEstate('E5', at(5), 16)];
  const candidates = [pointAt('n1', at(1)), pointAt('n3', at(3)), pointAt('n5', at(5))];
  const base = request({ count: 1, candidates, minutes: 2.5, snap: 'node' });
  const daycare = { kind: 'elderly-daycare' as FacilityKind, minutes: 250 / 60, weight: 2 };

  it('weighs both kinds with their own reach', async () => {
    const r = await proposeSites({ network, estates, facilities: [], highs }, { ...base, joint: [daycare] });
    expect(r.sites.map((s) => s.id)).toEqual(['n3']);
    expect(r.objective).toBeCloseTo(62, 9);
    expect(r.unit).toBe('weighted');
    expect(r.weights).toEqual([
      { kind: 'nursery', minutes: 2.5, weight: 1 },
      { kind: 'elderly-daycare', minutes: 250 / 60, weight: 2 },
    ]);
    const alone = await proposeSites({ network, estates, facilities: [], highs }, base);
    expect(alone.sites.map((s) => s.id)).toEqual(['n1']);
    expect(alone.objective).toBe(20);
  });

  it('counts an estate the existing day-care centre serves only for the nursery', async () => {
    const served = makeFacility('dc', at(2), null, 'elderly-daycare');
    const r = await proposeSites(
      { network, estates, facilities: [served], highs },
      { ...base, joint: [daycare] },
    );
    // Day care at node 2 already serves E0, E2 (200, 0 m) and not E5 (300 m): node 3 adds nursery E2
    // 10 + day care E5 32 = 42; node 1 adds 20; node 5 adds 16 + 32 = 48 → node 5.
    expect(r.sites.map((s) => s.id)).toEqual(['n5']);
    expect(r.objective).toBeCloseTo(48, 9);
    expect(r.coveredBefore).toBeCloseTo(2 * 20, 9);
  });
});

describe('proposeSites: automatic candidates', () => {
  it('takes street nodes of the underserved zones, at least the spacing apart, inside the area', async () => {
    const s = scenario(13);
    const r = await proposeSites(
      { network: s.network, estates: s.estates, facilities: s.facilities, highs },
      request({ candidates: 'auto', spacingM: 150, count: 2 }),
    );
    expect(r.candidates.given).toBeGreaterThan(0);
    expect(r.sites).toHaveLength(2);
    for (const site of r.sites) expect(site.id).toMatch(/^node-\d+$/);
    const [a, b] = r.sites;
    const dx = (a!.lon - b!.lon) * 95000;
    const dy = (a!.lat - b!.lat) * 111000;
    expect(Math.hypot(dx, dy)).toBeGreaterThan(140);
    const west = 121.45 + 0.0045;
    const area = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121.44, 31.19],
          [west, 31.19],
          [west, 31.22],
          [121.44, 31.22],
          [121.44, 31.19],
        ],
      ],
    };
    const inArea = await proposeSites(
      { network: s.network, estates: s.estates, facilities: s.facilities, highs },
      request({ candidates: 'auto', count: 2, area }),
    );
    expect(inArea.candidates.given).toBeLessThan(r.candidates.given * 2);
    for (const site of inArea.sites) expect(site.lon).toBeLessThanOrEqual(west);
  });
});

describe('proposeSites: requests it refuses', () => {
  const s = scenario(3);
  const input = { network: s.network, estates: s.estates, facilities: [], highs };
  it.each([
    [{ count: 0 }, /count \(p\) must be a whole number/],
    [{ model: 'capacitated' as const }, /needs each new site's capacity/],
    [{ model: 'capacitated' as const, capacity: 40 }, /needs the profile's demand rate/],
    [{ minutes: -1 }, /minutes must be a positive number/],
    [{ joint: [{ kind: 'nursery' as FacilityKind, minutes: 5, weight: 1 }] }, /given twice/],
  ])('%o', async (over, message) => {
    await expect(proposeSites(input, request(over))).rejects.toThrow(SitingRequestError);
    await expect(proposeSites(input, request(over))).rejects.toThrow(message);
  });
});
