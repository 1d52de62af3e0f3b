/** An estate: its figures, every verdict with its citation, and the facilities that serve it. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../../core';
import type { RequestMap } from '../../worker/protocol';
import { LONG_TASK_MS } from '../app/runner';
import { useServices } from '../context';
import { useProfile } from '../use-profile';
import { useApp } from '../../store/store';
import { DetailHeader } from '../DetailHeader';
import { formatNumber } from '../format';
import { ReportButton } from './ReportButton';
import { VerdictCard } from './VerdictCard';

type ServedBy = RequestMap['coverage/served-by'][1];

/**
 * The facilities serving the estate, asked of the worker whenever results change (the coverage rows
 * carry only the nearest one); a newer request aborts the older. Undefined until answered, and when
 * the worker has no coverage (e.g. just restarted).
 */
function useServedBy(estateId: string, version: number): ServedBy | undefined {
  const { runner } = useServices();
  const [answer, setAnswer] = useState<{ id: string; servedBy: ServedBy } | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    // Queued behind long work (a network build answers nothing else meanwhile): no stall timeout.
    runner.client
      .send('coverage/served-by', { estateId }, { signal: controller.signal, timeoutMs: LONG_TASK_MS })
      .then(
        (servedBy) => setAnswer({ id: estateId, servedBy }),
        () => undefined,
      );
    return () => controller.abort();
  }, [runner, estateId, version]);
  if (answer?.id !== estateId || Object.keys(answer.servedBy).length === 0) return undefined;
  return answer.servedBy;
}

export function EstateDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const estate = useApp((s) => s.scenario.estates.find((e) => e.id === id));
  const result = useApp((s) => s.results.evaluation?.estates.find((e) => e.id === id));
  const { profile } = useProfile();
  const coverage = useApp((s) => s.results.coverage);
  const facilities = useApp((s) => s.scenario.facilities);
  const version = useApp((s) => s.results.version);
  const servedBy = useServedBy(id, version);
  if (!estate) return null;
  const rules = profile?.rules ?? [];
  const ruleOf = (ruleId: string) => rules.find((r) => r.id === ruleId);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  return (
    <section className="estate-detail" data-testid="estate-detail" aria-labelledby="estate-title">
      <DetailHeader titleId="estate-title" level={2}>
        {estate.name}
      </DetailHeader>
      <dl className="facts">
        <div>
          <dt>{t('estate.households')}</dt>
          <dd>{n(estate.households)}</dd>
        </div>
        <div>
          <dt>{t('estate.residents')}</dt>
          <dd>
            {n(result?.residents ?? estate.residents)}
            {result?.residentsDerived && <small> {t('estate.residentsDerived')}</small>}
          </dd>
        </div>
        <div>
          <dt>{t('estate.status')}</dt>
          <dd>
            {result?.status ? t(`estateStatus.${result.status}`) : t('estate.statusUnknown')}
            {result?.statusDefaulted && <small> {t('estate.statusDefaulted')}</small>}
          </dd>
        </div>
        {estate.district && (
          <div>
            <dt>{t('estate.district')}</dt>
            <dd>{estate.district}</dd>
          </div>
        )}
      </dl>
      <ReportButton estateIds={() => [id]} label={t('report.print')} testId="report-estate" />
      <h3>{t('estate.verdicts')}</h3>
      {!result && <p>{t('status.pending')}</p>}
      {/* Walking-time verdicts (coverage scope) come from the coverage results, marked as derived. */}
      {result?.verdicts.map((v) => (
        <VerdictCard
          key={v.rule}
          verdict={v}
          rule={ruleOf(v.rule)}
          derived={ruleOf(v.rule)?.scope === 'coverage'}
        />
      ))}
      <h3>{t('estate.serving')}</h3>
      <table className="table" data-testid="serving">
        <thead>
          <tr>
            <th scope="col">{t('coverage.kind')}</th>
            <th scope="col">{t('estate.facility')}</th>
            <th scope="col">{t('coverage.minutes')}</th>
            <th scope="col">{t('estate.load')}</th>
          </tr>
        </thead>
        <tbody>
          {FACILITY_KINDS.flatMap((kind) => {
            const row = coverage?.byKind[kind]?.estates.find((e) => e.id === id);
            const limit = coverage?.byKind[kind]?.parameters.minutes;
            const serving = servedBy?.[kind] ?? [];
            const name = (facilityId: string | null) =>
              facilities.find((f) => f.id === facilityId)?.name ?? facilityId ?? '—';
            if (serving.length > 0)
              return serving.map((s, k) => (
                <tr key={`${kind}-${s.facilityId}`} data-testid="serving-row">
                  {k === 0 && (
                    <th scope="row" rowSpan={serving.length}>
                      {t(`kinds.${kind}`)}
                    </th>
                  )}
                  <td>{name(s.facilityId)}</td>
                  <td>{n(s.minutes, 1)}</td>
                  <td>{s.load === null ? '—' : `${n(s.load * 100)}%`}</td>
                </tr>
              ));
            // No list (yet): the nearest facility from the coverage row, within the limit or not.
            return [
              <tr key={kind}>
                <th scope="row">{t(`kinds.${kind}`)}</th>
                <td>
                  {row?.offNetwork
                    ? t('estate.offNetwork')
                    : row?.nearestFacility
                      ? row.covered
                        ? name(row.nearestFacility)
                        : t('estate.nearestBeyond', { name: name(row.nearestFacility), min: limit })
                      : row
                        ? t('estate.noneWithin', { min: limit })
                        : '—'}
                </td>
                <td>{row?.minutes === null || row?.minutes === undefined ? '—' : n(row.minutes, 1)}</td>
                <td>—</td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}
