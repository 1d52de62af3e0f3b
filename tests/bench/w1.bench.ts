/**
 * `w1` of issue #3 (workload defined in w1-workload.ts), timed through `computeCoverage` — the function
 * the CLI and the worker call (issue #9): node snapping of the 675 compounds and 200 facility nodes,
 * one multi-source search, the rows, summary and underserved zones; 15 minutes at 1000 m / 15 min.
 * `w1-2sfca` is the same call with capacities (nursery places, 10 per 1000 residents) and so with the
 * 200 per-facility catchments. Both against the naive way in the same run (`w1-naive`: turf.circle
 * 1000 m around each facility, union of the 200 circles, point-in-polygon per compound). Targets: w1
 * ≤ 2 ms median, w1-2sfca ≤ 8 ms; distances equal the reference (tests/core/coverage/shanghai.test.ts).
 */
import { booleanPointInPolygon, circle, featureCollection, point, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe } from 'vitest';
import { computeCoverage, type CoverageInput } from '../../src/core/coverage';
import { createSnapper } from '../../src/core/network';
import { w1Estates, w1Facilities } from '../core/coverage/w1-scenario';
import { benchAndRecord, recordBench, recordedCase } from './bench-results';
import { loadW1Workload, W1_COVER_M, w1DataAvailable, type W1Workload } from './w1-workload';

/** The W1 question as a coverage input: node snapping, 15 minutes at 1000 m / 15 min, optional 2SFCA. */
function w1Input(w: W1Workload, capacity: boolean): CoverageInput {
  return {
    estates: w1Estates(w),
    facilities: w1Facilities(w),
    network: { graph: w.graph, snapper: createSnapper(w.graph) },
    options: {
      minutes: 15,
      speedMps: W1_COVER_M / 900,
      personsPerHousehold: 2.5,
      snap: 'node',
      maxSnapM: 5000,
      capacity: capacity ? { field: 'places', perResident: 0.01 } : null,
    },
  };
}

/** The naive answer: straight-line circles, unioned, then point-in-polygon per compound. */
function naiveCovered(w: W1Workload): number {
  const circles = Array.from(w.facilityNodes, (node) =>
    circle([w.graph.coords[2 * node] as number, w.graph.coords[2 * node + 1] as number], W1_COVER_M / 1000, {
      units: 'kilometers',
      steps: 64,
    }),
  );
  const merged = union(featureCollection(circles)) as Feature<Polygon | MultiPolygon> | null;
  if (merged === null) return 0;
  let covered = 0;
  for (const c of w.compounds) if (booleanPointInPolygon(point([c.lng, c.lat]), merged)) covered++;
  return covered;
}

const w = w1DataAvailable() ? await loadW1Workload() : null;

describe.skipIf(w === null)('w1 (real Shanghai data, skipped when ../shared/data is absent)', () => {
  const workload = w as W1Workload;
  const plain = w === null ? null : w1Input(w, false);
  const withCapacity = w === null ? null : w1Input(w, true);
  let covered = 0;
  let underserved = 0;
  let naive = 0;
  const figures = () => ({
    compounds: workload.compounds.length,
    candidates: workload.candidates,
    nodes: workload.graph.nodeCount,
    edges: workload.report.edges,
    minComponent: workload.minComponent,
    facilities: workload.facilityNodes.length,
    coverM: W1_COVER_M,
    entry: 'computeCoverage',
  });

  benchAndRecord('w1', () => (covered = computeCoverage(plain!).summary.estatesCovered), {
    iterations: 1000,
    time: 0,
    warmupIterations: 100,
    extra: () => ({ ...figures(), snap: 'node', covered, targetMs: 2 }),
    onRecorded: (r) =>
      console.log(
        `w1: ${r.compounds} compounds, ${r.nodes} nodes, ${r.facilities} facilities, covered ${covered} ` +
          `(network ≤ ${W1_COVER_M} m); median ${r.medianMs.toFixed(3)} ms (min ${r.minMs.toFixed(3)})`,
      ),
  });

  benchAndRecord(
    'w1-2sfca',
    () => (underserved = computeCoverage(withCapacity!).summary.estatesUnderserved),
    {
      iterations: 300,
      time: 0,
      warmupIterations: 30,
      extra: () => ({
        ...figures(),
        snap: 'node',
        capacity: 'places, 10 per 1000 residents',
        underserved,
        targetMs: 8,
      }),
      onRecorded: (r) =>
        console.log(
          `w1-2sfca: underserved ${underserved}; median ${r.medianMs.toFixed(3)} ms (min ${r.minMs.toFixed(3)})`,
        ),
    },
  );

  benchAndRecord('w1-naive', () => (naive = naiveCovered(workload)), {
    iterations: 3,
    time: 0,
    warmupIterations: 1,
    extra: () => ({ ...figures(), coveredStraightLine: naive }),
    onRecorded: (r) => {
      const fast = recordedCase('w1');
      if (fast === undefined) return;
      const ratio = Math.round(r.medianMs / fast.medianMs);
      // Store the ratio with both cases, measured in this run.
      recordBench('w1-naive', r, {
        ...figures(),
        entry: 'turf',
        coveredStraightLine: naive,
        ratio,
        targetRatio: 1000,
      });
      recordBench('w1', fast, { ...figures(), snap: 'node', covered, ratioVsNaive: ratio, targetMs: 2 });
      console.log(
        `w1-naive: covered ${naive} (straight line); median ${r.medianMs.toFixed(0)} ms; w1 is ${ratio}× faster`,
      );
    },
  });
});
