import { readFile } from 'node:fs/promises';
import { UsageError } from './errors';
import { writeThrough } from './output-file';

/**
 * Reads a user's file as bytes, turning file-system failures into one clear line.
 * @param path the path given on the command line
 * @param what what the file is, for the message (e.g. "estates file")
 * @returns the file's bytes
 */
export async function readInputFile(path: string | undefined, what: string): Promise<Uint8Array> {
  if (!path) throw new UsageError(`missing ${what}`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new UsageError(`cannot read ${what} "${path}": ${why}`);
  }
}

/**
 * Writes a command's output to `--out` (through a temporary file renamed into place), or to standard
 * output when no file is given.
 * @param text the output
 * @param out the `--out` path, if any
 */
export async function writeOutput(text: string | Uint8Array, out: string | undefined): Promise<void> {
  await writeThrough(out, (write) => write(text));
}
