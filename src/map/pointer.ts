/**
 * Pointer and keyboard on the map: click to select (or to add with the add tool), hover card and
 * hover state, selection state, dragging facilities, Enter to add at the centre. Feature-state
 * only: no source data changes for hover or selection.
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { AppStoreApi } from '../store/store';
import type { Selection } from '../store/types';
import type { FacilityDrag } from './facility-drag';
import { HoverCard } from './hover-card';
import type { SourceId } from './layers';

/** Top to bottom: an estate or facility wins over the underserved zone it lies in. */
const INTERACTIVE = ['facilities-circle', 'estates-point', 'estates-fill', 'underserved-fill'];
type Hit = { source: SourceId; id: string };
/** What the hover card describes: an estate, a facility, or an underserved zone (by its number). */
export type HoverTarget = 'estate' | 'facility' | 'zone';

export interface PointerOptions {
  onAdd(location: [number, number]): void;
  describe(layer: HoverTarget, id: string): string[];
}

const targetOf = (source: SourceId): HoverTarget =>
  source === 'facilities' ? 'facility' : source === 'underserved' ? 'zone' : 'estate';

export class Pointer {
  private readonly card: HoverCard;
  private readonly crosshair: HTMLDivElement;
  private selected: Selection = null;
  private hovered: Hit | null = null;
  private installed = false;

  constructor(
    private readonly map: MlMap,
    private readonly store: AppStoreApi,
    private readonly drag: FacilityDrag,
    private readonly options: PointerOptions,
  ) {
    this.card = new HoverCard(map.getContainer());
    // Where Enter places a facility: shown by CSS while the add tool is on and the map has the focus.
    this.crosshair = document.createElement('div');
    this.crosshair.className = 'map-crosshair';
    this.crosshair.setAttribute('aria-hidden', 'true');
    this.crosshair.dataset.testid = 'map-crosshair';
    map.getContainer().appendChild(this.crosshair);
    map.on('click', (e) => this.click(e));
    map.on('mousemove', (e) => {
      if (this.drag.active()) return;
      const hit = this.featureAt(e);
      this.setHover(hit, hit ? e.point : null);
    });
    map.on('mouseout', () => this.setHover(null, null));
    map.on('mousedown', 'facilities-circle', (e) => {
      if (this.store.getState().view.tool !== 'select') return;
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.drag.start(id, e);
    });
    // Keyboard: with the add tool on and the map focused, Enter places the facility at the centre.
    map.getCanvas().addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || this.store.getState().view.tool !== 'add') return;
      const c = this.map.getCenter();
      this.options.onAdd([c.lng, c.lat]);
    });
  }

  /** Layers exist: re-apply the selection state. */
  install(): void {
    this.installed = true;
    const selection = this.selected;
    this.selected = null;
    this.select(selection);
  }

  uninstall(): void {
    this.installed = false;
    this.hovered = null;
  }

  remove(): void {
    this.card.remove();
    this.crosshair.remove();
  }

  setTool(tool: 'select' | 'add'): void {
    this.map.getCanvas().style.cursor = tool === 'add' ? 'crosshair' : '';
    this.map.getContainer().dataset.tool = tool;
  }

  select(selection: Selection): void {
    if (this.installed && this.selected) {
      this.map.setFeatureState(
        { source: sourceOf(this.selected), id: this.selected.id },
        { selected: false },
      );
    }
    this.selected = selection;
    if (this.installed && selection) {
      this.map.setFeatureState({ source: sourceOf(selection), id: selection.id }, { selected: true });
    }
  }

  private featureAt(e: MapMouseEvent): Hit | null {
    if (!this.installed) return null;
    const layers = INTERACTIVE.filter((l) => this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
    if (!hit) return null;
    if (hit.source === 'underserved') {
      const zone = hit.properties?.zone;
      return typeof zone === 'number' ? { source: 'underserved', id: String(zone) } : null;
    }
    const id = hit.properties?.id;
    if (typeof id !== 'string') return null;
    return { source: hit.source as SourceId, id };
  }

  private click(e: MapMouseEvent): void {
    if (this.drag.justDropped()) return;
    const { view, dispatch } = this.store.getState();
    if (view.tool === 'add') {
      this.options.onAdd([e.lngLat.lng, e.lngLat.lat]);
      return;
    }
    const found = this.featureAt(e);
    // A zone is described on hover, not selected (clicking it clears the selection).
    const hit = found?.source === 'underserved' ? null : found;
    // What was clicked is under the pointer already: the map stays where it is.
    dispatch({
      type: 'view/select',
      selection: hit ? { type: hit.source === 'facilities' ? 'facility' : 'estate', id: hit.id } : null,
      reveal: false,
    });
  }

  private setHover(hit: Hit | null, point: { x: number; y: number } | null): void {
    const same = hit && this.hovered && hit.id === this.hovered.id && hit.source === this.hovered.source;
    if (!same) {
      // Zones have no hover style (their ids are numbers): the card alone says what is under the pointer.
      const styled = (h: Hit | null): h is Hit => h !== null && h.source !== 'underserved' && this.installed;
      if (styled(this.hovered)) this.map.setFeatureState(this.hovered, { hover: false });
      this.hovered = hit;
      if (styled(hit)) this.map.setFeatureState(hit, { hover: true });
      const tool = this.store.getState().view.tool;
      this.map.getCanvas().style.cursor = tool === 'add' ? 'crosshair' : hit ? 'pointer' : '';
    }
    if (hit && point) this.card.show(this.options.describe(targetOf(hit.source), hit.id), point);
    else this.card.hide();
  }
}

const sourceOf = (s: NonNullable<Selection>): SourceId => (s.type === 'estate' ? 'estates' : 'facilities');
