/**
 * Asked when estates are imported into the synthetic demo: keep the demo's facilities and districts, or
 * drop them. Nothing is kept silently (#12); the choice is one undoable edit.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The question, with its answers.
 * @param props.onChoose called with `keep`, `drop`, or null when the import is cancelled
 * @returns an inline alert dialog that takes focus
 * @example <DemoImportChoice onChoose={(d) => d && accept('replace', d)} />
 */
export function DemoImportChoice({ onChoose }: { onChoose: (demo: 'keep' | 'drop' | null) => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="demo-choice-title"
      aria-describedby="demo-choice-text"
      className="import-review"
      data-testid="demo-choice"
    >
      <h3 id="demo-choice-title">{t('import.demoChoice.title')}</h3>
      <p id="demo-choice-text">{t('import.demoChoice.text')}</p>
      <div className="import-actions">
        <button
          ref={first}
          type="button"
          className="primary"
          onClick={() => onChoose('drop')}
          data-testid="demo-drop"
        >
          {t('import.demoChoice.drop')}
        </button>
        <button type="button" onClick={() => onChoose('keep')} data-testid="demo-keep">
          {t('import.demoChoice.keep')}
        </button>
        <button type="button" onClick={() => onChoose(null)} data-testid="demo-cancel">
          {t('import.demoChoice.cancel')}
        </button>
      </div>
    </div>
  );
}
