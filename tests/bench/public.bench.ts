/**
 * The residents' page on the generated large city (issue #11: “first answer ≤ 200 ms after a search”
 * on a mid-range phone): the functions the page calls, on a published city (about a million street
 * nodes, 20,000 compounds, 2,000 facilities), built in-process by the same function `lifecircle
 * publish` and the planner's worker call.
 * - `public: nearest services (city)` — `nearestServices` from a compound: the 5/10/15-minute list
 *   (one bounded search) and the route to the nearest elderly-care and childcare facility (one bounded
 *   shortest path each), at the elderly walking speed; ratio against the same routes searched over
 *   the whole city with no bound (`public: whole-city routes (baseline)`);
 * - `public: compound search (city)` — `searchCompounds` for pinyin initials over 20,000 compounds;
 *   ratio against a plain substring filter of the names (the least a search can do);
 * - `publish: build scenario (city)` — `buildPublishedScenario`: pinyin of every compound and the
 *   places-free estimates (capacity-aware coverage of every kind).
 */
import { describe } from 'vitest';
import { generateCity, type City } from '../../scripts/city/generate-city';
import { createSnapper } from '../../src/core/network/create-snapper';
import { createSearchResult } from '../../src/core/network/multi-source-search';
import { shortestPath } from '../../src/core/network/shortest-path';
import {
  buildPublishedScenario,
  nearestServices,
  searchCompounds,
  type PlacedService,
  type PublishedScenario,
} from '../../src/core/publish';
import { getProfile } from '../../src/profiles';
import { benchAndRecord, recordBench, recordedCase, type BenchRecord, type Json } from './bench-results';
import { mulberry32 } from './w1-workload';

const profile = getProfile('hefei')!;

interface Published {
  city: City;
  scenario: PublishedScenario;
  network: { graph: City['graph']; snapper: ReturnType<typeof createSnapper> };
  services: PlacedService[];
}

let published: Published | null = null;
let buildMs = 0;
function publishedCity(): Published {
  if (published) return published;
  const city = generateCity({ estates: 20_000 });
  const network = { graph: city.graph, snapper: createSnapper(city.graph) };
  const started = performance.now();
  const scenario = buildPublishedScenario({
    name: 'city',
    estates: city.estates,
    facilities: city.facilities,
    network,
    profile,
    profileSource: 'builtin',
    parameters: profile.parameters,
    withinMinutes: [5, 10, 15],
    publishedAt: '2026-12-07T00:00:00.000Z',
    maxSnapM: 500,
  });
  buildMs = performance.now() - started;
  const services = scenario.facilities.map((f) => ({
    category: f.category,
    snapped: network.snapper.snap(f.lng, f.lat, { mode: 'edge', maxSnapM: scenario.maxSnapM }),
  }));
  published = { city, scenario, network, services };
  return published;
}

/** The case's record again, with the ratio of the baseline's median (measured earlier in this run) to its own. */
function withRatio(
  record: BenchRecord,
  name: string,
  baseline: string,
  key: string,
  slower = false,
): number | null {
  const b = recordedCase(baseline)?.medianMs;
  const value = b ? Math.round((slower ? record.medianMs / b : b / record.medianMs) * 10) / 10 : null;
  const { medianMs, minMs, maxMs, meanMs, samples, file: _file, recordedAt: _at, ...extra } = record;
  recordBench(
    name,
    { medianMs, minMs, maxMs, meanMs, samples },
    { ...(extra as Record<string, Json>), [key]: value },
  );
  return value;
}

describe('residents’ page on the city (generated, ~1M nodes)', () => {
  const next = mulberry32(11);
  const scratch = { current: null as ReturnType<typeof createSearchResult> | null };
  benchAndRecord(
    'public: whole-city routes (baseline)',
    () => {
      const p = publishedCity();
      const c = p.scenario.compounds[next() % p.scenario.compounds.length]!;
      const from = p.network.snapper.snap(c.lng, c.lat, { mode: 'edge', maxSnapM: 500 });
      scratch.current ??= createSearchResult(p.network.graph.nodeCount);
      for (const category of ['elderly', 'childcare'] as const) {
        const to = p.services.filter((s) => s.category === category).map((s) => s.snapped);
        shortestPath(p.network.graph, from, to, { reuse: scratch.current });
      }
    },
    { iterations: 30, time: 0, warmupIterations: 1, extra: () => ({ entry: 'shortestPath (no bound)' }) },
  );

  let answered = 0;
  let asked = 0;
  benchAndRecord(
    'public: nearest services (city)',
    () => {
      const p = publishedCity();
      const c = p.scenario.compounds[next() % p.scenario.compounds.length]!;
      const answer = nearestServices(p.network, p.services, [c.lng, c.lat], {
        speedMps: p.scenario.walkingSpeed.elderly,
        withinMinutes: p.scenario.withinMinutes,
        routeMinutes: 60,
        maxSnapM: p.scenario.maxSnapM,
        scratch: (scratch.current ??= createSearchResult(p.network.graph.nodeCount)),
      });
      asked++;
      if (answer.nearest.elderly) answered++;
    },
    {
      iterations: 200,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        entry: 'nearestServices',
        nodes: published?.city.graph.nodeCount ?? 0,
        facilities: published?.scenario.facilities.length ?? 0,
        targetMs: 200,
        shareWithElderlyCareFound: asked > 0 ? answered / asked : 0,
      }),
      onRecorded: (r) => {
        const x = withRatio(
          r,
          'public: nearest services (city)',
          'public: whole-city routes (baseline)',
          'timesFasterThanBaseline',
        );
        console.log(
          `public: nearest services: median ${r.medianMs.toFixed(2)} ms on ${published?.city.graph.nodeCount} nodes ` +
            `(${x}× faster than the unbounded routes)`,
        );
      },
    },
  );

  const queries = () => {
    const p = publishedCity();
    return p.scenario.compounds[next() % p.scenario.compounds.length]!;
  };
  benchAndRecord(
    'public: name filter (baseline)',
    () => {
      const c = queries();
      const q = c.name.slice(0, 2);
      publishedCity()
        .scenario.compounds.filter((x) => x.name.includes(q))
        .slice(0, 8);
    },
    { iterations: 200, time: 0, warmupIterations: 1, extra: () => ({ entry: 'Array.filter' }) },
  );
  benchAndRecord(
    'public: compound search (city)',
    () => {
      const c = queries();
      searchCompounds(publishedCity().scenario.compounds, c.initials.slice(0, 3), 8);
    },
    {
      iterations: 200,
      time: 0,
      warmupIterations: 1,
      extra: () => ({
        entry: 'searchCompounds',
        compounds: published?.scenario.compounds.length ?? 0,
        publishBuildMs: Math.round(buildMs),
      }),
      onRecorded: (r) => {
        const x = withRatio(
          r,
          'public: compound search (city)',
          'public: name filter (baseline)',
          'timesSlowerThanBaseline',
          true,
        );
        console.log(
          `public: compound search (${x}× the plain filter's time): median ${r.medianMs.toFixed(2)} ms over ${published?.scenario.compounds.length} compounds; ` +
            `buildPublishedScenario took ${(buildMs / 1000).toFixed(1)} s`,
        );
      },
    },
  );
});
