// The worker thread behind `OffThreadJsonDecoder` (transport.ts): parses the JSON of large message
// bodies so that the main thread receives them as ready objects.
import { parentPort } from 'worker_threads';
import type { DecodeRequest, DecodeResult } from './transport';

parentPort!.on('message', ({ id, body }: DecodeRequest) => {
  let result: DecodeResult;
  try {
    result = { id, message: JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) };
  } catch (error) {
    result = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result);
});
