/**
 * Coverage: households covered per facility kind, the walking-minute histogram, facility loads and
 * the underserved estates by deficit, with GeoJSON exports.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { FACILITY_KINDS } from '../../core';
import { bulkLayers } from '../../map/bulk-layers';
import { dispatch, useApp } from '../../store/store';
import { download, geoJsonText } from '../app/exports';
import { formatNumber, formatPct, formatUnit } from '../format';
import { minutesHistogram, networkShare, underservedByDeficit } from './coverage-stats';
import { SkipLink, SkipTarget } from './SkipLink';
import { UnderservedTable } from './UnderservedTable';

export function CoveragePanel() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const kind = useApp((s) => s.view.kind);
  const coverage = useApp((s) => s.results.coverage);
  const estates = useApp((s) => s.scenario.estates);
  const facilities = useApp((s) => s.scenario.facilities);
  const hasNetwork = useApp((s) => s.scenario.network !== null);
  const extent = useApp((s) => s.scenario.network?.extent ?? null);
  // Followed, not read once: the areas arrive after coverage and go when their layer is hidden.
  const serviceAreas = useStore(bulkLayers, (b) => b.serviceAreas);
  const serviceAreasShown = useApp((s) => s.view.layers.serviceAreas);
  if (!coverage) return <p role="status">{t('coverage.pending')}</p>;
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const current = coverage.byKind[kind];
  const nameOf = new Map(estates.map((e) => [e.id, e.name]));
  const locationOf = new Map(estates.map((e) => [e.id, e.location]));
  const shareOf = (rows: NonNullable<typeof current>['estates']) =>
    networkShare(rows, (id) => locationOf.get(id) ?? null, hasNetwork ? extent : null);
  const share = current ? shareOf(current.estates) : null;
  const hist = current ? minutesHistogram(current.estates) : [];
  const maxHouseholds = Math.max(1, ...hist.map((b) => b.households));
  const deficits = current ? underservedByDeficit(current.estates) : [];
  const unit = current?.parameters.capacityUnit ? formatUnit(current.parameters.capacityUnit, lang) : '';
  const ofKind = facilities.filter((f) => f.kind === kind);
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title" tabIndex={-1}>
        {t('coverage.title')}
      </h2>
      {!hasNetwork || current?.parameters.mode === 'straight-line' ? (
        <p className="hint warn">{t('coverage.straightLine')}</p>
      ) : null}
      <table className="table" data-testid="coverage-by-kind">
        <caption>{t('coverage.byKind')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.kind')}</th>
            <th scope="col">{t('coverage.limit')}</th>
            <th scope="col">{t('coverage.householdsCovered')}</th>
            <th scope="col">{t('coverage.pctOfAll')}</th>
            <th scope="col">{t('coverage.pctOnNetwork')}</th>
            <th scope="col">{t('coverage.overCapacity')}</th>
          </tr>
        </thead>
        <tbody>
          {FACILITY_KINDS.map((k) => {
            const c = coverage.byKind[k];
            return (
              <tr key={k} className={k === kind ? 'current' : ''}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => dispatch({ type: 'view/set', patch: { kind: k } })}
                    aria-pressed={k === kind}
                  >
                    {t(`kinds.${k}`)}
                  </button>
                </th>
                <td>{c ? `${n(c.parameters.minutes)} ${t('units.min')}` : '—'}</td>
                <td>{c ? `${n(c.summary.householdsCovered)} / ${n(c.summary.households)}` : '—'}</td>
                <td>{c ? formatPct(shareOf(c.estates).pctOfAll, lang) : '—'}</td>
                <td>{formatPct(c?.summary.pctCovered, lang)}</td>
                <td>{c ? n(c.summary.facilitiesOverCapacity) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {current && (
        <>
          <p className="big-figure">
            <span>
              {t('coverage.coveredOf', { kind: t(`kinds.${kind}`), min: n(current.parameters.minutes) })}
            </span>
            <strong data-testid="covered-households" data-value={current.summary.householdsCovered}>
              {n(current.summary.householdsCovered)}
            </strong>
            <span>
              {t('units.households')} ({formatPct(current.summary.pctCovered, lang)})
            </span>
          </p>
          {share && (
            <p className="params-line" data-testid="coverage-shares">
              {t('coverage.shares', {
                all: n(share.households),
                pctAll: formatPct(share.pctOfAll, lang),
                on: n(share.householdsOnNetwork),
                pctOn: formatPct(share.pctOnNetwork, lang),
              })}
            </p>
          )}
          {share && share.estatesOff > 0 && (
            <p
              className="hint"
              data-testid="coverage-off-network"
              data-estates={share.estatesOff}
              data-beyond={share.estatesBeyond}
            >
              {t('coverage.offNetwork', { estates: n(share.estatesOff), households: n(share.householdsOff) })}
              {share.estatesBeyond > 0 &&
                `${lang === 'zh' ? '' : ' '}${t('coverage.beyondExtent', {
                  estates: n(share.estatesBeyond),
                  households: n(share.householdsBeyond),
                })}`}
            </p>
          )}
          <p className="params-line">
            {t('coverage.parameters', {
              speed: n(current.parameters.speedMps, 2),
              distance: n(current.parameters.thresholdM),
            })}
          </p>
          <h3>{t('coverage.histogram')}</h3>
          <ul className="histogram" data-testid="histogram">
            {hist.map((b) => (
              <li key={`${b.from}-${b.to}`}>
                <span className="hist-label">
                  {b.from === null
                    ? t('coverage.unreachable')
                    : b.to === null
                      ? `≥ ${b.from}`
                      : `${b.from}–${b.to}`}
                  {b.from !== null && ` ${t('units.min')}`}
                </span>
                <span
                  className="hist-bar"
                  style={{ width: `${(b.households / maxHouseholds) * 100}%` }}
                  aria-hidden="true"
                />
                <span className="hist-value">
                  {n(b.households)} {t('units.households')}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('coverage.loads')}</h3>
          {ofKind.length === 0 && <p className="hint">{t('coverage.noFacilities')}</p>}
          <SkipLink to="loads-list-end" label={t('a11y.skipLoads')} rows={current.facilities.length} />
          <ul className="loads">
            {current.facilities.map((f) => {
              const facility = ofKind.find((x) => x.id === f.id);
              const pct = f.load === null ? null : f.load * 100;
              return (
                <li key={f.id}>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      dispatch({ type: 'view/select', selection: { type: 'facility', id: f.id } })
                    }
                  >
                    {facility?.name ?? f.id}
                  </button>
                  <span
                    className={`load-bar ${pct !== null && pct > 100 ? 'over' : ''}`}
                    style={{ width: `${Math.min(100, pct ?? 0)}%` }}
                    aria-hidden="true"
                  />
                  <span>
                    {pct === null
                      ? t('coverage.capacityUnknown')
                      : t('coverage.load', {
                          pct: n(pct),
                          demand: n(f.demand, 1),
                          capacity: n(f.capacity, 1),
                          unit,
                        })}
                  </span>
                </li>
              );
            })}
          </ul>
          <SkipTarget id="loads-list-end" />
          <h3>{t('coverage.underserved', { count: deficits.length })}</h3>
          <UnderservedTable deficits={deficits} nameOf={nameOf} unit={unit} />
          <div className="exports">
            <button
              type="button"
              onClick={() =>
                download(
                  geoJsonText(current.underserved),
                  `underserved-${kind}.geojson`,
                  'application/geo+json',
                )
              }
              data-testid="export-zones"
            >
              {t('exports.zones')}
            </button>
            <button
              type="button"
              disabled={!serviceAreas}
              aria-describedby={serviceAreas ? undefined : 'service-areas-export-hint'}
              onClick={() =>
                serviceAreas &&
                download(geoJsonText(serviceAreas), `service-areas-${kind}.geojson`, 'application/geo+json')
              }
              data-testid="export-service-areas"
            >
              {t('exports.serviceAreas')}
            </button>
            {!serviceAreas && (
              <small id="service-areas-export-hint">
                {t(serviceAreasShown ? 'exports.serviceAreasPending' : 'exports.serviceAreasHidden')}
              </small>
            )}
          </div>
        </>
      )}
    </section>
  );
}
