/**
 * The user's field-mapping choices in the import review. An override maps a canonical field to a
 * source header; an empty header means “do not map this field” (resolveMapping in the core skips
 * the aliases for it), so un-mapping a wrongly detected column survives the next read.
 */

/** Canonical field → header chosen by the user ('' = none). Fields the user has not touched are absent. */
export type FieldOverrides = Record<string, string>;

/**
 * The overrides after the user picks a header for a field in the mapping dialog.
 * @param overrides the current overrides
 * @param field the canonical field
 * @param header the header picked; '' (“none”) is kept as an explicit “do not map”
 * @returns new overrides (the input is not changed)
 */
export function withOverride(overrides: FieldOverrides, field: string, header: string): FieldOverrides {
  return { ...overrides, [field]: header };
}

/**
 * What a field's select shows: the user's choice when there is one (also “none”), else the header
 * the last read detected, else “none”.
 * @param overrides the user's overrides
 * @param field the canonical field
 * @param detected the header the last read used for the field (null: none)
 * @returns the header to select; '' selects “none”
 */
export function shownHeader(overrides: FieldOverrides, field: string, detected: string | null): string {
  return Object.hasOwn(overrides, field) ? overrides[field]! : (detected ?? '');
}
