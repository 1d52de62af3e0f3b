/**
 * The Suggest-sites proposal: covered before → after, the gap in words and the method, one row per
 * numbered site with what it adds (hover or focus highlights its estates on the map, its number centres
 * the map on it), accept one or
 * all as planned facilities (one undoable edit), and exports (GeoJSON, CSV, XLSX).
 */
import { useTranslation } from 'react-i18next';
import { coverageOptionsForKind } from '../../core';
import { acceptSites, isAccepted } from '../../store/accept-sites';
import type { ProposalView } from '../../store/siting-types';
import { appStore, dispatch, useApp } from '../../store/store';
import { download, geoJsonText, toCsv, toXlsx } from '../app/exports';
import { proposalGeoJson, proposalTable } from '../../core/siting';
import { formatNumber } from '../format';
import { ProposalSummary } from './ProposalSummary';

/**
 * @param running true while the request is still in the worker
 * @param capacity capacity of each new site in the run (capacitated model), else null
 */
export function ProposalTable({ running, capacity }: { running: boolean; capacity: number | null }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const siting = useApp((s) => s.results.siting);
  const facilities = useApp((s) => s.scenario.facilities);
  if (!siting) return null;
  const { proposal: p, highlight } = siting;
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const accepted = (s: ProposalView['sites'][number]) => isAccepted({ facilities }, p.kind, s);
  const accept = (ids: string[]) => {
    const st = appStore.getState();
    const parameters = st.results.evaluation?.parameters;
    const field = parameters ? coverageOptionsForKind(p.kind, parameters).capacity?.field : undefined;
    const sized = p.model === 'capacitated' && field && capacity ? { field, value: capacity } : null;
    const name = (kind: string) => t('whatif.newName', { kind: t(`kinds.${kind}`) });
    const action = acceptSites(st.scenario, p, ids, name, sized);
    if (action) dispatch(action);
  };
  const highlightSite = (id: string | null) => dispatch({ type: 'siting/highlight', siteId: id });
  const stem = `sites-${p.kind}-${p.model}`;
  return (
    <div className="proposal" data-testid="proposal" data-final={siting.final && !running}>
      <ProposalSummary proposal={p} final={siting.final} />
      <table className="table" data-testid="proposal-table" onMouseLeave={() => highlightSite(null)}>
        <caption>{t('siting.tableCaption', { count: p.sites.length })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('siting.gain')}</th>
            <th scope="col">{t('siting.households')}</th>
            <th scope="col">{t('siting.estates')}</th>
            <th scope="col">{t('siting.accept')}</th>
          </tr>
        </thead>
        <tbody>
          {p.sites.map((s, k) => (
            <tr
              key={s.id}
              className={s.id === highlight ? 'current' : ''}
              onMouseEnter={() => highlightSite(s.id)}
              onFocus={() => highlightSite(s.id)}
              data-testid="proposal-site"
            >
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-label={t('siting.showSite', { n: k + 1 })}
                  onClick={() => {
                    highlightSite(s.id);
                    dispatch({ type: 'view/reveal', at: [s.lon, s.lat] });
                  }}
                  data-testid="proposal-site-show"
                >
                  {n(k + 1)}
                </button>
              </th>
              <td>{n(s.gain, Number.isInteger(s.gain) ? 0 : 1)}</td>
              <td>{n(s.households)}</td>
              <td>{n(s.estates)}</td>
              <td>
                {accepted(s) ? (
                  <small>{t('siting.accepted')}</small>
                ) : (
                  <button
                    type="button"
                    aria-label={t('siting.acceptOne', { n: k + 1 })}
                    onClick={() => accept([s.id])}
                  >
                    {t('siting.accept')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-controls">
        <button
          type="button"
          data-testid="siting-accept-all"
          disabled={running || p.sites.every(accepted)}
          onClick={() => accept(p.sites.map((s) => s.id))}
        >
          {t('siting.acceptAll')}
        </button>
        <button
          type="button"
          data-testid="siting-export-geojson"
          onClick={() => download(geoJsonText(proposalGeoJson(p)), `${stem}.geojson`, 'application/geo+json')}
        >
          GeoJSON
        </button>
        <button
          type="button"
          data-testid="siting-export-csv"
          onClick={() => download(toCsv(proposalTable(p, lang)), `${stem}.csv`, 'text/csv')}
        >
          CSV
        </button>
        <button
          type="button"
          data-testid="siting-export-xlsx"
          onClick={() =>
            void toXlsx(proposalTable(p, lang), t('siting.title')).then((b) => download(b, `${stem}.xlsx`))
          }
        >
          XLSX
        </button>
      </div>
    </div>
  );
}
