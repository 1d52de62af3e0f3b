/**
 * MapLibre's own UI texts (control tooltips, the canvas label, scale units) in the app's languages,
 * passed to `new Map({ locale })`.
 *
 * MapLibre reads `locale` only when the map is created (v6: no setter), and each control copies its
 * text into the DOM once, when it is added (the scale bar on every move). So a language switch
 * re-labels the controls this map has through their public class names (those of maplibre-gl.css)
 * — `relabelControls` and `relabelScale` — and never through MapLibre's private fields.
 */
import type { Lang } from '../store/types';

/** The UI string ids of MapLibre's default locale (src/ui/default_locale.ts of maplibre-gl). */
export type MapLibreStringId =
  | 'AttributionControl.ToggleAttribution'
  | 'AttributionControl.MapFeedback'
  | 'FullscreenControl.Enter'
  | 'FullscreenControl.Exit'
  | 'GeolocateControl.FindMyLocation'
  | 'GeolocateControl.LocationNotAvailable'
  | 'LogoControl.Title'
  | 'Map.Title'
  | 'Marker.Title'
  | 'NavigationControl.ResetBearing'
  | 'NavigationControl.ZoomIn'
  | 'NavigationControl.ZoomOut'
  | 'Popup.Close'
  | 'ScaleControl.Feet'
  | 'ScaleControl.Meters'
  | 'ScaleControl.Kilometers'
  | 'ScaleControl.Miles'
  | 'ScaleControl.NauticalMiles'
  | 'GlobeControl.Enable'
  | 'GlobeControl.Disable'
  | 'TerrainControl.Enable'
  | 'TerrainControl.Disable'
  | 'CooperativeGesturesHandler.WindowsHelpText'
  | 'CooperativeGesturesHandler.MacHelpText'
  | 'CooperativeGesturesHandler.MobileHelpText';

export type MapLocale = Record<MapLibreStringId, string>;

/** Every MapLibre UI string in Chinese and English (the English ones are MapLibre's own). */
export const MAP_LOCALES: Record<Lang, MapLocale> = {
  zh: {
    'AttributionControl.ToggleAttribution': '显示/隐藏数据来源',
    'AttributionControl.MapFeedback': '地图反馈',
    'FullscreenControl.Enter': '进入全屏',
    'FullscreenControl.Exit': '退出全屏',
    'GeolocateControl.FindMyLocation': '定位到我的位置',
    'GeolocateControl.LocationNotAvailable': '无法获取位置',
    'LogoControl.Title': 'MapLibre 标志',
    'Map.Title': '地图',
    'Marker.Title': '地图标记',
    'NavigationControl.ResetBearing': '拖动以旋转地图，点击恢复正北',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭弹窗',
    'ScaleControl.Feet': '英尺',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
    'ScaleControl.Miles': '英里',
    'ScaleControl.NauticalMiles': '海里',
    'GlobeControl.Enable': '开启地球视图',
    'GlobeControl.Disable': '关闭地球视图',
    'TerrainControl.Enable': '开启地形',
    'TerrainControl.Disable': '关闭地形',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动鼠标滚轮缩放地图',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
  },
  en: {
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'AttributionControl.MapFeedback': 'Map feedback',
    'FullscreenControl.Enter': 'Enter fullscreen',
    'FullscreenControl.Exit': 'Exit fullscreen',
    'GeolocateControl.FindMyLocation': 'Find my location',
    'GeolocateControl.LocationNotAvailable': 'Location not available',
    'LogoControl.Title': 'MapLibre logo',
    'Map.Title': 'Map',
    'Marker.Title': 'Map marker',
    'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'Popup.Close': 'Close popup',
    'ScaleControl.Feet': 'ft',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Miles': 'mi',
    'ScaleControl.NauticalMiles': 'nm',
    'GlobeControl.Enable': 'Enable globe',
    'GlobeControl.Disable': 'Disable globe',
    'TerrainControl.Enable': 'Enable terrain',
    'TerrainControl.Disable': 'Disable terrain',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
};

/**
 * The `locale` option for `new Map(...)`.
 * @param lang the app's language
 * @returns a fresh copy (MapLibre may keep it)
 */
export function mapLocale(lang: Lang): Record<string, string> {
  return { ...MAP_LOCALES[lang] };
}

/**
 * Elements MapLibre labels once, when the map or a control is created, found by public class name,
 * with the string and the attributes it sets (the canvas has an aria-label only).
 */
const LABELLED: readonly { selector: string; id: MapLibreStringId; title: boolean }[] = [
  { selector: '.maplibregl-canvas', id: 'Map.Title', title: false },
  { selector: '.maplibregl-ctrl-zoom-in', id: 'NavigationControl.ZoomIn', title: true },
  { selector: '.maplibregl-ctrl-zoom-out', id: 'NavigationControl.ZoomOut', title: true },
  { selector: '.maplibregl-ctrl-compass', id: 'NavigationControl.ResetBearing', title: true },
  { selector: '.maplibregl-ctrl-attrib-button', id: 'AttributionControl.ToggleAttribution', title: true },
  { selector: '.maplibregl-ctrl-logo', id: 'LogoControl.Title', title: false },
];

/** The part of the DOM `relabelControls` needs (the map's container element). */
export interface LabelRoot {
  querySelectorAll(selector: string): Iterable<{ setAttribute(name: string, value: string): void }>;
}

/**
 * Re-labels the map canvas and the controls already on the map in another language: MapLibre has no
 * way to change its locale after creation.
 * @param container the map's container (`map.getContainer()`)
 * @param lang the new language
 */
export function relabelControls(container: LabelRoot, lang: Lang): void {
  const texts = MAP_LOCALES[lang];
  for (const { selector, id, title } of LABELLED)
    for (const el of container.querySelectorAll(selector)) {
      el.setAttribute('aria-label', texts[id]);
      if (title) el.setAttribute('title', texts[id]);
    }
}

const SCALE_UNITS: readonly MapLibreStringId[] = [
  'ScaleControl.Meters',
  'ScaleControl.Kilometers',
  'ScaleControl.Feet',
  'ScaleControl.Miles',
  'ScaleControl.NauticalMiles',
];

/**
 * A scale bar label (“500 m”, distance and unit separated by a no-break space, as MapLibre writes
 * it) with its unit in the given language; anything else unchanged.
 * @example scaleLabel('500\u00a0m', 'zh') // '500\u00a0米'
 */
export function scaleLabel(label: string, lang: Lang): string {
  const cut = label.lastIndexOf('\u00a0');
  if (cut < 0) return label;
  const unit = label.slice(cut + 1);
  const id = SCALE_UNITS.find((u) => MAP_LOCALES.zh[u] === unit || MAP_LOCALES.en[u] === unit);
  return id ? `${label.slice(0, cut + 1)}${MAP_LOCALES[lang][id]}` : label;
}

/** The part of the DOM `relabelScale` needs. */
export interface ScaleRoot {
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

/**
 * Puts the scale bars' units into the given language. MapLibre rewrites the label on every move
 * from the creation locale, so the map calls this after each move once the language has changed.
 * @param container the map's container
 * @param lang the current language
 */
export function relabelScale(container: ScaleRoot, lang: Lang): void {
  for (const el of container.querySelectorAll('.maplibregl-ctrl-scale')) {
    const text = el.textContent ?? '';
    const next = scaleLabel(text, lang);
    if (next !== text) el.textContent = next;
  }
}
