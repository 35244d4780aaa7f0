// Drives the language server as an editor does, for protocol-level tests: in this process on
// in-memory streams (`startServer`, the compiled server/src, no build needed), or the bundled
// dist/server.js over stdio (`startStdioServer`, for what only a process shows: exit codes, stderr,
// the stdio transport).
import { spawn, type ChildProcess } from 'child_process';
import { readFile } from 'fs/promises';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer as startLanguageServer } from '../../server/src/languageServer';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
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

export interface StdioServerSession extends ServerSession {
  process: ChildProcess;
}

/**
 * How the test client answers the requests a server sends its client: as an editor does, with an
 * error for every one (a minimal client, or one without the capability), or never.
 */
export type ServerRequestAnswers = 'answer' | 'reject' | 'ignore';

export interface SessionOptions {
  serverRequests?: ServerRequestAnswers;
  /** Sent as `initializationOptions` (the server reads `settings` from it when it cannot pull them). */
  initializationOptions?: unknown;
  /** Added to the initialize request's params (e.g. `workspaceFolders`). */
  initializeParams?: Record<string, unknown>;
}

/** The requests a server may send its client; `serverRequests` decides how each is answered. */
export const SERVER_TO_CLIENT_REQUESTS = ['window/showMessageRequest', 'client/registerCapability', 'workspace/configuration', 'workspace/applyEdit'] as const;

/**
 * A server in this process, on in-memory streams. `workspaceCapabilities` adds to what the test
 * client declares under `capabilities.workspace` (e.g. `workspaceEdit`).
 */
export async function startServer(
  settings: Record<string, unknown> = {},
  workspaceCapabilities: Record<string, unknown> = {},
  options: SessionOptions = {},
): Promise<ServerSession> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers and writers, not the streams: given streams, the library ends the process when they close.
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startLanguageServer(serverConnection, {
    readFile: (file) => readFile(file, 'utf8').catch(() => undefined),
    rulesDocument: pathToFileURL(path.join(repoRoot, 'docs', 'rules.md')).href,
  });
  serverConnection.listen();
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return session(connection, settings, workspaceCapabilities, options, async () => {
    // No `exit` notification: the library answers it by ending the process.
    try {
      await connection.sendRequest('shutdown');
    } finally {
      connection.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    }
  });
}

/** The bundled dist/server.js in a process of its own, over stdio. */
export async function startStdioServer(
  settings: Record<string, unknown> = {},
  workspaceCapabilities: Record<string, unknown> = {},
  options: SessionOptions = {},
): Promise<StdioServerSession> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const started = await session(connection, settings, workspaceCapabilities, { ...options, processId: process.pid }, async () => {
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
  return Object.assign(started, { process: child });
}

async function session(
  connection: ProtocolConnection,
  settings: Record<string, unknown>,
  workspaceCapabilities: Record<string, unknown>,
  options: SessionOptions & { processId?: number },
  close: () => Promise<void>,
): Promise<ServerSession> {
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const messages: { type: number; message: string }[] = [];
  const session: ServerSession = {
    connection,
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
    close,
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && w.accept(params));
    if (index !== -1) waiting.splice(index, 1)[0].resolve(params.diagnostics);
  });
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  const answers = options.serverRequests ?? 'answer';
  if (answers === 'answer') {
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'verbatim' ? session.settings : null)),
    );
  } else {
    for (const method of SERVER_TO_CLIENT_REQUESTS) {
      connection.onRequest(method, () => (answers === 'reject' ? new ResponseError(ErrorCodes.InternalError, `this client fails ${method}`) : new Promise<never>(() => undefined)));
    }
  }
  connection.listen();
  await connection.sendRequest('initialize', {
    // In-process servers get none: the library would poll that process every 3 s, keeping the tests alive.
    processId: options.processId ?? null,
    rootUri: null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...workspaceCapabilities },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true },
        synchronization: { didSave: true },
      },
    },
    ...options.initializeParams,
  });
  await connection.sendNotification('initialized', {});
  return session;
}
