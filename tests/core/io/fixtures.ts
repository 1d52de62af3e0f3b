import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of a file in tests/fixtures/io/in (see the README there for how each was made). */
export const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/in/${name}`, import.meta.url))));

/** A JSON file in tests/fixtures/io/out. */
export const expected = <T>(name: string): T =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/io/out/${name}`, import.meta.url)), 'utf8'),
  ) as T;

/** Rows with at least one error (file-level errors, row 0, excluded). */
export const errorRows = (errors: readonly { row: number }[]): number =>
  new Set(errors.filter((e) => e.row > 0).map((e) => e.row)).size;
