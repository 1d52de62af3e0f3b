/**
 * The generated large city (scripts/city/generate-city.ts, issue #9): about a million street nodes,
 * 2,000 facilities of five kinds, and 20,000 or 150,000 estates, built in-process (nothing is read).
 * Every case times the worker's own request handlers (`createHandlers`, what the planner's worker
 * serves; the CLI's coverage runs the same sessions):
 * - `city: coverage` — `coverage/run`, the full first run: one capacity-aware coverage session per
 *   kind (the national profile's options, edge snapping, catchments and 2SFCA), the underserved zones
 *   and the result; target ≤ 2 s and ≤ 1 GB;
 * - `city: move one facility` — `coverage/edit` moving one nursery with the nursery service areas
 *   shown: the patch the worker sends (changed estate rows, the facility's row, the summary, the
 *   zones re-traced, the moved facility's service areas), built; target ≤ 5 ms median;
 * - `city: 150k estates coverage` — the first run with 150,000 estates; target ≤ 10 s and ≤ 2 GB.
 * Memory is the growth of the V8 heap plus array buffers over the run, in MiB.
 */
import { describe } from 'vitest';
import { generateCity, type City } from '../../scripts/city/generate-city';
import { lngLat } from '../../src/core/geo/units';
import { serializeGraph } from '../../src/core/network/serialize-graph';
import { createHandlers } from '../../src/worker/handlers';
import type { HandlerContext } from '../../src/worker/host';
import type { CoverageEditResponse, CoverageResponse, CoverageOp } from '../../src/worker/protocol';
import { benchAndRecord, memoryMB } from './bench-results';
import { mulberry32 } from './w1-workload';

const PROFILE = 'national';
const context: HandlerContext = {
  progress: () => undefined,
  signal: new AbortController().signal,
  checkpoint: () => Promise.resolve(),
  partial: () => undefined,
};

/** The worker's handlers with the city's street network loaded (as `network/restore` after an import). */
async function workerWith(city: City) {
  const handlers = createHandlers();
  await handlers['network/restore']!(
    { graphBytes: serializeGraph(city.graph, city.report) } as never,
    context,
  );
  return {
    run: (serviceAreaKind: 'nursery' | null) =>
      handlers['coverage/run']!(
        {
          estates: city.estates,
          facilities: city.facilities,
          profileId: PROFILE,
          overrides: {},
          serviceAreaKind,
        } as never,
        context,
      ) as Promise<CoverageResponse>,
    edit: (ops: CoverageOp[]) =>
      handlers['coverage/edit']!(
        { ops, serviceAreaKind: 'nursery' } as never,
        context,
      ) as CoverageEditResponse,
  };
}

/** Heap + array buffers in MiB after a collection when one is exposed (node --expose-gc), else as is. */
function heldMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = memoryMB();
  return m.heapUsed + m.arrayBuffers;
}

function coverageCase(name: string, estates: number, targetMs: number, targetMB: number): void {
  let city: City | null = null;
  let worker: Awaited<ReturnType<typeof workerWith>> | null = null;
  let before = 0;
  let peak = 0;
  let covered = 0;
  benchAndRecord(
    name,
    async () => {
      city ??= generateCity({ estates });
      worker ??= await workerWith(city);
      if (before === 0) before = heldMB();
      const res = await worker.run(null);
      peak = Math.max(peak, heldMB() - before);
      covered = res.byKind.nursery!.summary.estatesCovered;
    },
    {
      iterations: 3,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        entry: 'coverage/run',
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

  let city: City | null = null;
  let worker: Awaited<ReturnType<typeof workerWith>> | null = null;
  let nurseries: string[] = [];
  let changed = 0;
  let zones = 0;
  let moves = 0;
  const next = mulberry32(77);
  benchAndRecord(
    'city: move one facility',
    async () => {
      if (!worker) {
        city = generateCity({ estates: 20_000 });
        worker = await workerWith(city);
        await worker.run('nursery');
        nurseries = city.facilities.filter((f) => f.kind === 'nursery').map((f) => f.id);
      }
      const graph = city!.graph;
      const id = nurseries[next() % nurseries.length]!;
      const node = next() % graph.nodeCount;
      const at = lngLat(graph.coords[2 * node]! + 1e-4, graph.coords[2 * node + 1]! + 1e-4);
      const patch = worker.edit([{ op: 'move', id, kind: 'nursery', location: at }]).byKind.nursery!;
      changed += patch.estates.length;
      zones += patch.zones.upserted.length + patch.zones.removed.length;
      moves++;
    },
    {
      iterations: 300,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        entry: 'coverage/edit',
        nodes: city?.graph.nodeCount ?? 0,
        estates: 20_000,
        nurseries: nurseries.length,
        meanChangedEstates: moves > 0 ? changed / moves : 0,
        meanChangedZones: moves > 0 ? zones / moves : 0,
        targetMs: 5,
      }),
      onRecorded: (r) =>
        console.log(
          `city: move one facility: median ${r.medianMs.toFixed(2)} ms (min ${r.minMs.toFixed(2)}), ` +
            `${(changed / moves).toFixed(0)} estates and ${(zones / moves).toFixed(1)} zones changed per move`,
        ),
    },
  );

  coverageCase('city: 150k estates coverage', 150_000, 10_000, 2048);
});
