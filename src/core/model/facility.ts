import type { LngLat } from '../geo/units';

/** Kinds of care facility. Elderly: 日间照料中心, 养老服务站, 养老院; childcare: 托育机构, 幼儿园托班. */
export const FACILITY_KINDS = [
  'elderly-daycare', // 老年人日间照料中心（托老所）
  'elderly-station', // 社区养老服务站 / 服务点
  'elderly-home', // 养老院 / 养老机构
  'nursery', // 托育机构 / 托儿所
  'kindergarten-nursery', // 幼儿园托班
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Which population a facility kind serves. */
export type CareCategory = 'elderly' | 'childcare';

export const careCategoryOf = (kind: FacilityKind): CareCategory =>
  kind === 'nursery' || kind === 'kindergarten-nursery' ? 'childcare' : 'elderly';

export type FacilityStatus = 'existing' | 'planned' | 'proposed';

/** A care facility, WGS-84. Capacities are null when not given. */
export interface Facility {
  id: string;
  /** 1-based data row or feature number in the source file (0 for facilities made in the app). */
  row: number;
  name: string;
  kind: FacilityKind;
  location: LngLat;
  status: FacilityStatus;
  capacity: {
    /** 托位数 */
    places: number | null;
    /** 床位数 */
    beds: number | null;
    /** 建筑面积, m² */
    floorArea: number | null;
  };
  properties: Record<string, unknown>;
}
