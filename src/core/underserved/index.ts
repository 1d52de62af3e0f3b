/** Underserved zones: the estates coverage leaves underserved, merged into zones and kept up to date by edits. */
export { underservedZones } from './underserved-zones';
export {
  createUnderservedZoneTracker,
  type UnderservedZoneFeature,
  type UnderservedZonePatch,
  type UnderservedZoneTracker,
} from './underserved-zone-tracker';
export { zoneCellGrid, type ZoneCellGrid } from './zone-cell-grid';
