/**
 * The CGCS2000 Gauss–Krüger zones offered in the import panel's coordinate-system choice, generated
 * from the core's own tables (SUPPORTED_EPSG_RANGES, gaussKrugerZone) so the list can never offer a
 * code the importer rejects, nor miss one it reads.
 */
import { gaussKrugerZone, SUPPORTED_EPSG_RANGES, type CrsId, type GaussKrugerZone } from '../../core';

/** One zone as a <select> option: its value is the CrsId, its label an i18n key with values. */
export interface GaussKrugerOption {
  value: CrsId;
  zone: GaussKrugerZone;
  /** `import.gk.option` (no zone prefix in the easting) or `import.gk.optionPrefixed`. */
  labelKey: string;
  labelValues: { code: string; width: number; zone: number; cm: number };
}

/** A group of options of the same zone width and false easting, labelled by an i18n key. */
export interface GaussKrugerGroup {
  /** `import.gk.group3`, `import.gk.group3Prefixed`, `import.gk.group6`, `import.gk.group6Prefixed`. */
  labelKey: string;
  width: 3 | 6;
  prefixed: boolean;
  options: GaussKrugerOption[];
}

/**
 * The EPSG code ranges the core supports, read from SUPPORTED_EPSG_RANGES (e.g. `EPSG:4491–4512 …`).
 * @returns [first, last] pairs, inclusive
 */
export function supportedGaussKrugerRanges(): [number, number][] {
  return [...SUPPORTED_EPSG_RANGES.matchAll(/EPSG:(\d+)\s*[–-]\s*(\d+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/**
 * Every CGCS2000 Gauss–Krüger zone the core converts, grouped for the import panel: 3° zones first
 * (the usual choice for city data), without the zone prefix in the easting before with it, each group
 * ordered west to east.
 * @returns four groups; together one option per supported EPSG code
 * @example gaussKrugerGroups()[0].options.find((o) => o.value === 'EPSG:4548')?.zone.centralMeridian // 117
 */
export function gaussKrugerGroups(): GaussKrugerGroup[] {
  const zones: GaussKrugerZone[] = [];
  for (const [first, last] of supportedGaussKrugerRanges())
    for (let code = first; code <= last; code++) {
      const zone = gaussKrugerZone(code);
      if (zone) zones.push(zone);
    }
  const groups: GaussKrugerGroup[] = [];
  for (const width of [3, 6] as const)
    for (const prefixed of [false, true]) {
      const options = zones
        .filter((z) => z.width === width && z.prefixed === prefixed)
        .sort((a, b) => a.centralMeridian - b.centralMeridian)
        .map((zone): GaussKrugerOption => ({
          value: `EPSG:${zone.code}`,
          zone,
          labelKey: prefixed ? 'import.gk.optionPrefixed' : 'import.gk.option',
          labelValues: {
            code: `EPSG:${zone.code}`,
            width: zone.width,
            zone: zone.zone,
            cm: zone.centralMeridian,
          },
        }));
      if (options.length > 0)
        groups.push({
          labelKey: `import.gk.group${width}${prefixed ? 'Prefixed' : ''}`,
          width,
          prefixed,
          options,
        });
    }
  return groups;
}

/** All options of gaussKrugerGroups, in display order. */
export function gaussKrugerOptions(): GaussKrugerOption[] {
  return gaussKrugerGroups().flatMap((g) => g.options);
}
