/**
 * `w1` of issue #3 (workload defined in w1-workload.ts): the full coverage recompute — one bounded
 * multi-source search from the 200 facility nodes and a look-up per compound — timed against the
 * naive way in the same run (`w1-naive`: turf.circle 1000 m around each facility, union of the 200
 * circles, point-in-polygon per compound). Targets: w1 ≤ 2 ms median, ratio ≥ 1000×.
 */
import { booleanPointInPolygon, circle, featureCollection, point, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe } from 'vitest';
import { createSearchResult } from '../../src/core/network';
import { benchAndRecord, recordBench, recordedCase } from './bench-results';
import { loadW1Workload, solveW1, W1_COVER_M, w1DataAvailable, type W1Workload } from './w1-workload';

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
  const out = new Float64Array(workload?.compounds.length ?? 0);
  const scratch = createSearchResult(workload?.graph.nodeCount ?? 0);
  let covered = 0;
  let naive = 0;
  const figures = () => ({
    compounds: workload.compounds.length,
    candidates: workload.candidates,
    nodes: workload.graph.nodeCount,
    edges: workload.report.edges,
    minComponent: workload.minComponent,
    facilities: workload.facilityNodes.length,
    coverM: W1_COVER_M,
    reached: scratch.reachedCount,
  });

  benchAndRecord('w1', () => (covered = solveW1(workload, out, scratch)), {
    iterations: 2000,
    time: 0,
    warmupIterations: 200,
    extra: () => ({ ...figures(), covered, targetMs: 2 }),
    onRecorded: (r) =>
      console.log(
        `w1: ${r.compounds} compounds, ${r.nodes} nodes, ${r.facilities} facilities, covered ${covered} ` +
          `(network ≤ ${W1_COVER_M} m); median ${r.medianMs.toFixed(3)} ms (min ${r.minMs.toFixed(3)})`,
      ),
  });

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
      recordBench('w1-naive', r, { ...figures(), coveredStraightLine: naive, ratio, targetRatio: 1000 });
      recordBench('w1', fast, { ...figures(), covered, ratioVsNaive: ratio, targetMs: 2 });
      console.log(
        `w1-naive: covered ${naive} (straight line); median ${r.medianMs.toFixed(0)} ms; w1 is ${ratio}× faster`,
      );
    },
  });
});
