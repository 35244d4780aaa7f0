// The language server on a given connection: capabilities and routing to one feature module per
// request. `server.ts` starts it over a process's streams; tests start it on in-memory streams.
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { warmUpSteps } from './core/check/analysis';
import { CONFIG_FILE_NAME } from './core/config/config';
import { looksLikeTranscript } from './core/detect';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from './core/config/settings';
import { AnalysedDocuments, ownTurn, type DocumentAnalysis } from './documents';
import { CODE_ACTION_KINDS, codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { completion } from './features/completion';
import { documentHighlights } from './features/highlights';
import { hover } from './features/hover';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { speakerTurns, statistics } from './features/statistics';
import { workspaceSymbols } from './features/workspaceSymbols';
import { LooksLikeTranscriptRequest, SpeakerTurnsRequest, StatisticsRequest } from './protocol';
import { RosterFiles, type ReadFileAsync } from './rosterFiles';

/** What the server needs from its surroundings besides the connection. */
export interface ServerHost {
  /** Reads a file (the `.verbatimrc.json` rosters), or undefined when there is none. */
  readFile: ReadFileAsync;
  /** The URL of docs/rules.md, whose sections the diagnostics link to. */
  rulesDocument: string;
}

/**
 * Debounce for diagnostics while typing: each edit updates the analysis at once (incrementally),
 * and diagnostics go out after this pause, so a burst of keystrokes publishes once.
 */
export const DIAGNOSTICS_DELAY_MS = 50;

/** Registers every handler on the connection; the caller calls `connection.listen()`. */
export function startServer(connection: Connection, host: ServerHost): void {
  let settings: Settings = DEFAULT_SETTINGS;
  let pullsConfiguration = false;
  let registersConfigurationChanges = false;
  /** The client can ask the user to confirm annotated edits (rename's variant spellings). */
  let confirmsAnnotatedEdits = false;
  /** The client watches files for the server (the `.verbatimrc.json` rosters completion keeps). */
  let watchesFiles = false;
  const reportedSettingsProblems = new Set<string>();
  const documents = new AnalysedDocuments(
    () => settings,
    (message, limit) => {
      // Said once per document: a binary file gets nothing, a huge one a reduced analysis.
      connection.console.info(message);
      tell(limit.kind === 'binary' ? MessageType.Warning : MessageType.Info, message);
    },
    (message) => connection.console.warn(message),
  );

  /**
   * Tells the user something that needs no answer: a window/showMessage notification. A
   * window/showMessageRequest would wait for an answer some clients send as an error (or never send).
   */
  function tell(type: MessageType, message: string): void {
    handled(connection.sendNotification(ShowMessageNotification.type, { type, message }), 'Could not show a message');
  }

  /** Sends and forgets, but never leaves a rejection unhandled: a client that fails a request cannot stop the server. */
  function handled(sent: Promise<unknown>, what: string): void {
    sent.catch((error: unknown) => connection.console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`));
  }

  const pendingDiagnostics = new Map<string, NodeJS.Timeout>();

  /**
   * A request about one document: waits for its analysis (a large one is analysed in slices, other
   * requests answered meanwhile), and answers a request cancelled while it waited (stale after typing)
   * with RequestCancelled instead of computing it. Unknown documents get null.
   */
  function forDocument<P, R>(uriOf: (params: P) => unknown, handler: (analysis: DocumentAnalysis, params: P) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | null | ResponseError<void>> => {
      const uri = uriOf(params);
      if (typeof uri !== 'string') return null;
      const analysis = token.isCancellationRequested ? undefined : await documents.analysis(uri);
      if (analysis) await ownTurn();
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled before it ran.');
      return analysis ? handler(analysis, params) : null;
    };
  }

  /** `forDocument` for the requests that name their document in `textDocument`. */
  function forTextDocument<P extends { textDocument: { uri: string } }, R>(handler: (analysis: DocumentAnalysis, params: P) => R | Promise<R>) {
    return forDocument((params: P) => params?.textDocument?.uri, handler);
  }

  connection.onInitialize((params): InitializeResult => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    confirmsAnnotatedEdits = params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    applySettings(params.initializationOptions?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Speakers' },
        foldingRangeProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['>', ' '] },
        referencesProvider: true,
        documentHighlightProvider: true,
        hoverProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      },
      serverInfo: { name: 'verbatim' },
    };
  });

  connection.onInitialized(() => {
    const warmUp = warmUpSteps();
    const nextWarmUpStep = () => {
      if (!warmUp.next().done) setImmediate(nextWarmUpStep);
    };
    setImmediate(nextWarmUpStep);
    if (watchesFiles) {
      handled(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }), 'Could not watch the .verbatimrc.json files');
    }
    if (pullsConfiguration) {
      // Clients that cannot register it (eglot) send didChangeConfiguration anyway, or never.
      if (registersConfigurationChanges) handled(connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' }), 'Could not register for settings changes');
      void refreshSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (pullsConfiguration) void refreshSettings();
    else applySettings(change.settings?.verbatim);
  });

  async function refreshSettings(): Promise<void> {
    try {
      applySettings(await connection.workspace.getConfiguration('verbatim'));
    } catch (error) {
      connection.console.error(`Could not read the verbatim settings: ${String(error)}`);
    }
  }

  function applySettings(raw: unknown): void {
    const resolved = resolveSettings(raw);
    settings = resolved.settings;
    for (const problem of resolved.problems) {
      if (reportedSettingsProblems.has(problem)) continue;
      reportedSettingsProblems.add(problem);
      connection.console.warn(`Settings: ${problem}`);
      tell(MessageType.Warning, `Verbatim settings: ${problem}`);
    }
    documents.invalidateAll();
    for (const uri of documents.uris()) scheduleDiagnostics(uri, 0);
  }

  /** Open documents whose outline, or diagnostics, were cut at `maxItemsComputed` and the user told so. */
  const truncatedOutlines = new Set<string>();
  const truncatedDiagnostics = new Set<string>();

  function tellOnce(told: Set<string>, uri: string, message: string): void {
    if (told.has(uri)) return;
    told.add(uri);
    tell(MessageType.Info, message);
  }

  function scheduleDiagnostics(uri: string, delay = DIAGNOSTICS_DELAY_MS): void {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.set(
      uri,
      setTimeout(async () => {
        pendingDiagnostics.delete(uri);
        try {
          const analysis = await documents.analysis(uri);
          // Typing during a sliced analysis scheduled a newer publish: this one is stale.
          if (!analysis || pendingDiagnostics.has(uri)) return;
          const published = diagnostics(analysis, host.rulesDocument, settings.maxItemsComputed);
          handled(connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: published }), `Could not publish diagnostics for ${uri}`);
          const omitted = analysis.findings.length - published.length;
          if (omitted > 0) tellOnce(truncatedDiagnostics, uri, `Verbatim: ${published.length} problems are shown, the most severe first; ${omitted} more are left out (setting verbatim.maxItemsComputed; \`verbatim check\` lists them all).`);
        } catch (error) {
          connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }, delay),
    );
  }

  /** `.verbatimrc.json` rosters, read when a document opens, so that completion never waits for the disk. */
  const rosterFiles = new RosterFiles(
    host.readFile,
    (problem) => connection.console.warn(problem),
  );
  connection.onDidChangeWatchedFiles(() => rosterFiles.forget());

  documents.listen(connection, {
    onOpen: (uri) => {
      scheduleDiagnostics(uri, 0);
      void rosterFiles.speakersFor(uri);
    },
    // Typing waits for a pause; each edit already updated the analysis, so publishing is cheap.
    onChange: (uri) => scheduleDiagnostics(uri),
    onClose: (uri) => {
      clearTimeout(pendingDiagnostics.get(uri));
      pendingDiagnostics.delete(uri);
      // Told once while open, as the size-limit message is: reopened, the document is told again.
      truncatedOutlines.delete(uri);
      truncatedDiagnostics.delete(uri);
      handled(connection.sendDiagnostics({ uri, diagnostics: [] }), `Could not clear diagnostics for ${uri}`);
    },
  });

  connection.onDocumentSymbol(
    forTextDocument((analysis, params) => {
      const { symbols, omitted } = documentSymbols(analysis, settings.maxItemsComputed);
      if (omitted > 0) tellOnce(truncatedOutlines, params.textDocument.uri, `Verbatim: the outline shows the first ${settings.maxItemsComputed} entries; ${omitted} more are left out (setting verbatim.maxItemsComputed).`);
      return symbols;
    }),
  );
  connection.onCodeAction(forTextDocument((analysis, params) => codeActions(analysis, params, settings)));
  connection.onFoldingRanges(forTextDocument((analysis) => foldingRanges(analysis, settings.maxItemsComputed)));
  connection.onPrepareRename(forTextDocument((analysis, params) => prepareRename(analysis, params.position)));
  connection.onRenameRequest(forTextDocument((analysis, params) => rename(analysis, params.position, params.newName, confirmsAnnotatedEdits)));
  connection.onCompletion(forTextDocument(async (analysis, params) => completion(analysis, params.position, [...settings.speakers, ...(await rosterFiles.speakersFor(analysis.uri))])));
  connection.onReferences(forTextDocument((analysis, params) => references(analysis, params.position)));
  connection.onDocumentHighlight(forTextDocument((analysis, params) => documentHighlights(analysis, params.position)));
  connection.onHover(forTextDocument((analysis, params) => hover(analysis, params.position)));
  connection.onDocumentFormatting(forTextDocument((analysis) => (analysis.limit.kind !== 'binary' ? formatting(analysis, settings) : null)));
  connection.onDocumentRangeFormatting(forTextDocument((analysis, params) => (analysis.limit.kind !== 'binary' ? formatting(analysis, settings, params.range) : null)));

  connection.onWorkspaceSymbol(async (params, token) => {
    const analyses = [];
    for (const uri of documents.uris()) {
      const analysis = await documents.analysis(uri);
      if (analysis) analyses.push(analysis);
    }
    return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled before it ran.') : workspaceSymbols(analyses, params.query);
  });

  // Verbatim's own requests (protocol.ts), documented in the README.
  connection.onRequest(StatisticsRequest, forTextDocument((analysis, params) => statistics(analysis, params.includeTurns !== false)));
  connection.onRequest(SpeakerTurnsRequest, forTextDocument((analysis, params) => (typeof params.speaker === 'string' ? speakerTurns(analysis, params.speaker) : null)));
  connection.onRequest(LooksLikeTranscriptRequest, (params) => typeof params?.text === 'string' && looksLikeTranscript(params.text));
}
