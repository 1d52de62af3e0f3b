/**
 * Prints the review report (审查意见) of some estates: the same document `lifecircle report` writes,
 * rendered in the worker by the core from what the planner shows, printed through a hidden frame.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import { LONG_TASK_MS } from '../app/runner';
import { printDocument } from '../app/print-document';
import { localDate, reportRequest } from '../app/report-request';
import { useServices } from '../context';

export function ReportButton({
  estateIds,
  label,
  testId,
  disabled = false,
}: {
  /** The estates to report, in report order (read when clicked). */
  estateIds: () => readonly string[];
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { runner } = useServices();
  const ready = useApp((s) => s.results.evaluation !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      // What the worker's sessions hold must be what the page shows: wait for pending edits first.
      await runner.idle();
      const state = appStore.getState();
      const demo = state.scenario.id === 'demo' && state.scenario.synthetic;
      const request = reportRequest(state, estateIds(), {
        date: localDate(new Date()),
        subject: demo ? t('app.demoName') : state.scenario.name || null,
      });
      if (!request) throw new Error(t('report.nothing'));
      const { html } = await runner.exclusive(() =>
        runner.client.send('report/html', request, { timeoutMs: LONG_TASK_MS }),
      );
      await printDocument(html, t('report.frameTitle'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-print">
      <button
        type="button"
        onClick={() => void print()}
        disabled={!ready || busy || disabled}
        aria-busy={busy}
        title={t('report.hint')}
        data-testid={testId}
      >
        {busy ? t('report.busy') : label}
      </button>
      {error && (
        <p className="warn" role="alert">
          {t('report.failed', { message: error })}
        </p>
      )}
    </div>
  );
}
