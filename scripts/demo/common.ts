/** Shared helpers of the demo generator (scripts/generate-demo.ts): seeded randomness and a local metric frame. */

/** The common 4-line mulberry32 (flatbush bench.js), returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
/** Metres east and north of the town's origin. */
export type Xy = [number, number];

/** Origin of the invented town (south-west corner), WGS-84; a plausible spot in eastern China. */
const ORIGIN = { lng: 117.215, lat: 31.785 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);

/** Local metres → WGS-84 longitude/latitude rounded to 6 decimals (~0.1 m). */
export const toLngLat = ([x, y]: Xy): [number, number] => [
  Math.round((ORIGIN.lng + x / M_PER_DEG_LNG) * 1e6) / 1e6,
  Math.round((ORIGIN.lat + y / M_PER_DEG_LAT) * 1e6) / 1e6,
];

export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
export const between = (rand: Rand, lo: number, hi: number): number => lo + rand() * (hi - lo);

export interface Feature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export const feature = (id: string, properties: Record<string, unknown>, geometry: unknown): Feature => ({
  type: 'Feature',
  id,
  properties,
  geometry,
});

/** One feature per line: small diffs when the generator changes, readable in a review. */
export const collection = (features: Feature[]): string =>
  `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

/** Street names (invented combinations of common Chinese place and tree names). */
export const ROW_NAMES =
  '淮河 长江 望江 金寨 芜湖 宿州 徽州 桐城 潜山 怀宁 寿春 亳州 庐江 紫云 翡翠 锦绣'.split(' ');
export const COL_NAMES =
  '梧桐 银杏 香樟 玉兰 海棠 丁香 紫荆 合欢 木樨 芙蓉 石榴 枫林 松柏 桂花 茉莉 杜鹃 樱花 青竹'.split(' ');
export const ESTATE_A =
  '锦绣 翠湖 和园 金桂 春晓 梧桐 枫丹 云栖 丽景 怡和 阳光 书香 紫薇 滨江 清溪 明珠 悦澜 桃源 兰亭 融创'.split(
    ' ',
  );
export const ESTATE_B = '花园 小区 新村 家园 苑 府 雅居 公寓 华庭 名邸'.split(' ');
