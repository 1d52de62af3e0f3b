/**
 * Rule profile files in Settings: import one, duplicate the current profile and edit the copy, edit,
 * export or delete a user profile. User profiles live in the scenario (autosaved, in the scenario file).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleProfile } from '../../core';
import { getProfile } from '../../profiles';
import { appStore, dispatch } from '../../store/store';
import { download } from '../app/exports';
import { duplicateProfile, profileFileText, profileProblem, readProfileFile } from '../app/profile-file';
import { pickLang } from '../format';
import { useProfile } from '../use-profile';
import { ProfileEditor } from './ProfileEditor';
import { ProfileProblemView, type ProfileFault } from './ProfileProblemView';

export function ProfileFiles() {
  const { t } = useTranslation();
  const { profile, user } = useProfile();
  const [editing, setEditing] = useState<{ base: RuleProfile; replaces?: string } | null>(null);
  const [fault, setFault] = useState<ProfileFault | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const importFile = async (file: File) => {
    setFault(null);
    setImported(null);
    try {
      const read = readProfileFile(await file.text(), file.name);
      if (getProfile(read.id)) return setFault({ key: 'builtinId', id: read.id });
      // A file of a user profile's id replaces it (the edited file, imported again).
      dispatch({ type: 'profile/save', profile: read });
      setImported(pickLang(read.name, appStore.getState().view.lang));
    } catch (error) {
      const problem = profileProblem(error);
      if (!problem) throw error;
      setFault({ problem });
    }
  };
  const duplicate = () => {
    if (!profile) return;
    const taken = appStore.getState().scenario.userProfiles.map((p) => p.id);
    setFault(null);
    setEditing({ base: duplicateProfile(profile, taken) });
  };
  return (
    <section aria-labelledby="profile-files-title" data-testid="profile-files">
      <h3 id="profile-files-title">{t('profiles.title')}</h3>
      <p className="hint">{t('profiles.hint')}</p>
      <label className="field">
        <span>{t('profiles.import')}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="profile-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {imported !== null && (
        <p role="status" data-testid="profile-imported">
          {t('profiles.imported', { name: imported })}
        </p>
      )}
      {fault && <ProfileProblemView fault={fault} />}
      <div className="row-controls">
        <button type="button" onClick={duplicate} disabled={!profile} data-testid="profile-duplicate">
          {t('profiles.duplicate')}
        </button>
        {user && profile && (
          <>
            <button
              type="button"
              onClick={() => setEditing({ base: profile, replaces: profile.id })}
              data-testid="profile-edit"
            >
              {t('profiles.edit')}
            </button>
            <button
              type="button"
              onClick={() => download(profileFileText(profile), `${profile.id}.json`, 'application/json')}
              data-testid="profile-export"
            >
              {t('profiles.export')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => dispatch({ type: 'profile/remove', profileId: profile.id })}
            >
              {t('profiles.remove')}
            </button>
          </>
        )}
      </div>
      {editing && (
        <ProfileEditor
          // A new form for each profile opened: its fields start from that profile.
          key={`${editing.replaces ?? ''}:${editing.base.id}`}
          base={editing.base}
          {...(editing.replaces === undefined ? {} : { replaces: editing.replaces })}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
