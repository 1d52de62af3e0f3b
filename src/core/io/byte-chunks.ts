/**
 * A file's bytes in pieces: each call starts a new pass from the file's first byte (the CLI reads the
 * file again; a test gives the same pieces again). The core never opens files itself.
 */
export type ByteChunks = () => Iterable<Uint8Array>;

/**
 * The pieces after the first `skip` bytes (a byte-order mark), however the pieces are cut.
 * @param chunks the bytes in pieces
 * @param skip bytes to leave out at the start
 * @returns the remaining pieces, in order
 */
export function* chunksAfter(chunks: ByteChunks, skip: number): Generator<Uint8Array> {
  let left = skip;
  for (const chunk of chunks()) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/**
 * The first bytes of the file (fewer when the file is shorter).
 * @param chunks the bytes in pieces
 * @param length how many bytes
 * @returns a copy of the first `length` bytes
 */
export function headOf(chunks: ByteChunks, length: number): Uint8Array {
  const head = new Uint8Array(length);
  let filled = 0;
  for (const chunk of chunks()) {
    const take = Math.min(chunk.length, length - filled);
    head.set(chunk.subarray(0, take), filled);
    filled += take;
    if (filled >= length) break;
  }
  return head.subarray(0, filled);
}

/**
 * The bytes split at line feeds, as `bytes.split(0x0a)` would: n line feeds give n + 1 lines (the last
 * one empty when the bytes end with a line feed). A line cut between two pieces is joined again.
 * @param pieces the bytes in pieces
 * @returns each line's bytes, without its line feed
 */
export function* byteLines(pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  for (const chunk of pieces) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
      if (carried > 0) {
        carry.push(chunk.subarray(start, end));
        yield join(carry, carried + end - start);
        carry = [];
        carried = 0;
      } else yield chunk.subarray(start, end);
      start = end + 1;
    }
    if (start < chunk.length) {
      carry.push(chunk.slice(start));
      carried += chunk.length - start;
    }
  }
  yield join(carry, carried);
}

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
