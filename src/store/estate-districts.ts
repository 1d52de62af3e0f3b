/** The districts (区县) of a scenario's estates, for limiting automatic siting candidates to one. */
import type { Estate } from '../core';

/**
 * The distinct non-empty districts of the estates, sorted (Chinese collation).
 * @param estates the scenario's estates
 * @returns district names, each once
 * @example estateDistricts(scenario.estates) // ['浦东新区', '黄浦区']
 */
export function estateDistricts(estates: readonly Pick<Estate, 'district'>[]): string[] {
  const names = new Set<string>();
  for (const e of estates) {
    const d = e.district?.trim();
    if (d) names.add(d);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
