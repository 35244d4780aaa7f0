// The stdio transport's JSON decoder: large bodies are parsed on a worker thread, small ones at once,
// and a failure on either path is an error, never a message that does not come. (The bundled server
// over this transport: robustness.test.ts.)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OFF_THREAD_BYTES, OffThreadJsonDecoder } from '../../server/src/transport';

/** The compiled worker next to the compiled transport (out/server/src/). */
const WORKER_SCRIPT = path.join(__dirname, '..', '..', 'server', 'src', 'transportWorker.js');

/** A didOpen with text over the off-thread size, in characters that take 1, 2 and 3 bytes in UTF-8. */
function largeMessage(): { jsonrpc: string; method: string; params: { textDocument: { uri: string; text: string } } } {
  const line = '>> ZOË:  The café’s budget — again.\n';
  const text = line.repeat(Math.ceil(OFF_THREAD_BYTES / Buffer.byteLength(line)) + 1);
  return { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///large.transcript', text } } };
}

/** The UTF-8 bytes of `json` in a buffer of their own. */
function bytesOf(json: string): Uint8Array {
  return new Uint8Array(Buffer.from(json, 'utf8'));
}

describe('the stdio transport: JSON decoder', () => {
  it('parses a large body on the worker, moving its bytes there, and a small one at once', async () => {
    const decoder = new OffThreadJsonDecoder(WORKER_SCRIPT);
    const message = largeMessage();
    const large = bytesOf(JSON.stringify(message));
    assert.ok(large.byteLength >= OFF_THREAD_BYTES);
    assert.deepEqual(await decoder.decode(large), message);
    assert.equal(large.byteLength, 0, 'the large body was transferred to the worker');
    const small = bytesOf('{"jsonrpc":"2.0","id":1,"method":"shutdown"}');
    assert.deepEqual(await decoder.decode(small), { jsonrpc: '2.0', id: 1, method: 'shutdown' });
    assert.notEqual(small.byteLength, 0, 'the small body was parsed on this thread');
  });

  it('copies a large body that is a view into a bigger buffer, which stays usable', async () => {
    const decoder = new OffThreadJsonDecoder(WORKER_SCRIPT);
    const message = largeMessage();
    const json = JSON.stringify(message);
    const enclosing = bytesOf(`[${json}]`);
    const body = enclosing.subarray(1, enclosing.byteLength - 1);
    assert.deepEqual(await decoder.decode(body), message);
    assert.equal(enclosing.byteLength, Buffer.byteLength(json) + 2);
    assert.equal(enclosing[0], '['.charCodeAt(0));
  });

  it('answers bodies in the order they were given', async () => {
    const decoder = new OffThreadJsonDecoder(WORKER_SCRIPT);
    const second = largeMessage();
    second.params.textDocument.uri = 'file:///second.transcript';
    const messages = [largeMessage(), { jsonrpc: '2.0', id: 7, method: 'shutdown' }, second];
    const decoded = await Promise.all(messages.map((message) => decoder.decode(bytesOf(JSON.stringify(message)))));
    assert.deepEqual(decoded, messages);
  });

  it('fails on a body that is not JSON, large or small, with the parser’s reason', async () => {
    const decoder = new OffThreadJsonDecoder(WORKER_SCRIPT);
    await assert.rejects(decoder.decode(bytesOf('{"jsonrpc": "2.0", "method": ')), SyntaxError);
    const unterminated = `{"jsonrpc": "2.0", "method": "x", "params": "${'a'.repeat(OFF_THREAD_BYTES)}`;
    await assert.rejects(decoder.decode(bytesOf(unterminated)), /JSON/);
  });

  describe('when the worker fails', () => {
    let crashingWorker: string;

    before(() => {
      // Crashes on its first body while CRASH_DECODER is set when it starts; otherwise the real worker.
      crashingWorker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-transport-')), 'crashingWorker.js');
      fs.writeFileSync(
        crashingWorker,
        `const { parentPort } = require('worker_threads');
if (process.env.CRASH_DECODER) parentPort.once('message', () => { throw new Error('the decoding thread crashed'); });
else require(${JSON.stringify(WORKER_SCRIPT)});
`,
      );
    });

    after(() => {
      fs.rmSync(path.dirname(crashingWorker), { recursive: true, force: true });
    });

    it('fails what it was given instead of leaving it unanswered, and the next large body gets a new worker', async () => {
      const decoder = new OffThreadJsonDecoder(crashingWorker);
      const message = largeMessage();
      process.env.CRASH_DECODER = '1';
      try {
        await assert.rejects(decoder.decode(bytesOf(JSON.stringify(message))), /the decoding thread crashed/);
      } finally {
        delete process.env.CRASH_DECODER;
      }
      assert.deepEqual(await decoder.decode(bytesOf(JSON.stringify(message))), message);
    });

    it('fails when the worker cannot start', async () => {
      const decoder = new OffThreadJsonDecoder(path.join(path.dirname(crashingWorker), 'missing.js'));
      await assert.rejects(decoder.decode(bytesOf(JSON.stringify(largeMessage()))), /Cannot find module/);
    });
  });
});
