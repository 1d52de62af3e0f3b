/** The what-if edits that turn the facilities the worker has into the ones the app wants. */
import type { Facility } from '../../core';
import type { CoverageOp } from '../../worker/protocol';

const sameCapacity = (a: Facility['capacity'], b: Facility['capacity']) =>
  a.places === b.places && a.beds === b.beds && a.floorArea === b.floorArea;

/**
 * Diffs two facility lists by id.
 * @param sent what the worker's sessions hold
 * @param desired what the app shows
 * @returns removals first, then moves (location only) and upserts (anything else), in `desired` order;
 *   a change of kind is a removal from the old kind's session and an upsert into the new one
 * @example diffFacilities([a], [{ ...a, location: p }]) // [{ op: 'move', id: a.id, kind: a.kind, location: p }]
 */
export function diffFacilities(sent: readonly Facility[], desired: readonly Facility[]): CoverageOp[] {
  const before = new Map(sent.map((f) => [f.id, f]));
  const after = new Map(desired.map((f) => [f.id, f]));
  const ops: CoverageOp[] = [];
  for (const f of sent) {
    const next = after.get(f.id);
    if (!next || next.kind !== f.kind) ops.push({ op: 'remove', id: f.id, kind: f.kind });
  }
  for (const f of desired) {
    const old = before.get(f.id);
    if (old === f) continue;
    if (!old || old.kind !== f.kind) {
      ops.push({ op: 'upsert', facility: f });
      continue;
    }
    const moved = old.location[0] !== f.location[0] || old.location[1] !== f.location[1];
    const other = old.name !== f.name || old.status !== f.status || !sameCapacity(old.capacity, f.capacity);
    if (other) ops.push({ op: 'upsert', facility: f });
    else if (moved) ops.push({ op: 'move', id: f.id, kind: f.kind, location: f.location });
  }
  return ops;
}
