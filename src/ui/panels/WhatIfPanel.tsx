/** What-if planning: add facilities on the map, edit or delete them; results update live. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_KINDS } from '../../core';
import { FACILITY_COLOURS } from '../../map/palette';
import { dispatch, useApp } from '../../store/store';
import { formatNumber } from '../format';
import { FacilityEditor } from './FacilityEditor';
import { SkipLink, SkipTarget } from './SkipLink';
import { SuggestSites } from './SuggestSites';

export function WhatIfPanel() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const view = useApp((s) => s.view);
  const facilities = useApp((s) => s.scenario.facilities);
  const current = useApp((s) => s.results.coverage?.byKind[s.view.kind]);
  const summary = current?.summary;
  const selected = view.selected?.type === 'facility' ? view.selected.id : null;
  const ofKind = facilities.filter((f) => f.kind === view.kind);
  const listTitle = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="whatif-title">
      <h2 id="whatif-title" tabIndex={-1}>
        {t('whatif.title')}
      </h2>
      <p className="hint">{t('whatif.hint')}</p>
      <div className="add-buttons" role="group" aria-label={t('whatif.add')}>
        {FACILITY_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={view.tool === 'add' && view.addKind === k}
            onClick={() =>
              dispatch({ type: 'view/add-tool', kind: view.tool === 'add' && view.addKind === k ? null : k })
            }
          >
            <span
              className="swatch swatch-circle"
              style={{ background: FACILITY_COLOURS[k] }}
              aria-hidden="true"
            />
            {t('whatif.addKind', { kind: t(`kinds.${k}`) })}
          </button>
        ))}
      </div>
      {summary && (
        <p className="big-figure small">
          <span>
            {t('coverage.coveredOf', {
              kind: t(`kinds.${view.kind}`),
              min: formatNumber(current?.parameters.minutes, lang),
            })}
          </span>
          <strong data-testid="whatif-covered" data-value={summary.householdsCovered}>
            {formatNumber(summary.householdsCovered, lang)}
          </strong>
          <span>{t('units.households')}</span>
        </p>
      )}
      {selected && (
        <FacilityEditor key={selected} id={selected} afterDelete={() => listTitle.current?.focus()} />
      )}
      <h3 ref={listTitle} tabIndex={-1}>
        {t('whatif.list', { kind: t(`kinds.${view.kind}`), count: ofKind.length })}
      </h3>
      <SkipLink to="facility-list-end" label={t('a11y.skipFacilities')} rows={ofKind.length} />
      <ul className="facility-list">
        {ofKind.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              aria-current={f.id === selected}
              onClick={() => dispatch({ type: 'view/select', selection: { type: 'facility', id: f.id } })}
            >
              {f.name} <small>{t(`facilityStatus.${f.status}`)}</small>
            </button>
          </li>
        ))}
      </ul>
      <SkipTarget id="facility-list-end" />
      <p className="hint">{t('whatif.keys')}</p>
      <SuggestSites />
    </section>
  );
}
