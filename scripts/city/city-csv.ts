/** The city's estates and facilities as CSV tables with the headers the importer recognises. */
import type { Estate } from '../../src/core/model/estate';
import type { Facility } from '../../src/core/model/facility';
import { facilityKindLabel } from './city-places';

const cell = (value: number | string | null): string => (value === null ? '' : String(value));
const coordinate = (degrees: number): string => degrees.toFixed(7);

/**
 * Estates as CSV: 编号, 小区名称, 房屋总数, 状态, 养老服务用房面积, 托位数, 区县, 经度, 纬度 (WGS-84).
 * @param estates the city's estates
 * @returns the CSV text (UTF-8, header line first)
 * @example estatesCsv(generateCity().estates).split('\n')[0] // '编号,小区名称,…'
 */
export function estatesCsv(estates: Estate[]): string {
  const lines = ['编号,小区名称,房屋总数,状态,养老服务用房面积,托位数,区县,经度,纬度'];
  for (const e of estates) {
    const [lng, lat] = e.location!;
    lines.push(
      [
        e.id,
        e.name,
        cell(e.households),
        e.status === 'new' ? '新建' : '已建成',
        cell(e.elderlyCareFloorArea),
        cell(e.nurseryPlaces),
        cell(e.district),
        coordinate(lng),
        coordinate(lat),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Facilities as CSV: 编号, 名称, 类型, 托位数, 床位数, 建筑面积, 状态, 经度, 纬度 (WGS-84).
 * @param facilities the city's facilities
 * @returns the CSV text
 * @example facilitiesCsv(generateCity().facilities).split('\n')[0] // '编号,名称,类型,…'
 */
export function facilitiesCsv(facilities: Facility[]): string {
  const lines = ['编号,名称,类型,托位数,床位数,建筑面积,状态,经度,纬度'];
  for (const f of facilities) {
    lines.push(
      [
        f.id,
        f.name,
        facilityKindLabel(f.kind),
        cell(f.capacity.places),
        cell(f.capacity.beds),
        cell(f.capacity.floorArea),
        '已建成',
        coordinate(f.location[0]),
        coordinate(f.location[1]),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
