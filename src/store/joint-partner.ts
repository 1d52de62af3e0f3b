/** The kind a joint site (综合体) hosts besides the chosen one: one of the other care category. */
import { careCategoryOf, type FacilityKind } from '../core';

/**
 * The default partner kind of a joint site: a nursery for an elderly kind, an elderly day-care centre
 * for a childcare kind (一老一小 in one building).
 * @param kind the main kind of the proposal
 * @returns a kind of the other care category
 * @example jointPartner('elderly-daycare') // 'nursery'
 */
export function jointPartner(kind: FacilityKind): FacilityKind {
  return careCategoryOf(kind) === 'elderly' ? 'nursery' : 'elderly-daycare';
}
