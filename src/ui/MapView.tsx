/** The map container. The MapController owns the map; this component only creates and destroys it. */
import { useEffect, useRef } from 'react';
import { lngLat, type FacilityKind } from '../core';
import { MapController } from '../map/MapController';
import type { HoverTarget } from '../map/pointer';
import { newFacility } from '../store/new-facility';
import { appStore } from '../store/store';
import { setDebugMap } from './app/debug';
import { useServices } from './context';
import { formatNumber, formatUnit } from './format';
import i18n from './i18n/i18n';

/** Hover-card lines for an estate, a facility or an underserved zone: name first, then figures. Text only. */
function describe(layer: HoverTarget, id: string): string[] {
  const { scenario, results, view } = appStore.getState();
  const t = i18n.t.bind(i18n);
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, view.lang, d);
  if (layer === 'zone') {
    const kind = results.coverage?.byKind[view.kind];
    const zone = kind?.underserved.features.find((f) => String(f.properties?.zone) === id)?.properties;
    if (!zone) return [];
    const unit = typeof zone.unit === 'string' ? formatUnit(zone.unit, view.lang) : '';
    return [
      t('hover.zone', { kind: t(`kinds.${view.kind}`), min: kind?.parameters.minutes ?? '—' }),
      t('hover.zoneEstates', { n: n(zone.estateIds?.length), households: n(zone.households) }),
      typeof zone.missing === 'number'
        ? t('hover.zoneDeficit', { n: n(zone.missing, 1), unit })
        : t('hover.zoneNoCapacity'),
    ];
  }
  if (layer === 'facility') {
    const f = scenario.facilities.find((x) => x.id === id);
    if (!f) return [];
    const row = results.coverage?.byKind[f.kind]?.facilities.find((x) => x.id === id);
    return [
      f.name,
      t(`kinds.${f.kind}`),
      t('hover.capacity', {
        places: n(f.capacity.places),
        beds: n(f.capacity.beds),
        area: n(f.capacity.floorArea),
      }),
      row?.load !== null && row?.load !== undefined
        ? t('hover.load', { pct: n(row.load * 100) })
        : t('hover.loadUnknown'),
      t('hover.dragHint'),
    ];
  }
  const e = scenario.estates.find((x) => x.id === id);
  if (!e) return [];
  const r = results.evaluation?.estates.find((x) => x.id === id);
  const reach = results.coverage?.byKind[view.kind]?.estates.find((x) => x.id === id);
  return [
    e.name,
    t('hover.households', { n: n(e.households) }),
    r ? t(`status.${r.overall}`) : t('status.pending'),
    reach
      ? reach.minutes === null
        ? t('hover.unreachable', { kind: t(`kinds.${view.kind}`) })
        : t('hover.minutes', { kind: t(`kinds.${view.kind}`), min: n(reach.minutes, 1) })
      : '',
  ].filter(Boolean);
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const { runner } = useServices();
  useEffect(() => {
    if (!container.current) return;
    const controller = new MapController(container.current, appStore, {
      describe,
      streetsHint: () => i18n.t('map.streetsHint'),
      settled: () => runner.idle(),
      busy: () => runner.busy,
      onAdd: (at) => {
        const { scenario, view, dispatch } = appStore.getState();
        const kind: FacilityKind = view.addKind;
        const ids = new Set(scenario.facilities.map((f) => f.id));
        const facility = newFacility(
          kind,
          at,
          ids,
          i18n.t('whatif.newName', { kind: i18n.t(`kinds.${kind}`) }),
        );
        dispatch({ type: 'facility/add', facility });
        dispatch({ type: 'view/add-tool', kind: null });
        // Placed where the user clicked (or at the centre, with Enter): no need to move the map.
        dispatch({ type: 'view/select', selection: { type: 'facility', id: facility.id }, reveal: false });
        dispatch({ type: 'view/set', patch: { panel: 'whatif' } });
      },
      onPreview: (id, at) => runner.preview(id, lngLat(at[0], at[1])),
      onDrop: (id, at) => {
        appStore.getState().dispatch({ type: 'facility/move', id, location: lngLat(at[0], at[1]) });
        runner.drop(id);
      },
    });
    setDebugMap(controller);
    return () => {
      setDebugMap(null);
      controller.destroy();
    };
  }, [runner]);
  return <div ref={container} className="map" data-testid="map" />;
}
