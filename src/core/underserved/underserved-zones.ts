import type { Estate } from '../model/estate';
import type { CoverageParameters, EstateCoverage, UnderservedZones } from '../coverage/types';
import { createUnderservedZoneTracker } from './underserved-zone-tracker';

/**
 * Underserved zones: the estates flagged `underserved` (on the network, located) are binned into square
 * demand cells of `parameters.zoneCellM` in a local metric frame anchored at the south-west corner of
 * all located estates (so the grid does not move when coverage changes); 4-connected groups of occupied
 * cells become one polygon each (exact union of the squares, holes kept) with the households, residents,
 * demand and missing supply (Σ demand × max(0, 1 − A_i), the part 2SFCA leaves unmet) of their estates.
 * Zones are numbered 1…n by their south-west-most cell; estate ids keep the estates' order. The same
 * zones as the first build of `createUnderservedZoneTracker`, which also follows edits locally.
 * @param estates the estates, in the order of `rows`
 * @param rows their coverage rows
 * @param parameters the coverage parameters (cell size, mode, capacity unit)
 * @returns a FeatureCollection of Polygons
 * @example underservedZones(estates, result.estates, result.parameters).features.length
 */
export function underservedZones(
  estates: readonly Estate[],
  rows: readonly EstateCoverage[],
  parameters: CoverageParameters,
): UnderservedZones {
  return createUnderservedZoneTracker(estates, rows, parameters).zones();
}
