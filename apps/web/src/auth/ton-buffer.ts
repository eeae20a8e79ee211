import { Buffer } from 'buffer';

// @ton/core reads Node's global `Buffer`; browsers have none, so the TON chunks bring their own
// and load this module before @ton/core runs.
const scope = globalThis as { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
