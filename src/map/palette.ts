/**
 * Every colour the map uses, in one place, so the legend says exactly what the map shows.
 * Compliance and walking-time ramps are ColorBrewer schemes (RdYlGn-like for status, RdBu for
 * minutes) chosen to stay readable for red–green colour blindness: pass/fail also differ in lightness.
 */
import type { FacilityKind, VerdictStatus } from '../core';

/** Estate fill by overall compliance; `pending` while results are computing. */
export const COMPLIANCE_COLOURS: Record<VerdictStatus | 'pending', string> = {
  pass: '#1a9850',
  fail: '#d73027',
  'insufficient-data': '#f4a300',
  'not-applicable': '#9e9e9e',
  pending: '#cfcfcf',
};

/** Walking minutes to the nearest facility of the chosen kind: upper bounds of each class. */
export const MINUTE_BREAKS = [5, 10, 15] as const;
export const MINUTE_COLOURS = {
  within5: '#2166ac',
  within10: '#67a9cf',
  within15: '#b8d8ea',
  beyond: '#ef8a62',
  unreachable: '#b2182b',
} as const;

export const FACILITY_COLOURS: Record<FacilityKind, string> = {
  'elderly-daycare': '#6a3d9a',
  'elderly-station': '#a77dd6',
  'elderly-home': '#3b1470',
  nursery: '#e08214',
  'kindergarten-nursery': '#f2b35c',
};

/** The budgets drawn as nested service areas, smallest first (the worker draws the same, handlers.ts). */
export const SERVICE_AREA_MINUTES = [5, 10, 15] as const;

/** Opacity of each nested service-area ring (the 5-minute area is covered by all three, so darkest). */
export const SERVICE_AREA_OPACITY = 0.1;
export const UNDERSERVED_COLOUR = '#b2182b';

export const BASE_COLOURS = {
  background: '#f3f0e8',
  street: '#8f959c',
  water: '#a6cee3',
  rail: '#555555',
  district: '#4d4d4d',
  selection: '#111111',
} as const;

/** Proposed sites (建议选址): a dark marker with a white number, and the ring around their estates. */
export const PROPOSAL_COLOURS = { marker: '#3f007d', text: '#ffffff', catchment: '#6a51a3' };
