/**
 * The analysis worker's handlers: core calls and the state they need between requests (the graph,
 * its snapper, one coverage session per facility kind). Nothing here computes anything itself.
 */
import {
  buildReviewReport,
  buildWalkingGraph,
  CHINA_BOUNDS,
  createCoverageSession,
  type CoverageSession,
  createSnapper,
  DEFAULT_MAX_SNAP_M,
  DEFAULT_SEA_TOLERANCE_M,
  deserializeGraph,
  deserializeGraphReport,
  evaluateEstates,
  evaluateFacility,
  FACILITY_KINDS,
  importEstates,
  importFacilities,
  prepareImport,
  landCheck,
  landMaskFromTopology,
  reportServiceAreas,
  resolveParameters,
  reviewReportHtml,
  serializeGraph,
  serviceAreaGeometry,
  straightLineServiceAreaGeometry,
  type CoverageNetwork,
  type FacilityKind,
  type LandMask,
  type LandTopology,
  type ProfileParameters,
  type RuleProfile,
  type FlatServiceAreas,
} from '../core';
import landUrl from 'world-atlas/land-10m.json?url';
import { resolveProfile, type ProfileChoice } from '../profiles';
import { coverageOptionsForKind as coverageOptions } from '../core';
import { applyCoverageEdits, kindCoverageState, type KindCoverageState } from './coverage-edits';
import { openDemo } from './demo-open';
import { graphSegments } from './graph-segments';
import { siteInWorker } from './site-handler';
import type { Handler, HandlerContext } from './host';
import type {
  CoverageRequest,
  CoverageResponse,
  NetworkLoaded,
  RequestMap,
  RequestType,
  TestHookRequestType,
} from './protocol';

/** Budgets drawn as nested service areas (the 5/10/15-minute life circles of GB 50180-2018). */
export const SERVICE_AREA_MINUTES = [5, 10, 15];

type Req<T extends RequestType> = RequestMap[T][0];
type Res<T extends RequestType> = RequestMap[T][1];
type Handlers = {
  [T in Exclude<RequestType, TestHookRequestType>]: (
    data: Req<T>,
    ctx: HandlerContext,
  ) => Res<T> | Promise<Res<T>>;
};

/** The profile a request names (a user profile comes with the request), or an error naming the id. */
function profileOf(choice: ProfileChoice): RuleProfile {
  const profile = resolveProfile(choice);
  if (!profile) throw new Error(`Unknown rule profile "${choice.profileId}"`);
  return profile;
}

function profileAndParameters(choice: ProfileChoice, overrides: Record<string, number>) {
  const profile = profileOf(choice);
  const text = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, String(v)]));
  return { profile, ...resolveParameters(profile, text) };
}

export interface HandlerOptions {
  /** Loads the land polygons for the in-the-sea check; default: world-atlas's 1:10m land, fetched from the app's own assets. */
  loadLand?: () => Promise<LandTopology>;
}

/** Natural Earth 1:10m land (3 MB): fetched only when an import review first asks, never at start-up. */
const fetchLand = async (): Promise<LandTopology> => {
  // Absolute: the worker runs from a blob: URL (main.tsx), against which a path cannot be resolved.
  const response = await fetch(new URL(landUrl, import.meta.url));
  if (!response.ok) throw new Error(`land mask: ${landUrl} answered ${response.status}`);
  return (await response.json()) as LandTopology;
};

/**
 * Creates the handler table with fresh state.
 * @param options where the land mask comes from (tests pass a file reader)
 * @returns request type → handler, for `serve(self, createHandlers())`
 */
export function createHandlers(options: HandlerOptions = {}): Record<string, Handler> {
  let network: CoverageNetwork | null = null;
  let land: Promise<LandMask | null> | null = null;
  // A failed load is reported as "no sea check" and retried on the next request.
  const landMask = (): Promise<LandMask | null> =>
    (land ??= (options.loadLand ?? fetchLand)().then(
      // Points outside China are refused by the import, so the coast they could need is all there is.
      (topology) => landMaskFromTopology(topology, { region: CHINA_BOUNDS }),
      () => {
        land = null;
        return null;
      },
    ));
  let sessions = new Map<FacilityKind, KindCoverageState>();
  let parameters: ProfileParameters | null = null;

  const loaded = (graphBytes: Uint8Array, report: NetworkLoaded['report']): NetworkLoaded => {
    const graph = deserializeGraph(graphBytes);
    network = { graph, snapper: createSnapper(graph) };
    sessions.clear();
    // The graph views graphBytes in place, so the app gets its own copy to keep.
    return { report, ...graphSegments(graph), graphBytes: graphBytes.slice() };
  };

  /** The kind's service areas (all, or those of `ids`) in the flat layout the page receives transferred. */
  const serviceAreas = (kind: FacilityKind, ids: string[] | null): FlatServiceAreas => {
    const session = sessions.get(kind)?.session;
    const sources =
      session && parameters
        ? session.serviceAreaSources().filter((s) => ids === null || ids.includes(s.id))
        : [];
    const options = { minutes: SERVICE_AREA_MINUTES, speedMps: parameters?.walkingSpeed ?? 1 };
    return network
      ? serviceAreaGeometry(network.graph, sources, options)
      : straightLineServiceAreaGeometry(sources, options);
  };

  const handlers: Handlers = {
    ping: () => ({ ok: true }),
    'network/load': async ({ bytes, minComponent }, ctx) => {
      ctx.progress(0, 'read');
      const { graph, report } = await buildWalkingGraph(bytes, {
        ...(minComponent === undefined ? {} : { minComponent }),
        onProgress: ctx.progress,
      });
      return loaded(serializeGraph(graph, report), report);
    },
    'network/restore': ({ graphBytes }) => {
      const report = deserializeGraphReport(graphBytes);
      if (!report) throw new Error('The stored street network has no build report');
      return loaded(graphBytes, report);
    },
    'network/clear': () => {
      network = null;
      sessions.clear();
      return { ok: true };
    },
    // An .xlsx workbook is unzipped and read first (prepareImport), as the CLI does.
    'import/estates': async (input, ctx) =>
      importEstates({ ...(await prepareImport(input)), onProgress: ctx.progress }),
    'import/facilities': async (input, ctx) =>
      importFacilities({ ...(await prepareImport(input)), onProgress: ctx.progress }),
    'import/check': async ({ points, crs, maxSnapM }) => {
      const mask = await landMask();
      const sea = mask ? { ...landCheck(mask, points, crs), toleranceM: DEFAULT_SEA_TOLERANCE_M } : null;
      if (!network) return { sea, offNetwork: null };
      const off: number[] = [];
      for (let i = 0; i < points.length / 2; i++) {
        const snapped = network.snapper.snap(points[2 * i]!, points[2 * i + 1]!, { mode: 'edge', maxSnapM });
        if (snapped.offNetwork) off.push(i);
      }
      return { sea, offNetwork: Uint32Array.from(off) };
    },
    'demo/open': (request, ctx) =>
      openDemo(request, (bytes) =>
        handlers['network/load']({ bytes, fileName: request.network.fileName }, ctx),
      ),
    'rules/evaluate': (req) => {
      const { estates, profileId, overrides, defaultStatus } = req;
      const { profile, parameters: p, errors, errorsZh } = profileAndParameters(req, overrides);
      const result = evaluateEstates(estates, profile, p, defaultStatus ? { defaultStatus } : {});
      return { ...result, parameters: p, parameterErrors: errors, parameterErrorsZh: errorsZh, profileId };
    },
    'rules/facility': (req) => {
      const { facility, overrides } = req;
      const { profile, parameters: p } = profileAndParameters(req, overrides);
      return evaluateFacility(facility, profile, p);
    },
    'coverage/run': async (req: CoverageRequest, ctx) => {
      const started = performance.now();
      const p = profileAndParameters(req, req.overrides).parameters;
      // Built aside and swapped in when complete: a cancelled run leaves the sessions as they were.
      const built = new Map<FacilityKind, KindCoverageState>();
      const byKind: CoverageResponse['byKind'] = {};
      // One step per kind, and the service areas as one more; Cancel is heard between steps.
      const steps = FACILITY_KINDS.length + (req.serviceAreaKind ? 1 : 0);
      // The estates are snapped once, by the first kind's session, and shared with the others.
      let placements: CoverageSession['placements'] = null;
      for (const [k, kind] of FACILITY_KINDS.entries()) {
        ctx.progress(k / steps, 'coverage');
        await ctx.checkpoint();
        const session = createCoverageSession({
          estates: req.estates,
          facilities: req.facilities.filter((f) => f.kind === kind),
          network,
          options: coverageOptions(kind, p),
          placements,
        });
        placements = session.placements;
        const { state, result } = kindCoverageState(session, req.estates);
        built.set(kind, state);
        byKind[kind] = result;
      }
      const kind = req.serviceAreaKind;
      if (kind) ctx.progress(FACILITY_KINDS.length / steps, 'serviceAreas');
      await ctx.checkpoint();
      sessions = built;
      parameters = p;
      return {
        byKind,
        serviceAreas: kind
          ? { kind, replaceAll: true, facilityIds: [], areas: serviceAreas(kind, null) }
          : null,
        elapsedMs: performance.now() - started,
      };
    },
    'coverage/edit': ({ ops, serviceAreaKind }) => {
      const started = performance.now();
      const { byKind, facilityIds } = applyCoverageEdits(sessions, ops);
      const kind = serviceAreaKind;
      return {
        byKind,
        serviceAreas:
          kind && byKind[kind]
            ? { kind, replaceAll: false, facilityIds, areas: serviceAreas(kind, facilityIds) }
            : null,
        elapsedMs: performance.now() - started,
      };
    },
    site: (req, ctx) => siteInWorker(network, profileAndParameters(req, req.overrides).parameters, req, ctx),
    'coverage/served-by': ({ estateId }) =>
      Object.fromEntries([...sessions].map(([kind, { session }]) => [kind, session.servedBy(estateId)])),
    'report/html': (req) => {
      const profile = profileOf(req);
      // The sessions of the kinds reported: their facilities are the scenario's after every what-if edit.
      const reported = Object.fromEntries(
        [...sessions].filter(([kind]) => req.coverage[kind]).map(([kind, { session }]) => [kind, session]),
      );
      const report = buildReviewReport({
        profile,
        parameters: req.parameters,
        estates: req.estates,
        results: req.results,
        coverage: req.coverage,
        facilities: req.facilities,
        serviceAreas: reportServiceAreas(network, reported, req.parameters),
        streets: network ? graphSegments(network.graph).segments : null,
        date: req.date,
        lang: req.lang,
        userProfile: profile === req.userProfile,
        ...(req.subject ? { subject: req.subject } : {}),
      });
      return { html: reviewReportHtml(report), totals: report.totals };
    },
    'publish/build': async (req) => {
      if (!network)
        throw new Error('publish needs a street network: the residents’ page draws walking routes on it');
      const { profile, parameters: resolved, errors } = profileAndParameters(req, req.overrides);
      if (errors.length > 0) throw new Error(errors.join('; '));
      // Loaded on first use: the pinyin dictionary publishing needs is not part of the worker's start-up.
      const { buildPublishedScenario } = await import('../core/publish/build-published-scenario');
      const scenario = buildPublishedScenario({
        name: req.name,
        estates: req.estates,
        facilities: req.facilities,
        network,
        profile,
        profileSource: profile === req.userProfile ? 'user' : 'builtin',
        parameters: resolved,
        withinMinutes: SERVICE_AREA_MINUTES,
        publishedAt: req.publishedAt,
        maxSnapM: DEFAULT_MAX_SNAP_M,
      });
      return { scenario, network: serializeGraph(network.graph) };
    },
    'coverage/service-areas': ({ kind }) => ({
      byKind: {},
      serviceAreas: kind
        ? { kind, replaceAll: true, facilityIds: [], areas: serviceAreas(kind, null) }
        : null,
      elapsedMs: 0,
    }),
  };
  return handlers as unknown as Record<string, Handler>;
}
