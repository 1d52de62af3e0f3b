/** The state before anything is loaded. */
import type { AppState, Scenario, ViewState } from './types';
import { emptyHistory } from './history';

export const emptyScenario = (): Scenario => ({
  id: 'empty',
  name: '',
  synthetic: false,
  profileId: 'hefei',
  userProfiles: [],
  overrides: {},
  defaultStatus: null,
  estates: [],
  facilities: [],
  network: null,
  districts: null,
  context: null,
  bounds: null,
});

export const initialView = (): ViewState => ({
  lang: 'zh',
  panel: 'compliance',
  colourBy: 'compliance',
  kind: 'elderly-daycare',
  layers: {
    streets: true,
    estates: true,
    facilities: true,
    serviceAreas: true,
    underserved: true,
    districts: true,
  },
  selected: null,
  reveal: null,
  tool: 'select',
  addKind: 'elderly-daycare',
  styleUrl: '',
});

export const initialState = (): AppState => ({
  scenario: emptyScenario(),
  view: initialView(),
  results: {
    evaluation: null,
    workerEvaluation: null,
    coverage: null,
    version: 0,
    jobs: [],
    siting: null,
    notice: null,
    error: null,
  },
  history: emptyHistory(),
});
