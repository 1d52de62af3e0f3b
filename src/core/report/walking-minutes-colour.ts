/** Colours for walking time, shared by the map legend and exported GeoJSON (simplestyle `marker-color`). */
export const WALKING_MINUTES_COLOURS = {
  within5: '#1a9850',
  within10: '#91cf60',
  within15: '#fee08b',
  beyond: '#d73027',
  offNetwork: '#969696',
} as const;

/**
 * The colour of an estate by its walking minutes to the nearest facility.
 * @param minutes walking minutes, or null when unreached
 * @param offNetwork true when the estate could not be placed on the network
 * @returns a hex colour
 * @example walkingMinutesColour(7.5, false) // '#91cf60'
 */
export function walkingMinutesColour(minutes: number | null, offNetwork: boolean): string {
  if (offNetwork) return WALKING_MINUTES_COLOURS.offNetwork;
  if (minutes === null) return WALKING_MINUTES_COLOURS.beyond;
  if (minutes <= 5) return WALKING_MINUTES_COLOURS.within5;
  if (minutes <= 10) return WALKING_MINUTES_COLOURS.within10;
  if (minutes <= 15) return WALKING_MINUTES_COLOURS.within15;
  return WALKING_MINUTES_COLOURS.beyond;
}
