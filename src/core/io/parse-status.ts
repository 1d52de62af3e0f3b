import type { EstateStatus } from '../model/estate';
import type { FacilityStatus } from '../model/facility';

const key = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]/g, '-');

/**
 * Estate status words. “Under construction” (在建) and planned (规划) count as new: the allocation
 * rules for new estates apply to them (issue #2: “Under construction” counts as new).
 */
const ESTATE_STATUS: Record<string, EstateStatus> = {
  新建: 'new',
  在建: 'new',
  规划: 'new',
  拟建: 'new',
  新: 'new',
  new: 'new',
  'under-construction': 'new',
  planned: 'new',
  已建: 'existing',
  已建成: 'existing',
  建成: 'existing',
  现状: 'existing',
  现有: 'existing',
  老旧: 'existing',
  老旧小区: 'existing',
  既有: 'existing',
  existing: 'existing',
  old: 'existing',
};

/** Accepted spellings, for messages. */
export const ESTATE_STATUS_TEXT =
  '新建/在建/规划/new/under-construction (new), 已建/已建成/现状/老旧/existing (existing)';

/**
 * Read an estate's status.
 * @param text the cell, trimmed and non-empty
 * @returns 'new', 'existing', or null when not recognised
 * @example parseEstateStatus('在建') // 'new'
 */
export function parseEstateStatus(text: string): EstateStatus | null {
  return ESTATE_STATUS[key(text)] ?? null;
}

const FACILITY_STATUS: Record<string, FacilityStatus> = {
  现状: 'existing',
  现有: 'existing',
  已建: 'existing',
  已建成: 'existing',
  运营: 'existing',
  运营中: 'existing',
  在营: 'existing',
  existing: 'existing',
  规划: 'planned',
  新建: 'planned',
  在建: 'planned',
  拟建: 'planned',
  planned: 'planned',
  建议: 'proposed',
  proposed: 'proposed',
};

/** Accepted spellings, for messages. */
export const FACILITY_STATUS_TEXT = '现状/已建/运营/existing, 规划/新建/在建/planned, 建议/proposed';

/**
 * Read a facility's status.
 * @param text the cell, trimmed and non-empty
 * @returns the status, or null when not recognised
 * @example parseFacilityStatus('规划') // 'planned'
 */
export function parseFacilityStatus(text: string): FacilityStatus | null {
  return FACILITY_STATUS[key(text)] ?? null;
}
