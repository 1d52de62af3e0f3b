/**
 * The street layer's source: vector tiles cut on request from the street segments (street-tiles.ts)
 * and served to MapLibre through a custom protocol, so a million-node city's streets are one typed
 * array on the main thread, not a GeoJSON object (and MapLibre's worker tiles only what is shown).
 * Below the index's `minzoom` (a dense city zoomed out) no streets are drawn and a hint says why.
 */
import { addProtocol, type Map as MlMap, type VectorTileSource } from 'maplibre-gl';
import {
  createStreetTileIndex,
  STREET_SOURCE,
  STREET_TILE_MAXZOOM,
  type StreetTileIndex,
} from './street-tiles';

const PROTOCOL = 'lifecircle-streets';

/** Tile indexes by key (the key is part of the tile URL, so a new network never shows cached tiles). */
const indexes = new Map<string, StreetTileIndex>();
let registered = false;
let nextKey = 0;

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(PROTOCOL, (params) => {
    // lifecircle-streets://<key>/<z>/<x>/<y>
    const [key, z, x, y] = params.url.slice(PROTOCOL.length + 3).split('/');
    const index = indexes.get(key ?? '');
    const bytes = index ? index.tile(Number(z), Number(x), Number(y)) : new Uint8Array(0);
    return Promise.resolve({
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
  });
}

const tileUrl = (key: string): string => `${PROTOCOL}://${key}/{z}/{x}/{y}`;

export class StreetSource {
  private key = 'none';
  private index: StreetTileIndex | null = null;
  private readonly hint: HTMLElement;

  /**
   * @param map the map
   * @param hintText the hint's text when streets are hidden at this zoom (translated by the caller)
   * @param visible whether the street layer is switched on
   */
  constructor(
    private readonly map: MlMap,
    private readonly hintText: () => string,
    private readonly visible: () => boolean,
  ) {
    register();
    this.hint = document.createElement('div');
    this.hint.className = 'map-hint';
    this.hint.dataset.testid = 'streets-hint';
    this.hint.hidden = true;
    map.getContainer().appendChild(this.hint);
    map.on('zoomend', () => this.updateHint());
  }

  /** Lowest zoom streets are drawn at (0 without streets). */
  get minzoom(): number {
    return this.index?.minzoom ?? 0;
  }

  /**
   * Shows new street segments (null: none).
   * @param segments [lon0, lat0, lon1, lat1, …]
   */
  set(segments: Float64Array | null): void {
    indexes.delete(this.key);
    this.index = segments && segments.length >= 4 ? createStreetTileIndex(segments) : null;
    this.key = this.index ? `s${++nextKey}` : 'none';
    if (this.index) indexes.set(this.key, this.index);
    const source = this.map.getSource<VectorTileSource>(STREET_SOURCE);
    source?.setTiles([tileUrl(this.key)]);
    this.updateHint();
  }

  /** Adds the source (after every style load). */
  install(): void {
    if (this.map.getSource(STREET_SOURCE)) return;
    this.map.addSource(STREET_SOURCE, {
      type: 'vector',
      tiles: [tileUrl(this.key)],
      minzoom: 0,
      maxzoom: STREET_TILE_MAXZOOM,
    });
  }

  /** Re-reads the hint's text and whether it applies (language, layer switch, zoom). */
  updateHint(): void {
    const hidden = this.index === null || !this.visible() || this.map.getZoom() >= this.index.minzoom;
    this.hint.hidden = hidden;
    if (!hidden) this.hint.textContent = this.hintText();
  }

  remove(): void {
    indexes.delete(this.key);
    this.hint.remove();
  }
}
