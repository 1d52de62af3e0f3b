/**
 * Paging for long lists (estate lists, underserved estates): replaces the old caps of 300 and 100 rows,
 * which had no way on (#12). `usePage` slices; `Pager` moves between pages.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { useApp } from '../../store/store';

/**
 * One page of `rows`, and the page state; the page is clamped when the list shrinks.
 * @param rows the whole list
 * @param size rows per page
 * @returns the rows on the page, the page (0-based), the page count and a setter
 * @example const page = usePage(rows, 100);
 */
export function usePage<T>(rows: readonly T[], size: number) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  return { rows: rows.slice(current * size, current * size + size), page: current, pages, setPage };
}

/**
 * Previous / next buttons and “page i of n”; nothing when one page holds the list.
 * @param props.page the 0-based page, `pages` the count, `onPage` the setter, `testId` its test id
 * @returns the pager, or null
 * @example <Pager page={p.page} pages={p.pages} onPage={p.setPage} testId="estate-pager" />
 */
export function Pager(props: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  if (props.pages <= 1) return null;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <nav className="row-controls" aria-label={t('paging.label')} data-testid={props.testId}>
      <button type="button" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>
        {t('paging.previous')}
      </button>
      <span aria-live="polite">{t('paging.page', { page: n(props.page + 1), pages: n(props.pages) })}</span>
      <button
        type="button"
        disabled={props.page >= props.pages - 1}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('paging.next')}
      </button>
    </nav>
  );
}
