/**
 * Coverage benchmarks (issue #3) on the real Shanghai network and compounds (the w1 workload of
 * tests/bench/w1-workload.ts), skipped when ../shared/data is absent:
 * - `coverage: move one facility` — move one of 200 facilities and update coverage (edge snapping,
 *   2SFCA, 15 min at 1000 m / 15 min), target ≤ 1 ms;
 * - `coverage: service areas 200 × 3` — 5/10/15-minute polygons for the 200 facilities, target ≤ 50 ms,
 *   in the flat typed-array layout the engine returns (see FlatServiceAreas);
 * - `coverage: service areas 200 × 3 as GeoJSON` — the same carried on to GeoJSON objects;
 * - `coverage: full edge + 2SFCA` — the whole computeCoverage for the w1 compounds and 200 facilities.
 * Each records its ratio to `coverage: baseline w1 search` (the w1 engine question, one multi-source
 * search) measured in the same run, so the figures survive a busy machine.
 */
import { describe } from 'vitest';
import {
  computeCoverage,
  createCoverageSession,
  type CoverageInput,
  type ServiceAreaCollection,
} from '../../src/core/coverage';
import {
  serviceAreaGeometry,
  serviceAreaPolygons,
  serviceAreasToGeoJSON,
  type FlatServiceAreas,
} from '../../src/core/service-areas';
import { lngLat } from '../../src/core/geo/units';
import { createSearchResult, createSnapper } from '../../src/core/network';
import { nudged, w1Estates, w1Facilities } from '../core/coverage/w1-scenario';
import { benchAndRecord, recordBench, recordedCase, type BenchRecord } from './bench-results';
import { loadW1Workload, mulberry32, solveW1, w1DataAvailable, type W1Workload } from './w1-workload';

const w = w1DataAvailable() ? await loadW1Workload() : null;

/** Profile-like parameters: 15 minutes at 1000 m / 15 min (w1's 1000 m), 10 nursery places per 1000 residents. */
function scenario(workload: W1Workload): CoverageInput {
  const next = mulberry32(5);
  return {
    estates: w1Estates(workload),
    facilities: w1Facilities(workload).map((f) => nudged(f, next)),
    network: { graph: workload.graph, snapper: createSnapper(workload.graph) },
    options: {
      minutes: 15,
      speedMps: 1000 / 900,
      personsPerHousehold: 2.5,
      snap: 'edge',
      maxSnapM: 500,
      capacity: { field: 'places', perResident: 0.01 },
    },
  };
}

/** Re-records a case with its ratio to the baseline measured in this run, and prints it. */
function withRatio(name: string, r: BenchRecord, extra: Record<string, number>): void {
  const base = recordedCase('coverage: baseline w1 search');
  const ratio = base ? Math.round((r.medianMs / base.medianMs) * 100) / 100 : null;
  recordBench(name, r, { ...extra, baselineW1Ms: base?.medianMs ?? null, ratioToBaseline: ratio });
  console.log(
    `${name}: median ${r.medianMs.toFixed(3)} ms (min ${r.minMs.toFixed(3)}), ${ratio ?? '?'}× the w1 search`,
  );
}

describe.skipIf(w === null)('coverage on Shanghai (skipped when ../shared/data is absent)', () => {
  const workload = w as W1Workload;
  const input = w === null ? null : scenario(workload);
  const out = new Float64Array(workload?.compounds.length ?? 0);
  const scratch = createSearchResult(workload?.graph.nodeCount ?? 0);

  benchAndRecord('coverage: baseline w1 search', () => solveW1(workload, out, scratch), {
    iterations: 500,
    time: 0,
    warmupIterations: 50,
  });

  const session = input === null ? null : createCoverageSession(input);
  const next = mulberry32(20261123);
  let moves = 0;
  let changed = 0;
  benchAndRecord(
    'coverage: move one facility',
    () => {
      const node = next() % workload.graph.nodeCount;
      const at = lngLat(workload.graph.coords[2 * node]! + 1e-4, workload.graph.coords[2 * node + 1]! + 1e-4);
      changed += session!.moveFacility(`f${next() % 200}`, at).estates.length;
      moves++;
    },
    {
      iterations: 2000,
      time: 0,
      warmupIterations: 100,
      onRecorded: (r) => {
        withRatio('coverage: move one facility', r, {
          estates: input!.estates.length,
          facilities: 200,
          meanChangedEstates: changed / moves,
          targetMs: 1,
        });
      },
    },
  );

  const sources = session?.serviceAreaSources() ?? [];
  const areaOptions = { minutes: [5, 10, 15], speedMps: 1000 / 900 };
  let flat: FlatServiceAreas | null = null;
  benchAndRecord(
    'coverage: service areas 200 × 3',
    () => (flat = serviceAreaGeometry(workload.graph, sources, areaOptions)),
    {
      iterations: 30,
      time: 0,
      warmupIterations: 3,
      onRecorded: (r) => {
        withRatio('coverage: service areas 200 × 3', r, {
          polygons: flat === null ? 0 : flat.areaStart.length - 1,
          rings: flat === null ? 0 : flat.ringStart.length - 1,
          vertices: flat === null ? 0 : flat.coordinates.length / 2,
          cellM: 25,
          bufferM: 50,
          targetMs: 50,
        });
      },
    },
  );

  // The same areas carried on to GeoJSON objects (what a file export or the map's source needs).
  let areas: ServiceAreaCollection | null = null;
  benchAndRecord(
    'coverage: service areas 200 × 3 as GeoJSON',
    () => (areas = serviceAreaPolygons(workload.graph, sources, areaOptions)),
    {
      iterations: 30,
      time: 0,
      warmupIterations: 3,
      onRecorded: (r) => {
        withRatio('coverage: service areas 200 × 3 as GeoJSON', r, {
          features: areas?.features.length ?? 0,
        });
      },
    },
  );

  // Crossing from the worker to the page: what postMessage does to the areas, structured clone
  // (serialise and deserialise), as GeoJSON objects (what the worker sent before) against the flat
  // layout plus the GeoJSON the page then builds from it (serviceAreaFeatures). The first is the
  // baseline of the second.
  // Built on first use (the workload is loaded when the benches run, not when they are declared).
  let crossing: FlatServiceAreas | null = null;
  let crossingJson: ServiceAreaCollection | null = null;
  const crossingFlat = () => (crossing ??= serviceAreaGeometry(workload.graph, sources, areaOptions));
  const crossingGeoJson = () => (crossingJson ??= serviceAreasToGeoJSON(crossingFlat()));
  benchAndRecord(
    'coverage: service areas 200 × 3, structured clone as GeoJSON',
    () => structuredClone(crossingGeoJson()),
    { iterations: 20, time: 0, warmupIterations: 2 },
  );
  benchAndRecord(
    'coverage: service areas 200 × 3, structured clone flat + GeoJSON on arrival',
    () => serviceAreasToGeoJSON(structuredClone(crossingFlat())),
    {
      iterations: 20,
      time: 0,
      warmupIterations: 2,
      onRecorded: (r) => {
        const base = recordedCase('coverage: service areas 200 × 3, structured clone as GeoJSON');
        const speedup = base ? Math.round((base.medianMs / r.medianMs) * 10) / 10 : null;
        recordBench('coverage: service areas 200 × 3, structured clone flat + GeoJSON on arrival', r, {
          baselineGeoJsonCloneMs: base?.medianMs ?? null,
          timesFasterThanBaseline: speedup,
        });
        console.log(
          `service areas crossing: flat + GeoJSON on arrival ${r.medianMs.toFixed(1)} ms, ` +
            `GeoJSON clone ${base?.medianMs.toFixed(1) ?? '?'} ms (${speedup ?? '?'}× faster)`,
        );
      },
    },
  );

  let covered = 0;
  benchAndRecord(
    'coverage: full edge + 2SFCA',
    () => (covered = computeCoverage(input!).summary.estatesCovered),
    {
      iterations: 30,
      time: 0,
      warmupIterations: 3,
      onRecorded: (r) => {
        withRatio('coverage: full edge + 2SFCA', r, {
          estates: input!.estates.length,
          facilities: 200,
          covered,
        });
      },
    },
  );
});
