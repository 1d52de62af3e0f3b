/**
 * The worker's `site` request: runs the core's proposeSites on the network the worker holds and the
 * scenario's estates and facilities, with progress, Cancel, and the first (heuristic) answer sent
 * ahead of the final one. HiGHS is loaded from the app's own assets; without it the heuristic's answer
 * is the final one, with a warning.
 */
import type { CoverageNetwork, ProfileParameters } from '../core';
import { proposeSites } from '../core/siting/propose-sites';
import type { SitingProposal } from '../core/siting/siting-types';
import { HIGHS_UNAVAILABLE } from './protocol';
import type { HandlerContext } from './host';
import { loadHighsOnce } from './load-highs';
import type { SiteRequest } from './protocol';
import { sitingRequest } from './siting-request';

/**
 * Proposes sites for one facility kind.
 * @param network the worker's street network (siting needs one)
 * @param parameters the profile's parameters with the scenario's overrides (service minutes, speed, demand)
 * @param req the scenario's estates and facilities, the profile, and the user's choices
 * @param ctx progress, Cancel, and the early answer
 * @returns the final proposal
 * @example await siteInWorker(network, p, { kind: 'nursery', model: 'mclp', count: 3, … }, ctx)
 */
export async function siteInWorker(
  network: CoverageNetwork | null,
  parameters: ProfileParameters,
  req: SiteRequest,
  ctx: HandlerContext,
): Promise<SitingProposal> {
  if (!network) throw new Error('Siting needs a street network: load one first');
  ctx.progress(null, 'highs');
  const { highs, error } = await loadHighsOnce();
  await ctx.checkpoint();
  const request = sitingRequest(req, parameters);
  const kinds = new Set([req.kind, ...(request.joint ?? []).map((j) => j.kind)]);
  const proposal = await proposeSites(
    { network, estates: req.estates, facilities: req.facilities.filter((f) => kinds.has(f.kind)), highs },
    request,
    {
      signal: ctx.signal,
      onProgress: (phase: string, done: number, total: number) =>
        ctx.progress(total > 0 ? done / total : null, phase),
      onFirstAnswer: (first: SitingProposal) => ctx.partial(first),
      checkpoint: () => ctx.checkpoint(),
    },
  );
  await ctx.checkpoint();
  return highs
    ? proposal
    : { ...proposal, warnings: [...proposal.warnings, `${HIGHS_UNAVAILABLE}: ${error}`] };
}
