/** The demo town's ~60 estates, placed in street blocks. */
import {
  ESTATE_A,
  ESTATE_B,
  between,
  feature,
  pick,
  toLngLat,
  type Feature,
  type Rand,
  type Xy,
} from './common';
import type { DemoStreets } from './streets';

/** Provided elderly-care areas: pass, fail, fail on a room under 350 m² (new only), or missing. */
function elderlyProvision(rand: Rand, required: number, status: string) {
  const outcome = rand();
  if (outcome < 0.45) {
    const total = Math.round(Math.max(required * between(rand, 1.05, 1.5), 360));
    const half = Math.round(total / 2);
    return { total, rooms: total >= 800 && rand() < 0.5 ? [half, total - half] : [total] };
  }
  if (outcome < 0.7) {
    const total = Math.round(required * between(rand, 0.3, 0.9));
    return { total, rooms: [total] };
  }
  if (outcome < 0.8 && status === 'new') {
    // The area ratio is met, but with one room of 300 m²: fails Hefei's single-facility minimum.
    const total = Math.max(Math.round(required * 1.2), 600);
    return { total, rooms: [300, total - 300] };
  }
  return { total: null, rooms: null };
}

/**
 * Outcomes under the Hefei profile (001 line 207: new ≥ 30 m² per 100 households and each facility
 * ≥ 350 m²; existing ≥ 20 m²; nursery 10 / 8 places per 1000 residents) are drawn on purpose.
 * @param rand seeded generator
 * @param streets the town (blocks, barriers, districts)
 * @param districtOf district name of a position
 * @returns estate features with canonical field names
 */
export function makeEstates(rand: Rand, streets: DemoStreets, districtOf: (p: Xy) => string): Feature[] {
  const { pt, railCol, riverRow, diagonalCells } = streets;
  const cells: [number, number][] = [];
  for (let i = 0; i + 1 < pt.length; i++) {
    for (let j = 0; j + 1 < pt[0]!.length; j++) {
      if (i !== railCol && j !== riverRow && !diagonalCells.has(`${i},${j}`)) cells.push([i, j]);
    }
  }
  for (let k = cells.length - 1; k > 0; k--) {
    const r = Math.floor(rand() * (k + 1));
    [cells[k], cells[r]] = [cells[r]!, cells[k]!];
  }
  const names = new Set<string>();
  return cells.slice(0, 60).map(([i, j], n) => {
    const corners = [pt[i]![j]!, pt[i + 1]![j]!, pt[i + 1]![j + 1]!, pt[i]![j + 1]!];
    const cx = corners.reduce((s, p) => s + p[0], 0) / 4;
    const cy = corners.reduce((s, p) => s + p[1], 0) / 4;
    const shrink = between(rand, 0.55, 0.8);
    const ring = corners.map(([x, y]) => toLngLat([cx + (x - cx) * shrink, cy + (y - cy) * shrink]));
    let name = `${pick(rand, ESTATE_A)}${pick(rand, ESTATE_B)}`;
    while (names.has(name))
      name = `${name.replace(/[二三四五]期$/, '')}${pick(rand, ['二期', '三期', '四期', '五期'])}`;
    names.add(name);
    const status = rand() < 0.4 ? 'new' : 'existing';
    const households = Math.round(between(rand, 300, 2800) / 10) * 10;
    const residents = rand() < 0.5 ? Math.round(households * between(rand, 2.4, 3.2)) : null;
    const elderly = elderlyProvision(rand, ((status === 'new' ? 30 : 20) * households) / 100, status);
    // Passing and failing nursery figures hold for any persons-per-household between 2.4 and 3.2.
    const rate = status === 'new' ? 10 : 8;
    const nurseryOutcome = rand();
    const nurseryPlaces =
      nurseryOutcome < 0.45
        ? Math.ceil(((residents ?? households * 3.2) * rate * 1.15) / 1000) + 1
        : nurseryOutcome < 0.75
          ? Math.floor(((residents ?? households * 2.4) * rate * between(rand, 0.2, 0.8)) / 1000)
          : null;
    const childcareFloorArea =
      nurseryPlaces !== null && status === 'new' && rand() < 0.7 ? Math.round(between(rand, 150, 420)) : null;
    const properties = {
      name,
      households,
      residents,
      status,
      district: districtOf([cx, cy]),
      elderlyCareFloorArea: elderly.total,
      elderlyCareFacilityAreas: elderly.rooms,
      nurseryPlaces,
      childcareFloorArea,
      synthetic: true,
    };
    const geometry =
      rand() < 0.2
        ? { type: 'Point', coordinates: toLngLat([cx, cy]) }
        : { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    return feature(`e${String(n + 1).padStart(2, '0')}`, properties, geometry);
  });
}
