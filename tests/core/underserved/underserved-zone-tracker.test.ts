/**
 * Underserved zones updated locally after each change equal the zones rebuilt for the whole city from
 * the same rows (zone numbers aside: a tracked zone keeps its number), and an update far from a zone
 * leaves it alone. Rows are seeded random, not taken from a run.
 */
import { describe, expect, it } from 'vitest';
import {
  type CoverageParameters,
  type EstateCoverage,
  type UnderservedZones,
} from '../../../src/core/coverage';
import { createUnderservedZoneTracker, underservedZones } from '../../../src/core/underserved';
import { makeEstate, mulberry32 } from '../coverage/helpers';

const parameters = (capacity: boolean): CoverageParameters => ({
  mode: 'network',
  snap: 'edge',
  maxSnapM: 500,
  minutes: 10,
  speedMps: 1,
  thresholdM: 600,
  personsPerHousehold: 2.8,
  kinds: ['nursery'],
  capacity: capacity ? { field: 'places', perResident: 0.01 } : null,
  capacityUnit: capacity ? 'places' : null,
  zoneCellM: 250,
  zoneBlockM: 2000,
});

const row = (id: string, underserved: boolean, rand: () => number): EstateCoverage => ({
  id,
  name: id,
  households: Math.round(100 + rand() * 900),
  residents: Math.round(300 + rand() * 2000),
  nearestFacility: null,
  networkM: null,
  accessM: null,
  distanceM: null,
  minutes: null,
  covered: !underserved,
  offNetwork: false,
  reason: null,
  snapM: null,
  demand: rand() * 30,
  supplyDemandRatio: rand() * 1.5,
  underserved,
});

/** Zones without their numbers, in order (what must agree between a local update and a rebuild). */
const unnumbered = (zones: UnderservedZones) =>
  zones.features.map((f) => ({ ...f, properties: { ...f.properties, zone: 0 } }));

describe('underserved zones updated locally', () => {
  it.each([true, false])('equal a full rebuild after every one of 200 random edits (capacity %s)', (cap) => {
    const rand = mulberry32(cap ? 11 : 12);
    // 400 estates over about 4 × 4 km (16 × 16 cells of 250 m), some without a location.
    const estates = Array.from({ length: 400 }, (_, i) =>
      makeEstate(`e${i}`, i % 37 === 0 ? null : [121.45 + rand() * 0.04, 31.2 + rand() * 0.036], 500),
    );
    const p = parameters(cap);
    let rows = estates.map((e) => row(e.id, e.location !== null && rand() < 0.4, rand));
    const tracker = createUnderservedZoneTracker(estates, rows, p);
    expect(tracker.zones()).toEqual(underservedZones(estates, rows, p));
    for (let step = 0; step < 200; step++) {
      // An edit changes the rows of a few estates close together (one facility's catchment).
      const centre = Math.floor(rand() * estates.length);
      const changed = [centre, ...Array.from({ length: 6 }, () => Math.floor(rand() * estates.length))];
      rows = rows.map((r, i) => (changed.includes(i) ? row(r.id, rand() < 0.5, rand) : r));
      const patch = tracker.update(changed, rows);
      const local = tracker.zones();
      expect(unnumbered(local)).toEqual(unnumbered(underservedZones(estates, rows, p)));
      const numbers = local.features.map((f) => f.properties.zone);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const f of patch.upserted) expect(local.features).toContainEqual(f);
      for (const z of patch.removed) expect(numbers).not.toContain(z);
    }
  });

  it('leaves a distant zone untouched, and keeps the number of a zone that grew', () => {
    const rand = mulberry32(5);
    // Two clusters 5 km apart.
    const west = [0, 1, 2].map((k) => makeEstate(`w${k}`, [121.45 + k * 0.0035, 31.2], 300));
    const east = [0, 1, 2].map((k) => makeEstate(`x${k}`, [121.5 + k * 0.0035, 31.2], 300));
    const estates = [...west, ...east];
    const p = parameters(false);
    let rows = estates.map((e, i) => row(e.id, i !== 1 && i !== 4, rand));
    const tracker = createUnderservedZoneTracker(estates, rows, p);
    const before = tracker.zones().features;
    expect(before.map((f) => f.properties.estateIds)).toEqual([['w0'], ['w2'], ['x0'], ['x2']]);
    rows = rows.map((r, i) => (i === 4 ? row(r.id, true, rand) : r));
    const patch = tracker.update([4], rows);
    // x0, x1, x2 merge into the zone that was x0's; x2's zone is gone; the western zones are not sent.
    expect(patch.upserted.map((f) => f.properties.estateIds)).toEqual([['x0', 'x1', 'x2']]);
    expect(patch.upserted[0]!.properties.zone).toBe(before[2]!.properties.zone);
    expect(patch.removed).toEqual([before[3]!.properties.zone]);
    expect(tracker.zones().features.slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('splits a city-wide underserved area at the planning blocks, so an edit re-traces one block', () => {
    const rand = mulberry32(9);
    // One estate in the middle of every 250 m cell of a 40 × 40-cell (10 km) square, all underserved.
    const lat0 = 31.2;
    const mPerLat = 111_320;
    const mPerLng = mPerLat * Math.cos((lat0 * Math.PI) / 180);
    // A served estate at the south-west corner anchors the cell grid there.
    const estates = [
      ...Array.from({ length: 1600 }, (_, i) =>
        makeEstate(
          `e${i}`,
          [121.4 + (((i % 40) + 0.5) * 250) / mPerLng, lat0 + ((Math.floor(i / 40) + 0.5) * 250) / mPerLat],
          300,
        ),
      ),
      makeEstate('corner', [121.4, lat0], 300),
    ];
    const p = parameters(false);
    let rows = estates.map((e) => row(e.id, e.id !== 'corner', rand));
    const tracker = createUnderservedZoneTracker(estates, rows, p);
    const zones = tracker.zones().features;
    // 2000 m blocks of 8 × 8 cells: 5 × 5 zones of 64 cells, each estate in exactly one.
    expect(zones.map((f) => f.properties.cells)).toEqual(Array(25).fill(64));
    expect(zones.flatMap((f) => f.properties.estateIds).sort()).toEqual(
      estates
        .slice(0, 1600)
        .map((e) => e.id)
        .sort(),
    );
    // Serving the estate of one cell re-traces its block's zone only.
    const served = 41 * 10; // column 10, row 10: block (1, 1)
    rows = rows.map((r, i) => (i === served ? row(r.id, false, rand) : r));
    const patch = tracker.update([served], rows);
    expect(patch.removed).toEqual([]);
    expect(patch.upserted).toHaveLength(1);
    expect(patch.upserted[0]!.properties.cells).toBe(63);
    expect(patch.upserted[0]!.properties.estateIds).not.toContain(`e${served}`);
    // With blocks larger than the area, the same estates are one zone.
    const whole = createUnderservedZoneTracker(estates, rows, { ...p, zoneBlockM: 20_000 }).zones().features;
    expect(whole.map((f) => f.properties.cells)).toEqual([1599]);
  });
});
