import type { LngLat } from '../geo/units';
import type { Facility } from '../model/facility';
import { careCategoryOf } from '../model/facility';
import { estateRow, facilityRow } from './coverage-rows';
import { summarise, SummaryFigures } from './coverage-summary';
import { capacityOf, demandOf } from './demand';
import { normaliseSnap, placeEstates, type EstatePlacements } from './estate-placements';
import { NetworkReach } from './network-reach';
import { IndexSet, type FacilitySlot } from './reach-engine';
import { checkFacility, resolveParameters, selectFacilities } from './resolve-options';
import type { SessionState } from './session-state';
import { StraightReach } from './straight-reach';
import { TwoStepFca } from './two-step-fca';
import type {
  CoverageInput,
  CoverageParameters,
  CoverageResult,
  CoverageSummary,
  CoverageUpdate,
  FacilityCoverage,
  ServiceAreaSource,
} from './types';
import { servedBy, type ServingFacility } from './served-by';
import { underservedZones } from '../underserved/underserved-zones';

/** A coverage computation kept alive for what-if edits of single facilities. */
export interface CoverageSession {
  readonly parameters: CoverageParameters;
  /** The estates' placements on the network (null in straight-line mode), for a session of another kind. */
  readonly placements: EstatePlacements | null;
  /** The full serialisable result (estates in input order, live facilities in slot order). */
  result(): CoverageResult;
  summary(): CoverageSummary;
  /** Moves one facility; re-runs only its own searches. */
  moveFacility(id: string, location: LngLat): CoverageUpdate;
  /** Adds a facility, or replaces the one with the same id (location, capacity, name). */
  upsertFacility(facility: Facility): CoverageUpdate;
  removeFacility(id: string): CoverageUpdate;
  /** The live facilities in slot order (the order a full recompute must be given to match exactly). */
  facilities(): Facility[];
  /** Live facilities with their network attachment, for `serviceAreaPolygons`. */
  serviceAreaSources(): ServiceAreaSource[];
  /** The facilities that serve an estate (within the service distance), nearest first. */
  servedBy(estateId: string): ServingFacility[];
}

/**
 * Builds the coverage state: snaps estates and facilities once, runs one multi-source search for the
 * nearest facility of every estate and, only with capacity options or `catchments: true` (the 2SFCA
 * needs them), one bounded search per facility for its catchment — otherwise the catchments are built on
 * the first `servedBy` call. It keeps it all so that an edit re-runs only the edited facility's searches.
 * Ties between equidistant facilities go to the earliest facility (slot order).
 * @param input estates, facilities, the network (null: straight-line) and options
 * @returns the session
 * @throws Error naming the option or facility at fault
 * @example
 * const s = createCoverageSession({ estates, facilities, network: { graph, snapper }, options });
 * s.moveFacility('f1', lngLat(121.47, 31.23)).summary.pctCovered;
 */
export function createCoverageSession(input: CoverageInput): CoverageSession {
  const parameters = resolveParameters(input);
  const { estates, network } = input;
  const used = selectFacilities(input.facilities, input.options.kinds);
  const straight = parameters.mode === 'straight-line' || network === null;
  const given = input.placements?.snapped;
  const reusable =
    given !== undefined &&
    !straight &&
    given.estates === estates &&
    given.snapper === network.snapper &&
    given.mode === parameters.snap &&
    given.maxSnapM === parameters.maxSnapM;
  const placements = straight
    ? null
    : reusable
      ? input.placements!
      : placeEstates(
          estates,
          network.graph.nodeCount,
          network.snapper,
          parameters.snap!,
          parameters.maxSnapM!,
        );
  const place = (f: Facility): FacilitySlot['place'] =>
    straight
      ? null
      : normaliseSnap(
          network.snapper.snap(f.location[0], f.location[1], {
            mode: parameters.snap!,
            maxSnapM: parameters.maxSnapM!,
          }),
        );
  const slots: FacilitySlot[] = used.map((f) => ({
    facility: f,
    alive: true,
    place: place(f),
    capacity: capacityOf(f, parameters),
  }));
  const demand = new Float64Array(estates.length);
  for (let i = 0; i < estates.length; i++) demand[i] = demandOf(estates[i]!, parameters) ?? NaN;
  const engine = straight
    ? new StraightReach(estates, slots)
    : new NetworkReach(network.graph, placements!, slots);
  engine.build();
  const limit = parameters.thresholdM;
  const fca = new TwoStepFca(demand);
  const state: SessionState = {
    parameters,
    estates,
    placements,
    slots,
    engine,
    fca,
    demand,
    catchments: false,
  };
  /** Every live facility's catchment, once: the 2SFCA and servedBy need them, the plain question does not. */
  /** The summary's per-estate figures, made on first use and refreshed for the estates an edit changes. */
  let figures: SummaryFigures | null = null;
  const figuresOf = (): SummaryFigures => (figures ??= new SummaryFigures(state));
  const ensureCatchments = (): void => {
    if (state.catchments) return;
    figures = null;
    fca.setAll(
      slots.map((s, k) => (s.alive ? engine.catchment(k, limit) : null)),
      slots.map((s) => s.capacity),
    );
    state.catchments = true;
  };
  if (parameters.capacity !== null || input.options.catchments === true) ensureCatchments();
  const slotOf = new Map(used.map((f, k) => [f.id, k]));
  /** Estate id → index, for servedBy (made on first use). */
  let estateIndex: Map<string, number> | null = null;
  const affected = new IndexSet(estates.length);

  const slotFor = (id: string): number => {
    const k = slotOf.get(id);
    if (k === undefined) throw new Error(`coverage: no facility with id "${id}" in this session`);
    return k;
  };
  const detach = (k: number): void => {
    engine.remove(k, affected);
    slots[k]!.alive = false;
    if (state.catchments) for (const i of fca.set(k, null, null)) affected.add(i);
  };
  const attach = (k: number, f: Facility): void => {
    const slot = slots[k]!;
    slot.facility = f;
    slot.place = place(f);
    slot.capacity = capacityOf(f, parameters);
    slot.alive = true;
    engine.add(k, affected);
    if (state.catchments)
      for (const i of fca.set(k, engine.catchment(k, limit), slot.capacity)) affected.add(i);
  };
  const update = (k: number): CoverageUpdate => {
    const changed = affected.drain();
    if (figures !== null) for (const i of changed) figures.refresh(i);
    return {
      estates: changed.map((i) => estateRow(state, i)),
      facility: slots[k]!.alive ? facilityRow(state, k) : null,
      summary: summarise(state, figuresOf()),
    };
  };
  const checkKind = (f: Facility): void => {
    checkFacility(f);
    const kinds = input.options.kinds;
    if (kinds && !kinds.includes(f.kind)) {
      throw new Error(`coverage: facility "${f.id}" is a ${f.kind}, this session covers ${kinds.join(', ')}`);
    }
    const other = slots.find((s) => s.alive && s.facility.id !== f.id)?.facility;
    if (parameters.capacity !== null && other && careCategoryOf(other.kind) !== careCategoryOf(f.kind)) {
      throw new Error(
        `coverage: facility "${f.id}" is ${careCategoryOf(f.kind)} care, this session's capacity is for ` +
          `${careCategoryOf(other.kind)} care`,
      );
    }
  };

  return {
    parameters,
    placements,
    result: () => {
      const rows = estates.map((_, i) => estateRow(state, i));
      const facilities: FacilityCoverage[] = [];
      slots.forEach((s, k) => {
        if (s.alive) facilities.push(facilityRow(state, k));
      });
      const kinds = input.options.kinds ?? facilities.map((f) => f.kind);
      return {
        mode: parameters.mode,
        parameters: { ...parameters, kinds: [...new Set(kinds)].sort() },
        estates: rows,
        facilities,
        summary: summarise(state, figuresOf()),
        underserved: underservedZones(estates, rows, parameters),
      };
    },
    summary: () => summarise(state, figuresOf()),
    moveFacility: (id, location) => {
      const k = slotFor(id);
      const moved = { ...slots[k]!.facility, location };
      checkFacility(moved);
      detach(k);
      attach(k, moved);
      return update(k);
    },
    upsertFacility: (f) => {
      checkKind(f);
      let k = slotOf.get(f.id);
      if (k === undefined) {
        k = slots.length;
        slots.push({ facility: f, alive: false, place: null, capacity: null });
        slotOf.set(f.id, k);
      } else detach(k);
      attach(k, f);
      return update(k);
    },
    removeFacility: (id) => {
      const k = slotFor(id);
      detach(k);
      slotOf.delete(id);
      return update(k);
    },
    facilities: () => slots.filter((s) => s.alive).map((s) => s.facility),
    servedBy: (estateId) => {
      estateIndex ??= new Map(estates.map((e, i) => [e.id, i]));
      const i = estateIndex.get(estateId);
      if (i === undefined) return [];
      ensureCatchments();
      return servedBy(state, i);
    },
    serviceAreaSources: () =>
      slots
        .filter((s) => s.alive)
        .map((s) =>
          s.place
            ? { id: s.facility.id, location: s.facility.location, snapped: s.place }
            : { id: s.facility.id, location: s.facility.location },
        ),
  };
}
