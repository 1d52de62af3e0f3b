/** The Suggest-sites proposal as files: a table (CSV, XLSX through exports.ts) and GeoJSON points. */
import type { FeatureCollection } from 'geojson';
import type { ProposalView } from '../../store/siting-types';
import type { Lang } from '../../store/types';
import type { CellValue, Table } from './exports';

/**
 * One row per proposed site, in the proposal's order (rank 1 first), with the proposal's totals in
 * every row so that a row read alone still says what it belongs to.
 * @param proposal the proposal shown
 * @param lang language of the headers
 * @returns the table for toCsv / toXlsx
 * @example toCsv(proposalTable(p, 'zh'))
 */
export function proposalTable(proposal: ProposalView, lang: Lang): Table {
  const header =
    lang === 'zh'
      ? [
          '序号',
          '编号',
          '经度',
          '纬度',
          '新增覆盖',
          '新增户数',
          '新增小区',
          '小区编号',
          '模型',
          '设施类型',
          '选址前覆盖',
          '选址后覆盖',
          '上界',
          '差距(%)',
          '方法',
        ]
      : [
          'rank',
          'id',
          'lon',
          'lat',
          'gain',
          'households',
          'estates',
          'estate ids',
          'model',
          'kind',
          'covered before',
          'covered after',
          'bound',
          'gap (%)',
          'method',
        ];
  const p = proposal;
  const rows: CellValue[][] = p.sites.map((s, k) => [
    k + 1,
    s.id,
    s.lon,
    s.lat,
    s.gain,
    s.households,
    s.estates,
    s.estateIds.join(' '),
    p.model,
    p.kind,
    p.coveredBefore,
    p.coveredAfter,
    p.bound,
    p.gapPct,
    p.method,
  ]);
  return { header, rows };
}

/**
 * The proposed sites as GeoJSON points (WGS-84), the proposal's figures in the collection's `proposal`.
 * @param proposal the proposal shown
 * @returns a FeatureCollection for geoJsonText
 * @example download(geoJsonText(proposalGeoJson(p)), 'sites.geojson')
 */
export function proposalGeoJson(proposal: ProposalView): FeatureCollection & { proposal: object } {
  const { sites, ...figures } = proposal;
  return {
    type: 'FeatureCollection',
    proposal: figures,
    features: sites.map((s, k) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        rank: k + 1,
        id: s.id,
        gain: s.gain,
        households: s.households,
        estates: s.estates,
        estateIds: s.estateIds,
      },
    })),
  };
}
