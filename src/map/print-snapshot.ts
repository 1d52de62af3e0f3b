/**
 * Printing a WebGL map: the canvas keeps no drawing buffer (faster), so before printing the map is
 * redrawn synchronously and copied into an image that the print style shows instead of the canvas.
 */
import type { Map as MlMap } from 'maplibre-gl';

/**
 * @param map the map
 * @returns removes the listeners
 */
export function installPrintSnapshot(map: MlMap): () => void {
  let snapshot: HTMLImageElement | null = null;
  const before = () => {
    map.redraw();
    const img = document.createElement('img');
    img.className = 'print-snapshot';
    img.alt = '';
    img.src = map.getCanvas().toDataURL('image/png');
    map.getContainer().appendChild(img);
    snapshot = img;
  };
  const after = () => {
    snapshot?.remove();
    snapshot = null;
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    after();
  };
}
