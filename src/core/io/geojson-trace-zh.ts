/**
 * geojson-validation's trace messages in Chinese. The validator speaks English only; the planner's
 * import review shows `messageZh` (issue #12), so each message it can give (node_modules/geojson-
 * validation/index.js, every `errors.push`) has its Chinese here. A message not listed (a later
 * version's) is kept in English rather than dropped.
 */

/** [pattern, Chinese] pairs; `$1`… are the pattern's groups. Checked in order. */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^Position must be at least two elements$/, '坐标位置至少应有两个数值（经度、纬度）'],
  [
    /^Position must only contain numbers\. Item (.*) at index (\d+) is invalid\.?$/,
    '坐标位置只能包含数字：第 $2 项（从 0 起）“$1”无效',
  ],
  [/^Position must be an array$/, '坐标位置应为数组'],
  [/^type must be one of: (.*)$/, 'type 应为以下之一：$1'],
  [/^must have a member with the name "(.*)"$/, '缺少成员“$1”'],
  [/^type must be "(.*)"$/, 'type 应为“$1”'],
  [/^coordinates must be an array$/, 'coordinates 应为数组'],
  [/^coordinates must have at least two elements$/, 'coordinates 至少应有两个位置'],
  [/^coordinates must have at least four positions$/, 'coordinates 至少应有四个位置（环须闭合）'],
  [/^The first and last positions must be equivalent$/, '环的首尾两个位置应相同'],
  [/^"geometries" must be an array$/, '“geometries”应为数组'],
  [/^"Features" must be an array$/, '“features”应为数组'],
  [/^bbox, must be a 2\*n array$/, 'bbox 应为 2×n 个数字的数组'],
  [/^bbox must be an array$/, 'bbox 应为数组'],
];

/** The validator's “at 3: …” prefix (position within an array, from 0). */
const AT = /^at (\d+): (.*)$/;

/**
 * One trace message of geojson-validation in Chinese.
 * @param message the validator's English message
 * @returns the Chinese, or the English as it is when the message is not known
 * @example geojsonTraceZh('at 1: Position must be an array') // '第 1 项（从 0 起）：坐标位置应为数组'
 */
export function geojsonTraceZh(message: string): string {
  const at = AT.exec(message);
  if (at) return `第 ${at[1]} 项（从 0 起）：${geojsonTraceZh(at[2]!)}`;
  for (const [pattern, zh] of PATTERNS) if (pattern.test(message)) return message.replace(pattern, zh);
  return message;
}
