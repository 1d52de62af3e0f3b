import { describe, expect, it } from 'vitest';
import { estatesCsv, facilitiesCsv } from '../../scripts/city/city-csv';
import { generateCity } from '../../scripts/city/generate-city';
import { writeCityPbf } from '../../scripts/city/write-city-pbf';
import { buildWalkingGraph } from '../../src/core/network/build-walking-graph';
import { importEstates } from '../../src/core/io/import-estates';
import { importFacilities } from '../../src/core/io/import-facilities';
import { FACILITY_KINDS } from '../../src/core/model/facility';

// A small city (about 30,000 nodes) keeps the test fast; the full-size one is timed in tests/bench.
const city = generateCity({ seed: 7, nodes: 30_000, estates: 500, facilities: 100 });

describe('generateCity', () => {
  it('is deterministic for a seed and different for another', () => {
    const again = generateCity({ seed: 7, nodes: 30_000, estates: 500, facilities: 100 });
    expect(again.units).toEqual(city.units);
    expect(again.estates).toEqual(city.estates);
    const other = generateCity({ seed: 8, nodes: 30_000, estates: 500, facilities: 100 });
    expect(other.estates[0]!.location).not.toEqual(city.estates[0]!.location);
  });

  it('makes one connected walking network of about the asked size', () => {
    expect(city.graph.nodeCount).toBeGreaterThan(25_000);
    expect(city.graph.nodeCount).toBeLessThan(35_000);
    expect(city.report.componentSizes).toEqual([city.graph.nodeCount]);
    expect(city.report.droppedNodes).toBe(0);
  });

  it('writes a PBF file that imports into the same graph as the in-process one', async () => {
    const bytes = writeCityPbf(city.streets, city.units, 'test');
    const { graph } = await buildWalkingGraph(bytes);
    expect(graph.nodeCount).toBe(city.graph.nodeCount);
    expect(graph.coords).toEqual(city.graph.coords);
    expect(graph.offsets).toEqual(city.graph.offsets);
    expect(graph.targets).toEqual(city.graph.targets);
    expect(graph.lengths).toEqual(city.graph.lengths);
  });

  it('writes estate and facility tables the importer reads back without errors', () => {
    const estates = importEstates({ data: estatesCsv(city.estates), fileName: 'estates.csv' });
    expect(estates.errors).toEqual([]);
    expect(estates.estates).toHaveLength(500);
    estates.estates.forEach((e, k) => {
      const want = city.estates[k]!;
      expect(e.households).toBe(want.households);
      expect(e.status).toBe(want.status);
      expect(e.location![0]).toBeCloseTo(want.location![0], 9);
      expect(e.location![1]).toBeCloseTo(want.location![1], 9);
    });
    const facilities = importFacilities({ data: facilitiesCsv(city.facilities), fileName: 'facilities.csv' });
    expect(facilities.errors).toEqual([]);
    expect(facilities.facilities.map((f) => f.kind)).toEqual(city.facilities.map((f) => f.kind));
    expect(new Set(city.facilities.map((f) => f.kind))).toEqual(new Set(FACILITY_KINDS));
    expect(facilities.facilities[0]!.capacity).toEqual(city.facilities[0]!.capacity);
  });
});
