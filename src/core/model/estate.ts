import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { LngLat } from '../geo/units';

/** New (新建, including under construction 在建) or existing (已建成 / 老旧) estate. */
export type EstateStatus = 'new' | 'existing';

/**
 * A residential estate (居住小区) after import: canonical fields, WGS-84 coordinates.
 * `null` always means “not given” — a missing value is never read as zero.
 */
export interface Estate {
  /** Feature id / the row's id column, else the 1-based row number as a string. */
  id: string;
  /** 1-based data row or feature number in the source file. */
  row: number;
  /** 小区名称 */
  name: string;
  /** Representative point in WGS-84 (the point itself, or a polygon's centroid); null when not given. */
  location: LngLat | null;
  /** Original footprint in WGS-84 when the source had one. */
  geometry: Point | Polygon | MultiPolygon | null;
  /** 户数 / 房屋总数 */
  households: number | null;
  /** 常住人口, when the source gives it; else derived from households × persons per household. */
  residents: number | null;
  /** 状态: new (新建/在建) or existing (已建); null when not given (a CLI flag may set it). */
  status: EstateStatus | null;
  /** 养老服务用房面积: total elderly-care service floor area provided, m². */
  elderlyCareFloorArea: number | null;
  /** Floor area of each elderly-care facility provided, m² (Hefei's ≥ 350 m² per facility). */
  elderlyCareFacilityAreas: number[] | null;
  /** 托位数: nursery places provided. */
  nurseryPlaces: number | null;
  /** 托育用房面积: childcare floor area provided, m². */
  childcareFloorArea: number | null;
  /** 区县 */
  district: string | null;
  /** 建筑年代: year built, when the source gives it (informative; no rule uses it). */
  buildYear?: number | null;
  /** The source row's other attributes, untouched. */
  properties: Record<string, unknown>;
}
