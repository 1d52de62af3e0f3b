import type { Rule } from '../model/rule-profile';
import type { Verdict, VerdictStatus } from '../model/verdict';

/** A note in English and Chinese; every verdict note exists in both languages. */
export type NotePair = readonly [en: string, zh: string];

/** Tolerance for comparing computed areas and counts, so 30 × 333 / 100 = 99.9 compares as written. */
const EPSILON = 1e-9;

/** Rounds to 0.01 (m², %, per-resident figures) for output, removing floating-point noise. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Whole places, beds or units needed: rounded up, because a rule of “not fewer than 10 places per 1000
 * residents” is not met by 25 places for 2,520 residents (9.92 per 1000); 26 are needed.
 */
export function ceilCount(x: number): number {
  return Math.ceil(x - EPSILON);
}

/** provided ≥ required, tolerant of floating-point noise. */
export function meets(provided: number, required: number): boolean {
  return provided >= required - EPSILON;
}

/** Number for a note: at most two decimals, no trailing zeros. */
export function fmt(x: number): string {
  return String(round2(x));
}

/** Is this a usable count/area from the data (finite, not negative)? null and garbage are “not given”. */
export function given(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

/**
 * Assembles a verdict. Shortfall is max(0, required − provided) when both are known, else null.
 * @param rule the rule judged
 * @param unit unit of required / provided
 * @param status the outcome
 * @param required what the rule requires here, or null
 * @param provided what is provided, or null
 * @param notes why, in English and Chinese (joined with “; ” / “；”)
 * @returns the verdict, citing the rule's source
 */
export function buildVerdict(
  rule: Rule,
  unit: string,
  status: VerdictStatus,
  required: number | null,
  provided: number | null,
  notes: readonly NotePair[] = [],
): Verdict {
  const shortfall = required !== null && provided !== null ? round2(Math.max(0, required - provided)) : null;
  const verdict: Verdict = {
    rule: rule.id,
    status,
    required,
    provided,
    shortfall,
    unit,
    source: rule.source,
  };
  if (notes.length === 1) {
    // a single (often shared, pre-built) note is referenced, not copied: 100,000 estates share one string
    [verdict.note, verdict.noteZh] = notes[0] as NotePair;
  } else if (notes.length > 1) {
    verdict.note = notes.map(([en]) => en).join('; ');
    verdict.noteZh = notes.map(([, zh]) => zh).join('；');
  }
  return verdict;
}

/** pass when provided meets required, else fail. */
export function passOrFail(provided: number, required: number): VerdictStatus {
  return meets(provided, required) ? 'pass' : 'fail';
}
