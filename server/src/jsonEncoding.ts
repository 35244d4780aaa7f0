// The JSON of outgoing messages, written in slices. vscode-jsonrpc encodes a message with one
// `JSON.stringify`: an outline, a formatting or a fix-all of a 20 MB transcript is megabytes of JSON,
// 50-200 ms in which no other message is read. This encoder gives the same bytes, a bounded piece at a
// time, and lets the event loop run between slices.
import type { Message } from 'vscode-languageserver/node';
import { ownTurn } from './slices';

/** How long one slice of encoding may hold the event loop. */
const SLICE_MS = 10;
/** A value with fewer nodes than this (objects, array items, 64 characters of string) is written in one go. */
const NODE_BUDGET = 4096;
/** Long strings are written in pieces of this many characters. */
const STRING_PIECE = 256 * 1024;
/** Encoded text is turned into bytes once this much has gathered. */
const BYTES_BATCH = 64 * 1024;

/** A vscode-jsonrpc content type encoder: `JSON.stringify`'s output, encoded in slices. */
export class SlicedJsonEncoder {
  readonly name = 'application/json';

  async encode(message: Message): Promise<Uint8Array> {
    const parts: Buffer[] = [];
    let pending = '';
    let deadline = performance.now() + SLICE_MS;
    for (const piece of jsonPieces(message)) {
      pending += piece;
      if (pending.length >= BYTES_BATCH) {
        parts.push(Buffer.from(pending, 'utf8'));
        pending = '';
      }
      if (performance.now() > deadline) {
        await ownTurn();
        deadline = performance.now() + SLICE_MS;
      }
    }
    parts.push(Buffer.from(pending, 'utf8'));
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}

/** `JSON.stringify(value)` as pieces, each bounded: small values whole, large ones member by member. */
export function* jsonPieces(value: unknown): Generator<string> {
  if (typeof value === 'string' && value.length > STRING_PIECE) {
    yield '"';
    // A piece may end between the halves of a surrogate pair: each half is written as its `\u` escape, which reads back as the pair.
    for (let start = 0; start < value.length; start += STRING_PIECE) yield JSON.stringify(value.slice(start, start + STRING_PIECE)).slice(1, -1);
    yield '"';
    return;
  }
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function' || nodesWithin(value, NODE_BUDGET) >= 0) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) yield ',';
      const item: unknown = value[index];
      // As JSON.stringify writes them: what JSON cannot hold is `null` in an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    // ... and left out of an object.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(member);
  }
  yield '}';
}

/** `budget` less the nodes of `value`: negative once it is spent (the count stops there). */
function nodesWithin(value: unknown, budget: number): number {
  if (typeof value === 'string') return budget - 1 - (value.length >> 6);
  if (value === null || typeof value !== 'object') return budget - 1;
  let left = budget - 1;
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    left = nodesWithin(member, left);
    if (left < 0) return left;
  }
  return left;
}
