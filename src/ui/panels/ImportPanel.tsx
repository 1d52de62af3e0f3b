/**
 * Import: drop or pick a file (GeoJSON, CSV/TSV, Shapefile zip, KML, OSM), say what it is and its
 * coordinate system, review the result, use it. Also saves and opens the whole scenario as GeoJSON.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCrs, type CrsId, type EstateImport, type FacilityImport } from '../../core';
import { scenarioFromGeoJson, scenarioToGeoJson } from '../../store/scenario-file';
import { appStore, dispatch, useApp } from '../../store/store';
import { gaussKrugerGroups, gaussKrugerOptions } from '../app/crs-options';
import { download, geoJsonText } from '../app/exports';
import {
  checkPlacement,
  guessTarget,
  readItems,
  type ImportPlacement,
  type ImportTarget,
} from '../app/import-file';
import { useServices } from '../context';
import { DemoImportChoice } from './DemoImportChoice';
import { ImportReview } from './ImportReview';
import { NewScenarioButton } from './NewScenarioButton';

const CRS_CHOICES = ['auto', 'wgs84', 'gcj02', 'bd09', 'EPSG:4490', 'epsg'] as const;
/** CGCS2000 Gauss–Krüger zones, from the core's tables (listed after the named systems). */
const GK_GROUPS = gaussKrugerGroups();
const GK_CODES: ReadonlySet<string> = new Set(gaussKrugerOptions().map((o) => o.value));
/** A named choice, or one of the Gauss–Krüger zones listed (`EPSG:4548`); 'epsg' is the free-text code. */
type CrsChoice = (typeof CRS_CHOICES)[number] | `EPSG:${number}`;

/** Why reading a file failed: the file, the message, and its Chinese when the error is a localised one. */
interface ReadFailure {
  file: string;
  message: string;
  messageZh: string | null;
}

/** Errors from the core that carry their own Chinese (CrsError, ImportError-like) are localised. */
function failureOf(e: unknown, file: string): ReadFailure {
  const message = e instanceof Error ? e.message : String(e);
  const zh: unknown = typeof e === 'object' && e !== null ? (e as { messageZh?: unknown }).messageZh : null;
  return { file, message, messageZh: typeof zh === 'string' && zh !== '' ? zh : null };
}

/** The CRS a choice stands for: null for the file's own; undefined while the EPSG code typed is incomplete. */
function crsOf(choice: CrsChoice, epsg: string): CrsId | null | undefined {
  if (choice === 'auto') return null;
  try {
    return parseCrs(choice === 'epsg' ? epsg : choice);
  } catch {
    return undefined;
  }
}

export function ImportPanel() {
  const { t } = useTranslation();
  const { runner } = useServices();
  const scenarioName = useApp((s) => s.scenario.name);
  const synthetic = useApp((s) => s.scenario.synthetic);
  const [askDemo, setAskDemo] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  /** The workbook sheet chosen in the review (undefined: the reader's own choice). */
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState<ImportTarget>('estates');
  const [crsChoice, setCrsChoice] = useState<CrsChoice>('auto');
  const [epsg, setEpsg] = useState('');
  /** The CRS the previous file was read in, offered again (never applied silently) to the next file. */
  const [previousCrs, setPreviousCrs] = useState<{ choice: CrsChoice; epsg: string } | null>(null);
  const [fieldMap, setFieldMap] = useState<Record<string, string>>({});
  const [result, setResult] = useState<EstateImport | FacilityImport | null>(null);
  const [placement, setPlacement] = useState<ImportPlacement | null>(null);
  // Only the check of the latest read may show: a slower earlier one must not overwrite it.
  const checkToken = useRef(0);
  const lang = useApp((s) => s.view.lang);
  const [error, setError] = useState<string | ReadFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setResult(null);
    setPlacement(null);
    setError(null);
    setFieldMap({});
    setSheet(undefined);
    // Each file says its own coordinate system: the last file's choice is offered, not carried over.
    setPreviousCrs(crsChoice === 'auto' ? null : { choice: crsChoice, epsg });
    setCrsChoice('auto');
    setTarget(guessTarget(f.name, await f.slice(0, 4096).text()));
  };
  const crs = (): CrsId | null => {
    if (crsChoice === 'auto') return null;
    return parseCrs(crsChoice === 'epsg' ? epsg : crsChoice);
  };
  const run = async (fileName: string, task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(
        e instanceof Error && e.name === 'AbortError' ? t('notice.cancelled') : failureOf(e, fileName),
      );
    } finally {
      setBusy(false);
    }
  };
  const read = (map = fieldMap, crsNow: () => CrsId | null = crs, sheetNow = sheet) =>
    run(file?.name ?? '', async () => {
      if (!file) return;
      if (target === 'network') {
        await runner.loadNetworkFile(new Uint8Array(await file.arrayBuffer()), file.name);
        setFile(null);
      } else if (target === 'scenario') {
        dispatch({
          type: 'scenario/load',
          scenario: scenarioFromGeoJson(JSON.parse(await file.text()), file.name),
        });
        setFile(null);
      } else {
        const items = await readItems(runner, {
          file,
          target,
          crs: crsNow(),
          fieldMap: map,
          ...(sheetNow ? { sheet: sheetNow } : {}),
        });
        setResult(items);
        setPlacement(null);
        const token = ++checkToken.current;
        // Non-blocking: the review shows at once, the warnings when the worker answers.
        checkPlacement(runner, items, appStore.getState().scenario.network?.extent ?? null).then(
          (p) => token === checkToken.current && setPlacement(p),
          // No check (worker restarted, mask unavailable): no warnings rather than a stuck notice.
          () => token === checkToken.current && setPlacement({ total: 0, sea: null, offNetwork: null }),
        );
      }
    });
  /** A new CRS choice re-reads a file under review at once, so its warnings follow the choice. */
  const chooseCrs = (choice: CrsChoice, code: string) => {
    setPreviousCrs(null);
    setCrsChoice(choice);
    setEpsg(code);
    const next = crsOf(choice, code);
    if (result && next !== undefined) void read(fieldMap, () => next);
  };
  /** A suggested CRS is chosen from the list, or typed into the EPSG field when that is in use. */
  const applySuggestedCrs = (suggested: CrsId) =>
    (CRS_CHOICES as readonly string[]).includes(suggested) ||
    (crsChoice !== 'epsg' && GK_CODES.has(suggested))
      ? chooseCrs(suggested as CrsChoice, epsg)
      : chooseCrs('epsg', suggested);
  /** Switching from a listed zone to the free-text field starts it with that zone's code. */
  const selectCrs = (choice: CrsChoice) =>
    chooseCrs(
      choice,
      choice === 'epsg' && epsg.trim() === '' && crsChoice.startsWith('EPSG:') ? crsChoice : epsg,
    );
  /** A choice as the list names it (a typed EPSG code as typed). */
  const crsLabel = (choice: CrsChoice, code: string) =>
    choice === 'epsg'
      ? code
      : (CRS_CHOICES as readonly string[]).includes(choice)
        ? t(`import.crsChoices.${choice.replace(':', '')}`)
        : choice;
  const errorText =
    error === null || typeof error === 'string'
      ? { summary: error, detail: null }
      : {
          summary: t('import.failed', { file: error.file }),
          // A localised error's own text in the UI language; any other error's raw message as is.
          detail: lang === 'zh' && error.messageZh !== null ? error.messageZh : error.message,
        };
  const accept = (mode: 'replace' | 'append', demo?: 'keep' | 'drop') => {
    if (!result || !file) return;
    if ('estates' in result && synthetic && demo === undefined) return setAskDemo(true);
    if ('estates' in result)
      dispatch({
        type: 'estates/replace',
        estates: result.estates,
        name: file.name,
        ...(demo ? { demo } : {}),
      });
    else dispatch({ type: 'facilities/replace', facilities: result.facilities, mode });
    setResult(null);
    setPlacement(null);
    setFile(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void choose(e.dataTransfer.files[0]);
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <label className="dropzone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <span>{file ? file.name : t('import.drop')}</span>
        <input
          type="file"
          accept=".geojson,.json,.csv,.tsv,.txt,.zip,.kml,.osm,.pbf,.gz"
          onChange={(e) => void choose(e.target.files?.[0])}
          data-testid="import-file"
        />
      </label>
      {file && (
        <div className="import-options">
          <label className="field">
            <span>{t('import.target')}</span>
            <select
              value={target}
              onChange={(e) => setTarget(e.target.value as ImportTarget)}
              data-testid="import-target"
            >
              {(['estates', 'facilities', 'network', 'scenario'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`import.targets.${x}`)}
                </option>
              ))}
            </select>
          </label>
          {(target === 'estates' || target === 'facilities') && (
            <label className="field">
              <span>{t('import.crs')}</span>
              <select
                value={crsChoice}
                onChange={(e) => selectCrs(e.target.value as CrsChoice)}
                data-testid="import-crs"
              >
                {CRS_CHOICES.filter((c) => c !== 'epsg').map((c) => (
                  <option key={c} value={c}>
                    {t(`import.crsChoices.${c.replace(':', '')}`)}
                  </option>
                ))}
                {GK_GROUPS.map((g) => (
                  <optgroup key={g.labelKey} label={t(g.labelKey)}>
                    {g.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {t(o.labelKey, o.labelValues)}
                      </option>
                    ))}
                  </optgroup>
                ))}
                <option value="epsg">{t('import.crsChoices.epsg')}</option>
              </select>
            </label>
          )}
          {previousCrs && (target === 'estates' || target === 'facilities') && (
            <p className="hint" data-testid="import-previous-crs">
              {t('import.previousCrs', { crs: crsLabel(previousCrs.choice, previousCrs.epsg) })}{' '}
              <button
                type="button"
                onClick={() => chooseCrs(previousCrs.choice, previousCrs.epsg)}
                data-testid="import-previous-crs-use"
              >
                {t('import.previousCrsUse', { crs: crsLabel(previousCrs.choice, previousCrs.epsg) })}
              </button>
            </p>
          )}
          {crsChoice === 'epsg' && (
            <label className="field">
              <span>{t('import.epsg')}</span>
              <input
                value={epsg}
                onChange={(e) => chooseCrs('epsg', e.target.value)}
                placeholder="EPSG:4547"
                data-testid="import-epsg"
              />
            </label>
          )}
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void read()}
            data-testid="import-read"
          >
            {t(`import.read.${target}`)}
          </button>
        </div>
      )}
      {errorText.summary && (
        <p className="hint warn" role="alert" data-testid="import-error">
          {errorText.summary}
          {errorText.detail && ` ${errorText.detail}`}
        </p>
      )}
      {askDemo && (
        <DemoImportChoice
          onChoose={(demo) => {
            setAskDemo(false);
            if (demo) accept('replace', demo);
          }}
        />
      )}
      {result && file && !askDemo && (
        <ImportReview
          fileName={file.name}
          result={result}
          placement={placement}
          onUseCrs={applySuggestedCrs}
          fieldMap={fieldMap}
          onFieldMap={setFieldMap}
          onReread={() => void read(fieldMap)}
          onSheet={(name) => {
            setSheet(name);
            setFieldMap({});
            void read({}, crs, name);
          }}
          onAccept={accept}
          onCancel={() => {
            setResult(null);
            setPlacement(null);
          }}
        />
      )}
      <h3>{t('import.scenarioTitle')}</h3>
      <p className="hint">{t('import.scenarioHint')}</p>
      <NewScenarioButton />
      <button
        type="button"
        onClick={() =>
          download(
            geoJsonText(scenarioToGeoJson(appStore.getState().scenario)),
            `${scenarioName || 'scenario'}.lifecircle.geojson`,
            'application/geo+json',
          )
        }
        data-testid="scenario-export"
      >
        {t('import.exportScenario')}
      </button>
    </section>
  );
}
