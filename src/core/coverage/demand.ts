import type { Estate } from '../model/estate';
import type { Facility } from '../model/facility';
import type { CoverageParameters } from './types';

/**
 * Residents of an estate: as given, else households × persons per household (户均人口).
 * @param e the estate
 * @param personsPerHousehold the profile's persons per household
 * @returns residents, or null when neither residents nor households are known
 * @example residentsOf(estate, 2.52)
 */
export function residentsOf(e: Estate, personsPerHousehold: number): number | null {
  if (e.residents !== null) return e.residents;
  return e.households === null ? null : e.households * personsPerHousehold;
}

/** Demand in the capacity unit: residents × perResident, or households × perHousehold. */
export function demandOf(
  e: Estate,
  p: Pick<CoverageParameters, 'capacity' | 'personsPerHousehold'>,
): number | null {
  const c = p.capacity;
  if (c === null) return null;
  if (c.perResident !== undefined) {
    const r = residentsOf(e, p.personsPerHousehold);
    return r === null ? null : r * c.perResident;
  }
  const h = e.households ?? (e.residents === null ? null : e.residents / p.personsPerHousehold);
  return h === null ? null : h * c.perHousehold!;
}

/** A facility's capacity in the chosen field; null when unknown (a non-positive value counts as unknown). */
export function capacityOf(f: Facility, p: Pick<CoverageParameters, 'capacity'>): number | null {
  if (p.capacity === null) return null;
  const v = f.capacity[p.capacity.field];
  return v !== null && Number.isFinite(v) && v > 0 ? v : null;
}
