/**
 * Builds the transfer list for a message: the ArrayBuffers behind the typed arrays in it, so they
 * move to the other side instead of being copied (style.md; placemark's worker/shared.ts built such
 * a list and then returned [] — a silent copy; tests/worker/transfer.test.ts proves ours moves).
 */

const MAX_DEPTH = 4;

function walk(value: unknown, depth: number, out: Set<ArrayBuffer>): void {
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    // A SharedArrayBuffer is shared, not transferred.
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) out.add(value.buffer);
    return;
  }
  if (value instanceof ArrayBuffer) {
    if (value.byteLength > 0) out.add(value);
    return;
  }
  if (depth >= MAX_DEPTH || Array.isArray(value)) return; // lists of records hold no bulk arrays
  for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], depth + 1, out);
}

/**
 * Collects the buffers to transfer with a message.
 * @param value the message payload (typed arrays in its object properties, up to 4 levels deep)
 * @returns distinct non-empty ArrayBuffers
 * @example port.postMessage(data, collectTransferables(data))
 */
export function collectTransferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  walk(value, 0, out);
  return [...out];
}
