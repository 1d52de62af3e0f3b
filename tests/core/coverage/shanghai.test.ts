/**
 * Coverage on the real Shanghai network and compounds (../shared/data; skipped when absent): the w1
 * workload's distances through the coverage API, and what-if edits on real (non-integer) lengths.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage, createCoverageSession, type CoverageInput } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import { createSearchResult, createSnapper } from '../../../src/core/network';
import {
  loadW1Workload,
  mulberry32,
  solveW1,
  w1DataAvailable,
  type W1Workload,
} from '../../bench/w1-workload';
import { nudged, w1Estates, w1Facilities } from './w1-scenario';

describe.skipIf(!w1DataAvailable())('coverage on Shanghai (../shared/data/shanghai-center)', () => {
  let w: W1Workload;
  let input: CoverageInput;
  beforeAll(async () => {
    w = await loadW1Workload();
    input = {
      estates: w1Estates(w),
      facilities: w1Facilities(w),
      network: { graph: w.graph, snapper: createSnapper(w.graph) },
      options: { minutes: 15, speedMps: 1000 / 900, personsPerHousehold: 2.5, snap: 'node', maxSnapM: 5000 },
    };
  });

  it('gives every compound the w1 network distance to its nearest facility node, to the metre', () => {
    const result = computeCoverage(input);
    const reference = new Float64Array(w.compounds.length);
    solveW1(w, reference, createSearchResult(w.graph.nodeCount), Infinity);
    expect(result.estates).toHaveLength(w.compounds.length);
    result.estates.forEach((row, i) => {
      expect(row.offNetwork).toBe(false);
      expect(Math.abs(row.networkM! - reference[i]!)).toBeLessThan(1e-6);
      expect(row.snapM).toBeCloseTo(w.compounds[i]!.snapM, 6);
    });
  });

  it('keeps what-if edits equal to a full recompute (edge snapping, 2SFCA, real lengths)', () => {
    const edgeInput: CoverageInput = {
      ...input,
      options: {
        ...input.options,
        snap: 'edge',
        maxSnapM: 500,
        capacity: { field: 'places', perResident: 0.01 },
      },
    };
    const session = createCoverageSession(edgeInput);
    const next = mulberry32(99);
    for (let k = 0; k < 25; k++) {
      const id = `f${next() % 200}`;
      const node = next() % w.graph.nodeCount;
      session.moveFacility(
        id,
        lngLat(w.graph.coords[2 * node]! + 2e-4, w.graph.coords[2 * node + 1]! - 1e-4),
      );
    }
    session.upsertFacility(nudged(input.facilities[0]!, next));
    session.removeFacility('f1');
    const full = computeCoverage({ ...edgeInput, facilities: session.facilities() });
    expect(session.result()).toEqual(full);
  });
});
