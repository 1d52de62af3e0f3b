/** 新建方案: starts an empty scenario (no demo estates, facilities, districts or network); undo returns. */
import { useTranslation } from 'react-i18next';
import { dispatch } from '../../store/store';

/**
 * The button that starts a new, empty scenario under the current profile.
 * @returns a button
 * @example <NewScenarioButton />
 */
export function NewScenarioButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() =>
        dispatch({
          type: 'scenario/new',
          id: `scenario-${Date.now().toString(36)}`,
          name: t('import.newName'),
        })
      }
      data-testid="scenario-new"
    >
      {t('import.newScenario')}
    </button>
  );
}
