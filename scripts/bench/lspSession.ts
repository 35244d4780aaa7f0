// A benchmark-specific LSP driver for the bundled server: like test/helpers/lspClient.ts, but it
// times the handshake, puts a deadline on every wait, exposes the server's pid for memory readings
// and sends incremental edits.
import { spawn, type ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

export const LANGUAGE_ID = 'caption-transcript';

export interface Position {
  line: number;
  character: number;
}

interface DiagnosticsWaiter {
  uri: string;
  version: number;
  resolve: (published: PublishedDiagnostics) => void;
}

export interface PublishedDiagnostics {
  version: number;
  count: number;
  /** performance.now() when the notification was read. */
  at: number;
}

/** Rejects with a message naming the step when the promise takes longer than `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no answer from the server within ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export class BenchSession {
  /** Milliseconds from spawning the process to the initialize result. */
  startupMs = 0;
  private readonly connection: ProtocolConnection;
  private readonly waiters: DiagnosticsWaiter[] = [];
  private stderrTail = '';
  private readonly lastPublished = new Map<string, PublishedDiagnostics>();
  private exited: Promise<void>;
  private exitError: Error | null = null;

  private constructor(private readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitError = new Error(`the server exited (code ${code}, signal ${signal})${this.stderrTail ? `; its last output:\n${this.stderrTail}` : ''}`);
        resolve();
      }),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const published = { version: params.version ?? -1, count: params.diagnostics.length, at: performance.now() };
      this.lastPublished.set(params.uri, published);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i];
        if (waiter.uri === params.uri && published.version >= waiter.version) {
          this.waiters.splice(i, 1);
          waiter.resolve(published);
        }
      }
    });
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.listen();
  }

  static async start(serverPath: string, timeoutMs: number): Promise<BenchSession> {
    const spawnedAt = performance.now();
    const session = new BenchSession(spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
    try {
      await session.untilExitOr(
        session.connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri: null,
          capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
            textDocument: {
              documentSymbol: { hierarchicalDocumentSymbolSupport: true },
              publishDiagnostics: { versionSupport: true },
              synchronization: { didSave: true },
            },
          },
        }),
        timeoutMs,
        'initialize',
      );
      session.startupMs = performance.now() - spawnedAt;
      await session.connection.sendNotification('initialized', {});
    } catch (error) {
      session.kill();
      throw error;
    }
    return session;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Waits for the promise, failing early with the server's output if the server dies meanwhile. */
  async untilExitOr<T>(promise: Promise<T>, timeoutMs: number, step: string): Promise<T> {
    const died = this.exited.then(() => Promise.reject(new Error(`${step}: ${this.exitError?.message}`)));
    return withDeadline(Promise.race([promise, died]), timeoutMs, step);
  }

  /** Resolves when diagnostics for the uri at `version` or later are published. */
  diagnostics(uri: string, version: number, timeoutMs: number, step: string): Promise<PublishedDiagnostics> {
    // Published while the caller waited for something else (an outline request answered after the debounce).
    const already = this.lastPublished.get(uri);
    if (already && already.version >= version) return Promise.resolve(already);
    return this.untilExitOr(new Promise<PublishedDiagnostics>((resolve) => this.waiters.push({ uri, version, resolve })), timeoutMs, step);
  }

  open(uri: string, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
  }

  /** One incremental change: `text` replaces the range from `start` to `end`. */
  change(uri: string, version: number, start: Position, end: Position, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
  }

  request<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    return this.untilExitOr(this.connection.sendRequest<T>(method, params), timeoutMs, method);
  }

  /** Kilobyte fields of /proc/<pid>/status (VmRSS, VmHWM), or null where /proc does not exist. */
  memoryKb(field: 'VmRSS' | 'VmHWM'): number | null {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  /** Polite shutdown with a short deadline, then the process is killed whatever happened. */
  async close(): Promise<void> {
    try {
      if (!this.exitError) {
        await withDeadline(this.connection.sendRequest('shutdown'), 5000, 'shutdown');
        await this.connection.sendNotification('exit');
        await withDeadline(this.exited, 2000, 'exit');
      }
    } catch {
      // The kill below is the fallback for a server that does not shut down.
    } finally {
      this.kill();
    }
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
