import type { SitingProposal } from './siting-types';

/** The parts of a proposal the table and the GeoJSON read (the planner's copy has the same names). */
export type ProposalFigures = Pick<
  SitingProposal,
  'model' | 'kind' | 'coveredBefore' | 'coveredAfter' | 'bound' | 'gapPct' | 'method' | 'sites'
>;

const HEADER = {
  zh: [
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
  ],
  en: [
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
  ],
} as const;

/**
 * One row per proposed site, in the proposal's order (rank 1 first), with the proposal's totals in
 * every row so that a row read alone still says what it belongs to (CSV and XLSX exports, the CLI's
 * `--format csv`).
 * @param p the proposal
 * @param lang language of the headers
 * @returns header and rows
 * @example proposalTable(proposal, 'zh').header[0] // '序号'
 */
export function proposalTable(
  p: ProposalFigures,
  lang: 'zh' | 'en',
): { header: string[]; rows: (string | number | null)[][] } {
  const rows = p.sites.map((s, k) => [
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
  return { header: [...HEADER[lang]], rows };
}
