import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ByteChunks } from '../core';
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
    throw cannotRead(error, what, path);
  }
}

function cannotRead(error: unknown, what: string, path: string): UsageError {
  const code = (error as { code?: string }).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
  return new UsageError(`cannot read ${what} "${path}": ${why}`);
}

/** Bytes read from the file at a time when it is read in pieces. */
const BLOCK_BYTES = 1 << 20;

/**
 * A user's file read in pieces, for the core's streamed import: each call of the result reads the
 * file again from its first byte, a block at a time (synchronously, so that the core's chunk
 * generators can pull the next block as they need it); the file is closed when a pass ends or is
 * left early. The first block is read at once, so that a missing file fails here, with one clear line.
 * @param path the path given on the command line
 * @param what what the file is, for the message (e.g. "estates file")
 * @returns the file's first block (for format sniffing) and its passes
 * @throws UsageError when the file cannot be read
 */
export function readInputChunks(path: string, what: string): { head: Uint8Array; chunks: ByteChunks } {
  function* pass(): Generator<Uint8Array, void> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw cannotRead(error, what, path);
    }
    try {
      for (;;) {
        const block = new Uint8Array(BLOCK_BYTES);
        let read: number;
        try {
          read = readSync(fd, block, 0, BLOCK_BYTES, null);
        } catch (error) {
          throw cannotRead(error, what, path);
        }
        if (read === 0) return;
        yield read === BLOCK_BYTES ? block : block.subarray(0, read);
      }
    } finally {
      closeSync(fd);
    }
  }
  const probe = pass();
  const first = probe.next();
  probe.return();
  return { head: first.done ? new Uint8Array() : first.value, chunks: pass };
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
