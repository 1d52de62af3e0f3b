/** collectTransferables finds the buffers behind typed arrays, and postMessage really moves them. */
import { describe, expect, it } from 'vitest';
import { collectTransferables } from '../../src/worker/transfer';

describe('collectTransferables', () => {
  it('finds typed arrays in nested objects, once per buffer', () => {
    const shared = new Float64Array(8);
    const data = {
      a: shared,
      b: { c: new Uint32Array(4), d: new Float64Array(shared.buffer, 8, 2) },
      e: 'x',
    };
    const list = collectTransferables(data);
    expect(list).toHaveLength(2);
    expect(list).toContain(shared.buffer);
  });

  it('skips empty buffers, primitives and lists of records', () => {
    expect(collectTransferables({ a: new Float64Array(0), b: 3, c: [{ x: new Float64Array(3) }] })).toEqual(
      [],
    );
    expect(collectTransferables(null)).toEqual([]);
  });

  it('a message posted with the list leaves the sender with byteLength 0', () => {
    const { port1, port2 } = new MessageChannel();
    const data = { coords: new Float64Array(100), offsets: new Uint32Array(10) };
    port1.postMessage(data, collectTransferables(data));
    expect(data.coords.byteLength).toBe(0);
    expect(data.offsets.byteLength).toBe(0);
    port1.close();
    port2.close();
  });
});
