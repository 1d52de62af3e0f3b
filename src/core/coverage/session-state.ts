import type { Estate } from '../model/estate';
import type { EstatePlacements } from './estate-placements';
import type { FacilitySlot, ReachEngine } from './reach-engine';
import type { TwoStepFca } from './two-step-fca';
import type { CoverageParameters } from './types';

/** Everything a coverage session holds; rows and the summary are read from it. */
export interface SessionState {
  parameters: CoverageParameters;
  estates: readonly Estate[];
  /** Null in straight-line mode. */
  placements: EstatePlacements | null;
  slots: FacilitySlot[];
  engine: ReachEngine;
  fca: TwoStepFca;
  /** Demand per estate in the capacity unit, NaN when unknown or without capacity options. */
  demand: Float64Array;
  /** True once `fca` holds every live facility's catchment (kept up to date by edits from then on). */
  catchments: boolean;
}

/** True when estate i's nearest facility is within the service distance. */
export function isCovered(s: SessionState, i: number): boolean {
  return s.engine.nearestSlot[i]! >= 0 && s.engine.nearestM[i]! <= s.parameters.thresholdM;
}

/** True when estate i has a location and (network mode) is attached to the network. */
export function isPlaced(s: SessionState, i: number): boolean {
  return s.placements ? s.placements.reason[i] === null : s.estates[i]!.location !== null;
}

/**
 * On the network and not covered, or (with capacity) covered only by facilities known to be over
 * capacity. An estate off the network is not called underserved: nothing is known about it (it is
 * counted in `estatesOffNetwork` instead, so an extract's outside does not swamp the answer).
 */
export function isUnderserved(s: SessionState, i: number): boolean {
  if (!isPlaced(s, i)) return false;
  if (!isCovered(s, i)) return true;
  return s.parameters.capacity !== null && s.fca.onlyOverloaded(i);
}
