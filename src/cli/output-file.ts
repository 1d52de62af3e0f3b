import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { jsonChunks } from '../core';
import { UsageError } from './errors';

/** Where a command's output goes: text is written in pieces, then committed (or aborted on failure). */
export interface OutputSink {
  write(text: string | Uint8Array): Promise<void>;
  /** Moves the finished file into place (standard output: nothing to do). */
  commit(): Promise<void>;
  /** Removes the unfinished temporary file; the previous `--out` file, if any, is left as it was. */
  abort(): Promise<void>;
}

const whyNot = (error: unknown): string => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return String(code ?? error);
};

/**
 * Refuses an `--out` that is one of the inputs (same file, however it is spelled: the same device and
 * inode, so a relative path, a symlink or a hard link to the input are all caught).
 * @param out the `--out` path, if any
 * @param inputs the files the command reads
 * @throws UsageError naming both when they are the same file
 * @example await refuseInputAsOutput('a.csv', ['./a.csv']) // throws
 */
export async function refuseInputAsOutput(
  out: string | undefined,
  inputs: readonly (string | undefined)[],
): Promise<void> {
  if (!out) return;
  const target = await stat(out).catch(() => null);
  for (const input of inputs) {
    if (!input) continue;
    const same =
      resolve(input) === resolve(out) ||
      (target !== null &&
        (await stat(input).then(
          (s) => s.dev === target.dev && s.ino === target.ino,
          () => false,
        )));
    if (same) throw new UsageError(`--out "${out}" is the input file "${input}": choose another output file`);
  }
}

async function fileSink(out: string): Promise<OutputSink> {
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw new UsageError(`cannot write "${out}": ${whyNot(error)}`);
  }
  let open_ = true;
  const close = async () => {
    if (open_) {
      open_ = false;
      await handle.close();
    }
  };
  return {
    async write(text) {
      try {
        await handle.writeFile(text);
      } catch (error) {
        throw new UsageError(`cannot write "${out}": ${whyNot(error)}`);
      }
    },
    async commit() {
      await close();
      try {
        await rename(temporary, out);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw new UsageError(`cannot write "${out}": ${whyNot(error)}`);
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
    },
  };
}

function stdoutSink(): OutputSink {
  return {
    write: (text) =>
      new Promise<void>((done) => {
        // Waiting for 'drain' keeps memory bounded when standard output is slower than the writer.
        if (process.stdout.write(text)) done();
        else process.stdout.once('drain', done);
      }),
    commit: async () => undefined,
    abort: async () => undefined,
  };
}

/**
 * Opens a command's output: `--out` is written to a temporary file beside it and renamed into place when
 * complete, so a failed run never leaves a half-written file (nor touches an existing one); without
 * `--out`, standard output.
 * @param out the `--out` path, if any
 * @returns the sink
 * @example const sink = await openOutput('v.json'); await sink.write('{}'); await sink.commit();
 */
export async function openOutput(out: string | undefined): Promise<OutputSink> {
  return out ? fileSink(out) : stdoutSink();
}

/**
 * Writes a whole output through openOutput: pieces from `produce` are written as they come, the file is
 * committed when it finishes and aborted when it throws.
 * @param out the `--out` path, if any
 * @param produce writes the output through the sink's write
 * @example await writeThrough('v.csv', async (write) => { await write('a,b\n'); });
 */
export async function writeThrough(
  out: string | undefined,
  produce: (write: (text: string | Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  const sink = await openOutput(out);
  try {
    await produce((text) => sink.write(text));
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.commit();
}

/** Bytes gathered before each write: few system calls, little memory. */
const PIECE = 1 << 16;

/**
 * Writes text given in pieces (csvChunks, jsonChunks) to `--out` or standard output, gathered into
 * writes of about 64 KB; the file is renamed into place only when every piece is written.
 * The pieces are encoded into a buffer as they come rather than joined into one string per write: a
 * 64 K-character string is one of V8's large objects, freed only by a full collection, so a million
 * estates (3 GB of JSON) would pile up gigabytes of them between collections.
 * @param out the `--out` path, if any
 * @param pieces the text
 * @example await writeChunks('v.json', jsonChunks(report, 2));
 */
export async function writeChunks(out: string | undefined, pieces: Iterable<string>): Promise<void> {
  await writeThrough(out, async (write) => {
    // A new buffer for each write: standard output may still hold the previous one.
    let buffer = Buffer.allocUnsafe(PIECE);
    let used = 0;
    for (const piece of pieces) {
      const bytes = Buffer.byteLength(piece);
      if (used + bytes > PIECE && used > 0) {
        await write(buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(PIECE);
        used = 0;
      }
      if (bytes > PIECE) await write(piece);
      else used += buffer.write(piece, used);
    }
    if (used > 0) await write(buffer.subarray(0, used));
  });
}

/**
 * Writes a value as JSON (with a final line break) through writeChunks, never as one string.
 * @param out the `--out` path, if any
 * @param value the report
 * @param space indentation (0 for compact)
 * @example await writeJson(undefined, { estates: [] }, 2);
 */
export async function writeJson(out: string | undefined, value: unknown, space: number): Promise<void> {
  await writeChunks(
    out,
    (function* () {
      yield* jsonChunks(value, space);
      yield '\n';
    })(),
  );
}
