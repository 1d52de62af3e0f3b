/**
 * Siting (建议选址, issue #10), timed through the functions the product runs: `proposeSites` (what
 * `lifecircle site` and the worker call) and `solveCovering` (what proposeSites calls), HiGHS loaded
 * from the npm `highs` package as the CLI does.
 * - `w1 site p=10` — the w1 workload (678 Shanghai compounds, the 200 w1 facilities kept as existing),
 *   every street node a candidate, p = 10, node snapping, 1000 m; `w1 site p=10 (no existing)` the
 *   same with no existing facility (every compound is demand: the instance spopt solves). Figures:
 *   first answer (until `onFirstAnswer`, from the call's start: coverage, candidates, matrix and the
 *   heuristic; target ≤ 1 s), final answer with its proven gap (target ≤ 2 s; PuLP + CBC ≈ 1.7 s).
 *   Baseline in the same run: `computeCoverage` of the same w1 question (`w1 site: coverage baseline`).
 *   Skipped when ../shared/data is absent.
 * - `synthetic 20k×20k` — a seeded instance of 20,000 demand points and 20,000 candidates on a plane
 *   (each candidate covers the demand within its radius, 20–60 points on average; weights 50–500),
 *   p = 50, through `solveCovering` with a 50 s limit: heuristic ≤ 5 s, exact or bounded within 60 s.
 *   Baseline: `greedyMaxCover` alone (`synthetic 20k×20k: greedy`), the first step of solveCovering.
 * - `city site p=20` — the generated ~1M-node city with 20,000 estates, nurseries, automatic
 *   candidates, p = 20, 10 s limit: target ≤ 30 s, memory reported (`memoryMB`: the largest growth of
 *   heap + array buffers seen at the progress events and at the end, from a collected heap; HiGHS's
 *   WebAssembly memory is an array buffer). Its bench sample includes that one forced collection;
 *   `finalMs` (the proposal alone) does not.
 *   Baseline: `computeCoverage` of nurseries on the city (`city site: coverage baseline`).
 * Every case throws when objective > bound or (w1) the gap exceeds 1 %, so the bench fails loudly.
 */
import loadHighs from 'highs';
import { describe } from 'vitest';
import { generateCity, type City } from '../../scripts/city/generate-city';
import { computeCoverage, type CoverageInput } from '../../src/core/coverage';
import { coverageOptionsForKind } from '../../src/core/coverage/coverage-options-for-kind';
import { lngLat } from '../../src/core/geo/units';
import type { Facility } from '../../src/core/model';
import { createSnapper } from '../../src/core/network';
import type { CoverInstance } from '../../src/core/siting/cover-instance';
import { coveredWeight } from '../../src/core/siting/covered-weight';
import { greedyMaxCover } from '../../src/core/siting/greedy-max-cover';
import type { CandidatePoint, SitingInput, SitingRequest } from '../../src/core/siting/siting-types';
import { solveCovering, type SolveCoveringResult } from '../../src/core/siting/solve-covering';
import { getProfile } from '../../src/profiles';
import { w1Estates, w1Facilities } from '../core/coverage/w1-scenario';
import { benchAndRecord, recordBench, recordedCase } from './bench-results';
import { median, round, sitingCase } from './siting-case';
import { syntheticInstance } from './synthetic-cover';
import { loadW1Workload, W1_COVER_M, w1DataAvailable, type W1Workload } from './w1-workload';

const highs = await loadHighs();
// ── w1 ────────────────────────────────────────────────────────────────────────────────────────────

const w = w1DataAvailable() ? await loadW1Workload() : null;

/** The w1 question: node snapping, 15 minutes at 1000 m / 15 min, as the w1 bench asks it. */
const W1_OPTIONS = {
  minutes: 15,
  speedMps: W1_COVER_M / 900,
  personsPerHousehold: 2.5,
  snap: 'node' as const,
  maxSnapM: 5000,
};

describe.skipIf(w === null)('w1 siting (real Shanghai data, skipped when ../shared/data is absent)', () => {
  const workload = w as W1Workload;
  const network: SitingInput['network'] | null =
    w === null ? null : { graph: workload.graph, snapper: createSnapper(workload.graph) };
  const estates = w === null ? [] : w1Estates(workload);
  const facilities = w === null ? [] : w1Facilities(workload);
  const nodes: CandidatePoint[] =
    w === null
      ? []
      : Array.from({ length: workload.graph.nodeCount }, (_, i) => ({
          id: `n${i}`,
          location: lngLat(workload.graph.coords[2 * i]!, workload.graph.coords[2 * i + 1]!),
        }));
  const coverage: CoverageInput = {
    estates,
    facilities,
    network: network!,
    options: { ...W1_OPTIONS, capacity: null },
  };
  const request: SitingRequest = {
    kind: 'nursery',
    model: 'mclp',
    count: 10,
    candidates: nodes,
    timeLimitS: 10,
    ...W1_OPTIONS,
  };
  const figures = () => ({
    compounds: estates.length,
    nodes: workload.graph.nodeCount,
    p: 10,
    timeLimitS: 10,
    coverM: W1_COVER_M,
    snap: 'node',
    targetFirstMs: 1000,
    targetFinalMs: 2000,
    pulpCbcMs: 1700,
  });

  let covered = 0;
  benchAndRecord(
    'w1 site: coverage baseline',
    () => (covered = computeCoverage(coverage).summary.estatesCovered),
    {
      iterations: 200,
      time: 0,
      warmupIterations: 20,
      extra: () => ({
        entry: 'computeCoverage',
        compounds: estates.length,
        facilities: facilities.length,
        covered,
      }),
    },
  );

  sitingCase(
    'w1 site p=10',
    () => ({ input: { network: network!, estates, facilities, highs }, req: request }),
    {
      iterations: 3,
      baseline: 'w1 site: coverage baseline',
      maxGapPct: 1,
      extra: () => ({ ...figures(), existingFacilities: facilities.length }),
    },
  );

  sitingCase(
    'w1 site p=10 (no existing)',
    () => ({ input: { network: network!, estates, facilities: [] as Facility[], highs }, req: request }),
    {
      iterations: 3,
      baseline: 'w1 site: coverage baseline',
      maxGapPct: 1,
      extra: () => ({ ...figures(), existingFacilities: 0 }),
    },
  );
});

// ── synthetic 20k × 20k ───────────────────────────────────────────────────────────────────────────

describe('synthetic 20k×20k (seeded covering instance)', () => {
  const P = 50;
  const TIME_LIMIT_S = 50;
  let inst: CoverInstance | null = null;
  const instance = () => (inst ??= syntheticInstance(20261205, 20_000, 20_000));
  const shape = () => {
    const i = instance();
    return {
      demand: i.demandCount,
      candidates: i.candidateCount,
      pairs: i.byDemand.length,
      meanDemandPerCandidate: round(i.byDemand.length / i.candidateCount, 1),
      p: P,
      timeLimitS: TIME_LIMIT_S,
    };
  };

  let greedyObjective = 0;
  benchAndRecord(
    'synthetic 20k×20k: greedy',
    () => (greedyObjective = greedyMaxCover(instance(), P).objective),
    {
      iterations: 5,
      time: 0,
      warmupIterations: 1,
      warmupTime: 0,
      extra: () => ({ entry: 'greedyMaxCover', ...shape(), objective: greedyObjective }),
    },
  );

  const runs: { r: SolveCoveringResult; ms: number }[] = [];
  benchAndRecord(
    'synthetic 20k×20k',
    () => {
      const i = instance();
      const t0 = performance.now();
      const r = solveCovering(i, { model: 'mclp', p: P, highs, timeLimitS: TIME_LIMIT_S });
      const ms = performance.now() - t0;
      const recount = coveredWeight(i, r.chosen);
      if (Math.abs(recount - r.objective) > 1e-6 * Math.max(1, recount))
        throw new Error(`synthetic: objective ${r.objective} but the chosen sites cover ${recount}`);
      if (r.bound !== null && r.objective > r.bound * (1 + 1e-9) + 1e-9)
        throw new Error(`synthetic: objective ${r.objective} above the bound ${r.bound}`);
      runs.push({ r, ms });
    },
    {
      iterations: 1,
      time: 0,
      warmupIterations: 0,
      warmupTime: 0,
      onRecorded: (rec) => {
        const measured = runs.slice(-(rec.samples ?? 1));
        const { r } = measured[measured.length - 1]!;
        const base = recordedCase('synthetic 20k×20k: greedy');
        const gapPct = r.bound === null ? null : ((r.bound - r.objective) / r.objective) * 100;
        recordBench('synthetic 20k×20k', rec, {
          entry: 'solveCovering',
          ...shape(),
          heuristicS: round(median(measured.map((m) => m.r.seconds.heuristic)), 3),
          exactS: round(median(measured.map((m) => m.r.seconds.exact)), 3),
          totalS: round(median(measured.map((m) => m.ms)) / 1000, 3),
          objective: r.objective,
          heuristicObjective: r.heuristicObjective,
          bound: r.bound === null ? null : round(r.bound, 3),
          gapPct: gapPct === null ? null : round(gapPct, 4),
          method: r.method,
          solverStatus: r.solverStatus,
          candidatesReduced: r.reduced,
          baseline: 'synthetic 20k×20k: greedy',
          ratioVsBaseline: base === undefined ? null : round(rec.medianMs / base.medianMs, 1),
          targetHeuristicS: 5,
          targetTotalS: 60,
        });
        console.log(
          `synthetic 20k×20k: heuristic ${r.seconds.heuristic.toFixed(2)} s, total ${(rec.medianMs / 1000).toFixed(1)} s, ` +
            `${r.method} (${r.solverStatus}), objective ${r.objective} (heuristic ${r.heuristicObjective}) ≤ bound ` +
            `${r.bound?.toFixed(1)}, gap ${gapPct?.toFixed(3)} %, ${r.reduced} candidates after reduction`,
        );
      },
    },
  );
});

// ── generated city ────────────────────────────────────────────────────────────────────────────────

describe('city siting (generated, ~1M nodes)', () => {
  const parameters = getProfile('national')!.parameters;
  const nursery = coverageOptionsForKind('nursery', parameters);
  let city: City | null = null;
  let network: SitingInput['network'] | null = null;
  const load = () => {
    city ??= generateCity({ estates: 20_000 });
    network ??= { graph: city.graph, snapper: createSnapper(city.graph) };
    return { city, network };
  };

  let covered = 0;
  benchAndRecord(
    'city site: coverage baseline',
    () => {
      const { city: c, network: n } = load();
      covered = computeCoverage({
        estates: c.estates,
        facilities: c.facilities.filter((f) => f.kind === 'nursery'),
        network: n,
        options: nursery,
      }).summary.estatesCovered;
    },
    {
      iterations: 3,
      time: 0,
      warmupIterations: 1,
      warmupTime: 0,
      extra: () => ({ entry: 'computeCoverage', kind: 'nursery', estates: 20_000, covered }),
    },
  );

  sitingCase(
    'city site p=20',
    () => {
      const { city: c, network: n } = load();
      return {
        input: { network: n, estates: c.estates, facilities: c.facilities, highs },
        req: {
          kind: 'nursery',
          model: 'mclp',
          count: 20,
          candidates: 'auto',
          timeLimitS: 10,
          minutes: nursery.minutes,
          speedMps: nursery.speedMps,
          personsPerHousehold: nursery.personsPerHousehold,
          measure: 'demand',
          ...(nursery.capacity ? { demand: nursery.capacity } : {}),
        },
      };
    },
    {
      iterations: 1,
      baseline: 'city site: coverage baseline',
      collect: true,
      maxGapPct: null,
      extra: () => ({
        nodes: city?.graph.nodeCount ?? 0,
        estates: 20_000,
        nurseries: city?.facilities.filter((f) => f.kind === 'nursery').length ?? 0,
        p: 20,
        minutes: nursery.minutes,
        timeLimitS: 10,
        targetTotalS: 30,
      }),
    },
  );
});
