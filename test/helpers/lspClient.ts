// Drives the bundled language server over stdio as an editor does, for protocol-level tests.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './repo';

export const SERVER_PATH = path.join(repoRoot, 'dist', 'server.js');
export const LANGUAGE_ID = 'caption-transcript';

export interface ServerSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Settings the server pulls with workspace/configuration for section `verbatim`. */
  settings: Record<string, unknown>;
  /** Resolves with the next diagnostics published for the uri (optionally at a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** Resolves with the first diagnostics published for the uri from now on that `accept` takes. */
  diagnosticsWhere(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Every window/showMessage the server sent. */
  messages: { type: number; message: string }[];
  open(uri: string, text: string, version?: number): void;
  close(): Promise<void>;
}

/**
 * `workspaceCapabilities` adds to what the test client declares under `capabilities.workspace` (e.g. `workspaceEdit`);
 * `initializeParams` to the initialize request's params (e.g. `workspaceFolders`).
 */
export async function startServer(settings: Record<string, unknown> = {}, workspaceCapabilities: Record<string, unknown> = {}, initializeParams: Record<string, unknown> = {}): Promise<ServerSession> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const messages: { type: number; message: string }[] = [];
  const session: ServerSession = {
    connection,
    process: child,
    settings,
    messages,
    nextDiagnostics(uri, version) {
      return new Promise((resolve) => waiting.push({ uri, accept: (params) => version === undefined || params.version === version, resolve }));
    },
    diagnosticsWhere(uri, accept) {
      return new Promise((resolve) => waiting.push({ uri, accept: (params) => accept(params.diagnostics), resolve }));
    },
    open(uri, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        child.kill();
      }
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && w.accept(params));
    if (index !== -1) waiting.splice(index, 1)[0].resolve(params.diagnostics);
  });
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'verbatim' ? session.settings : null)),
  );
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...workspaceCapabilities },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true },
        synchronization: { didSave: true },
      },
    },
    ...initializeParams,
  });
  await connection.sendNotification('initialized', {});
  return session;
}
