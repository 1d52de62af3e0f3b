/**
 * A problem with the OSM input itself (not a bug): the message names the element, its id when it
 * has one, where it is, and what was expected. The caller prefixes the file name.
 */
export class OsmReadError extends Error {
  override name = 'OsmReadError';
}
