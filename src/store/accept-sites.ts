/** Accepting proposed sites into the scenario as planned facilities (one undoable edit). */
import type { CapacityField, Facility } from '../core';
import type { ScenarioAction } from './actions';
import { newFacility } from './new-facility';
import type { ProposalView } from './siting-types';
import type { Scenario } from './types';

/** Same place to the centimetre: a site already accepted (or a drawn candidate) is not added twice. */
const SAME_M = 1e-7;
const at = (f: Facility, lon: number, lat: number) =>
  Math.abs(f.location[0] - lon) < SAME_M && Math.abs(f.location[1] - lat) < SAME_M;

/**
 * True when the scenario already has a facility of the proposal's kind at the site.
 * @param scenario the current scenario
 * @param kind the proposal's facility kind
 * @param site the proposed site
 * @returns whether accepting it would add nothing
 * @example isAccepted(state.scenario, 'nursery', proposal.sites[0])
 */
export function isAccepted(
  scenario: Pick<Scenario, 'facilities'>,
  kind: Facility['kind'],
  site: { lon: number; lat: number },
): boolean {
  return scenario.facilities.some((f) => f.kind === kind && at(f, site.lon, site.lat));
}

/**
 * The edit that adds the chosen sites as planned facilities of the proposal's kind — and, for joint
 * sites (综合体), one of each joint kind at the same place: all in one `facilities/replace` (append)
 * so one undo takes them all back. Sites already in the scenario (per kind) are skipped.
 * @param scenario the current scenario
 * @param proposal the proposal shown
 * @param siteIds the sites to accept, in the proposal's order
 * @param name display name of a new facility of a kind (translated, e.g. "新建 托育机构"); numbered like clicks
 * @param capacity capacity given to each new site (the capacitated model's), with its field; null keeps
 *   the starting capacities of a clicked facility
 * @returns the action to dispatch, or null when there is nothing to add
 * @example dispatch(acceptSites(s, p, p.sites.map((x) => x.id), '新建托育', null)!)
 */
export function acceptSites(
  scenario: Pick<Scenario, 'facilities'>,
  proposal: Pick<ProposalView, 'kind' | 'sites'> & { weights?: ProposalView['weights'] },
  siteIds: readonly string[],
  name: (kind: Facility['kind']) => string,
  capacity: { field: CapacityField; value: number } | null,
): ScenarioAction | null {
  const ids = new Set(scenario.facilities.map((f) => f.id));
  const added: Facility[] = [];
  const kinds = [
    proposal.kind,
    ...(proposal.weights ?? []).map((w) => w.kind).filter((k) => k !== proposal.kind),
  ];
  for (const site of proposal.sites) {
    if (!siteIds.includes(site.id)) continue;
    for (const kind of kinds) {
      if (isAccepted({ facilities: [...scenario.facilities, ...added] }, kind, site)) continue;
      const facility = newFacility(kind, [site.lon, site.lat], ids, name(kind));
      if (capacity && kind === proposal.kind)
        facility.capacity = { ...facility.capacity, [capacity.field]: capacity.value };
      facility.properties = { sitingSite: site.id };
      ids.add(facility.id);
      added.push(facility);
    }
  }
  if (added.length === 0) return null;
  return { type: 'facilities/replace', facilities: added, mode: 'append' };
}
