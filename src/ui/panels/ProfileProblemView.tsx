/** A profile that could not be used, said in Chinese and in English: file, rule, field, and the validator's words. */
import i18n from '../i18n/i18n';
import type { ProfileProblem } from '../app/profile-file';

/** What went wrong: a malformed or unreadable file, or an id that cannot be used. */
export type ProfileFault = { problem: ProfileProblem } | { key: 'builtinId' | 'takenId'; id: string };

export function ProfileProblemView({ fault }: { fault: ProfileFault }) {
  const lines = (['zh', 'en'] as const).map((lng) => {
    const t = i18n.getFixedT(lng);
    if ('key' in fault) return t(`profiles.${fault.key}`, { id: fault.id });
    const { file, rule, field } = fault.problem;
    if (field === null) return t('profiles.notJson', { file });
    const where = rule === null ? '' : t('profiles.invalidRule', { rule });
    return t('profiles.invalid', { file, where, field });
  });
  return (
    <div className="messages warn" role="alert" data-testid="profile-error">
      <p lang="zh-CN">{lines[0]}</p>
      <p lang="en">{lines[1]}</p>
      {'problem' in fault && (
        <p lang="en">
          <code>{fault.problem.detail}</code>
        </p>
      )}
    </div>
  );
}
