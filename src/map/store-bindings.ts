/**
 * What the map shows, derived from the app store and the bulk layers, subscribed outside React
 * (subscribeWithSelector). Each binding turns a slice into source data or a view change.
 */
import type { FeatureCollection } from 'geojson';
import { shallow } from 'zustand/shallow';
import type { AppStoreApi } from '../store/store';
import type { AppState, Bounds, Selection } from '../store/types';
import { bulkLayers } from './bulk-layers';
import { EMPTY_COLLECTION, estateFeatures, facilityFeatures } from './features';
import type { SourceId } from './layers';
import { proposalFeatures } from './proposal-features';
import { keyServiceAreas } from './service-area-ids';

export interface BindingTargets {
  queue(id: SourceId, data: unknown): void;
  /** New street segments for the street layer's tiles. */
  setStreets(segments: Float64Array | null): void;
  applyView(): void;
  select(selection: Selection): void;
  setTool(tool: 'select' | 'add'): void;
  setStyleUrl(url: string): void;
  fitBounds(bounds: Bounds): void;
  /** Centre the map on a point a list picked (view.reveal). */
  reveal(at: readonly [number, number]): void;
}

/**
 * @param store the app store
 * @param to what each change drives
 * @returns the unsubscribe functions
 */
export function bindStore(store: AppStoreApi, to: BindingTargets): (() => void)[] {
  const off: (() => void)[] = [];
  const watch = <T>(selector: (state: AppState) => T, listener: (value: T) => void) =>
    off.push(store.subscribe(selector, listener, { equalityFn: shallow, fireImmediately: true }));
  watch(
    (st) => [st.scenario.estates, st.results.evaluation, st.results.coverage, st.view.kind] as const,
    ([estates, evaluation, coverage, kind]) => {
      const results = evaluation ? new Map(evaluation.estates.map((r) => [r.id, r])) : null;
      const rows = coverage?.byKind[kind]?.estates;
      to.queue(
        'estates',
        estateFeatures(estates, results, rows ? new Map(rows.map((r) => [r.id, r])) : null),
      );
    },
  );
  watch(
    (st) => [st.scenario.facilities, st.results.coverage] as const,
    ([facilities, coverage]) => {
      const loads = new Map<string, number | null>();
      for (const result of Object.values(coverage?.byKind ?? {}))
        for (const f of result.facilities) loads.set(f.id, f.load);
      to.queue('facilities', facilityFeatures(facilities, loads));
    },
  );
  watch(
    (st) => [st.results.coverage, st.view.kind] as const,
    ([coverage, kind]) => to.queue('underserved', coverage?.byKind[kind]?.underserved ?? EMPTY_COLLECTION),
  );
  watch(
    (st) => [st.results.siting, st.scenario.estates] as const,
    ([siting, estates]) => {
      const { sites, catchment } = proposalFeatures(siting, estates);
      to.queue('proposal', sites);
      to.queue('proposalCatchment', catchment);
    },
  );
  watch(
    (st) => st.scenario.districts,
    (d) => to.queue('districts', d ?? EMPTY_COLLECTION),
  );
  watch(
    (st) => st.scenario.context,
    (c) => to.queue('context', c ?? EMPTY_COLLECTION),
  );
  watch(
    (st) => [st.view.layers, st.view.colourBy] as const,
    () => to.applyView(),
  );
  watch(
    (st) => st.view.selected,
    (sel) => to.select(sel),
  );
  // Not on the first call: opening the planner keeps the map where the scenario's bounds put it.
  off.push(
    store.subscribe(
      (st) => st.view.reveal,
      (reveal) => reveal && to.reveal(reveal.at),
      { equalityFn: (a, b) => a?.seq === b?.seq },
    ),
  );
  watch(
    (st) => st.view.tool,
    (tool) => to.setTool(tool),
  );
  watch(
    (st) => st.view.styleUrl,
    (url) => to.setStyleUrl(url),
  );
  watch(
    (st) => st.scenario.bounds,
    (bounds) => bounds && to.fitBounds(bounds),
  );
  off.push(
    bulkLayers.subscribe((b, prev) => {
      if (b.streets !== prev.streets) to.setStreets(b.streets);
      if (b.serviceAreas !== prev.serviceAreas) to.queue('serviceAreas', serviceAreas(b.serviceAreas));
    }),
  );
  const b = bulkLayers.getState();
  to.setStreets(b.streets);
  to.queue('serviceAreas', serviceAreas(b.serviceAreas));
  return off;
}

/** Service areas with their ids (the map gets a drag's areas as a diff). */
const serviceAreas = (c: FeatureCollection | null): FeatureCollection =>
  c ? keyServiceAreas(c) : EMPTY_COLLECTION;
