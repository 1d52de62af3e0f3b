/**
 * simplestyle-spec properties (read by geojson.io, QGIS's GeoJSON import and the app's map) for a
 * service area of `minutes`: green for the 5-minute circle through yellow at 15 to orange beyond —
 * ColorBrewer RdYlGn, reversed, so nearer reads as better.
 * @param minutes the area's walking-time budget
 * @returns fill, fill-opacity, stroke, stroke-width
 * @example serviceAreaStyle(10).fill // '#91cf60'
 */
export function serviceAreaStyle(minutes: number): {
  fill: string;
  'fill-opacity': number;
  stroke: string;
  'stroke-width': number;
} {
  const fill = minutes <= 5 ? '#1a9850' : minutes <= 10 ? '#91cf60' : minutes <= 15 ? '#fee08b' : '#fc8d59';
  return { fill, 'fill-opacity': 0.3, stroke: fill, 'stroke-width': 1 };
}
