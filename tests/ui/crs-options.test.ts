import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { gaussKrugerZone, parseCrs, SUPPORTED_EPSG_RANGES } from '../../src/core';
import {
  gaussKrugerGroups,
  gaussKrugerOptions,
  supportedGaussKrugerRanges,
} from '../../src/ui/app/crs-options';
import en from '../../src/ui/i18n/en.json';
import zh from '../../src/ui/i18n/zh.json';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const option = (code: string) => gaussKrugerOptions().find((o) => o.value === code);
const label = (code: string, lng: 'zh' | 'en') => {
  const o = option(code)!;
  return i18n.getFixedT(lng)(o.labelKey, o.labelValues);
};

describe('CGCS2000 Gauss–Krüger choices of the import panel', () => {
  it('reads the supported ranges from the core (4491–4512 and 4513–4554)', () => {
    expect(supportedGaussKrugerRanges()).toEqual([
      [4491, 4512],
      [4513, 4554],
    ]);
  });

  it('lists each supported code once: as many options as the ranges hold, every one accepted by parseCrs', () => {
    const size = supportedGaussKrugerRanges().reduce((n, [a, b]) => n + b - a + 1, 0);
    const values = gaussKrugerOptions().map((o) => o.value);
    expect(size).toBe(64);
    expect(values).toHaveLength(size);
    expect(new Set(values).size).toBe(size);
    for (let code = 4491; code <= 4554; code++) expect(values).toContain(`EPSG:${code}`);
    expect(values).not.toContain('EPSG:4490');
    for (const v of values) expect(parseCrs(v)).toBe(v);
    expect(SUPPORTED_EPSG_RANGES).toContain('4554');
  });

  it('gives each option the zone the core describes: EPSG:4548 is 3° CM 117°E, EPSG:4527 is zone 39', () => {
    expect(option('EPSG:4548')!.zone).toMatchObject({ width: 3, centralMeridian: 117, prefixed: false });
    expect(option('EPSG:4527')!.zone).toMatchObject({
      width: 3,
      zone: 39,
      centralMeridian: 117,
      prefixed: true,
    });
    expect(option('EPSG:4498')!.zone).toMatchObject({
      width: 6,
      zone: 20,
      centralMeridian: 117,
      prefixed: true,
    });
    for (const o of gaussKrugerOptions()) expect(o.zone).toEqual(gaussKrugerZone(Number(o.value.slice(5))));
  });

  it('groups 3° zones first, unprefixed before prefixed, west to east', () => {
    const groups = gaussKrugerGroups();
    expect(groups.map((g) => [g.width, g.prefixed, g.options.length])).toEqual([
      [3, false, 21],
      [3, true, 21],
      [6, false, 11],
      [6, true, 11],
    ]);
    expect(groups[0]!.options[0]!.value).toBe('EPSG:4534');
    const cms = groups[0]!.options.map((o) => o.zone.centralMeridian);
    expect(cms).toEqual([...cms].sort((a, b) => a - b));
    for (const g of groups) {
      expect(i18n.exists(g.labelKey, { lng: 'en' })).toBe(true);
      expect(i18n.exists(g.labelKey, { lng: 'zh' })).toBe(true);
    }
  });

  it('labels name the EPSG code and the central meridian in the UI language', () => {
    expect(label('EPSG:4548', 'zh')).toBe('CGCS2000 3°带 中央经线 117°E（EPSG:4548）');
    expect(label('EPSG:4548', 'en')).toBe('CGCS2000 3° zone, CM 117°E (EPSG:4548)');
    expect(label('EPSG:4527', 'en')).toMatch(/zone 39, CM 117°E.*\(EPSG:4527\)$/);
    expect(label('EPSG:4527', 'zh')).toMatch(/第 39 带 中央经线 117°E.*（EPSG:4527）$/);
    expect(label('EPSG:4509', 'en')).toBe('CGCS2000 6° zone, CM 117°E (EPSG:4509)');
    const all = gaussKrugerOptions().map((o) => label(o.value, 'zh'));
    expect(new Set(all).size).toBe(all.length);
  });
});
