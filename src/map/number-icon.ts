/**
 * Numbered markers for proposed sites, drawn on a canvas: the map has no glyphs (nothing is fetched),
 * so a number is an image (`site-<n>`), made when a layer first asks for it.
 */
import { PROPOSAL_COLOURS } from './palette';

/** Image id prefix of the numbered markers (`site-1`, `site-2`, …). */
export const NUMBER_ICON_PREFIX = 'site-';

/**
 * A round marker with a number, at the device's pixel ratio.
 * @param n the number to write
 * @param ratio device pixels per CSS pixel
 * @returns image data for map.addImage, or null where no 2D canvas exists
 * @example map.addImage('site-3', numberIcon(3, 2)!, { pixelRatio: 2 })
 */
export function numberIcon(n: number, ratio: number): ImageData | null {
  const size = Math.round(22 * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.fillStyle = PROPOSAL_COLOURS.marker;
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2 * ratio;
  g.beginPath();
  g.arc(size / 2, size / 2, size / 2 - g.lineWidth, 0, 2 * Math.PI);
  g.fill();
  g.stroke();
  g.fillStyle = PROPOSAL_COLOURS.text;
  g.font = `bold ${Math.round((n < 10 ? 12 : 10) * ratio)}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(String(n), size / 2, size / 2 + ratio * 0.5);
  return g.getImageData(0, 0, size, size);
}
