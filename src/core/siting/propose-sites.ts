import { computeCoverage } from '../coverage/compute-coverage';
import { capacityOf } from '../coverage/demand';
import { placeEstates } from '../coverage/estate-placements';
import { CAPACITY_UNIT } from '../coverage/resolve-options';
import type { CoverageResult } from '../coverage/types';
import { zoneCellGrid } from '../underserved/zone-cell-grid';
import { lngLat } from '../geo/units';
import type { Facility } from '../model/facility';
import type { PlacedPoints } from '../network/bounded-matrix';
import { autoCandidates } from './auto-candidates';
import { coverInstance } from './cover-instance';
import { demandWeight } from './demand-weight';
import { orderByGain } from './order-by-gain';
import { placeSites } from './place-sites';
import { sitingMatrix, subsetPlaced } from './siting-matrix';
import type {
  JointKind,
  SitingInput,
  SitingProgress,
  SitingProposal,
  SitingRequest,
  ProposedSite,
} from './siting-types';
import { solveCovering, type SolveCoveringResult } from './solve-covering';
import { validateSitingRequest } from './validate-siting-request';

const now = (): number => performance.now();

/** Candidates the search can use: where they are, their ids, and their attachment to the network. */
interface CandidateSet {
  ids: string[];
  lngLat: [number, number][];
  placed: PlacedPoints;
}

/**
 * Proposes where new facilities go (建议选址): demand is the estates the existing facilities of the
 * kind leave unserved (all estates, capacitated, where existing capacity counts); candidates are the
 * given points or the street nodes inside the underserved zones thinned to a spacing; the bounded
 * walking matrix joins them; `solveCovering` gives the heuristic's first answer at once and then
 * HiGHS's bound or optimum within the time limit. The reported coverage is recounted with the
 * coverage engine (`computeCoverage` with the sites added), never taken from the solver.
 * @param input network, estates, facilities, HiGHS
 * @param req model, kind, p, candidates, service minutes, demand measure, joint kinds
 * @param progress progress, Cancel, early answer, checkpoint
 * @returns the proposal (issue #10 JSON)
 * @throws SitingRequestError for a request that cannot be solved; AbortError on Cancel
 * @example (await proposeSites({ network, estates, facilities, highs }, req)).sites[0].gain
 */
export async function proposeSites(
  input: SitingInput,
  req: SitingRequest,
  progress: SitingProgress = {},
): Promise<SitingProposal> {
  const t0 = now();
  validateSitingRequest(req);
  const { network, estates } = input;
  const { graph, snapper } = network;
  const { signal, checkpoint } = progress;
  const warnings: string[] = [];
  const snap = req.snap ?? 'edge';
  const maxSnapM = req.maxSnapM ?? 500;
  const capacitated = req.model === 'capacitated';
  const measure = capacitated ? 'demand' : (req.measure ?? 'households');
  const kinds: JointKind[] = [
    {
      kind: req.kind,
      minutes: req.minutes,
      weight: req.weight ?? 1,
      ...(req.demand ? { demand: req.demand } : {}),
    },
    ...(req.joint ?? []),
  ];
  const thresholds = kinds.map((k) => k.minutes * 60 * req.speedMps);
  const coverageOf = (k: JointKind, facilities: Facility[]): CoverageResult =>
    computeCoverage({
      estates,
      facilities: facilities.filter((f) => f.kind === k.kind),
      network,
      options: {
        minutes: k.minutes,
        speedMps: req.speedMps,
        personsPerHousehold: req.personsPerHousehold,
        snap,
        maxSnapM,
        kinds: [k.kind],
        capacity: capacitated ? (k.demand ?? null) : null,
        ...(req.zoneCellM ? { zoneCellM: req.zoneCellM } : {}),
      },
    });
  progress.onProgress?.('coverage', 0, kinds.length);
  const before = kinds.map((k) => coverageOf(k, input.facilities));
  progress.onProgress?.('coverage', kinds.length, kinds.length);
  await checkpoint?.();

  // Candidates.
  const tc = now();
  const estatePlaced = placeEstates(estates, graph.nodeCount, snapper, snap, maxSnapM);
  let cand: CandidateSet;
  let given: number;
  const offNetworkCandidateIds: string[] = [];
  if (req.candidates === 'auto') {
    const grid = zoneCellGrid(estates, before[0]!.parameters.zoneCellM);
    const zoneCells = new Set<number>();
    const accessNodes: number[] = [];
    estates.forEach((e, i) => {
      if (req.district && e.district !== req.district) return;
      if (!before.some((b) => b.estates[i]!.underserved)) return;
      if (grid.estateCell[i]! >= 0) zoneCells.add(grid.estateCell[i]!);
      const a = estatePlaced.nodeA[i]!;
      if (a >= 0)
        accessNodes.push(estatePlaced.offA[i]! <= estatePlaced.offB[i]! ? a : estatePlaced.nodeB[i]!);
    });
    const nodes = autoCandidates(graph, grid, zoneCells, req.spacingM ?? 100, req.area ?? null, accessNodes);
    cand = nodeCandidates(graph.coords, nodes);
    given = nodes.length;
  } else {
    const points = req.candidates;
    const placed = placeSites(
      points.map((c) => c.location),
      graph.nodeCount,
      snapper,
      snap,
      maxSnapM,
    );
    points.forEach((c, j) => {
      if (placed.nodeA[j]! < 0) offNetworkCandidateIds.push(c.id);
    });
    cand = {
      ids: points.map((c) => c.id),
      lngLat: points.map((c): [number, number] => [c.location[0], c.location[1]]),
      placed,
    };
    given = points.length;
  }
  const newCount = cand.ids.length;
  const capacity = new Float64Array(newCount).fill(capacitated ? req.capacity! : Infinity);
  const fixed: number[] = [];
  let all = cand.placed;
  let allCapacity = capacity;
  if (capacitated) {
    const existing = input.facilities.filter((f) => f.kind === req.kind);
    const unknown = existing.filter((f) => capacityOf(f, { capacity: req.demand ?? null }) === null);
    if (unknown.length > 0)
      warnings.push(
        `${unknown.length} existing facilities have no ${req.demand!.field} capacity and take no demand: ` +
          unknown
            .slice(0, 20)
            .map((f) => f.id)
            .join(', '),
      );
    const placed = placeSites(
      existing.map((f) => f.location),
      graph.nodeCount,
      snapper,
      snap,
      maxSnapM,
    );
    all = concatPlaced(cand.placed, placed);
    allCapacity = new Float64Array(newCount + existing.length);
    allCapacity.set(capacity);
    existing.forEach((f, k) => {
      allCapacity[newCount + k] = capacityOf(f, { capacity: req.demand ?? null }) ?? 0;
      fixed.push(newCount + k);
    });
  }
  progress.onProgress?.('candidates', newCount, newCount);

  // Demand items: (estate, kind) pairs still unserved (all on-network estates when capacitated).
  const itemEstate: number[] = [];
  const itemKind: number[] = [];
  const itemWeight: number[] = [];
  let withoutWeight = 0;
  kinds.forEach((k, t) => {
    before[t]!.estates.forEach((row, i) => {
      if (row.offNetwork || (!capacitated && row.covered)) return;
      const w = demandWeight(estates[i]!, measure, req.personsPerHousehold, k.demand);
      if (w === null) withoutWeight++;
      if (req.model !== 'lscp' && !(w !== null && w > 0)) return;
      itemEstate.push(i);
      itemKind.push(t);
      itemWeight.push((w ?? 0) * k.weight);
    });
  });
  if (withoutWeight > 0)
    warnings.push(`${withoutWeight} estates give neither households nor residents: they count as 0 demand`);
  const demandEstates = [...new Set(itemEstate)].sort((a, b) => a - b);
  const slotOf = new Map<number, number>();
  demandEstates.forEach((i, s) => slotOf.set(i, s));
  const matrix = await sitingMatrix(
    graph,
    subsetPlaced(estatePlaced, demandEstates),
    all,
    Math.max(...thresholds),
    {
      ...(signal ? { signal } : {}),
      ...(checkpoint ? { checkpoint } : {}),
      onProgress: (done, total) => progress.onProgress?.('matrix', done, total),
    },
  );
  const demandStart = new Uint32Array(itemEstate.length + 1);
  const byDemand: number[] = [];
  itemEstate.forEach((i, q) => {
    const s = slotOf.get(i)!;
    for (let k = matrix.start[s]!; k < matrix.start[s + 1]!; k++)
      if (matrix.distanceM[k]! <= thresholds[itemKind[q]!]!) byDemand.push(matrix.candidate[k]!);
    demandStart[q + 1] = byDemand.length;
  });
  const inst = coverInstance(
    Float64Array.from(itemWeight),
    demandStart,
    Uint32Array.from(byDemand),
    all.count,
  );
  const reachable = new Set<number>();
  itemEstate.forEach((i, q) => {
    if (demandStart[q + 1]! > demandStart[q]!) reachable.add(i);
  });
  const unreachableEstateIds = demandEstates.filter((i) => !reachable.has(i)).map((i) => estates[i]!.id);
  const matrixS = (now() - tc) / 1000;
  await checkpoint?.();

  const coveredBefore = before.reduce(
    (sum, b, t) =>
      sum +
      kinds[t]!.weight *
        b.estates.reduce((s, row, i) => {
          if (!row.covered || row.offNetwork) return s;
          return s + (demandWeight(estates[i]!, measure, req.personsPerHousehold, kinds[t]!.demand) ?? 0);
        }, 0),
    0,
  );
  // The coverage runs above count no capacity unless capacitated: name the demand's unit from its field.
  const unit =
    kinds.length > 1
      ? 'weighted'
      : measure === 'demand'
        ? (before[0]!.parameters.capacityUnit ??
          (kinds[0]!.demand ? CAPACITY_UNIT[kinds[0]!.demand.field] : 'demand'))
        : measure;
  const compose = (r: SolveCoveringResult, final: boolean): SitingProposal => {
    const gains = orderByGain(inst, r.chosen, capacitated ? allCapacity : null, fixed);
    const sites: ProposedSite[] = gains.order.map((j, n) => {
      const served = [...new Set(gains.items[n]!.map((q) => itemEstate[q]!))].sort((a, b) => a - b);
      const households = served.reduce(
        (s, i) => s + (demandWeight(estates[i]!, 'households', req.personsPerHousehold, undefined) ?? 0),
        0,
      );
      return {
        id: cand.ids[j]!,
        lon: cand.lngLat[j]![0],
        lat: cand.lngLat[j]![1],
        gain: gains.gain[n]!,
        households,
        estates: served.length,
        estateIds: served.map((i) => estates[i]!.id),
      };
    });
    const modelGain = gains.gain.reduce((s, g) => s + g, 0);
    let objective = req.model === 'lscp' ? r.chosen.length : modelGain;
    let after = capacitated ? r.objective : coveredBefore + modelGain;
    let assignedBefore = coveredBefore;
    if (capacitated) {
      assignedBefore = r.objective - modelGain;
    }
    let bound = r.bound === null ? null : capacitated ? r.bound - assignedBefore : r.bound;
    if (final && !capacitated) {
      const sitesAsFacilities = sites.map((s): Facility => ({
        id: s.id,
        row: 0,
        name: s.id,
        kind: req.kind,
        location: lngLat(s.lon, s.lat),
        status: 'proposed',
        capacity: { places: null, beds: null, floorArea: null },
        properties: {},
      }));
      const withSites = [...input.facilities, ...sitesAsFacilities];
      let recount = 0;
      kinds.forEach((k, t) => {
        const result = coverageOf(
          k,
          withSites.map((f) => (f.status === 'proposed' && f.row === 0 ? { ...f, kind: k.kind } : f)),
        );
        result.estates.forEach((row, i) => {
          if (!row.covered || row.offNetwork) return;
          const w = demandWeight(estates[i]!, measure, req.personsPerHousehold, kinds[t]!.demand) ?? 0;
          recount += k.weight * w;
        });
      });
      if (Math.abs(recount - after) > 1e-6 * Math.max(1, after))
        warnings.push(
          `the coverage engine counts ${recount.toFixed(2)} covered with the proposal, the solver's instance ${after.toFixed(2)}: the engine's figure is reported`,
        );
      after = recount;
      if (req.model === 'mclp') objective = after - coveredBefore;
    }
    if (bound !== null && req.model !== 'lscp') bound = Math.max(bound, objective);
    const gapPct =
      bound === null
        ? null
        : req.model === 'lscp'
          ? objective > 0
            ? ((objective - bound) / objective) * 100
            : 0
          : objective > 0
            ? ((bound - objective) / objective) * 100
            : bound > 0
              ? null
              : 0;
    return {
      model: req.model,
      kind: req.kind,
      objective,
      coveredBefore: assignedBefore,
      coveredAfter: after,
      unit,
      sites,
      bound,
      gapPct,
      method: final ? r.method : 'heuristic',
      solverStatus: r.solverStatus,
      seconds: {
        matrix: matrixS,
        heuristic: r.seconds.heuristic,
        exact: r.seconds.exact,
        total: (now() - t0) / 1000,
      },
      candidates: {
        given,
        usable: given - offNetworkCandidateIds.length,
        offNetwork: offNetworkCandidateIds.length,
        reduced: r.reduced,
      },
      demand: {
        estates: demandEstates.length,
        offNetwork: before[0]!.estates.filter((row) => row.offNetwork).length,
        unreachable: unreachableEstateIds.length,
      },
      weights: kinds.map((k) => ({ kind: k.kind, minutes: k.minutes, weight: k.weight })),
      unreachableEstateIds,
      offNetworkCandidateIds,
      errors: [],
      warnings: [...warnings],
    };
  };
  progress.onProgress?.('solve', 0, 1);
  const r = solveCovering(inst, {
    model: req.model,
    p: req.model === 'lscp' ? 0 : req.count,
    highs: input.highs ?? null,
    timeLimitS: req.timeLimitS ?? 10,
    ...(signal ? { signal } : {}),
    ...(capacitated ? { capacity: allCapacity, fixed } : {}),
    onFirstAnswer: (chosen, objective) => {
      if (!progress.onFirstAnswer) return;
      progress.onFirstAnswer(
        compose(
          {
            chosen: [...chosen],
            objective,
            bound: null,
            method: 'heuristic',
            heuristicObjective: objective,
            seconds: { heuristic: (now() - t0) / 1000 - matrixS, exact: 0 },
            reduced: 0,
            solverStatus: null,
          },
          false,
        ),
      );
    },
  });
  progress.onProgress?.('solve', 1, 1);
  await checkpoint?.();
  progress.onProgress?.('check', 0, 1);
  const out = compose(r, true);
  progress.onProgress?.('check', 1, 1);
  return out;
}

/** Candidates at street nodes: attached exactly at their node (no access leg). */
function nodeCandidates(coords: Float64Array, nodes: readonly number[]): CandidateSet {
  const n = nodes.length;
  const nodeA = Int32Array.from(nodes);
  return {
    ids: nodes.map((u) => `node-${u}`),
    lngLat: nodes.map((u) => [coords[2 * u]!, coords[2 * u + 1]!]),
    placed: {
      count: n,
      nodeA,
      nodeB: nodeA,
      offA: new Float64Array(n),
      offB: new Float64Array(n),
      accessM: new Float64Array(n),
    },
  };
}

function concatPlaced(a: PlacedPoints, b: PlacedPoints): PlacedPoints {
  const cat = <T extends Int32Array | Float64Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    count: a.count + b.count,
    nodeA: cat(a.nodeA, b.nodeA, (n) => new Int32Array(n)),
    nodeB: cat(a.nodeB, b.nodeB, (n) => new Int32Array(n)),
    offA: cat(a.offA, b.offA, (n) => new Float64Array(n)),
    offB: cat(a.offB, b.offB, (n) => new Float64Array(n)),
    accessM: cat(a.accessM, b.accessM, (n) => new Float64Array(n)),
  };
}
