/** Test-only generator of a seeded OSM XML street grid, large enough to exercise progress reports. */
import { mulberry32 } from '../../bench/w1-workload';

/**
 * A side × side grid of residential ways (rows and columns) with jittered nodes, as OSM XML; about
 * 115 bytes per node, so side 200 gives ≈ 4.6 MB, sliced in ≈ 1 % steps when progress is watched.
 */
export function gridOsm(side: number, seed: number): string {
  const next = mulberry32(seed);
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n'];
  const id = (r: number, c: number) => r * side + c + 1;
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const lon = 121 + c * 0.001 + ((next() % 100) - 50) * 1e-6;
      const lat = 31 + r * 0.0009 + ((next() % 100) - 50) * 1e-6;
      parts.push(`  <node id="${id(r, c)}" version="1" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>\n`);
    }
  let way = 1;
  const addWay = (refs: number[]) => {
    parts.push(`  <way id="${way++}" version="1">\n`);
    for (const ref of refs) parts.push(`    <nd ref="${ref}"/>\n`);
    parts.push('    <tag k="highway" v="residential"/>\n  </way>\n');
  };
  for (let r = 0; r < side; r++) addWay(Array.from({ length: side }, (_, c) => id(r, c)));
  for (let c = 0; c < side; c++) addWay(Array.from({ length: side }, (_, r) => id(r, c)));
  parts.push('</osm>\n');
  return parts.join('');
}
