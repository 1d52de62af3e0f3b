/** The what-if edits sent to the worker: minimal, ordered, and replaying them gives the desired list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS, lngLat, type Facility } from '../../src/core';
import { diffFacilities } from '../../src/ui/app/facility-diff';
import type { CoverageOp } from '../../src/worker/protocol';

const f = (id: string, over: Partial<Facility> = {}): Facility => ({
  id,
  row: 0,
  name: id,
  kind: 'nursery',
  location: lngLat(117.2, 31.8),
  status: 'existing',
  capacity: { places: 50, beds: null, floorArea: null },
  properties: {},
  ...over,
});

/** Applies ops to per-kind sets the way the worker's sessions do. */
function replay(start: Facility[], ops: CoverageOp[]): Map<string, Facility> {
  const byId = new Map(start.map((x) => [x.id, x]));
  for (const op of ops) {
    if (op.op === 'remove') {
      expect(byId.get(op.id)?.kind).toBe(op.kind);
      byId.delete(op.id);
    } else if (op.op === 'move') {
      const cur = byId.get(op.id)!;
      expect(cur.kind).toBe(op.kind);
      byId.set(op.id, { ...cur, location: op.location });
    } else {
      const cur = byId.get(op.facility.id);
      if (cur) expect(cur.kind).toBe(op.facility.kind); // an upsert never changes a session's kind
      byId.set(op.facility.id, op.facility);
    }
  }
  return byId;
}

describe('diffFacilities', () => {
  it('sends a move for a location change and nothing for an identical list', () => {
    const a = f('a');
    expect(diffFacilities([a], [a])).toEqual([]);
    expect(diffFacilities([a], [{ ...a }])).toEqual([]);
    const moved = { ...a, location: lngLat(117.21, 31.8) };
    expect(diffFacilities([a], [moved])).toEqual([
      { op: 'move', id: 'a', kind: 'nursery', location: moved.location },
    ]);
  });

  it('turns a change of kind into a removal from the old kind and an upsert into the new one', () => {
    const a = f('a');
    const b = { ...a, kind: 'elderly-station' as const };
    expect(diffFacilities([a], [b])).toEqual([
      { op: 'remove', id: 'a', kind: 'nursery' },
      { op: 'upsert', facility: b },
    ]);
  });

  it('replaying the ops on the sent list always gives the desired list', () => {
    const facility = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      kind: fc.constantFrom(...FACILITY_KINDS),
      x: fc.integer({ min: 0, max: 3 }),
      places: fc.integer({ min: 0, max: 2 }),
    });
    const list = fc.uniqueArray(facility, { selector: (r) => r.id, maxLength: 5 }).map((rows) =>
      rows.map((r) =>
        f(r.id, {
          kind: r.kind,
          location: lngLat(117 + r.x / 100, 31.8),
          capacity: { places: r.places, beds: null, floorArea: null },
        }),
      ),
    );
    fc.assert(
      fc.property(list, list, (sent, desired) => {
        const result = replay(sent, diffFacilities(sent, desired));
        expect(new Map([...result].sort())).toEqual(new Map(desired.map((x) => [x.id, x] as const).sort()));
      }),
      { numRuns: 300 },
    );
  });
});
