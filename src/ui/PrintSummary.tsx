/**
 * The figures a printed view carries beside its map: compliance totals, coverage per facility kind
 * and the parameters. Shown only in print (styles.css), whatever panel is open.
 */
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS, VERDICT_STATUSES } from '../core';
import { useProfile } from './use-profile';
import { useApp } from '../store/store';
import { localDate } from './app/report-request';
import { formatNumber, formatPct } from './format';

export function PrintSummary() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const evaluation = useApp((s) => s.results.evaluation);
  const coverage = useApp((s) => s.results.coverage);
  const facilities = useApp((s) => s.scenario.facilities);
  const evaluatedWith = useApp((s) => s.results.evaluation?.profileId);
  const { label: profileLabel } = useProfile(evaluatedWith);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  // Kinds with facilities, as the review report lists them.
  const kinds = FACILITY_KINDS.filter((k) => facilities.some((f) => f.kind === k));
  return (
    <section className="print-summary" data-testid="print-summary" aria-labelledby="print-summary-title">
      <div>
        <h2 id="print-summary-title">{t('printSummary.title')}</h2>
        {evaluation ? (
          <>
            <p>
              {t('printSummary.compliance', {
                profile: profileLabel,
                n: n(evaluation.estates.length),
              })}
            </p>
            <ul className="status-totals" data-testid="print-compliance-totals">
              {VERDICT_STATUSES.map((s) => (
                <li key={s}>
                  <span className={`badge badge-status-${s}`}>{t(`status.${s}`)}</span>{' '}
                  <span data-status={s}>{n(evaluation.summary.overall[s])}</span>
                </li>
              ))}
            </ul>
            <p className="params-line">
              {t('printSummary.parameters', {
                pph: n(evaluation.parameters.personsPerHousehold, 2),
                speed: n(evaluation.parameters.walkingSpeed, 2),
              })}
            </p>
          </>
        ) : (
          <p>{t('status.pending')}</p>
        )}
        <p className="hint">{t('printSummary.date', { date: localDate(new Date()) })}</p>
      </div>
      {coverage ? (
        <table className="table" data-testid="print-coverage">
          <caption>{t('coverage.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.kind')}</th>
              <th scope="col">{t('coverage.limit')}</th>
              <th scope="col">{t('coverage.householdsCovered')}</th>
              <th scope="col">%</th>
              <th scope="col">{t('printSummary.underservedHouseholds')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => {
              const c = coverage.byKind[k];
              return (
                <tr key={k} data-kind={k}>
                  <th scope="row">{t(`kinds.${k}`)}</th>
                  <td>{c ? `${n(c.parameters.minutes)} ${t('units.min')}` : '—'}</td>
                  <td>{c ? `${n(c.summary.householdsCovered)} / ${n(c.summary.households)}` : '—'}</td>
                  <td>{formatPct(c?.summary.pctCovered, lang)}</td>
                  <td>{c ? n(c.summary.householdsUnderserved) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t('printSummary.noCoverage')}</p>
      )}
    </section>
  );
}
