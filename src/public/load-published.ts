/**
 * Loads a published bundle (scenario.json and the street network beside the page) and prepares it
 * for the questions the page asks: the graph and its snapper, the facilities snapped once.
 * Imports the core's modules one by one (not the core's index) so the page never bundles what only
 * publishing needs (the pinyin dictionary).
 */
import type { CoverageNetwork } from '../core/coverage/types';
import { createSnapper } from '../core/network/create-snapper';
import { deserializeGraph } from '../core/network/deserialize-graph';
import { createSearchResult, type SearchResult } from '../core/network/multi-source-search';
import type { PlacedService } from '../core/publish/nearest-services';
import {
  PUBLISHED_FORMAT,
  PUBLISHED_NETWORK_FILE,
  PUBLISHED_SCENARIO_FILE,
  PUBLISHED_VERSION,
  type PublishedScenario,
} from '../core/publish/published-scenario';
import { graphSegments } from '../worker/graph-segments';

export interface PublishedData {
  scenario: PublishedScenario;
  network: CoverageNetwork;
  /** The facilities, in scenario order, attached to the network. */
  services: PlacedService[];
  /** Street segments for the map. */
  streets: Float64Array;
  /** One search buffer reused by every question. */
  scratch: SearchResult;
}

/** Why the bundle cannot be used (shown to the resident as it is). */
export class PublishedLoadError extends Error {
  override name = 'PublishedLoadError';
}

async function fetchOk(url: URL): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new PublishedLoadError(`${url.pathname.split('/').pop()}: network error`);
  }
  if (!res.ok) throw new PublishedLoadError(`${url.pathname.split('/').pop()}: HTTP ${res.status}`);
  return res;
}

/**
 * @param base the page's URL (the bundle's files are beside it)
 * @returns the scenario, network and snapped facilities
 * @throws PublishedLoadError naming the file and what is wrong with it
 */
export async function loadPublished(base: string): Promise<PublishedData> {
  const [scenarioRes, networkRes] = await Promise.all([
    fetchOk(new URL(PUBLISHED_SCENARIO_FILE, base)),
    fetchOk(new URL(PUBLISHED_NETWORK_FILE, base)),
  ]);
  const scenario = (await scenarioRes.json().catch(() => null)) as PublishedScenario | null;
  if (!scenario || scenario.format !== PUBLISHED_FORMAT)
    throw new PublishedLoadError(`${PUBLISHED_SCENARIO_FILE}: not a LifeCircle published scenario`);
  if (!(scenario.version <= PUBLISHED_VERSION))
    throw new PublishedLoadError(
      `${PUBLISHED_SCENARIO_FILE}: version ${scenario.version} is newer than this page (${PUBLISHED_VERSION})`,
    );
  let graph;
  try {
    graph = deserializeGraph(new Uint8Array(await networkRes.arrayBuffer()));
  } catch (error) {
    throw new PublishedLoadError(`${PUBLISHED_NETWORK_FILE}: ${(error as Error).message}`);
  }
  const network: CoverageNetwork = { graph, snapper: createSnapper(graph) };
  const snap = { mode: 'edge' as const, maxSnapM: scenario.maxSnapM };
  const services = scenario.facilities.map((f) => ({
    category: f.category,
    snapped: network.snapper.snap(f.lng, f.lat, snap),
  }));
  return {
    scenario,
    network,
    services,
    streets: graphSegments(graph).segments,
    scratch: createSearchResult(graph.nodeCount),
  };
}
