/**
 * Dragging a facility point: pans are suspended while the pointer is down, positions are reported
 * at most once per animation frame, and the drop is reported once.
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';

export interface DragCallbacks {
  /** While dragging (once per frame at most): where the facility would be. */
  onPreview(id: string, at: [number, number]): void;
  /** On release after a real move. */
  onDrop(id: string, at: [number, number]): void;
}

/** Pixels the pointer must travel before a press becomes a drag (so a click still selects). */
const DRAG_THRESHOLD_PX = 3;

export class FacilityDrag {
  private id: string | null = null;
  private start0: { x: number; y: number } | null = null;
  private moved = false;
  private latest: [number, number] | null = null;
  private frame = 0;
  private dropTime = 0;

  constructor(
    private readonly map: MlMap,
    private readonly callbacks: DragCallbacks,
  ) {}

  /** Begins a possible drag of facility `id` from a mousedown on its circle. */
  start(id: string, e: MapMouseEvent): void {
    e.preventDefault();
    this.id = id;
    this.start0 = { x: e.point.x, y: e.point.y };
    this.moved = false;
    this.latest = [e.lngLat.lng, e.lngLat.lat];
    this.map.dragPan.disable();
    this.map.on('mousemove', this.move);
    // On the window, not the map: a release outside the map must still end the drag.
    window.addEventListener('mouseup', this.end, { once: true });
  }

  /** True while a facility is being dragged. */
  active(): boolean {
    return this.id !== null && this.moved;
  }

  /** True for the click event that follows a drop (it must not select or add). */
  justDropped(): boolean {
    return performance.now() - this.dropTime < 50;
  }

  private readonly move = (e: MapMouseEvent): void => {
    if (this.id === null || !this.start0) return;
    if (!this.moved && Math.hypot(e.point.x - this.start0.x, e.point.y - this.start0.y) < DRAG_THRESHOLD_PX)
      return;
    this.moved = true;
    this.map.getCanvas().style.cursor = 'grabbing';
    this.latest = [e.lngLat.lng, e.lngLat.lat];
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.id !== null && this.latest) this.callbacks.onPreview(this.id, this.latest);
      });
    }
  };

  /** Ends the drag at the last position seen over the map. */
  private readonly end = (): void => {
    this.map.off('mousemove', this.move);
    this.map.dragPan.enable();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const id = this.id;
    this.id = null;
    if (id !== null && this.moved && this.latest) {
      this.dropTime = performance.now();
      this.map.getCanvas().style.cursor = '';
      this.callbacks.onDrop(id, this.latest);
    }
  };
}
