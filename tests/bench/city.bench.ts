/**
 * The generated large city (scripts/city/generate-city.ts, issue #9): about a million street nodes,
 * 2,000 facilities of five kinds, and 20,000 or 150,000 estates, built in-process (nothing is read).
 * - `city: coverage` — the worker's full first run: one capacity-aware coverage session per kind
 *   (the national profile's options, edge snapping, catchments and 2SFCA) and its result; target
 *   ≤ 2 s and ≤ 1 GB;
 * - `city: move one facility` — moving one nursery in its kind's session (the CoverageUpdate the
 *   worker's patch is built from); target ≤ 5 ms median;
 * - `city: 150k estates coverage` — the first run with 150,000 estates; target ≤ 10 s and ≤ 2 GB.
 * Memory is the growth of the V8 heap plus array buffers over the run, in MiB.
 */
import { describe } from 'vitest';
import { generateCity, type City } from '../../scripts/city/generate-city';
import { coverageOptionsForKind } from '../../src/core/coverage/coverage-options-for-kind';
import { createCoverageSession, type CoverageSession } from '../../src/core/coverage';
import { lngLat } from '../../src/core/geo/units';
import { FACILITY_KINDS, type FacilityKind } from '../../src/core/model/facility';
import { createSnapper } from '../../src/core/network';
import { getProfile } from '../../src/profiles';
import { benchAndRecord, memoryMB } from './bench-results';
import { mulberry32 } from './w1-workload';

const parameters = getProfile('national')!.parameters;

/** Every kind's coverage session, as the worker's coverage/run builds them. */
function firstRun(city: City, snapper: ReturnType<typeof createSnapper>): Map<FacilityKind, CoverageSession> {
  const sessions = new Map<FacilityKind, CoverageSession>();
  for (const kind of FACILITY_KINDS) {
    const session = createCoverageSession({
      estates: city.estates,
      facilities: city.facilities.filter((f) => f.kind === kind),
      network: { graph: city.graph, snapper },
      options: coverageOptionsForKind(kind, parameters),
    });
    session.result();
    sessions.set(kind, session);
  }
  return sessions;
}

/** Heap + array buffers in MiB after a collection when one is exposed (node --expose-gc), else as is. */
function heldMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = memoryMB();
  return m.heapUsed + m.arrayBuffers;
}

function coverageCase(name: string, estates: number, targetMs: number, targetMB: number): void {
  let city: City | null = null;
  let snapper: ReturnType<typeof createSnapper> | null = null;
  let before = 0;
  let peak = 0;
  let covered = 0;
  benchAndRecord(
    name,
    () => {
      city ??= generateCity({ estates });
      snapper ??= createSnapper(city.graph);
      if (before === 0) before = heldMB();
      const sessions = firstRun(city, snapper);
      peak = Math.max(peak, heldMB() - before);
      covered = sessions.get('nursery')!.summary().estatesCovered;
    },
    {
      iterations: 3,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        nodes: city?.graph.nodeCount ?? 0,
        estates,
        facilities: city?.facilities.length ?? 0,
        nurseryCovered: covered,
        memoryMB: Math.round(peak),
        targetMs,
        targetMB,
      }),
      onRecorded: (r) =>
        console.log(
          `${name}: ${city?.graph.nodeCount} nodes, ${estates} estates; median ${r.medianMs.toFixed(0)} ms, ` +
            `memory +${Math.round(peak)} MiB`,
        ),
    },
  );
}

describe('city (generated, ~1M nodes)', () => {
  coverageCase('city: coverage', 20_000, 2000, 1024);

  let session: CoverageSession | null = null;
  let city: City | null = null;
  let changed = 0;
  let moves = 0;
  const next = mulberry32(77);
  benchAndRecord(
    'city: move one facility',
    () => {
      city ??= generateCity({ estates: 20_000 });
      session ??= createCoverageSession({
        estates: city.estates,
        facilities: city.facilities.filter((f) => f.kind === 'nursery'),
        network: { graph: city.graph, snapper: createSnapper(city.graph) },
        options: coverageOptionsForKind('nursery', parameters),
      });
      const nurseries = session.facilities();
      const f = nurseries[next() % nurseries.length]!;
      const node = next() % city.graph.nodeCount;
      const at = lngLat(city.graph.coords[2 * node]! + 1e-4, city.graph.coords[2 * node + 1]! + 1e-4);
      changed += session.moveFacility(f.id, at).estates.length;
      moves++;
    },
    {
      iterations: 300,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        nodes: city?.graph.nodeCount ?? 0,
        estates: 20_000,
        nurseries: session?.facilities().length ?? 0,
        meanChangedEstates: moves > 0 ? changed / moves : 0,
        targetMs: 5,
      }),
      onRecorded: (r) =>
        console.log(
          `city: move one facility: median ${r.medianMs.toFixed(2)} ms (min ${r.minMs.toFixed(2)}), ` +
            `${(changed / moves).toFixed(0)} estates changed per move`,
        ),
    },
  );

  coverageCase('city: 150k estates coverage', 150_000, 10_000, 2048);
});
