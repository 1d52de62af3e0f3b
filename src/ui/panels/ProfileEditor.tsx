/**
 * The form of a user profile: id and names, every parameter, and each rule's threshold, applies-to
 * (estate rules), source document, title, line and quote. Saved only when parseRuleProfile accepts it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARAMETER_SPECS, SERVICE_MINUTES_SPEC, type EstateStatus, type RuleProfile } from '../../core';
import { getProfile } from '../../profiles';
import { appStore, dispatch, useApp } from '../../store/store';
import { draftOf, profileFromDraft, type ProfileDraft, type RuleDraft } from '../app/profile-draft';
import { profileProblem } from '../app/profile-file';
import { formatUnit, pickLang } from '../format';
import { ProfileProblemView, type ProfileFault } from './ProfileProblemView';

/** The estate statuses a rule may apply to (the schema's `appliesTo` items). */
const ESTATE_STATUSES: readonly EstateStatus[] = ['new', 'existing'];

/** The part of a rule id after the profile's (stable when the profile is renamed): test ids use it. */
const ruleKey = (id: string) => id.slice(id.indexOf('.') + 1);

export function ProfileEditor({
  base,
  replaces,
  onDone,
}: {
  /** The profile the form starts from (a copy being made, or a user profile). */
  base: RuleProfile;
  /** The id of the user profile edited; absent for a new copy. */
  replaces?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(base));
  const [fault, setFault] = useState<ProfileFault | null>(null);
  const setRule = (k: number, patch: Partial<RuleDraft>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r, i) => (i === k ? { ...r, ...patch } : r)) }));
  const save = () => {
    const id = draft.id.trim();
    if (getProfile(id)) return setFault({ key: 'builtinId', id });
    const others = appStore.getState().scenario.userProfiles.filter((p) => p.id !== replaces);
    if (others.some((p) => p.id === id)) return setFault({ key: 'takenId', id });
    try {
      const profile = profileFromDraft(base, draft);
      dispatch({ type: 'profile/save', profile, ...(replaces === undefined ? {} : { replaces }) });
      onDone();
    } catch (error) {
      const problem = profileProblem(error);
      if (!problem) throw error;
      setFault({ problem });
    }
  };
  const text = (label: string, value: string, onChange: (v: string) => void, testId?: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
  return (
    <form
      className="profile-editor"
      data-testid="profile-editor"
      aria-labelledby="profile-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id="profile-editor-title">{t('profiles.editorTitle')}</h3>
      {text(t('profiles.id'), draft.id, (id) => setDraft((d) => ({ ...d, id })), 'profile-id')}
      {text(t('profiles.nameZh'), draft.nameZh, (nameZh) => setDraft((d) => ({ ...d, nameZh })))}
      {text(t('profiles.nameEn'), draft.nameEn, (nameEn) => setDraft((d) => ({ ...d, nameEn })))}
      <table className="table params">
        <caption>{t('profiles.parameters')}</caption>
        <tbody>
          {Object.entries(draft.parameters).map(([name, value]) => {
            const minutes = name.startsWith('serviceMinutes.');
            const spec = minutes ? SERVICE_MINUTES_SPEC : PARAMETER_SPECS[name];
            return (
              <tr key={name}>
                <th scope="row">
                  <label htmlFor={`profile-param-${name}`}>
                    {minutes
                      ? t('params.serviceMinutes', { kind: t(`kinds.${name.slice(15)}`) })
                      : t(`params.${name}`)}
                  </label>
                </th>
                <td>
                  <input
                    id={`profile-param-${name}`}
                    type="text"
                    inputMode="decimal"
                    value={value}
                    onChange={(e) =>
                      setDraft((d) => ({ ...d, parameters: { ...d.parameters, [name]: e.target.value } }))
                    }
                  />
                </td>
                <td>{spec?.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('profiles.rules')}</h4>
      {base.rules.map((rule, k) => {
        const d = draft.rules[k]!;
        const key = ruleKey(rule.id);
        return (
          <fieldset key={rule.id} className="profile-rule" data-testid={`profile-rule-${key}`}>
            <legend>
              {pickLang(rule.title, lang)} <span className="ref">({key})</span>
            </legend>
            <label className="field">
              <span>
                {t('profiles.threshold')} ({rule.operator} … {formatUnit(rule.unit, lang)})
              </span>
              <input
                type="text"
                inputMode="decimal"
                value={d.threshold}
                onChange={(e) => setRule(k, { threshold: e.target.value })}
                data-testid={`rule-threshold-${key}`}
              />
            </label>
            {rule.scope === 'estate' && (
              <div className="field" role="group" aria-label={t('profiles.appliesTo')}>
                <span>{t('profiles.appliesTo')}</span>
                {ESTATE_STATUSES.map((status) => (
                  <label key={status}>
                    <input
                      type="checkbox"
                      checked={d.appliesTo.includes(status)}
                      onChange={(e) =>
                        setRule(k, {
                          appliesTo: e.target.checked
                            ? ESTATE_STATUSES.filter((s) => s === status || d.appliesTo.includes(s))
                            : d.appliesTo.filter((s) => s !== status),
                        })
                      }
                      data-testid={`rule-applies-${key}-${status}`}
                    />
                    {t(`estateStatus.${status}`)}
                  </label>
                ))}
              </div>
            )}
            {text(t('profiles.document'), d.document, (document) => setRule(k, { document }))}
            {text(t('profiles.docTitle'), d.title, (title) => setRule(k, { title }))}
            {text(t('profiles.line'), d.line, (line) => setRule(k, { line }))}
            <label className="field">
              <span>{t('profiles.quote')}</span>
              <textarea value={d.quote} rows={2} onChange={(e) => setRule(k, { quote: e.target.value })} />
            </label>
          </fieldset>
        );
      })}
      {fault && <ProfileProblemView fault={fault} />}
      <div className="row-controls">
        <button type="submit" data-testid="profile-save">
          {t('profiles.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('profiles.cancel')}
        </button>
      </div>
    </form>
  );
}
