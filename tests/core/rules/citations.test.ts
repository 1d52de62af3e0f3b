import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule, RuleSource } from '../../../src/core';
import { BUILTIN_PROFILES } from '../../../src/profiles';

// Keeps citations honest: rule ids match the policy README, and every quote cited from a policy file
// really is on the cited line of ../shared/policy/<file> (read, never copied into the repository).
const POLICY_DIR = fileURLToPath(new URL('../../../../shared/policy/', import.meta.url));
const README = `${POLICY_DIR}README.md`;
const POLICY_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** The suggested ids as the brief lists them; checked even when the README is absent. */
const SUGGESTED_IDS = [
  'hefei.elderly-area-new',
  'hefei.elderly-area-existing',
  'hefei.nursery-new',
  'hefei.nursery-existing',
  'hefei.elderly-15min',
  'henan.elderly-area-new',
  'henan.elderly-area-existing',
  'henan.childcare-area-new',
  'ganzi.place-area',
  'turpan.four-sync',
  'hefei.elderly-land',
  'henan.elderly-land',
  'ganzi.elderly-land',
  'hefei.nursery-city',
  'henan.nursery-city',
  'ganzi.nursery-city',
  'hefei.beds',
  'xinjiang.beds',
  'henan.beds',
  'ganzi.beds',
  'henan.per-street',
  'hefei.community-childcare',
  'ganzi.community-childcare',
];

const allRules: Rule[] = BUILTIN_PROFILES.flatMap((profile) => profile.rules);
const ruleIds = new Set(allRules.map((rule) => rule.id));

/** Every citation in the built-in profiles: rule sources and parameter sources. */
const citations: { where: string; source: RuleSource; rule?: Rule }[] = BUILTIN_PROFILES.flatMap(
  (profile) => [
    ...profile.rules.map((rule) => ({ where: rule.id, source: rule.source, rule })),
    ...Object.entries(profile.parameterSources).map(([name, source]) => ({
      where: `${profile.id} parameter ${name}`,
      source,
    })),
  ],
);

/** Rules whose threshold is not written as a number in the text: “every street has one” is 100 %. */
const THRESHOLD_IMPLIED = new Set([
  'henan.per-street',
  'henan.per-community',
  'henan.district-childcare-centre',
  'henan.community-childcare',
  'turpan.four-sync',
]);

describe('rule ids', () => {
  it('has every id the brief suggests', () => {
    expect(SUGGESTED_IDS.filter((id) => !ruleIds.has(id))).toEqual([]);
  });

  it.skipIf(!existsSync(README))('has every id the policy README suggests (README present)', () => {
    const text = readFileSync(README, 'utf8');
    const ids = new Set(text.match(/\b(hefei|henan|ganzi|turpan|xinjiang)\.[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []);
    expect(ids.size).toBeGreaterThanOrEqual(SUGGESTED_IDS.length);
    expect([...ids].filter((id) => !ruleIds.has(id))).toEqual([]);
  });
});

describe('confidence', () => {
  it('marks a source verified only when it cites a policy file with a line', () => {
    const wrong = citations.filter(
      ({ source }) => source.confidence === 'verified' && !POLICY_FILE.test(source.document),
    );
    expect(wrong.map(({ where }) => where)).toEqual([]);
  });

  it('never marks the national baseline verified (the README rates it S or R)', () => {
    const national = BUILTIN_PROFILES.find((p) => p.id === 'national');
    expect(national?.rules.length).toBeGreaterThan(0);
    for (const rule of national?.rules ?? []) expect(rule.source.confidence, rule.id).not.toBe('verified');
  });
});

describe.skipIf(!existsSync(POLICY_DIR))('quotes against ../shared/policy (policy files present)', () => {
  const cache = new Map<string, string[]>();
  const lines = (file: string): string[] => {
    let cached = cache.get(file);
    if (cached === undefined) {
      cached = readFileSync(`${POLICY_DIR}${file}`, 'utf8').split('\n');
      cache.set(file, cached);
    }
    return cached;
  };
  const cited = citations.filter(({ source }) => POLICY_FILE.test(source.document));

  it('cites policy files at all (the check below is not vacuous)', () => {
    expect(cited.length).toBeGreaterThan(30);
  });

  it.each(cited.map((c) => [c.where, c] as const))(
    '%s: quote on the first cited line',
    (_where, { source }) => {
      expect(existsSync(`${POLICY_DIR}${source.document}`)).toBe(true);
      const numbers = (source.line ?? '').split(', ').map(Number);
      const text = lines(source.document);
      for (const n of numbers) expect(n, `line ${n} exists`).toBeLessThanOrEqual(text.length);
      expect(text[(numbers[0] ?? 0) - 1]).toContain(source.quote);
    },
  );

  it.each(cited.filter((c) => c.rule && !THRESHOLD_IMPLIED.has(c.rule.id)).map((c) => [c.where, c] as const))(
    '%s: threshold written on a cited line',
    (_where, { source, rule }) => {
      const text = lines(source.document);
      const onLines = (source.line ?? '').split(', ').map((n) => text[Number(n) - 1] ?? '');
      expect(onLines.some((line) => line.includes(String(rule?.threshold)))).toBe(true);
    },
  );
});
