import { UsageError } from './errors';

/**
 * Reads a numeric flag.
 * @param text the flag's value, if given
 * @param flag the flag's name, for the message
 * @returns the number, or undefined when the flag is absent
 */
export function nonNegativeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/[,，_]/g, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`${flag} expects a number ≥ 0, got "${text}"`);
  }
  return value;
}

/** As nonNegativeNumber, but zero is refused too. */
export function positiveNumber(text: string | undefined, flag: string): number | undefined {
  const value = nonNegativeNumber(text, flag);
  if (value === 0) throw new UsageError(`${flag} expects a number > 0, got "${text}"`);
  return value;
}

/**
 * Reads a flag that takes one of a few words.
 * @param value the flag's value
 * @param allowed the words it may take
 * @param flag the flag's name, for the message
 * @returns the value, typed as one of the allowed words
 */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
