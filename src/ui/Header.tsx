/** Title, scenario name with the synthetic-data badge, profile, undo/redo and the language switch. */
import { useTranslation } from 'react-i18next';
import { BUILTIN_PROFILES } from '../profiles';
import { dispatch, useApp } from '../store/store';
import { pickLang } from './format';
import { PublishButton } from './PublishButton';
import { setLanguage } from './i18n/i18n';

export function Header() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const name = useApp((s) => (s.scenario.id === 'demo' && s.scenario.synthetic ? null : s.scenario.name));
  const synthetic = useApp((s) => s.scenario.synthetic);
  const profileId = useApp((s) => s.scenario.profileId);
  const userProfiles = useApp((s) => s.scenario.userProfiles);
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    setLanguage(next);
    dispatch({ type: 'view/set', patch: { lang: next } });
  };
  return (
    <header className="header">
      <h1 className="brand">
        {t('app.title')} <span className="brand-sub">{t('app.subtitle')}</span>
      </h1>
      <div className="scenario-name" data-testid="scenario-name">
        <span>{name ?? t('app.demoName')}</span>
        {synthetic && (
          <span
            className="badge badge-synthetic"
            title={t('app.syntheticHint')}
            data-testid="synthetic-badge"
          >
            示例数据 (synthetic)
          </span>
        )}
      </div>
      <label className="header-field">
        <span>{t('settings.profile')}</span>
        <select
          value={profileId}
          onChange={(e) => dispatch({ type: 'profile/set', profileId: e.target.value })}
          data-testid="profile-select"
        >
          <optgroup label={t('profiles.builtinGroup')}>
            {BUILTIN_PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {pickLang(p.name, lang)}
              </option>
            ))}
          </optgroup>
          {userProfiles.length > 0 && (
            <optgroup label={t('profiles.userGroup')} data-testid="user-profiles">
              {userProfiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('profiles.userLabel', { name: pickLang(p.name, lang) })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <div className="header-actions">
        <button
          type="button"
          onClick={() => dispatch({ type: 'history/undo' })}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          title={t('actions.undoHint')}
        >
          {t('actions.undo')}
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: 'history/redo' })}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
          title={t('actions.redoHint')}
        >
          {t('actions.redo')}
        </button>
        <PublishButton />
        <button type="button" onClick={() => window.print()}>
          {t('actions.print')}
        </button>
        <button
          type="button"
          onClick={switchLang}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          data-testid="lang-switch"
          // The accessible name starts with the visible word (WCAG 2.5.3, label in name).
          aria-label={`${lang === 'zh' ? 'English' : '中文'}: ${t('actions.switchLanguage')}`}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </div>
    </header>
  );
}
