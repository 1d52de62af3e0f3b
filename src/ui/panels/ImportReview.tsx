/**
 * The result of reading a file: the field mapping it used (editable), a preview, the rejected rows
 * (downloadable) and warnings, and the button that puts the items into the scenario.
 */
import { useTranslation } from 'react-i18next';
import type { CrsId, EstateImport, FacilityImport } from '../../core';
import { useApp } from '../../store/store';
import { download, toCsv } from '../app/exports';
import { shownHeader, withOverride } from '../app/field-overrides';
import { rejectedTable, shareOutside, type ImportPlacement } from '../app/import-file';
import { plannerMessages } from '../app/import-hints';
import i18n from '../i18n/i18n';
import { formatNumber, formatPct } from '../format';

export interface ImportReviewProps {
  fileName: string;
  result: EstateImport | FacilityImport;
  /** Where the points landed (sea, network); null while the worker checks. */
  placement: ImportPlacement | null;
  /** Re-read the file in another CRS (the one the sea check suggests). */
  onUseCrs(crs: CrsId): void;
  fieldMap: Record<string, string>;
  onFieldMap(map: Record<string, string>): void;
  onReread(): void;
  /** Re-read an Excel workbook from another of its sheets. */
  onSheet(sheet: string): void;
  onAccept(mode: 'replace' | 'append'): void;
  onCancel(): void;
}

const PREVIEW_ROWS = 5;
const ERROR_ROWS = 50;
/** Rows named in a placement warning; the count says how many there are in all. */
const WARNING_ROWS = 10;

export function ImportReview({
  fileName,
  result,
  placement,
  onUseCrs,
  fieldMap,
  onFieldMap,
  onReread,
  onSheet,
  onAccept,
  onCancel,
}: ImportReviewProps) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.view.lang);
  const bounds = useApp((s) => s.scenario.bounds);
  const hasNetwork = useApp((s) => s.scenario.network !== null);
  const networkName = useApp((s) => s.scenario.network?.fileName ?? null);
  const extent = useApp((s) => s.scenario.network?.extent ?? null);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, lang, d);
  const isEstates = 'estates' in result;
  const items: { name: string; location: readonly [number, number] | null; figure: number | null }[] =
    isEstates
      ? result.estates.map((e) => ({ name: e.name, location: e.location, figure: e.households }))
      : result.facilities.map((f) => ({
          name: f.name,
          location: f.location,
          figure: f.capacity.places ?? f.capacity.beds ?? f.capacity.floorArea,
        }));
  const rowsText = (rows: number[]) =>
    t('import.rowsListed', {
      rows: rows.slice(0, WARNING_ROWS).join(', '),
      more: rows.length > WARNING_ROWS ? t('import.rowsMore', { n: n(rows.length) }) : '',
    });
  const sea = placement?.sea && placement.sea.rows.length > 0 ? placement.sea : null;
  // Beyond the network's end (not a CRS doubt) apart from those within its extent but far from streets.
  const beyond = new Set(placement?.offNetwork?.outsideExtent ?? []);
  const offRows = placement?.offNetwork?.rows.filter((r) => !beyond.has(r)) ?? [];
  const offNetwork = placement?.offNetwork && offRows.length > 0 ? placement.offNetwork : null;
  // The bounding-box share is the fallback until (or unless) the worker's snap check answers.
  const outside =
    hasNetwork && !placement?.offNetwork
      ? shareOutside(
          items.map((i) => ({ location: i.location as never })),
          extent ?? bounds,
        )
      : null;
  // The core's hints (a column to name, another CRS) in the planner's words: never a command-line flag.
  const translators = { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh') };
  const message = (m: Parameters<typeof plannerMessages>[0]) => {
    const said = plannerMessages(m, translators);
    return lang === 'zh' ? said.messageZh : said.message;
  };
  return (
    <section className="import-review" aria-labelledby="review-title" data-testid="import-review">
      <h3 id="review-title">{t('import.review', { file: fileName })}</h3>
      <p data-testid="import-counts">
        {t('import.counts', {
          rows: n(result.rowCount),
          ok: n(items.length),
          rejected: n(result.errors.length),
          crs: result.crs,
          encoding: result.encoding ?? '—',
        })}
      </p>
      {result.workbook && (
        <p className="field-row" data-testid="import-workbook">
          <label>
            {t('import.sheet')}{' '}
            <select
              value={result.workbook.sheet}
              onChange={(e) => onSheet(e.target.value)}
              data-testid="import-sheet"
            >
              {result.workbook.sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>{' '}
          {result.workbook.headerRow > 0 && (
            <span className="hint">{t('import.headerRow', { row: result.workbook.headerRow })}</span>
          )}
        </p>
      )}
      {outside !== null && outside > 0.2 && (
        <p className="hint warn" role="alert">
          {t('import.outside', { pct: formatPct(outside * 100, lang) })}
        </p>
      )}
      {placement === null && items.length > 0 && (
        <p className="hint" data-testid="import-checking">
          {t('import.checking')}
        </p>
      )}
      {sea && placement && (
        <div className="hint warn" role="alert" data-testid="import-sea-warning">
          <p>
            {t('import.seaWarning', {
              n: n(sea.rows.length),
              total: n(placement.total),
              km: n(sea.toleranceM / 1000),
            })}
          </p>
          <p>{rowsText(sea.rows)}</p>
          {sea.suggestion && (
            <p>
              {t('import.seaFix', {
                crs: sea.suggestion.crs,
                pct: formatPct((1 - sea.suggestion.seaShare) * 100, lang),
              })}{' '}
              <button
                type="button"
                onClick={() => onUseCrs(sea.suggestion!.crs)}
                data-testid="import-use-suggested-crs"
              >
                {t('import.useCrs', { crs: sea.suggestion.crs })}
              </button>
            </p>
          )}
        </div>
      )}
      {beyond.size > 0 && placement && (
        <div className="hint" role="status" data-testid="import-extent-warning" data-count={beyond.size}>
          <p>
            {t('import.outsideExtent', {
              n: n(beyond.size),
              total: n(placement.total),
              network: networkName ?? '',
            })}
          </p>
          <p>{rowsText([...beyond])}</p>
        </div>
      )}
      {offNetwork && placement && (
        <div className="hint warn" role="alert" data-testid="import-network-warning">
          <p>
            {t(beyond.size > 0 ? 'import.offNetworkInside' : 'import.offNetwork', {
              n: n(offRows.length),
              total: n(placement.total),
              m: n(offNetwork.maxSnapM),
            })}
          </p>
          <p>{rowsText(offRows)}</p>
        </div>
      )}
      <details open={result.fatal || items.length === 0}>
        <summary>{t('import.mapping')}</summary>
        <table className="table">
          <tbody>
            {Object.entries(result.mapping).map(([field, header]) => (
              <tr key={field}>
                <th scope="row">{t(`fields.${field}`, { defaultValue: field })}</th>
                <td>
                  <select
                    aria-label={t(`fields.${field}`, { defaultValue: field })}
                    value={shownHeader(fieldMap, field, header)}
                    // “None” is stored as an explicit '' so the next read leaves the field unmapped.
                    onChange={(e) => onFieldMap(withOverride(fieldMap, field, e.target.value))}
                  >
                    <option value="">{t('import.none')}</option>
                    {result.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onReread}>
          {t('import.reread')}
        </button>
      </details>
      <table className="table">
        <caption>{t('import.preview')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('estate.name')}</th>
            <th scope="col">{isEstates ? t('estate.households') : t('facility.capacity')}</th>
            <th scope="col">{t('import.lngLat')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, PREVIEW_ROWS).map((item, k) => (
            <tr key={k}>
              <td>{item.name}</td>
              <td>{n(item.figure)}</td>
              <td>
                {item.location ? `${item.location[0].toFixed(5)}, ${item.location[1].toFixed(5)}` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.warnings.length > 0 && (
        <details>
          <summary>{t('import.warnings', { count: result.warnings.length })}</summary>
          <ul className="messages">
            {result.warnings.map((w, k) => (
              <li key={k}>{message(w)}</li>
            ))}
          </ul>
        </details>
      )}
      {result.errors.length > 0 && (
        <details data-testid="rejected-rows" open={result.fatal}>
          <summary>{t('import.rejected', { count: result.errors.length })}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, ERROR_ROWS).map((e, k) => (
                <tr key={k}>
                  <td>{e.row}</td>
                  <td>{e.field ?? '—'}</td>
                  <td>{message(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              download(
                toCsv(rejectedTable(result.errors, translators)),
                `${fileName}-rejected.csv`,
                'text/csv',
              )
            }
          >
            {t('import.downloadRejected')}
          </button>
        </details>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={items.length === 0}
          onClick={() => onAccept('replace')}
          data-testid="import-accept"
        >
          {t(isEstates ? 'import.useEstates' : 'import.useFacilities', { count: items.length })}
        </button>
        {!isEstates && (
          <button type="button" disabled={items.length === 0} onClick={() => onAccept('append')}>
            {t('import.appendFacilities')}
          </button>
        )}
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t('actions.cancel')}
        </button>
      </div>
    </section>
  );
}
