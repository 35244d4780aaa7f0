// The sliced JSON encoder of outgoing messages: the bytes JSON.stringify gives, for any value, while
// other work runs between the slices of a large message.
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { SlicedJsonEncoder } from '../../server/src/jsonEncoding';

async function encoded(message: unknown): Promise<string> {
  return Buffer.from(await new SlicedJsonEncoder().encode(message as Message)).toString('utf8');
}

/** A formatting answer for a large transcript: tens of thousands of small edits. */
function manyEdits(count: number): Message {
  const result = Array.from({ length: count }, (_, line) => ({ range: { start: { line, character: 3 }, end: { line, character: 5 } }, newText: line % 7 === 0 ? '\u2014' : ' ' }));
  return { jsonrpc: '2.0', id: 4, result } as Message;
}

describe('the stdio transport: JSON encoder', () => {
  it('writes what JSON.stringify writes, for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        assert.equal(await encoded({ jsonrpc: '2.0', id: 1, result: value }), JSON.stringify({ jsonrpc: '2.0', id: 1, result: value }));
      }),
      { numRuns: 300 },
    );
  });

  it('writes a large answer member by member with the same bytes, leaving out what JSON leaves out', async () => {
    const message = manyEdits(30_000) as Message & { result: unknown[] };
    // What a handler may leave in an answer: JSON drops undefined members and writes undefined array items as null.
    message.result.push({ range: undefined, newText: 'x' }, undefined as unknown as object);
    assert.equal(await encoded(message), JSON.stringify(message));
  });

  it('writes a long string in pieces, a surrogate pair or a line break on a piece boundary included', async () => {
    // Pieces are 256 Ki characters: an emoji straddles the boundary, and quotes, backslashes and controls need escapes.
    const text = `${'a'.repeat(256 * 1024 - 1)}\u{1F600}"\\\n\t\u0001 ${'é'.repeat(300_000)}\r\n`;
    const message = { jsonrpc: '2.0', id: 2, result: [{ range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, newText: text }] };
    const json = await encoded(message);
    assert.deepEqual(JSON.parse(json), message);
  });

  it('lets the event loop run while it encodes a large answer', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const encoding = encoded(manyEdits(200_000));
    assert.equal(timerRan, false);
    await encoding;
    assert.ok(timerRan, 'a timer set when encoding started ran before it ended');
  });
});
