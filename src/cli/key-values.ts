import { UsageError } from './errors';

/**
 * Parses repeated `name=value` flags (`--param personsPerHousehold=3.2`, `--map households=房屋总数`).
 * @param values the raw flag values
 * @param flag the flag's name, for the error message
 * @returns an object from names to values (later flags win)
 */
export function parseKeyValues(values: readonly string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of values ?? []) {
    const eq = raw.indexOf('=');
    if (eq <= 0 || eq === raw.length - 1) {
      throw new UsageError(`${flag} expects name=value, got "${raw}"`);
    }
    out[raw.slice(0, eq).trim()] = raw.slice(eq + 1).trim();
  }
  return out;
}
