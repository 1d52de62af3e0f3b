import type { EstateField, FacilityField } from './import-types';

/**
 * Header spellings recognised for each canonical field, best first. Headers are compared after
 * normaliseHeader (NFKC, lower case, no spaces/underscores/hyphens/dots, a trailing unit in brackets
 * removed: “房屋总数（户）” matches 房屋总数). The first header matching the earliest alias wins.
 */
export const ESTATE_ALIASES: Record<EstateField, string[]> = {
  id: ['id', '编号', '小区编号', '序号', 'fid'],
  name: ['小区名称', '名称', '小区', '小区名', '项目名称', 'name'],
  households: ['房屋总数', '总户数', '户数', '住户数', '居住户数', 'households', 'dwellings'],
  residents: ['常住人口', '人口', '居住人口', '人口数', 'residents', 'population'],
  status: ['状态', '建设状态', '小区状态', 'status'],
  elderlyCareFloorArea: [
    '养老服务用房面积',
    '养老用房面积',
    '养老服务设施面积',
    '养老设施总面积',
    'elderlycarefloorarea',
  ],
  elderlyCareFacilityAreas: [
    '养老设施面积',
    '各养老设施面积',
    '养老设施各处面积',
    'elderlycarefacilityareas',
  ],
  nurseryPlaces: ['托位数', '托位', '托育托位', 'nurseryplaces'],
  childcareFloorArea: ['托育用房面积', '托育面积', '托育设施面积', 'childcarefloorarea'],
  district: ['区县', '区', '行政区', '所属区县', '区域', 'district', 'county'],
  buildYear: ['建筑年代', '建成年代', '建成年份', '竣工年份', 'buildyear', 'year'],
  lng: ['经度', 'lng', 'lon', 'long', 'longitude', 'x', 'pointx'],
  lat: ['纬度', 'lat', 'latitude', 'y', 'pointy'],
  coordinates: ['坐标', '经纬度', '经纬度坐标', 'location', 'lnglat', 'coordinates'],
};

export const FACILITY_ALIASES: Record<FacilityField, string[]> = {
  id: ['id', '编号', '机构编号', '序号', 'fid'],
  name: ['名称', '机构名称', '设施名称', 'name'],
  kind: ['类型', '设施类型', '机构类型', '类别', 'kind', 'type'],
  places: ['托位数', '托位', 'places'],
  beds: ['床位数', '床位', 'beds'],
  floorArea: ['建筑面积', '面积', '用房面积', 'floorarea', 'area'],
  status: ['状态', '建设状态', 'status'],
  lng: ESTATE_ALIASES.lng,
  lat: ESTATE_ALIASES.lat,
  coordinates: ESTATE_ALIASES.coordinates,
};

/**
 * The form in which headers and aliases are compared.
 * @param header a header as written in the file
 * @returns the comparison key
 * @example normaliseHeader(' 房屋总数（户） ') // '房屋总数'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s_\-.]/g, '');
}
