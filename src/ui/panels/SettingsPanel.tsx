/** The rule profile and its parameters (editable, with defaults), default estate status, base map, reset. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PARAMETER_NAMES,
  PARAMETER_SPECS,
  SERVICE_MINUTES_SPEC,
  type EstateStatus,
  type FacilityKind,
  type RuleProfile,
} from '../../core';
import { dispatch, useApp } from '../../store/store';
import { demoScenario } from '../app/demo';
import { clearSaved, errorText, saveStyleUrl } from '../app/persist';
import { useServices } from '../context';
import { formatNumber, pickLang } from '../format';
import { useProfile } from '../use-profile';
import { ProfileFiles } from './ProfileFiles';
import { Citation } from './VerdictCard';

function defaultOf(profile: RuleProfile | undefined, name: string): number | undefined {
  const p = profile?.parameters;
  if (!p) return undefined;
  if (name.startsWith('serviceMinutes.'))
    return p.serviceMinutes[name.slice('serviceMinutes.'.length) as FacilityKind];
  const v = p[name];
  return typeof v === 'number' ? v : undefined;
}

function ParameterRow({
  name,
  profile,
  value,
}: {
  name: string;
  profile: RuleProfile | undefined;
  value: number | undefined;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value === undefined ? '' : String(value));
  }
  const spec = name.startsWith('serviceMinutes.') ? SERVICE_MINUTES_SPEC : PARAMETER_SPECS[name];
  const fallback = defaultOf(profile, name);
  const commit = () => {
    const v = text.trim() === '' ? null : Number(text);
    dispatch({ type: 'parameter/set', name, value: v === fallback ? null : v });
  };
  const label = name.startsWith('serviceMinutes.')
    ? t('params.serviceMinutes', { kind: t(`kinds.${name.slice(15)}`) })
    : t(`params.${name}`);
  return (
    <tr>
      <th scope="row">
        <label htmlFor={`param-${name}`}>{label}</label>
      </th>
      <td>
        <input
          id={`param-${name}`}
          type="number"
          step="any"
          min={spec?.min}
          max={spec?.max}
          value={text}
          placeholder={fallback === undefined ? '' : String(fallback)}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </td>
      <td>
        {t('params.default', { value: formatNumber(fallback, lang, 3) })} {spec?.unit}
      </td>
    </tr>
  );
}

const NO_ERRORS: readonly string[] = [];

export function SettingsPanel() {
  const { t } = useTranslation();
  const { runner, flushSave } = useServices();
  const lang = useApp((s) => s.view.lang);
  const profileId = useApp((s) => s.scenario.profileId);
  const overrides = useApp((s) => s.scenario.overrides);
  const defaultStatus = useApp((s) => s.scenario.defaultStatus);
  const errorsEn = useApp((s) => s.results.evaluation?.parameterErrors ?? NO_ERRORS);
  const errorsZh = useApp((s) => s.results.evaluation?.parameterErrorsZh);
  // The core gives each rejected override in both languages; English when no Chinese came with them.
  const errors = lang === 'zh' && errorsZh?.length === errorsEn.length ? errorsZh : errorsEn;
  const styleUrl = useApp((s) => s.view.styleUrl);
  const [url, setUrl] = useState(styleUrl);
  const { profile, label: profileLabel } = useProfile();
  const resetDemo = async () => {
    await clearSaved();
    dispatch({ type: 'scenario/load', scenario: await demoScenario(runner, lang) });
  };
  // The page's Content-Security-Policy allows the base map's hosts from the start only
  // (install-policy.ts): save the new URL with the scenario, then reload to get the new policy.
  const applyStyle = async () => {
    const next = url.trim();
    if (next === styleUrl) return;
    try {
      await flushSave();
      await saveStyleUrl(next);
      // Without `?scenario=demo`, which would open a fresh demo instead of what was just saved.
      const page = new URL(window.location.href);
      page.searchParams.delete('scenario');
      window.location.replace(page.href);
    } catch (error) {
      dispatch({ type: 'results/notice', notice: { key: 'notice.saveFailed', detail: errorText(error) } });
    }
  };
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>
        <strong>{profileLabel}</strong> · {pickLang(profile?.jurisdiction, lang)}
      </p>
      <table className="table params" data-testid="parameters">
        <caption>{t('settings.parameters')}</caption>
        <tbody>
          {PARAMETER_NAMES.map((name) => (
            <ParameterRow
              // A user profile's edit changes its defaults: the rows start again from them.
              key={`${profileId}-${name}-${defaultOf(profile, name) ?? ''}`}
              name={name}
              profile={profile}
              value={overrides[name] ?? defaultOf(profile, name)}
            />
          ))}
        </tbody>
      </table>
      {errors.length > 0 && (
        <ul className="messages warn" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {profile && Object.keys(profile.parameterSources).length > 0 && (
        <details>
          <summary>{t('settings.parameterSources')}</summary>
          {Object.entries(profile.parameterSources).map(([name, source]) => (
            <div key={name}>
              <h4>{t(`params.${name}`, { defaultValue: name })}</h4>
              <Citation source={source} />
            </div>
          ))}
        </details>
      )}
      <ProfileFiles />
      <label className="field">
        <span>{t('settings.defaultStatus')}</span>
        <select
          value={defaultStatus ?? ''}
          onChange={(e) =>
            dispatch({ type: 'status/default', status: (e.target.value || null) as EstateStatus | null })
          }
        >
          <option value="">{t('settings.statusNone')}</option>
          <option value="new">{t('estateStatus.new')}</option>
          <option value="existing">{t('estateStatus.existing')}</option>
        </select>
      </label>
      <h3>{t('settings.basemap')}</h3>
      <p className="hint">{t('settings.basemapHint')}</p>
      <p className="hint">{t('settings.styleReload')}</p>
      <form
        className="row-controls"
        data-testid="style-form"
        onSubmit={(e) => {
          e.preventDefault();
          void applyStyle();
        }}
      >
        <label className="field">
          <span>{t('settings.styleUrl')}</span>
          <input
            type="text"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
          />
        </label>
        <button type="submit">{t('settings.apply')}</button>
      </form>
      <h3>{t('settings.reset')}</h3>
      <button type="button" className="danger" onClick={() => void resetDemo()}>
        {t('settings.resetDemo')}
      </button>
    </section>
  );
}
