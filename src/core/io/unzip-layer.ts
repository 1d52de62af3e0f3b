import { unzipSync } from 'fflate';

/** A shapefile layer's parts, inflated; the other entries of the zip are listed, never inflated. */
export interface ZipLayer {
  /** Every entry's name (directories and __MACOSX left out). */
  names: string[];
  /** The .shp entries, in zip order; the first is the layer read. */
  shpNames: string[];
  /** The parts of the first layer by lower-case extension (shp, dbf, prj, cpg), when present. */
  parts: Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', Uint8Array>>;
  /** Parts whose declared inflated size exceeds the limit, with that size; not inflated. */
  tooLarge: { name: string; size: number }[];
}

const PARTS = ['shp', 'dbf', 'prj', 'cpg'] as const;

/**
 * Read the central directory of a zip and inflate only the .shp/.dbf/.prj/.cpg of its first
 * shapefile layer, each only when its declared size is within `maxEntryBytes` (fflate inflates into a
 * buffer of the declared size, so the declaration bounds the memory). Throws fflate's error for a zip
 * that cannot be read.
 * @param bytes the .zip file
 * @param maxEntryBytes the largest part to inflate
 * @returns the entry names, the layer's parts and the parts refused as too large
 * @example unzipLayer(zip, 512 * 2 ** 20).parts.shp
 */
export function unzipLayer(bytes: Uint8Array, maxEntryBytes: number): ZipLayer {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (entry) => {
      if (!entry.name.endsWith('/') && !entry.name.includes('__MACOSX')) names.push(entry.name);
      return false;
    },
  });
  const shpNames = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  const first = shpNames[0];
  const parts: ZipLayer['parts'] = {};
  const tooLarge: ZipLayer['tooLarge'] = [];
  if (first === undefined) return { names, shpNames, parts, tooLarge };
  const base = first.slice(0, -4).toLowerCase();
  const wanted = new Map<string, (typeof PARTS)[number]>();
  for (const ext of PARTS) {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`);
    if (name !== undefined) wanted.set(name, ext);
  }
  const seen = new Set<string>();
  const files = unzipSync(bytes, {
    filter: (entry) => {
      // A name repeated in the directory is inflated once.
      if (!wanted.has(entry.name) || seen.has(entry.name)) return false;
      seen.add(entry.name);
      if (entry.originalSize > maxEntryBytes) {
        tooLarge.push({ name: entry.name, size: entry.originalSize });
        return false;
      }
      return true;
    },
  });
  for (const [name, data] of Object.entries(files)) {
    const ext = wanted.get(name);
    if (ext !== undefined && parts[ext] === undefined) parts[ext] = data;
  }
  return { names, shpNames, parts, tooLarge };
}
