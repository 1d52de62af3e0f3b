/** Compliance of all estates: totals, per-rule summary, a searchable estate list, exports. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICT_STATUSES, type VerdictStatus } from '../../core';
import { useProfile } from '../use-profile';
import { dispatch, useApp } from '../../store/store';
import { complianceTable, download, toCsv, toXlsx } from '../app/exports';
import { formatNumber, formatUnit, pickLang } from '../format';
import { Pager, usePage } from './Pager';
import { ReportButton } from './ReportButton';
import { SkipLink, SkipTarget } from './SkipLink';

const ORDER: Record<VerdictStatus, number> = {
  fail: 0,
  'insufficient-data': 1,
  pass: 2,
  'not-applicable': 3,
};
const PAGE_SIZE = 300;

export function CompliancePanel() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const evaluation = useApp((s) => s.results.evaluation);
  const profileId = useApp((s) => s.scenario.profileId);
  const scenarioName = useApp((s) => s.scenario.name);
  const [filter, setFilter] = useState<VerdictStatus | 'all'>('all');
  const [query, setQuery] = useState('');
  const { profile, user, label: profileLabel } = useProfile();
  const rows = useMemo(() => {
    const list = (evaluation?.estates ?? []).filter(
      (e) => (filter === 'all' || e.overall === filter) && (query === '' || e.name.includes(query)),
    );
    const shortfall = (e: (typeof list)[number]) =>
      e.verdicts.reduce((s, v) => s + (v.status === 'fail' ? (v.shortfall ?? 0) : 0), 0);
    return list.sort((a, b) => ORDER[a.overall] - ORDER[b.overall] || shortfall(b) - shortfall(a));
  }, [evaluation, filter, query]);
  const page = usePage(rows, PAGE_SIZE);
  if (!evaluation) return <p role="status">{t('status.pending')}</p>;
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const table = () => complianceTable(evaluation, profile, lang, user);
  const base = `${scenarioName || 'lifecircle'}-${profileId}-compliance`;
  return (
    <section aria-labelledby="compliance-title">
      <h2 id="compliance-title" tabIndex={-1}>
        {t('compliance.title', { profile: profileLabel })}
      </h2>
      <ul className="status-totals" data-testid="compliance-totals">
        {VERDICT_STATUSES.map((s) => (
          <li key={s}>
            <span className={`badge badge-status-${s}`}>{t(`status.${s}`)}</span>{' '}
            {n(evaluation.summary.overall[s])}
          </li>
        ))}
      </ul>
      <p className="params-line">
        {t('compliance.parameters', {
          pph: n(evaluation.parameters.personsPerHousehold, 2),
          speed: n(evaluation.parameters.walkingSpeed, 2),
        })}
      </p>
      <table className="table">
        <caption>{t('compliance.byRule')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.rule')}</th>
            <th scope="col">{t('status.pass')}</th>
            <th scope="col">{t('status.fail')}</th>
            <th scope="col">{t('status.insufficient-data')}</th>
            <th scope="col">{t('compliance.totalShortfall')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.summary.rules.map((r) => (
            <tr key={r.rule} data-testid="rule-row" data-rule={r.rule}>
              <th scope="row">
                {pickLang(profile?.rules.find((x) => x.id === r.rule)?.title, lang) || r.rule}
              </th>
              <td>{n(r.counts.pass)}</td>
              <td>{n(r.counts.fail)}</td>
              <td>{n(r.counts['insufficient-data'])}</td>
              <td>
                {r.totalShortfall !== null
                  ? `${n(r.totalShortfall, 1)} ${formatUnit(r.unit, lang)}`
                  : t('compliance.failingHouseholds', {
                      estates: n(r.counts.fail),
                      households: n(r.failingHouseholds),
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-controls">
        <label>
          <span>{t('compliance.filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as VerdictStatus | 'all')}>
            <option value="all">{t('compliance.all')}</option>
            {VERDICT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('compliance.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="hint">{t('compliance.showing', { shown: n(page.rows.length), total: n(rows.length) })}</p>
      <SkipLink to="estate-list-end" label={t('a11y.skipEstates')} rows={page.rows.length} />
      <ul className="estate-list" data-testid="estate-list">
        {page.rows.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              onClick={() => dispatch({ type: 'view/select', selection: { type: 'estate', id: e.id } })}
              data-focus-key={`estate:${e.id}`}
            >
              <span className={`dot dot-${e.overall}`} aria-hidden="true" />
              <span className="estate-name">{e.name}</span>
              <span className="estate-meta">
                {n(e.households)} {t('units.households')} · {t(`status.${e.overall}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <SkipTarget id="estate-list-end" />
      <Pager page={page.page} pages={page.pages} onPage={page.setPage} testId="estate-pager" />
      <div className="exports">
        <button
          type="button"
          onClick={() => download(toCsv(table()), `${base}.csv`, 'text/csv')}
          data-testid="export-csv"
        >
          {t('exports.csv')}
        </button>
        <button
          type="button"
          onClick={() => void toXlsx(table(), t('exports.sheet')).then((b) => download(b, `${base}.xlsx`))}
          data-testid="export-xlsx"
        >
          {t('exports.xlsx')}
        </button>
        {/* The estates listed now (this page of the filtered list, in its order): each estate's map
            carries its streets, so a city's thousands at once would make a document of hundreds of MB. */}
        <ReportButton
          estateIds={() => page.rows.map((e) => e.id)}
          label={t('report.printBatch', { n: n(page.rows.length) })}
          testId="report-batch"
          disabled={page.rows.length === 0}
        />
      </div>
    </section>
  );
}
