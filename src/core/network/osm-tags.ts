/** `highway` values that are never walkable (issue #3, Network). */
const EXCLUDED_HIGHWAYS = new Set(['motorway', 'motorway_link', 'construction', 'proposed']);

/**
 * The walking filter of issue #3, exactly: a way is walkable when it has a `highway` tag other than
 * `motorway`, `motorway_link`, `construction` or `proposed`, and is not tagged `foot=no`, nor
 * `access=no` unless it is also tagged `foot=yes`. `oneway` is ignored (pedestrians walk both ways);
 * other access values (`private`, `permit` …) are kept, as the rule says nothing about them.
 * @param highway the way's `highway` value, or null when it has none
 * @param foot the way's `foot` value, or null
 * @param access the way's `access` value, or null
 * @returns true when the way's node pairs become edges of the walking graph
 * @example isWalkableWay('service', 'yes', 'no') // true
 */
export function isWalkableWay(highway: string | null, foot: string | null, access: string | null): boolean {
  if (highway === null || EXCLUDED_HIGHWAYS.has(highway)) return false;
  if (foot === 'no') return false;
  if (access === 'no' && foot !== 'yes') return false;
  return true;
}
