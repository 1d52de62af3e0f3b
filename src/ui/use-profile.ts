/** The scenario's rule profile (a user profile or a built-in one) for components, with its name as shown. */
import { useTranslation } from 'react-i18next';
import type { RuleProfile } from '../core';
import { isUserProfile, scenarioProfile } from '../store/scenario-profile';
import { useApp } from '../store/store';
import { pickLang } from './format';

/**
 * @param id the profile wanted (default: the scenario's)
 * @returns the profile, whether it is a user profile, and its name in the UI language — a user
 *   profile's name carries “（自定义规则 / user profile）” wherever it is shown
 * @example const { profile, label } = useProfile();
 */
export function useProfile(id?: string): { profile: RuleProfile | undefined; user: boolean; label: string } {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const profile = useApp((s) => scenarioProfile(s.scenario, id));
  const user = useApp((s) => isUserProfile(s.scenario, id));
  const name = pickLang(profile?.name, lang);
  return { profile, user, label: user ? t('profiles.userLabel', { name }) : name };
}
