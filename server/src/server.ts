// The language server: connection, capabilities and routing to one feature module per request.
import {
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { looksLikeTranscript } from './core/detect';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from './core/settings';
import { AnalysedDocuments } from './documents';
import { CODE_ACTION_KINDS, codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { completion, rosterFor } from './features/completion';
import { documentHighlights } from './features/highlights';
import { hover } from './features/hover';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { STATISTICS_REQUEST, statistics, type StatisticsParams } from './features/statistics';
import { workspaceSymbols } from './features/workspaceSymbols';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) {
  process.stderr.write('Verbatim language server: start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME).\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
let settings: Settings = DEFAULT_SETTINGS;
let pullsConfiguration = false;
let registersConfigurationChanges = false;
/** The client can ask the user to confirm annotated edits (rename's variant spellings). */
let confirmsAnnotatedEdits = false;
const reportedSettingsProblems = new Set<string>();
const documents = new AnalysedDocuments(
  () => settings,
  (message, limit) => {
    // Said once per document: a binary file gets nothing, a huge one a reduced analysis.
    connection.console.info(message);
    void (limit.kind === 'binary' ? connection.window.showWarningMessage(message) : connection.window.showInformationMessage(message));
  },
  (message) => connection.console.warn(message),
);

/**
 * Debounce for diagnostics while typing: each edit updates the analysis at once (incrementally),
 * and diagnostics go out after this pause, so a burst of keystrokes publishes once.
 */
const DIAGNOSTICS_DELAY_MS = 50;
const pendingDiagnostics = new Map<string, NodeJS.Timeout>();

/**
 * Answers a request cancelled before it ran (a stale one, superseded by typing) with
 * RequestCancelled instead of computing it; handlers run to completion once started.
 */
function unlessCancelled<P, R>(handler: (params: P) => R): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => (token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled before it ran.') : handler(params));
}

connection.onInitialize((params): InitializeResult => {
  pullsConfiguration = params.capabilities.workspace?.configuration === true;
  registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  confirmsAnnotatedEdits = params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
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
  if (pullsConfiguration) {
    // Clients that cannot register it (eglot) send didChangeConfiguration anyway, or never.
    if (registersConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' });
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
    void connection.window.showWarningMessage(`Verbatim settings: ${problem}`);
  }
  documents.invalidateAll();
  for (const uri of documents.uris()) scheduleDiagnostics(uri, 0);
}

function scheduleDiagnostics(uri: string, delay = DIAGNOSTICS_DELAY_MS): void {
  clearTimeout(pendingDiagnostics.get(uri));
  pendingDiagnostics.set(
    uri,
    setTimeout(() => {
      pendingDiagnostics.delete(uri);
      const analysis = documents.get(uri);
      if (!analysis) return;
      try {
        void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnostics(analysis) });
      } catch (error) {
        connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }, delay),
  );
}

documents.listen(connection, {
  onOpen: (uri) => scheduleDiagnostics(uri, 0),
  // Typing waits for a pause; each edit already updated the analysis, so publishing is cheap.
  onChange: (uri) => scheduleDiagnostics(uri),
  onClose: (uri) => {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  },
});

const truncatedOutlines = new Set<string>();
connection.onDocumentSymbol(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    if (!analysis) return null;
    const { symbols, omitted } = documentSymbols(analysis, settings.maxItemsComputed);
    if (omitted > 0 && !truncatedOutlines.has(params.textDocument.uri)) {
      truncatedOutlines.add(params.textDocument.uri);
      void connection.window.showInformationMessage(`Verbatim: the outline shows the first ${settings.maxItemsComputed} entries; ${omitted} more are left out (setting verbatim.maxItemsComputed).`);
    }
    return symbols;
  }),
);

connection.onCodeAction(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? codeActions(analysis, params, settings) : null;
  }),
);

connection.onFoldingRanges(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? foldingRanges(analysis, settings.maxItemsComputed) : null;
  }),
);

connection.onPrepareRename(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? prepareRename(analysis, params.position) : null;
  }),
);

connection.onRenameRequest(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? rename(analysis, params.position, params.newName, confirmsAnnotatedEdits) : null;
  }),
);

connection.onCompletion(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? completion(analysis, params.position, rosterFor(params.textDocument.uri, settings.speakers)) : null;
  }),
);

connection.onReferences(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? references(analysis, params.position) : null;
  }),
);

connection.onDocumentHighlight(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? documentHighlights(analysis, params.position) : null;
  }),
);

connection.onHover(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis ? hover(analysis, params.position) : null;
  }),
);

connection.onWorkspaceSymbol(
  unlessCancelled((params) =>
    workspaceSymbols(
      documents.uris().flatMap((uri) => documents.get(uri) ?? []),
      params.query,
    ),
  ),
);

connection.onDocumentFormatting(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis && analysis.limit.kind !== 'binary' ? formatting(analysis, settings) : null;
  }),
);

connection.onDocumentRangeFormatting(
  unlessCancelled((params) => {
    const analysis = documents.get(params.textDocument.uri);
    return analysis && analysis.limit.kind !== 'binary' ? formatting(analysis, settings, params.range) : null;
  }),
);

/** Custom request for the client's Speakers view and status bar, documented in the README. */
connection.onRequest(
  STATISTICS_REQUEST,
  unlessCancelled((params: StatisticsParams) => {
    const analysis = typeof params?.textDocument?.uri === 'string' ? documents.get(params.textDocument.uri) : undefined;
    return analysis ? statistics(analysis) : null;
  }),
);

/** Custom request for the client's `.txt` detection: does this text read as a transcript? */
connection.onRequest('verbatim/looksLikeTranscript', (params: { text: string }) => typeof params?.text === 'string' && looksLikeTranscript(params.text));

connection.listen();
