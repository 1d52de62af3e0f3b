/**
 * Printing a WebGL map: the canvas keeps no drawing buffer (faster), so it prints blank. Before
 * printing the map is redrawn synchronously and copied, in the same task, into a 2D canvas that the
 * print style shows instead of the WebGL one. A 2D canvas holds its pixels at once (an <img> of a data
 * URL may still be decoding when the print layout is painted).
 */
import type { Map as MlMap } from 'maplibre-gl';

/** Class of the copy (styles.css hides it on screen and shows it in print). */
const PRINT_SNAPSHOT_CLASS = 'print-snapshot';

/**
 * @param map the map
 * @returns removes the listeners (and a copy still shown)
 */
export function installPrintSnapshot(map: MlMap): () => void {
  let snapshot: HTMLCanvasElement | null = null;
  const after = () => {
    snapshot?.remove();
    snapshot = null;
  };
  const before = () => {
    after();
    map.redraw();
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.className = PRINT_SNAPSHOT_CLASS;
    copy.width = source.width;
    copy.height = source.height;
    copy.setAttribute('role', 'img');
    copy.setAttribute('aria-label', source.getAttribute('aria-label') ?? '');
    copy.getContext('2d')?.drawImage(source, 0, 0);
    map.getContainer().appendChild(copy);
    snapshot = copy;
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    after();
  };
}
