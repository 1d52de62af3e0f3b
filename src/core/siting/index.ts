/** Siting (建议选址): covering models on the walking network, heuristic first answer, HiGHS bound. */
export { proposeSites } from './propose-sites';
export { SitingRequestError, validateSitingRequest } from './validate-siting-request';
export { solveCovering, type CoveringModel, type SolveMethod } from './solve-covering';
export * from './siting-types';
export { proposalTable, type ProposalFigures } from './proposal-table';
export { proposalGeoJson, type ProposedSiteProperties } from './proposal-geojson';
