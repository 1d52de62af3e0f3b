/** Progress of long work (parsing, building the network) with a Cancel button. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/store';
import { useServices } from './context';

export function JobBar() {
  const { t } = useTranslation();
  const jobs = useApp((s) => s.results.jobs);
  const { runner } = useServices();
  if (jobs.length === 0) return null;
  return (
    <div className="jobs" aria-live="polite">
      {jobs.map((job) => (
        <div className="job" key={job.id} data-testid="job">
          <span>{t(job.label)}</span>
          <progress
            max={1}
            {...(job.progress === null ? {} : { value: job.progress })}
            aria-label={t(job.label)}
          />
          <button type="button" onClick={() => runner.jobs.cancel(job.id)}>
            {t('actions.cancel')}
          </button>
        </div>
      ))}
    </div>
  );
}
