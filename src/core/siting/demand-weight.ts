import { demandOf, residentsOf } from '../coverage/demand';
import type { CapacityOptions } from '../coverage/types';
import type { Estate } from '../model/estate';
import type { DemandMeasure } from './siting-types';

/**
 * What serving an estate is worth in the chosen measure: households (given, else residents ÷ persons
 * per household), residents (given, else households × persons per household), or the profile's demand
 * for the kind (e.g. nursery places = residents × places per resident).
 * @param e the estate
 * @param measure households, residents or demand
 * @param personsPerHousehold the profile's 户均人口
 * @param demand the profile's demand rate (measure `demand` only)
 * @returns the weight, or null when the estate gives neither households nor residents
 * @example demandWeight(estate, 'households', 2.52, undefined)
 */
export function demandWeight(
  e: Estate,
  measure: DemandMeasure,
  personsPerHousehold: number,
  demand: CapacityOptions | undefined,
): number | null {
  if (measure === 'residents') return residentsOf(e, personsPerHousehold);
  if (measure === 'households')
    return e.households ?? (e.residents === null ? null : e.residents / personsPerHousehold);
  return demandOf(e, { capacity: demand ?? null, personsPerHousehold });
}
