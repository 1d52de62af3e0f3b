/** Candidates from a file (建议选址 → 候选点：文件): the usable points and every rejected row. */
import type { FacilityImport } from '../core';
import type { CandidateFile } from './siting-types';

/**
 * The candidates a file gives, read by the facilities' import (same formats, header aliases, CRS and
 * checks): each usable row is a candidate with its id column (else its row number) and its location
 * (a parcel's as the importer places it); each rejected row is kept with the file's name, never dropped.
 * @param fileName the user's file name (named in every listed problem)
 * @param result what importFacilities returned for the file
 * @returns the candidates and the rejected rows
 * @example candidateFile('候选.csv', importFacilities({ data, fileName: '候选.csv', defaultKind: 'nursery' }))
 */
export function candidateFile(fileName: string, result: FacilityImport): CandidateFile {
  return {
    fileName,
    candidates: result.facilities.map((f) => ({ id: f.id, location: f.location })),
    errors: result.errors.map((e) => ({ ...e, file: fileName })),
    rowCount: result.rowCount,
  };
}
