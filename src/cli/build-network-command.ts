import { parseArgs } from 'node:util';
import { serializeGraph } from '../core';
import { UsageError } from './errors';
import { loadNetwork } from './load-network';
import { nonNegativeNumber } from './flag-values';
import { writeOutput } from './input-file';
import { refuseInputAsOutput } from './output-file';

/**
 * `lifecircle build-network <osm> -o <file> [--min-component n]`: builds the walking graph once and writes
 * the compact binary form that `coverage --network` loads in milliseconds.
 * @param argv arguments after `build-network`
 * @returns 0 on success
 */
export async function runBuildNetwork(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, 'min-component': { type: 'string' } },
  });
  const input = positionals[0];
  if (!input || !values.out)
    throw new UsageError('usage: lifecircle build-network <osm file> -o <graph file>');
  await refuseInputAsOutput(values.out, [input]);
  const { network, report, built } = await loadNetwork(
    input,
    nonNegativeNumber(values['min-component'], '--min-component'),
  );
  if (built) throw new UsageError(`${input} is already a built graph file`);
  await writeOutput(serializeGraph(network.graph, report ?? undefined), values.out);
  const r = report;
  process.stderr.write(
    `${values.out}: ${network.graph.nodeCount} nodes, ${r?.edges ?? '?'} edges; dropped ${r?.droppedNodes ?? 0} nodes in ${r?.droppedComponents ?? 0} components smaller than the minimum\n`,
  );
  return 0;
}
