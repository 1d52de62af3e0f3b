/**
 * Opening the bundled demo inside the worker: it fetches the files from the app's own origin,
 * imports estates and facilities and builds the street network in one request. No step waits for the
 * main thread, which at start-up is busy creating the map (its first frames held the demo's files
 * 0.8–1.3 s before they could be passed on, measured in headless chromium with software WebGL).
 */
import { importEstates, importFacilities } from '../core';
import type { DemoFile, DemoOpened, DemoOpenRequest, NetworkLoaded } from './protocol';

/** Reads a same-origin file as bytes; a failed response names the file and its HTTP status. */
export async function fetchBytes(file: DemoFile): Promise<Uint8Array> {
  const res = await fetch(file.url);
  if (!res.ok) throw new Error(`${file.fileName}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * @param request where the demo's estates, facilities and OSM streets are, and their file names
 * @param buildNetwork builds and keeps the worker's network from OSM bytes (the `network/load` handler)
 * @param read fetches one file (tests pass their own)
 * @returns the imports, as `import/estates` and `import/facilities` return them, and the network
 * @example openDemo(req, (bytes) => handlers['network/load']({ bytes, fileName }, ctx))
 */
export async function openDemo(
  request: DemoOpenRequest,
  buildNetwork: (osm: Uint8Array) => NetworkLoaded | Promise<NetworkLoaded>,
  read: (file: DemoFile) => Promise<Uint8Array> = fetchBytes,
): Promise<DemoOpened> {
  const [estateBytes, facilityBytes, osm] = await Promise.all([
    read(request.estates),
    read(request.facilities),
    read(request.network),
  ]);
  const estates = importEstates({ data: estateBytes, fileName: request.estates.fileName });
  const facilities = importFacilities({ data: facilityBytes, fileName: request.facilities.fileName });
  return { estates, facilities, network: await buildNetwork(osm) };
}
