/**
 * The page's shareable URL: `#c=<compound id>` or `#p=<lng>,<lat>`, plus `speed=elderly` and
 * `lang=en` when chosen. Parsed and written here only.
 */
export type Place = { type: 'compound'; id: string } | { type: 'point'; lngLat: [number, number] };

export interface ShareState {
  place: Place | null;
  elderly: boolean;
  lang: 'zh' | 'en';
}

/**
 * @param hash location.hash (with or without the leading #)
 * @returns what it names; unknown or malformed parts are ignored
 * @example parseShareHash('#c=e07&speed=elderly') // { place: { type: 'compound', id: 'e07' }, elderly: true, lang: 'zh' }
 */
export function parseShareHash(hash: string): ShareState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let place: Place | null = null;
  const c = params.get('c');
  const p = params.get('p');
  if (c) place = { type: 'compound', id: c };
  else if (p) {
    const [lng, lat] = p.split(',').map(Number);
    if (Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lat!) <= 90 && Math.abs(lng!) <= 180)
      place = { type: 'point', lngLat: [lng!, lat!] };
  }
  return {
    place,
    elderly: params.get('speed') === 'elderly',
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
  };
}

/**
 * @param state what to share
 * @returns the hash, e.g. "#p=117.23011,31.79502&speed=elderly" ("" when there is nothing)
 */
export function shareHash(state: ShareState): string {
  const parts: string[] = [];
  if (state.place?.type === 'compound') parts.push(`c=${encodeURIComponent(state.place.id)}`);
  // The comma stays readable (URLSearchParams would write %2C).
  if (state.place?.type === 'point') parts.push(`p=${state.place.lngLat.map((v) => v.toFixed(6)).join(',')}`);
  if (state.elderly) parts.push('speed=elderly');
  if (state.lang === 'en') parts.push('lang=en');
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
