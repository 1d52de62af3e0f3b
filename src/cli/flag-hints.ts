/**
 * The command line's words for the core's import hints (ImportHint): a column to name is
 * `--map field=<header>`, another coordinate system `--crs …`. The core's messages name no flag (the
 * planner words the same hints as its own controls), so each import the CLI reports passes through here.
 */
import type { ImportError, ImportHint } from '../core';

/** The flags of the file at hand: estates take `--crs` and `--map`, facilities `--facility-crs` only. */
export interface HintFlags {
  crs: string;
  /** null: the command has no mapping flag for this file (the hint is left out). */
  map: string | null;
}

export const ESTATE_FLAGS: HintFlags = { crs: '--crs', map: '--map' };
export const FACILITY_FLAGS: HintFlags = { crs: '--facility-crs', map: null };

/** The hint as a tail to the messages [en, zh], or null when the command has no flag for it. */
function hintText(hint: ImportHint, flags: HintFlags): [string, string] | null {
  if (hint.kind === 'map-field') {
    if (!flags.map) return null;
    return [`; use ${flags.map} ${hint.field}=<header>`, `；请用 ${flags.map} ${hint.field}=<表头> 指定`];
  }
  if (hint.crs.length === 0)
    return [`; give ${flags.crs} if you know an equivalent`, `；如确知等效坐标系，请用 ${flags.crs} 指定`];
  return [`; try ${flags.crs} ${hint.crs.join(' or ')}`, `；可尝试 ${flags.crs} ${hint.crs.join('、')}`];
}

function withHint(error: ImportError, flags: HintFlags): ImportError {
  const hints = [error.hint, ...(error.also ?? []).map((e) => e.hint)].filter(
    (h): h is ImportHint => h !== undefined,
  );
  const tails = [...new Map(hints.map((h) => [JSON.stringify(h), hintText(h, flags)])).values()].filter(
    (t): t is [string, string] => t !== null,
  );
  if (tails.length === 0) return error;
  return {
    ...error,
    message: error.message + tails.map((t) => t[0]).join(''),
    messageZh: error.messageZh + tails.map((t) => t[1]).join(''),
  };
}

/**
 * The import with each error's hint appended to its messages in the command's flags.
 * @param result an estate or facility import
 * @param flags the flags of this file
 * @returns the same import, errors reworded (the input is not changed)
 * @example withFlagHints(importEstates(input), ESTATE_FLAGS).errors[0].message // "…; use --map households=<header>"
 */
export function withFlagHints<R extends { errors: ImportError[] }>(result: R, flags: HintFlags): R {
  if (!result.errors.some((e) => e.hint || e.also?.some((a) => a.hint))) return result;
  return { ...result, errors: result.errors.map((e) => withHint(e, flags)) };
}
