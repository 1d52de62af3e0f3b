/**
 * The few WHATWG globals the core relies on. They exist in Node ≥ 18, every browser and every worker,
 * but live in the DOM lib, which the core's tsconfig leaves out on purpose (no DOM in the core).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
