/**
 * Reads a file of candidate sites (CSV/TSV, GeoJSON, XLSX, KML, zipped shapefile; points or parcels)
 * with the planner's facility import (readItems → the worker's importFacilities; KML on the main
 * thread), so candidates take the same formats, header aliases (经度/纬度, lon/lat …) and checks.
 */
import type { FacilityImport, FacilityKind } from '../../core';
import { candidateFile } from '../../store/candidate-file';
import type { CandidateFile } from '../../store/siting-types';
import { readItems } from './import-file';
import type { AnalysisRunner } from './runner';

/**
 * @param runner the analysis runner (its worker parses the file)
 * @param file the file the user picked
 * @param kind the proposal's kind (rows need no kind column)
 * @returns the usable candidates and every rejected row
 * @example const read = await readCandidateFile(runner, input.files[0], 'nursery')
 */
export async function readCandidateFile(
  runner: AnalysisRunner,
  file: File,
  kind: FacilityKind,
): Promise<CandidateFile> {
  const result = (await readItems(runner, {
    file,
    target: 'facilities',
    crs: null,
    fieldMap: {},
    defaultKind: kind,
  })) as FacilityImport;
  return candidateFile(file.name, result);
}
