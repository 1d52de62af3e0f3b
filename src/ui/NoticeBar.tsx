/** Messages about the engine (worker restarted, save failed) and errors, announced to screen readers. */
import { useTranslation } from 'react-i18next';
import { dispatch, useApp } from '../store/store';

export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useApp((s) => s.results.notice);
  const error = useApp((s) => s.results.error);
  if (!notice && !error) return null;
  return (
    <div className="notices">
      {notice && (
        <div className="notice" role="status" data-testid="notice">
          <span>{t(notice.key, { detail: notice.detail ?? '' })}</span>
          <button
            type="button"
            onClick={() => dispatch({ type: 'results/notice', notice: null })}
            aria-label={t('actions.dismiss')}
          >
            ×
          </button>
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <span>{t('notice.error', { detail: error })}</span>
          <button
            type="button"
            onClick={() => dispatch({ type: 'results/error', error: null })}
            aria-label={t('actions.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
