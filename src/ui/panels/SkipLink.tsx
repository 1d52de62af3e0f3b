/**
 * Skip links past long lists (issue #12): a keyboard user reaches what follows a list of hundreds of
 * estates in one Tab and Enter instead of hundreds. Hidden until focused (styles.css `.skip-link`).
 */

/** Lists this long or longer get a skip link (a short list is passed with a few Tabs). */
export const SKIP_LINK_MIN_ROWS = 10;

/**
 * A link that moves focus to the element with id `to` (a `SkipTarget` after the list).
 * @param props.to the target's id, `label` the link's text, `rows` the list's length (no link when short)
 * @returns the link, or null for a short list
 * @example <SkipLink to="estate-list-end" label={t('a11y.skipEstates')} rows={rows.length} />
 */
export function SkipLink({ to, label, rows }: { to: string; label: string; rows: number }) {
  if (rows < SKIP_LINK_MIN_ROWS) return null;
  return (
    <a
      className="skip-link"
      href={`#${to}`}
      data-testid={`skip-${to}`}
      onClick={(e) => {
        // Focus only: the address (and the browser's history) stays as it is.
        e.preventDefault();
        document.getElementById(to)?.focus();
      }}
    >
      {label}
    </a>
  );
}

/**
 * Where a skip link lands: focusable from script only, so Tab goes on from here.
 * @param props.id the id the link names
 * @example <SkipTarget id="estate-list-end" />
 */
export function SkipTarget({ id }: { id: string }) {
  return <span id={id} tabIndex={-1} className="skip-target" />;
}
