/** Over the map: what colours the estates, which facility kind is shown, layers, and the add tool. */
import { useTranslation } from 'react-i18next';
import { dispatch, useApp } from '../store/store';
import type { LayerKey } from '../store/types';
import { KindOptions } from './KindOptions';

const LAYERS: LayerKey[] = ['estates', 'facilities', 'serviceAreas', 'underserved', 'streets', 'districts'];

export function MapToolbar() {
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  return (
    <div className="map-toolbar" role="toolbar" aria-label={t('map.toolbar')}>
      <fieldset className="segmented">
        <legend>{t('map.colourBy')}</legend>
        {(['compliance', 'minutes'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="colour-by"
              checked={view.colourBy === mode}
              onChange={() => dispatch({ type: 'view/set', patch: { colourBy: mode } })}
            />
            {t(`map.colour.${mode}`)}
          </label>
        ))}
      </fieldset>
      <label className="toolbar-field">
        <span>{t('map.kind')}</span>
        <select
          value={view.kind}
          onChange={(e) =>
            dispatch({ type: 'view/set', patch: { kind: e.target.value as typeof view.kind } })
          }
          data-testid="kind-select"
        >
          <KindOptions />
        </select>
      </label>
      <button
        type="button"
        className={view.tool === 'add' ? 'active' : ''}
        aria-pressed={view.tool === 'add'}
        onClick={() => dispatch({ type: 'view/add-tool', kind: view.tool === 'add' ? null : view.kind })}
        title={t('map.enterHint')}
        data-testid="add-facility"
      >
        {view.tool === 'add'
          ? t('map.addActive', { kind: t(`kinds.${view.addKind}`) })
          : t('map.add', { kind: t(`kinds.${view.kind}`) })}
      </button>
      <details className="layer-list">
        <summary>{t('map.layers')}</summary>
        {LAYERS.map((layer) => (
          <label key={layer}>
            <input
              type="checkbox"
              checked={view.layers[layer]}
              onChange={() => dispatch({ type: 'view/toggle-layer', layer })}
            />
            {t(`layers.${layer}`)}
          </label>
        ))}
      </details>
    </div>
  );
}
