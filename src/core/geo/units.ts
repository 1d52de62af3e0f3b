/**
 * Units and coordinate spaces as distinct branded types, so that a BD-09 point cannot be passed where
 * WGS-84 is expected and metres cannot be confused with seconds (style.md).
 */
declare const unitBrand: unique symbol;
declare const crsBrand: unique symbol;

/** A length in metres. */
export type Meters = number & { readonly [unitBrand]: 'm' };
/** A duration in seconds. */
export type Seconds = number & { readonly [unitBrand]: 's' };
/** A walking speed in metres per second. */
export type MetersPerSecond = number & { readonly [unitBrand]: 'm/s' };

/** Longitude, latitude in WGS-84 (EPSG:4326): the only coordinate space inside the core. */
export type LngLat = readonly [lng: number, lat: number] & { readonly [crsBrand]: 'WGS84' };
/** Longitude, latitude in GCJ-02 (China's “Mars” offset, AMap / Tencent / DataV). */
export type LngLatGcj02 = readonly [lng: number, lat: number] & { readonly [crsBrand]: 'GCJ02' };
/** Longitude, latitude in BD-09 (Baidu; also Beike / Lianjia crawls). */
export type LngLatBd09 = readonly [lng: number, lat: number] & { readonly [crsBrand]: 'BD09' };

export const meters = (value: number): Meters => value as Meters;
export const seconds = (value: number): Seconds => value as Seconds;
export const metersPerSecond = (value: number): MetersPerSecond => value as MetersPerSecond;
export const lngLat = (lng: number, lat: number): LngLat => [lng, lat] as unknown as LngLat;
export const lngLatGcj02 = (lng: number, lat: number): LngLatGcj02 => [lng, lat] as unknown as LngLatGcj02;
export const lngLatBd09 = (lng: number, lat: number): LngLatBd09 => [lng, lat] as unknown as LngLatBd09;
