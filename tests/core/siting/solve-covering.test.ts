import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverInstance, type CoverInstance } from '../../../src/core/siting/cover-instance';
import { coveredWeight } from '../../../src/core/siting/covered-weight';
import { maxAssignment } from '../../../src/core/siting/max-assignment';
import { reduceInstance } from '../../../src/core/siting/reduce-instance';
import { solveCovering } from '../../../src/core/siting/solve-covering';
import { mulberry32 } from '../../bench/w1-workload';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** A random instance: each candidate covers each item with probability `density`. */
function randomInstance(seed: number, items: number, candidates: number, density: number): CoverInstance {
  const next = mulberry32(seed);
  const weight = Float64Array.from({ length: items }, () => 1 + (next() % 50));
  const start = new Uint32Array(items + 1);
  const rows: number[] = [];
  for (let i = 0; i < items; i++) {
    for (let j = 0; j < candidates; j++) if (next() / 2 ** 32 < density) rows.push(j);
    start[i + 1] = rows.length;
  }
  return coverInstance(weight, start, Uint32Array.from(rows), candidates);
}

function* subsets(n: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let j = from; j < n; j++) {
    acc.push(j);
    yield* subsets(n, k, j + 1, acc);
    acc.pop();
  }
}

function bestByEnumeration(inst: CoverInstance, p: number): number {
  let best = 0;
  for (const s of subsets(inst.candidateCount, Math.min(p, inst.candidateCount)))
    best = Math.max(best, coveredWeight(inst, s));
  return best;
}

describe('solveCovering: maximal covering against enumeration', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: heuristic bound holds, exact proves the optimum`, () => {
      const inst = randomInstance(seed, 25, 12, 0.18);
      const p = 1 + (seed % 4);
      const optimum = bestByEnumeration(inst, p);
      const heuristic = solveCovering(inst, { model: 'mclp', p, timeLimitS: 10 });
      expect(heuristic.objective).toBeLessThanOrEqual(optimum + 1e-9);
      expect(heuristic.bound!).toBeGreaterThanOrEqual(optimum - 1e-9);
      expect(coveredWeight(inst, heuristic.chosen)).toBeCloseTo(heuristic.objective, 9);
      const exact = solveCovering(inst, { model: 'mclp', p, highs, timeLimitS: 10 });
      expect(exact.objective).toBeCloseTo(optimum, 6);
      expect(exact.method).toBe('exact');
      expect(exact.bound!).toBeCloseTo(optimum, 3);
      expect(exact.chosen.length).toBeLessThanOrEqual(p);
      expect(coveredWeight(inst, exact.chosen)).toBeCloseTo(optimum, 6);
    });
  }
});

describe('solveCovering: set covering against enumeration', () => {
  for (let seed = 20; seed <= 27; seed++) {
    it(`seed ${seed}: fewest sites`, () => {
      const inst = randomInstance(seed, 20, 10, 0.2);
      const red = reduceInstance(inst, false);
      const coverable = [...red.demandGroup].filter((g) => g >= 0).length;
      const all = (s: number[]): boolean => {
        const hit = new Set<number>();
        for (const j of s)
          for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++)
            hit.add(inst.byCandidate[k]!);
        return hit.size === coverable;
      };
      let fewest = Infinity;
      for (let k = 0; k <= inst.candidateCount && fewest === Infinity; k++) {
        for (const s of subsets(inst.candidateCount, k))
          if (all(s)) {
            fewest = k;
            break;
          }
      }
      const heuristic = solveCovering(inst, { model: 'lscp', p: 0, timeLimitS: 10 });
      expect(all(heuristic.chosen)).toBe(true);
      expect(heuristic.objective).toBeGreaterThanOrEqual(fewest);
      expect(heuristic.bound!).toBeLessThanOrEqual(fewest);
      const exact = solveCovering(inst, { model: 'lscp', p: 0, highs, timeLimitS: 10 });
      expect(all(exact.chosen)).toBe(true);
      expect(exact.objective).toBe(fewest);
      expect(exact.method).toBe('exact');
    });
  }
});

describe('reduceInstance', () => {
  it('merges identical rows and drops dominated candidates without changing the optimum', () => {
    for (let seed = 40; seed < 46; seed++) {
      const inst = randomInstance(seed, 30, 14, 0.15);
      const red = reduceInstance(inst, true);
      expect(red.instance.candidateCount).toBeLessThanOrEqual(inst.candidateCount);
      const totalKept = red.instance.weight.reduce((a, b) => a + b, 0);
      let coverable = 0;
      inst.weight.forEach((w, i) => {
        if (inst.demandStart[i + 1]! > inst.demandStart[i]!) coverable += w;
      });
      expect(totalKept).toBeCloseTo(coverable, 9);
      for (const p of [1, 2, 3])
        expect(bestByEnumeration(red.instance, p)).toBeCloseTo(bestByEnumeration(inst, p), 9);
    }
  });
});

describe('capacitated', () => {
  it('hand-worked: two items of 60 and 50, sites of capacity 70', () => {
    // item 0 (60) reaches sites 0, 1; item 1 (50) reaches sites 1, 2. Capacity 70 each.
    // One site: site 1 takes min(70, 110) = 70. Two sites: 0 + 2 take 60 + 50 = 110 (0 + 1: 60 + 50 = 110 too).
    const inst = coverInstance(
      Float64Array.of(60, 50),
      Uint32Array.of(0, 2, 4),
      Uint32Array.of(0, 1, 1, 2),
      3,
    );
    const cap = Float64Array.of(70, 70, 70);
    const one = solveCovering(inst, { model: 'capacitated', p: 1, highs, timeLimitS: 10, capacity: cap });
    expect(one.objective).toBeCloseTo(70, 9);
    expect(one.chosen).toEqual([1]);
    expect(one.method).toBe('exact');
    const two = solveCovering(inst, { model: 'capacitated', p: 2, highs, timeLimitS: 10, capacity: cap });
    expect(two.objective).toBeCloseTo(110, 9);
    expect(maxAssignment(inst, two.chosen, cap).total).toBeCloseTo(110, 9);
  });

  it('an existing site keeps its capacity: only what it cannot take counts', () => {
    // Existing site 0 (capacity 40) reaches item 0 (60); new site 1 (cap 30) reaches item 0, new site 2 (cap 30) item 1 (25).
    const inst = coverInstance(Float64Array.of(60, 25), Uint32Array.of(0, 2, 3), Uint32Array.of(0, 1, 2), 3);
    const cap = Float64Array.of(40, 30, 30);
    const r = solveCovering(inst, {
      model: 'capacitated',
      p: 1,
      highs,
      timeLimitS: 10,
      capacity: cap,
      fixed: [0],
    });
    // Site 1 adds 20 (60 − 40), site 2 adds 25: site 2 wins; total 40 + 25.
    expect(r.chosen).toEqual([2]);
    expect(r.objective).toBeCloseTo(65, 9);
  });

  it('random instances: exact matches enumeration of max assignments', () => {
    for (let seed = 60; seed < 66; seed++) {
      const inst = randomInstance(seed, 15, 8, 0.25);
      const cap = Float64Array.from({ length: 8 }, (_, j) => 20 + ((j * 37 + seed) % 60));
      let best = 0;
      for (const s of subsets(8, 2)) best = Math.max(best, maxAssignment(inst, s, cap).total);
      const r = solveCovering(inst, { model: 'capacitated', p: 2, highs, timeLimitS: 10, capacity: cap });
      expect(r.objective).toBeCloseTo(best, 6);
      expect(r.heuristicObjective).toBeLessThanOrEqual(best + 1e-9);
    }
  });
});

describe('solveCovering: the LP relaxation step', () => {
  it('proves a greedy answer by the interior-point LP alone when the relaxation is integral', () => {
    // Ten candidates covering disjoint groups (weights 10, 9, …, 1): the greedy's own bound (answer + the
    // p largest remaining gains) is loose, the LP relaxation equals the optimum, so no MIP is needed.
    const groups = 10;
    const weight = Float64Array.from({ length: groups * 3 }, (_, i) => groups - Math.floor(i / 3));
    const start = Uint32Array.from({ length: groups * 3 + 1 }, (_, i) => i);
    const rows = Uint32Array.from({ length: groups * 3 }, (_, i) => Math.floor(i / 3));
    const inst = coverInstance(weight, start, rows, groups);
    const heuristicOnly = solveCovering(inst, { model: 'mclp', p: 3, highs: null, timeLimitS: 10 });
    expect(heuristicOnly.method).toBe('heuristic');
    expect(heuristicOnly.bound!).toBeGreaterThan(heuristicOnly.objective);
    const r = solveCovering(inst, { model: 'mclp', p: 3, highs, timeLimitS: 10 });
    expect(r.objective).toBe(3 * (10 + 9 + 8));
    expect(r.bound).toBeCloseTo(r.objective, 9);
    expect(r.method).toBe('exact');
    expect(r.solverStatus).toBe('lp-optimal');
  });
});
