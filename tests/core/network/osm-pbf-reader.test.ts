import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWalkingGraph, OsmReadError, sniffOsmFormat } from '../../../src/core/network';
import { parseOsmSimple } from './simple-osm';
import { writeOsmPbf } from './write-osm-pbf';

// The PBF files are generated here from the hand-made XML fixture (no PBF file is stored).
const xml = readFileSync(new URL('../../fixtures/network/in/walking-filters.osm', import.meta.url), 'utf8');
const osm = parseOsmSimple(xml);

describe('OSM PBF reader', () => {
  it.each([
    { dense: true, compress: true, blockSize: 8000 },
    { dense: true, compress: false, blockSize: 5 },
    { dense: false, compress: true, blockSize: 7 },
  ])('reads back the XML fixture written as PBF (%o)', async (options) => {
    const pbf = writeOsmPbf(osm, options);
    expect(sniffOsmFormat(pbf)).toBe('pbf');
    const fromPbf = await buildWalkingGraph(pbf, { minComponent: 2 });
    const fromXml = await buildWalkingGraph(xml, { minComponent: 2 });
    expect(fromPbf.graph).toEqual(fromXml.graph);
    expect(fromPbf.report).toEqual(fromXml.report);
  });

  it('rejects damaged or unsupported files with a clear message', async () => {
    const pbf = writeOsmPbf(osm, { dense: true, compress: true, blockSize: 100 });
    await expect(buildWalkingGraph(pbf.subarray(0, pbf.length - 10), { format: 'pbf' })).rejects.toThrow(
      /OSM PBF: blob \d+ at byte \d+: truncated Blob/,
    );
    const historical = writeOsmPbf(osm, { dense: true, compress: false, blockSize: 100 });
    // Rename the required feature "DenseNodes" to "DenseNodeZ" inside the raw OSMHeader blob.
    const at = Buffer.from(historical).indexOf('DenseNodes');
    historical[at + 9] = 'Z'.charCodeAt(0);
    await expect(buildWalkingGraph(historical)).rejects.toThrow(OsmReadError);
    await expect(buildWalkingGraph(historical)).rejects.toThrow(
      /required feature "DenseNodeZ" is not supported/,
    );
  });
});
