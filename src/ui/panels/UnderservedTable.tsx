/** The underserved estates of one facility kind, worst first, one page at a time. */
import { useTranslation } from 'react-i18next';
import { dispatch, useApp } from '../../store/store';
import { formatNumber } from '../format';
import type { Deficit } from './coverage-stats';
import { Pager, usePage } from './Pager';
import { SkipLink, SkipTarget } from './SkipLink';

const PAGE_SIZE = 100;

/**
 * The table; a name selects the estate (and the map pans to it).
 * @param props.deficits the underserved estates by deficit, `nameOf` estate names by id, `unit` the
 *   capacity unit shown in the header
 * @returns the paged table
 * @example <UnderservedTable deficits={deficits} nameOf={nameOf} unit="m²" />
 */
export function UnderservedTable(props: {
  deficits: readonly Deficit[];
  nameOf: ReadonlyMap<string, string>;
  unit: string;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const page = usePage(props.deficits, PAGE_SIZE);
  return (
    <>
      <SkipLink to="underserved-list-end" label={t('a11y.skipUnderserved')} rows={page.rows.length} />
      <table className="table" data-testid="underserved-list">
        <thead>
          <tr>
            <th scope="col">{t('estate.name')}</th>
            <th scope="col">{t('estate.households')}</th>
            <th scope="col">{t('coverage.minutes')}</th>
            <th scope="col">{t('coverage.missing', { unit: props.unit })}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => dispatch({ type: 'view/select', selection: { type: 'estate', id: d.id } })}
                  data-focus-key={`estate:${d.id}`}
                >
                  {props.nameOf.get(d.id) ?? d.id}
                </button>
              </th>
              <td>{n(d.households)}</td>
              <td>{d.minutes === null ? t('coverage.unreachable') : n(d.minutes, 1)}</td>
              <td>{n(d.missing, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SkipTarget id="underserved-list-end" />
      <Pager page={page.page} pages={page.pages} onPage={page.setPage} testId="underserved-pager" />
    </>
  );
}
