/**
 * 建议选址 / Suggest sites: kind, how many sites (or cover everyone), model, capacity and candidates;
 * Run with progress and Cancel (the job bar's); the proposal follows in ProposalTable.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateFile, SitingChoice, SitingModel } from '../../store/siting-types';
import { estateDistricts } from '../../store/estate-districts';
import { jointPartner } from '../../store/joint-partner';
import { appStore, useApp } from '../../store/store';
import { readCandidateFile } from '../app/read-candidate-file';
import { suggestSites } from '../app/suggest-sites';
import { useServices } from '../context';
import { KindOptions } from '../KindOptions';
import { ProposalTable } from './ProposalTable';

const MODELS: SitingModel[] = ['mclp', 'lscp', 'capacitated'];
const SITING_JOB = 'jobs.siting';

export function SuggestSites() {
  const { t } = useTranslation();
  const { runner } = useServices();
  const viewKind = useApp((s) => s.view.kind);
  const job = useApp((s) => s.results.jobs.find((j) => j.label === SITING_JOB) ?? null);
  const hasNetwork = useApp((s) => s.scenario.network !== null);
  const [choice, setChoice] = useState<SitingChoice>({
    kind: viewKind,
    model: 'mclp',
    count: 3,
    capacity: 60,
    candidates: 'auto',
    weight: 1,
    joint: null,
    district: null,
  });
  const [file, setFile] = useState<CandidateFile | null>(null);
  const lang = useApp((s) => s.view.lang);
  const [running, setRunning] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [ranCapacity, setRanCapacity] = useState<number | null>(null);
  const estates = useApp((s) => s.scenario.estates);
  const districts = useMemo(() => estateDistricts(estates), [estates]);
  const set = (patch: Partial<SitingChoice>) =>
    setChoice((c) => {
      const next = { ...c, ...patch };
      // The joint kind follows the main one's category (一老一小: always the other category).
      return next.joint ? { ...next, joint: { ...next.joint, kind: jointPartner(next.kind) } } : next;
    });
  const run = async () => {
    setRunning(true);
    setCancelled(false);
    setRanCapacity(choice.model === 'capacitated' ? choice.capacity : null);
    const done = await suggestSites(runner, appStore, choice, file);
    setRunning(false);
    setCancelled(!done && appStore.getState().results.siting !== null);
  };
  return (
    <section aria-labelledby="siting-title" className="siting" data-testid="siting">
      <h3 id="siting-title">{t('siting.title')}</h3>
      <p className="hint">{t('siting.hint')}</p>
      <div>
        <label className="field">
          {t('siting.kind')}
          <select
            data-testid="siting-kind"
            value={choice.kind}
            onChange={(e) => set({ kind: e.target.value as SitingChoice['kind'] })}
          >
            <KindOptions />
          </select>
        </label>
        <label className="field">
          {t('siting.model')}
          <select
            data-testid="siting-model"
            value={choice.model}
            onChange={(e) => set({ model: e.target.value as SitingModel })}
          >
            {MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`siting.models.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {choice.model !== 'lscp' && (
          <label className="field">
            {t('siting.count')}
            <input
              data-testid="siting-count"
              type="number"
              min={1}
              max={200}
              step={1}
              value={choice.count}
              onChange={(e) => set({ count: Math.max(1, Math.round(Number(e.target.value) || 1)) })}
            />
          </label>
        )}
        {choice.model === 'capacitated' && (
          <label className="field">
            {t('siting.capacity')}
            <input
              data-testid="siting-capacity"
              type="number"
              min={1}
              value={choice.capacity ?? ''}
              onChange={(e) => set({ capacity: Number(e.target.value) > 0 ? Number(e.target.value) : null })}
            />
          </label>
        )}
        <label className="field">
          {t('siting.candidates')}
          <select
            data-testid="siting-candidates"
            value={choice.candidates}
            onChange={(e) => set({ candidates: e.target.value as SitingChoice['candidates'] })}
          >
            <option value="auto">{t('siting.candidateSources.auto')}</option>
            <option value="drawn">{t('siting.candidateSources.drawn')}</option>
            <option value="file">{t('siting.candidateSources.file')}</option>
          </select>
        </label>
        {choice.candidates === 'file' && (
          <input
            data-testid="siting-file"
            type="file"
            accept=".csv,.tsv,.txt,.geojson,.json,.xlsx,.kml,.zip"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void readCandidateFile(runner, f, choice.kind).then(setFile);
            }}
          />
        )}
      </div>
      <div>
        <label className="field">
          <input
            data-testid="siting-joint"
            type="checkbox"
            disabled={choice.model === 'capacitated'}
            checked={choice.joint !== null && choice.model !== 'capacitated'}
            onChange={(e) =>
              set({ joint: e.target.checked ? { kind: jointPartner(choice.kind), weight: 1 } : null })
            }
          />
          {t('siting.jointAlso', { kind: t(`kinds.${jointPartner(choice.kind)}`) })}
        </label>
        {choice.model === 'capacitated' && <small className="hint">{t('siting.jointCapacitated')}</small>}
        {choice.joint && choice.model !== 'capacitated' && (
          <>
            <label className="field">
              {t('siting.weightOf', { kind: t(`kinds.${choice.kind}`) })}
              <input
                data-testid="siting-weight"
                type="number"
                min={0}
                step={0.1}
                value={choice.weight}
                onChange={(e) => set({ weight: Math.max(0, Number(e.target.value) || 0) })}
              />
            </label>
            <label className="field">
              {t('siting.weightOf', { kind: t(`kinds.${choice.joint.kind}`) })}
              <input
                data-testid="siting-joint-weight"
                type="number"
                min={0}
                step={0.1}
                value={choice.joint.weight}
                onChange={(e) =>
                  set({ joint: { ...choice.joint!, weight: Math.max(0, Number(e.target.value) || 0) } })
                }
              />
            </label>
          </>
        )}
        {choice.candidates === 'auto' && districts.length > 0 && (
          <label className="field">
            {t('siting.district')}
            <select
              data-testid="siting-district"
              value={choice.district ?? ''}
              onChange={(e) => set({ district: e.target.value || null })}
            >
              <option value="">{t('siting.allDistricts')}</option>
              {districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {choice.candidates === 'drawn' && <p className="hint">{t('siting.drawnHint')}</p>}
      {choice.candidates === 'file' && file && (
        <div data-testid="siting-file-report">
          <p className="hint">
            {t('siting.fileRead', { file: file.fileName, count: file.candidates.length })}
          </p>
          {file.errors.length > 0 && (
            <ul className="messages warn" data-testid="siting-file-errors">
              <li>{t('siting.fileRejected', { file: file.fileName, count: file.errors.length })}</li>
              {file.errors.map((e) => (
                <li key={`${e.row}-${e.field ?? ''}`} data-testid="siting-file-error" data-row={e.row}>
                  {e.file} · {e.row} · {e.field ?? '—'} · {lang === 'zh' ? e.messageZh : e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!hasNetwork && <p className="hint warn">{t('siting.needsNetwork')}</p>}
      <div className="row-controls">
        <button
          type="button"
          data-testid="siting-run"
          disabled={
            running ||
            !hasNetwork ||
            (choice.model === 'capacitated' && !choice.capacity) ||
            (choice.candidates === 'file' && !file?.candidates.length)
          }
          onClick={() => void run()}
        >
          {t('siting.run')}
        </button>
        {running && job && (
          <button type="button" data-testid="siting-cancel" onClick={() => runner.jobs.cancel(job.id)}>
            {t('actions.cancel')}
          </button>
        )}
        {running && (
          <span role="status" data-testid="siting-status">
            {job?.phase ? t(`jobs.phase.${job.phase}`, { defaultValue: job.phase }) : t('siting.running')}
            {job?.progress != null && ` ${Math.floor(job.progress * 100)}%`}
          </span>
        )}
      </div>
      {cancelled && <p className="hint warn">{t('siting.cancelled')}</p>}
      <ProposalTable running={running} capacity={ranCapacity} />
    </section>
  );
}
