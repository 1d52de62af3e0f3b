/**
 * The worker's coverage state per facility kind (the core's session, the rows it last reported, the
 * underserved zones that follow them) and the patch a what-if edit sends: only what changed.
 */
import {
  createUnderservedZoneTracker,
  type CoverageResult,
  type CoverageSession,
  type CoverageUpdate,
  type Estate,
  type EstateCoverage,
  type FacilityCoverage,
  type FacilityKind,
  type UnderservedZoneTracker,
} from '../core';
import type { CoverageOp, KindCoveragePatch } from './protocol';

/** One kind's coverage kept between requests. */
export interface KindCoverageState {
  session: CoverageSession;
  /** Every estate's latest row, in the run's estate order. */
  rows: EstateCoverage[];
  /** Estate id → position in `rows`. */
  index: Map<string, number>;
  zones: UnderservedZoneTracker;
}

/**
 * @param session a freshly built session
 * @param estates the estates it was built on
 * @returns its state and its full result (zones from the state's tracker)
 */
export function kindCoverageState(
  session: CoverageSession,
  estates: readonly Estate[],
): {
  state: KindCoverageState;
  result: CoverageResult;
} {
  const result = session.result();
  const rows = result.estates.slice();
  const zones = createUnderservedZoneTracker(estates, rows, result.parameters);
  const index = new Map(rows.map((r, i) => [r.id, i]));
  return { state: { session, rows, index, zones }, result: { ...result, underserved: zones.zones() } };
}

interface KindChanges {
  estates: Set<number>;
  /** Facility id → its row after the edit (null: removed). */
  facilities: Map<string, FacilityCoverage | null>;
  last: CoverageUpdate | null;
}

/**
 * Applies what-if edits in order and collects, per kind, what they changed.
 * @param states the kinds' coverage state (edited in place)
 * @param ops the edits
 * @returns the patch per touched kind, and the ids of the edited facilities
 * @throws Error when a kind has no session yet (an edit before coverage/run)
 */
export function applyCoverageEdits(
  states: Map<FacilityKind, KindCoverageState>,
  ops: readonly CoverageOp[],
): { byKind: Partial<Record<FacilityKind, KindCoveragePatch>>; facilityIds: string[] } {
  const changes = new Map<FacilityKind, KindChanges>();
  const ids = new Set<string>();
  for (const op of ops) {
    const kind = op.op === 'upsert' ? op.facility.kind : op.kind;
    const state = states.get(kind);
    if (!state) throw new Error('coverage/edit before coverage/run');
    const id = op.op === 'upsert' ? op.facility.id : op.id;
    const update =
      op.op === 'upsert'
        ? state.session.upsertFacility(op.facility)
        : op.op === 'move'
          ? state.session.moveFacility(op.id, op.location)
          : state.session.removeFacility(op.id);
    let c = changes.get(kind);
    if (!c) changes.set(kind, (c = { estates: new Set(), facilities: new Map(), last: null }));
    for (const row of update.estates) {
      const i = state.index.get(row.id)!;
      state.rows[i] = row;
      c.estates.add(i);
    }
    c.facilities.set(id, update.facility);
    c.last = update;
    ids.add(id);
  }
  const byKind: Partial<Record<FacilityKind, KindCoveragePatch>> = {};
  for (const [kind, c] of changes) {
    const state = states.get(kind)!;
    const estateIndex = Uint32Array.from(c.estates).sort();
    const facilities: FacilityCoverage[] = [];
    const removedFacilities: string[] = [];
    for (const [id, row] of c.facilities) {
      if (row) facilities.push(row);
      else removedFacilities.push(id);
    }
    byKind[kind] = {
      estateIndex,
      estates: Array.from(estateIndex, (i) => state.rows[i]!),
      facilities,
      removedFacilities,
      summary: c.last!.summary,
      zones: state.zones.update(estateIndex, state.rows),
    };
  }
  return { byKind, facilityIds: [...ids] };
}
