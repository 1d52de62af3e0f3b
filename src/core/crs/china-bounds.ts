/**
 * A generous box around China, WGS-84 degrees. China's extremes are about 73.5°E (Pamir), 135.1°E
 * (Heilongjiang–Ussuri), 53.6°N (Mohe) and 3.9°N (Zengmu Ansha); a margin of about one degree is
 * added. Swapped pairs cannot fall in it: its latitude and longitude ranges do not overlap. GCJ-02 and
 * BD-09 differ from WGS-84 by under a kilometre, so the same box serves them.
 */
export const CHINA_BOUNDS = { west: 72, east: 137, south: 3, north: 54.5 } as const;

/**
 * Whether a longitude, latitude pair lies inside CHINA_BOUNDS.
 * @param lng degrees east
 * @param lat degrees north
 * @returns true inside the box
 */
export function inChina(lng: number, lat: number): boolean {
  return (
    lng >= CHINA_BOUNDS.west &&
    lng <= CHINA_BOUNDS.east &&
    lat >= CHINA_BOUNDS.south &&
    lat <= CHINA_BOUNDS.north
  );
}
