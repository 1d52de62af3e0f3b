import { FACILITY_KINDS, type FacilityKind } from '../model/facility';

/**
 * Words that name a facility kind, tried in this order on the cell text. Order matters: 幼儿园托班 is a
 * kindergarten class (not a stand-alone 托育机构), and 养老服务中心 is not matched on purpose (it is used
 * for both day-care centres and stations).
 */
const KIND_WORDS: [RegExp, FacilityKind][] = [
  [/幼儿园/, 'kindergarten-nursery'],
  [/托育|托儿所|托幼|早教托/, 'nursery'],
  [/日间照料|日照中心|托老所|日托/, 'elderly-daycare'],
  [/养老服务站|服务点|驿站|助餐点|养老服务驿站/, 'elderly-station'],
  [/养老院|敬老院|养老机构|福利院|护理院|老年公寓|颐养/, 'elderly-home'],
];

/** Accepted spellings, for messages. */
export const FACILITY_KIND_TEXT = `日间照料中心/日照中心 (elderly-daycare), 养老服务站/服务点/驿站 (elderly-station), 养老院/敬老院/养老机构 (elderly-home), 托育机构/托儿所 (nursery), 幼儿园 (kindergarten-nursery), or ${FACILITY_KINDS.join(', ')}`;

/**
 * Read a facility kind from a cell: an English kind id, or Chinese words naming the kind.
 * @param text the cell, trimmed and non-empty
 * @returns the kind, or null when not recognised
 * @example parseFacilityKind('社区日间照料中心') // 'elderly-daycare'
 */
export function parseFacilityKind(text: string): FacilityKind | null {
  const id = text.trim().toLowerCase().replace(/[\s_]/g, '-');
  const exact = FACILITY_KINDS.find((kind) => kind === id);
  if (exact) return exact;
  const normal = text.normalize('NFKC');
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(normal)) return kind;
  return null;
}
