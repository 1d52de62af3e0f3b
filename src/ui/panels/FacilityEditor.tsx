/** Edits one facility: name, kind, capacity, status; moves it by keyboard; deletes it. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lngLat, type Facility, type FacilityKind, type Verdict } from '../../core';
import { profileChoice } from '../../store/scenario-profile';
import { useProfile } from '../use-profile';
import type { FacilityPatch } from '../../store/actions';
import { dispatch, useApp } from '../../store/store';
import { useServices } from '../context';
import { DetailHeader } from '../DetailHeader';
import { KindOptions } from '../KindOptions';
import { VerdictCard } from './VerdictCard';

/** Keyboard nudge step: 50 m, about one building, converted to degrees at the facility's latitude. */
const NUDGE_M = 50;
const M_PER_DEG_LAT = 111_320;

function nudge(f: Facility, dx: number, dy: number) {
  const [lng, lat] = f.location;
  const dLat = (dy * NUDGE_M) / M_PER_DEG_LAT;
  const dLng = (dx * NUDGE_M) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  dispatch({ type: 'facility/move', id: f.id, location: lngLat(lng + dLng, lat + dLat) });
}

/** A number field that commits on blur or Enter (one undo step per edit, not per keystroke). */
function NumberField({
  label,
  value,
  onCommit,
  testId,
}: {
  label: string;
  value: number | null;
  onCommit(v: number | null): void;
  testId?: string;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value === null ? '' : String(value));
  }
  const commit = () => {
    const v = text.trim() === '' ? null : Number(text);
    if (v === null || (Number.isFinite(v) && v >= 0)) onCommit(v);
    else setText(value === null ? '' : String(value));
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        data-testid={testId}
      />
    </label>
  );
}

/** The facility-scope rules of the profile that apply to this facility's kind (worker-evaluated). */
function FacilityVerdicts({ facility }: { facility: Facility }) {
  const { t } = useTranslation();
  const { runner } = useServices();
  const profileId = useApp((s) => s.scenario.profileId);
  const userProfiles = useApp((s) => s.scenario.userProfiles);
  const overrides = useApp((s) => s.scenario.overrides);
  const { profile } = useProfile();
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  useEffect(() => {
    let live = true;
    runner.client
      .send('rules/facility', { ...profileChoice({ profileId, userProfiles }), facility, overrides })
      .then(
        (v) => live && setVerdicts(v.filter((x) => x.status !== 'not-applicable')),
        () => live && setVerdicts([]),
      );
    return () => {
      live = false;
    };
  }, [runner, facility, profileId, userProfiles, overrides]);
  const rules = profile?.rules ?? [];
  if (verdicts.length === 0) return null;
  return (
    <>
      <h4>{t('facility.verdicts')}</h4>
      {verdicts.map((v) => (
        <VerdictCard key={v.rule} verdict={v} rule={rules.find((r) => r.id === v.rule)} />
      ))}
    </>
  );
}

/**
 * @param props `id` of the facility; `afterDelete` moves focus once the editor (and its delete
 * button) goes away, so that it does not drop to <body>
 */
export function FacilityEditor({ id, afterDelete }: { id: string; afterDelete?: () => void }) {
  const { t } = useTranslation();
  const facility = useApp((s) => s.scenario.facilities.find((f) => f.id === id));
  const [name, setName] = useState(facility?.name ?? '');
  const [shownName, setShownName] = useState(facility?.name);
  if (facility && shownName !== facility.name) {
    setShownName(facility.name);
    setName(facility.name);
  }
  if (!facility) return null;
  const update = (patch: FacilityPatch) => dispatch({ type: 'facility/update', id, patch });
  return (
    <section className="facility-editor" aria-labelledby="facility-title" data-testid="facility-editor">
      <DetailHeader titleId="facility-title" level={3}>
        {facility.name}
      </DetailHeader>
      <label className="field">
        <span>{t('facility.name')}</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name !== facility.name && update({ name })}
        />
      </label>
      <label className="field">
        <span>{t('facility.kind')}</span>
        <select
          value={facility.kind}
          onChange={(e) => update({ kind: e.target.value as FacilityKind })}
          data-testid="facility-kind"
        >
          <KindOptions />
        </select>
      </label>
      <NumberField
        label={t('facility.places')}
        value={facility.capacity.places}
        onCommit={(v) => update({ capacity: { places: v } })}
        testId="facility-places"
      />
      <NumberField
        label={t('facility.beds')}
        value={facility.capacity.beds}
        onCommit={(v) => update({ capacity: { beds: v } })}
      />
      <NumberField
        label={t('facility.floorArea')}
        value={facility.capacity.floorArea}
        onCommit={(v) => update({ capacity: { floorArea: v } })}
      />
      <label className="field">
        <span>{t('facility.status')}</span>
        <select
          value={facility.status}
          onChange={(e) => update({ status: e.target.value as Facility['status'] })}
        >
          {(['existing', 'planned', 'proposed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`facilityStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="nudge" role="group" aria-label={t('facility.move', { m: NUDGE_M })}>
        <button
          type="button"
          onClick={() => nudge(facility, 0, 1)}
          aria-label={t('facility.north', { m: NUDGE_M })}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => nudge(facility, -1, 0)}
          aria-label={t('facility.west', { m: NUDGE_M })}
        >
          ←
        </button>
        <button
          type="button"
          onClick={() => nudge(facility, 1, 0)}
          aria-label={t('facility.east', { m: NUDGE_M })}
        >
          →
        </button>
        <button
          type="button"
          onClick={() => nudge(facility, 0, -1)}
          aria-label={t('facility.south', { m: NUDGE_M })}
        >
          ↓
        </button>
      </div>
      <FacilityVerdicts facility={facility} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          dispatch({ type: 'facility/remove', id });
          afterDelete?.();
        }}
        data-testid="facility-delete"
      >
        {t('facility.delete')}
      </button>
    </section>
  );
}
