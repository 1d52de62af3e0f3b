/** The runner tests' common scenario: one estate and one nursery-like facility in central Shanghai. */
import type { NetworkRef, Scenario } from '../../src/store/types';
import type { AppStoreApi } from '../../src/store/store';
import { emptyScenario } from '../../src/store/initial-state';
import { makeEstate, makeFacility } from '../core/coverage/helpers';

/**
 * Loads a scenario with estate E1 (100 households) and facility F1 (10 places) 100 m apart.
 * @param store the app store
 * @param id the scenario's id
 * @param network its street network (none: straight-line)
 */
export function loadOneEstate(store: AppStoreApi, id: string, network: NetworkRef | null = null): void {
  const scenario: Scenario = {
    ...emptyScenario(),
    id,
    estates: [makeEstate('E1', [121.4505, 31.2005], 100)],
    facilities: [makeFacility('F1', [121.451, 31.201], 10)],
    network,
  };
  store.getState().dispatch({ type: 'scenario/load', scenario });
}
