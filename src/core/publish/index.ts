/**
 * Publishing for residents (issue #11): the published scenario, building it (with pinyin, in Node or
 * the planner), and the two questions the residents' page asks — which compound, and what is near.
 * The page imports search-compounds.ts and nearest-services.ts directly, not this index, so it never
 * bundles the pinyin dictionary that building needs.
 */
export * from './published-scenario';
export { buildPublishedScenario, type PublishInput } from './build-published-scenario';
export { compoundPinyin } from './compound-pinyin';
export { normaliseQuery, searchCompounds, type CompoundHit, type CompoundMatch } from './search-compounds';
export {
  nearestServices,
  type NearbyService,
  type NearestService,
  type NearestServices,
  type NearestServicesOptions,
  type PlacedService,
} from './nearest-services';
export { OFFLINE_SCRIPT_FILE, offlineScript } from './offline-script';
