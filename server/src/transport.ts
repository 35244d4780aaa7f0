// The server's stdio transport: vscode-languageserver's own, except that
// - the JSON of a large message is parsed on a worker thread. Decoding costs the main thread ~5 ms
//   per MB, so a 20 MB didOpen held every other request for ~100 ms; the parsed message comes back
//   as a structured clone, which the main thread takes in ~1.2 ms per MB (~25 ms at 20 MB);
// - outgoing messages are encoded in slices (jsonEncoding.ts).
import * as path from 'path';
import { Worker } from 'worker_threads';
import { SlicedJsonEncoder } from './jsonEncoding';
import {
  LogMessageNotification,
  Message,
  MessageType,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
} from 'vscode-languageserver/node';

/** Bodies from this size up are parsed on the worker: below it parsing takes the main thread under ~5 ms. */
export const OFF_THREAD_BYTES = 1024 * 1024;

/** What the main thread sends the worker (transportWorker.ts): a body to parse. */
export interface DecodeRequest {
  id: number;
  body: Uint8Array;
}

/** What the worker sends back: the parsed message or why it could not be parsed. */
export type DecodeResult = { id: number; message: Message } | { id: number; error: string };

interface Waiting {
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
}

/** A worker thread and the bodies it was given that it has not answered yet. */
interface RunningWorker {
  thread: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * vscode-jsonrpc's JSON body decoder, with large bodies parsed on a worker thread started when first
 * needed (and again after one fails). The reader decodes one body at a time, so messages keep their order.
 */
export class OffThreadJsonDecoder {
  readonly name = 'application/json';
  private worker: RunningWorker | undefined;
  private nextId = 0;

  constructor(private readonly workerScript: string) {}

  async decode(body: Uint8Array): Promise<Message> {
    if (body.byteLength < OFF_THREAD_BYTES) return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
    const { thread, waiting } = this.worker ?? this.startWorker();
    const id = this.nextId++;
    const parsed = new Promise<Message>((resolve, reject) => waiting.set(id, { resolve, reject }));
    // Moved rather than copied when the body owns its memory, as one assembled from many reads does.
    const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
    const request: DecodeRequest = { id, body: owned };
    thread.postMessage(request, [owned.buffer as ArrayBuffer]);
    return parsed;
  }

  private startWorker(): RunningWorker {
    const worker: RunningWorker = { thread: new Worker(this.workerScript), waiting: new Map() };
    worker.thread.on('message', (result: DecodeResult) => {
      const waiting = worker.waiting.get(result.id);
      worker.waiting.delete(result.id);
      if ('error' in result) waiting?.reject(new Error(result.error));
      else waiting?.resolve(result.message);
    });
    // A failed worker answers nothing more: what it was given fails as reader errors instead of
    // waiting forever, and the next large body gets a new worker.
    const stop = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const { reject } of worker.waiting.values()) reject(error);
      worker.waiting.clear();
    };
    worker.thread.on('error', stop);
    worker.thread.on('exit', (code) => stop(new Error(`The JSON decoding thread stopped (exit code ${code}).`)));
    // The server lives as long as its input; an idle decoder must not keep it running. (After the
    // listeners: adding a 'message' listener holds the process again.)
    worker.thread.unref();
    this.worker = worker;
    return worker;
  }
}

/** vscode-jsonrpc's stream reader, noting whether the client asked the server to shut down. */
class StdinMessageReader extends StreamMessageReader {
  shutdownRequested = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if (Message.isRequest(message) && message.method === ShutdownRequest.method) this.shutdownRequested = true;
      callback(message);
    });
  }
}

/**
 * The reader and writer for `--stdio`. A connection given its own reader misses what
 * vscode-languageserver does for the stdin it opens itself, so it is done here: exit when stdin ends
 * (0 after a shutdown request, 1 otherwise, as LSP asks) and keep console output off stdout, where it
 * would corrupt the messages. Reader errors, which the connection drops, are logged to the client.
 */
export function stdioTransport(): [MessageReader, MessageWriter] {
  const reader = new StdinMessageReader(process.stdin, { contentTypeDecoder: new OffThreadJsonDecoder(path.join(__dirname, 'transportWorker.js')) });
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: new SlicedJsonEncoder() });
  const exit = () => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  reader.onError((error) => {
    const log: NotificationMessage = {
      jsonrpc: '2.0',
      method: LogMessageNotification.method,
      params: { type: MessageType.Error, message: `Could not read a message: ${error.message}` },
    };
    void writer.write(log);
  });
  globalThis.console = new console.Console(process.stderr, process.stderr);
  return [reader, writer];
}
