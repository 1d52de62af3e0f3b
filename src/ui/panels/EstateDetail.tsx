/** An estate: its figures, every verdict with its citation, and the facilities that serve it. */
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../../core';
import { getProfile } from '../../profiles';
import { useApp } from '../../store/store';
import { DetailHeader } from '../DetailHeader';
import { formatNumber } from '../format';
import { VerdictCard } from './VerdictCard';

export function EstateDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const estate = useApp((s) => s.scenario.estates.find((e) => e.id === id));
  const result = useApp((s) => s.results.evaluation?.estates.find((e) => e.id === id));
  const profileId = useApp((s) => s.scenario.profileId);
  const coverage = useApp((s) => s.results.coverage);
  const facilities = useApp((s) => s.scenario.facilities);
  if (!estate) return null;
  const rules = getProfile(profileId)?.rules ?? [];
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
            <th scope="col">{t('estate.nearest')}</th>
            <th scope="col">{t('coverage.minutes')}</th>
            <th scope="col">{t('coverage.withinLimit')}</th>
          </tr>
        </thead>
        <tbody>
          {FACILITY_KINDS.map((kind) => {
            const row = coverage?.byKind[kind]?.estates.find((e) => e.id === id);
            const limit = coverage?.byKind[kind]?.parameters.minutes;
            const facility = facilities.find((f) => f.id === row?.nearestFacility);
            return (
              <tr key={kind}>
                <th scope="row">{t(`kinds.${kind}`)}</th>
                <td>{facility?.name ?? (row?.offNetwork ? t('estate.offNetwork') : '—')}</td>
                <td>{row?.minutes === null || row?.minutes === undefined ? '—' : n(row.minutes, 1)}</td>
                <td>
                  {row
                    ? row.covered
                      ? t('coverage.yes', { min: limit })
                      : t('coverage.no', { min: limit })
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
