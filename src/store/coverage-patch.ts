/** Applies a what-if edit's coverage patch to the coverage shown: only the changed rows and zones move. */
import type { Feature } from 'geojson';
import type { CoveragePatch, CoverageView, KindCoverage, KindCoveragePatch } from './types';

const zoneOf = (f: Feature): unknown => f.properties?.zone;

function patchKind(kind: KindCoverage, patch: KindCoveragePatch): KindCoverage {
  const estates = kind.estates.slice();
  patch.estateIndex.forEach((i, k) => {
    estates[i] = patch.estates[k]!;
  });
  const removed = new Set(patch.removedFacilities);
  const upserted = new Map(patch.facilities.map((f) => [f.id, f]));
  const facilities: KindCoverage['facilities'] = [];
  for (const f of kind.facilities) {
    if (removed.has(f.id)) continue;
    const next = upserted.get(f.id);
    facilities.push(next ?? f);
    upserted.delete(f.id);
  }
  facilities.push(...upserted.values());
  const gone = new Set<unknown>([...patch.zones.removed, ...patch.zones.upserted.map(zoneOf)]);
  const zones = kind.underserved.features.filter((f) => !gone.has(zoneOf(f)));
  return {
    ...kind,
    estates,
    facilities,
    summary: patch.summary,
    underserved: { type: 'FeatureCollection', features: [...zones, ...patch.zones.upserted] },
  };
}

/**
 * @param coverage the coverage shown
 * @param patch the changes of the kinds an edit touched (a kind with no coverage shown is skipped)
 * @returns new coverage; unchanged rows, facilities and zones keep their identity (the map finds
 *   what to redraw by comparing objects)
 * @example applyCoveragePatch(coverage, { byKind: { nursery: patch } }).byKind.nursery?.summary
 */
export function applyCoveragePatch(coverage: CoverageView, patch: CoveragePatch): CoverageView {
  const byKind = { ...coverage.byKind };
  for (const [kind, p] of Object.entries(patch.byKind) as [keyof typeof byKind, KindCoveragePatch][]) {
    const current = byKind[kind];
    if (current) byKind[kind] = patchKind(current, p);
  }
  return { byKind };
}
