import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Estate } from '../model/estate';
import type { Facility, FacilityKind } from '../model/facility';
import type { SnapMode, SnappedPoint, WalkingGraph } from '../model/network';
import type { EstatePlacements } from './estate-placements';

/** `network`: walking distances on the street graph; `straight-line`: great-circle fallback. */
export type CoverageMode = 'network' | 'straight-line';

/** Which `Facility.capacity` field measures supply (places for childcare, beds or floor area for elderly care). */
export type CapacityField = 'places' | 'beds' | 'floorArea';

/** Attaches a point to the network (the network module's `createSnapper(graph)` fits this shape). */
export interface CoverageSnapper {
  snap(lng: number, lat: number, options: { mode: SnapMode; maxSnapM: number }): SnappedPoint;
}

/** A loaded street network: the graph and a snapper built on it. */
export interface CoverageNetwork {
  graph: WalkingGraph;
  snapper: CoverageSnapper;
}

/**
 * How demand and supply are measured for the two-step floating catchment (2SFCA). The rates come from the
 * rule profile (the CLI maps the profile's parameters to these numbers); give exactly one of
 * `perResident` or `perHousehold`, in the unit of `field`.
 */
export interface CapacityOptions {
  field: CapacityField;
  /** Demand per resident, e.g. 10 nursery places per 1,000 residents → 0.01. */
  perResident?: number;
  /** Demand per household, e.g. 30 m² of elderly-care floor area per 100 households → 0.3. */
  perHousehold?: number;
}

export interface CoverageOptions {
  /** Default `network` when a network is given; always `straight-line` when it is null. */
  mode?: CoverageMode;
  /** Default `edge`. */
  snap?: SnapMode;
  /** Points farther than this from the network are off-network. Default 500 m (issue #3 `--max-snap`). */
  maxSnapM?: number;
  /** Service time budget, minutes (the profile's serviceMinutes[kind] or `--minutes`). */
  minutes: number;
  /** Walking speed, m/s (the profile's walkingSpeed or `--speed`). */
  speedMps: number;
  /** 户均人口, used when an estate gives households but not residents. */
  personsPerHousehold: number;
  /** Only these facility kinds take part; default all given facilities. */
  kinds?: FacilityKind[];
  /** Capacity-aware allocation (2SFCA); null/absent: coverage by distance only. */
  capacity?: CapacityOptions | null;
  /**
   * Compute every facility's catchment (estates within the service distance: estatesServed,
   * householdsServed) up front. Default: only with capacity options, which need them; without, the
   * plain question is one multi-source search and catchments are built on the first `servedBy`.
   */
  catchments?: boolean;
  /** Side of the square demand cells merged into underserved zones, metres. Default 250. */
  zoneCellM?: number;
  /**
   * Side of the square planning blocks underserved zones are split at, metres (rounded to whole
   * cells). A zone is a connected group of cells inside one block, so a city whose estates are mostly
   * underserved gives zones a planner can act on (and an edit re-traces only the blocks it touched),
   * not one polygon over the whole city. Default 2000 (about a 15-minute walk across).
   */
  zoneBlockM?: number;
}

export interface CoverageInput {
  estates: Estate[];
  facilities: Facility[];
  network: CoverageNetwork | null;
  options: CoverageOptions;
  /**
   * The estates' placements on the network from another session (another facility kind's):
   * reused when they were snapped from the same estates array and snapper in the same way, so a run
   * over five kinds snaps each estate once; otherwise ignored.
   */
  placements?: EstatePlacements | null;
}

/** Why an estate or facility has no distance: no coordinates, or farther than maxSnapM from the network. */
export type UnplacedReason = 'no-location' | 'off-network';

/** One estate's reach to the nearest facility (serialisable). */
export interface EstateCoverage {
  id: string;
  name: string;
  households: number | null;
  /** Given residents, else households × personsPerHousehold; null when neither is known. */
  residents: number | null;
  /** Id of the nearest facility (lowest facility order on ties); null when none is reachable. */
  nearestFacility: string | null;
  /** Along the network between the two snapped points; null in straight-line mode or when unreached. */
  networkM: number | null;
  /** Estate's plus facility's straight-line access legs; null in straight-line mode or when unreached. */
  accessM: number | null;
  /** networkM + accessM (network mode) or the great-circle distance (straight-line mode). */
  distanceM: number | null;
  /** distanceM at the walking speed. */
  minutes: number | null;
  covered: boolean;
  /** No location, or farther than maxSnapM from the network (never silently dropped). */
  offNetwork: boolean;
  reason: UnplacedReason | null;
  /** The estate's own access leg (distance to its snapped position); null when not snapped. */
  snapM: number | null;
  /** Demand in the capacity unit; null without capacity options or when residents/households are unknown. */
  demand: number | null;
  /**
   * 2SFCA accessibility A_i: supply per unit of demand reachable (≥ 1 means enough); null without capacity
   * options, off the network, or when every facility within reach has an unknown capacity (facilities of
   * unknown capacity add nothing to A_i where some capacities are known).
   */
  supplyDemandRatio: number | null;
  /** On the network and not covered, or covered only by facilities whose load is above 1 (false off-network). */
  underserved: boolean;
}

/** One facility's catchment and load (serialisable). */
export interface FacilityCoverage {
  id: string;
  name: string;
  kind: FacilityKind;
  offNetwork: boolean;
  snapM: number | null;
  /** Capacity in the chosen field's unit; null when not given (or without capacity options). */
  capacity: number | null;
  /**
   * Estates within the service distance (the facility's catchment); null when catchments were not
   * computed (no capacity options and `catchments` not set).
   */
  estatesServed: number | null;
  /** Households of those estates; null like estatesServed. */
  householdsServed: number | null;
  /** Σ demand of the estates in the catchment; null without capacity options. */
  demand: number | null;
  /** demand / capacity (> 1: over capacity); null when capacity is unknown. */
  load: number | null;
  /** 2SFCA R_j = capacity / demand; null when capacity is unknown or the catchment has no demand. */
  supplyRatio: number | null;
}

export interface CoverageSummary {
  estates: number;
  estatesCovered: number;
  estatesOffNetwork: number;
  estatesUnderserved: number;
  /** All estates' households (known values). */
  households: number;
  householdsCovered: number;
  /** Households of estates with no location or off the network (not in pctCovered, not underserved). */
  householdsOffNetwork: number;
  /** householdsCovered / (households − householdsOffNetwork) × 100; null when none are on the network. */
  pctCovered: number | null;
  residents: number;
  residentsCovered: number;
  householdsUnderserved: number;
  residentsUnderserved: number;
  /** Estates whose households and residents are both unknown (counted nowhere above). */
  estatesWithoutHouseholds: number;
  facilities: number;
  facilitiesOffNetwork: number;
  facilitiesOverCapacity: number;
  facilitiesCapacityUnknown: number;
  /**
   * Σ demand of estates on the network, Σ capacity of live facilities and Σ unmet demand
   * (demand × max(0, 1 − A_i)), in the capacity unit; null without capacity options.
   */
  demand: number | null;
  capacity: number | null;
  demandUnmet: number | null;
}

export interface CoverageParameters {
  mode: CoverageMode;
  snap: SnapMode | null;
  maxSnapM: number | null;
  minutes: number;
  speedMps: number;
  /** minutes × 60 × speed. */
  thresholdM: number;
  personsPerHousehold: number;
  kinds: FacilityKind[];
  capacity: CapacityOptions | null;
  /** Unit of demand and capacity: `places`, `beds` or `m²`; null without capacity options. */
  capacityUnit: string | null;
  zoneCellM: number;
  zoneBlockM: number;
}

/** Properties of one underserved zone (a merged group of demand cells). */
export interface UnderservedZoneProperties {
  mode: CoverageMode;
  zone: number;
  cells: number;
  estateIds: string[];
  households: number;
  residents: number;
  /** Σ demand of the zone's underserved estates; null without capacity options. */
  demand: number | null;
  /** Σ demand × max(0, 1 − A_i): places / beds / m² missing; null without capacity options. */
  missing: number | null;
  unit: string | null;
  fill: string;
  'fill-opacity': number;
  stroke: string;
  'stroke-width': number;
}

export type UnderservedZones = FeatureCollection<Polygon, UnderservedZoneProperties>;

/** The whole answer; every part is plain JSON. */
export interface CoverageResult {
  mode: CoverageMode;
  parameters: CoverageParameters;
  estates: EstateCoverage[];
  facilities: FacilityCoverage[];
  summary: CoverageSummary;
  underserved: UnderservedZones;
}

/** What one what-if edit changed. */
export interface CoverageUpdate {
  /** Estates whose row may have changed, in estate order. */
  estates: EstateCoverage[];
  /** The edited facility after the edit; null when it was removed. */
  facility: FacilityCoverage | null;
  summary: CoverageSummary;
}

/** A facility placed for service-area drawing. */
export interface ServiceAreaSource {
  id: string;
  location: readonly [number, number];
  /** Its attachment to the network (absent in straight-line mode). */
  snapped?: SnappedPoint;
}

export interface ServiceAreaProperties {
  facilityId: string;
  minutes: number;
  /** minutes × 60 × speed. */
  distanceM: number;
  mode: CoverageMode;
  fill: string;
  'fill-opacity': number;
  stroke: string;
  'stroke-width': number;
}

export type ServiceAreaFeature = Feature<Polygon | MultiPolygon, ServiceAreaProperties>;

/** Service areas; `offNetwork` lists facilities that got no polygon because they are not on the network. */
export interface ServiceAreaCollection extends FeatureCollection<
  Polygon | MultiPolygon,
  ServiceAreaProperties
> {
  offNetwork: string[];
}
