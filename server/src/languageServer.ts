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
import { withSpeakerAnswers } from './core/answers';
import { CONFIG_FILE_NAME } from './core/config/config';
import { looksLikeTranscript } from './core/detect';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from './core/config/settings';
import { AnalysedDocuments, type DocumentAnalysis } from './documents';
import { nextSlice, ownTurn } from './slices';
import {
  configFor,
  filePathOf,
  READING_CHANGED_NOTIFICATION,
  RECORD_ANSWER_COMMAND,
  RECORD_ANSWER_IN_SETTINGS_REQUEST,
  recordAnswerArguments,
  writeAnswer,
  answerFileOf,
  type RecordAnswerInSettingsParams,
} from './features/answers';
import { CODE_ACTION_KINDS, codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { completion } from './features/completion';
import { documentHighlights } from './features/highlights';
import { hover } from './features/hover';
import { references } from './features/references';
import { Recordings } from './features/recording';
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
  /** The client asked to hear when the reading of its documents changes without an edit (Verbatim's own client does). */
  let wantsReadingChanged = false;
  let refreshesFoldingRanges = false;
  let tracksWorkspaceFolders = false;
  /** Paths of the workspace folders on disk: a new `.verbatimrc.json` for an answer goes to the one holding the transcript. */
  let workspaceFolders: string[] = [];
  const reportedSettingsProblems = new Set<string>();
  const documents = new AnalysedDocuments(
    settingsFor,
    (message, limit) => {
      // Said once per document: a binary file gets nothing, a huge one a reduced analysis.
      connection.console.info(message);
      tell(limit.kind === 'binary' ? MessageType.Warning : MessageType.Info, message);
    },
    (message) => connection.console.warn(message),
  );
  /** Recordings attached to open documents, for time estimates. */
  const recordings = new Recordings();

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
  function forDocument<P, R>(uriOf: (params: P) => unknown, handler: (analysis: DocumentAnalysis, params: P) => R | PromiseLike<R>) {
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
  function forTextDocument<P extends { textDocument: { uri: string } }, R>(handler: (analysis: DocumentAnalysis, params: P) => R | PromiseLike<R>) {
    return forDocument((params: P) => params?.textDocument?.uri, handler);
  }

  connection.onInitialize((params): InitializeResult => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    confirmsAnnotatedEdits = params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    wantsReadingChanged = params.initializationOptions?.readingChangedNotification === true;
    refreshesFoldingRanges = params.capabilities.workspace?.foldingRange?.refreshSupport === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    workspaceFolders = folders.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== null);
    tracksWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
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
        executeCommandProvider: { commands: [RECORD_ANSWER_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: tracksWorkspaceFolders } },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'verbatim' },
    };
  });

  connection.onInitialized(() => {
    const warmUp = warmUpSteps();
    const nextWarmUpStep = () => {
      if (!warmUp.next().done) nextSlice(nextWarmUpStep);
    };
    nextSlice(nextWarmUpStep);
    if (watchesFiles) {
      handled(
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }),
        'Could not watch the .verbatimrc.json files',
      );
    }
    if (pullsConfiguration) {
      // Clients that cannot register it (eglot) send didChangeConfiguration anyway, or never.
      if (registersConfigurationChanges)
        handled(connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' }), 'Could not register for settings changes');
      void refreshSettings();
    }
    if (tracksWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((folder) => filePathOf(folder.uri)));
        workspaceFolders = workspaceFolders
          .filter((folder) => !gone.has(folder))
          .concat(added.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== null));
      });
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
    rereadOpenDocuments();
  }

  /**
   * A document's settings: the editor's, with the speaker answers of the `.verbatimrc.json` above it
   * (the file the CLI reads; its other keys are the CLI's). Read when the document opens and when
   * settings or answers change.
   */
  function settingsFor(uri: string): Settings {
    const config = configFor(uri);
    if (!config?.file) return settings;
    for (const problem of config.problems) {
      if (reportedSettingsProblems.has(problem)) continue;
      reportedSettingsProblems.add(problem);
      connection.console.warn(`Settings: ${problem}`);
    }
    return withSpeakerAnswers(settings, config.settings);
  }

  /**
   * Settings or answers changed: every open document is read again, its diagnostics published, and
   * the client told, since the outline and folding of an unedited document are not asked for again.
   */
  function rereadOpenDocuments(): void {
    documents.invalidateAll();
    // Nothing open (as during initialize, when the client may not be sent requests yet): nothing to tell.
    if (documents.uris().length === 0) return;
    for (const uri of documents.uris()) scheduleDiagnostics(uri, 0);
    if (wantsReadingChanged) handled(connection.sendNotification(READING_CHANGED_NOTIFICATION), 'Could not tell the client the reading changed');
    if (refreshesFoldingRanges) handled(connection.languages.foldingRange.refresh(), 'Could not refresh the folding ranges');
  }

  /**
   * The `label-doubt` quick fixes' command: records the answer in the nearest `.verbatimrc.json` (or a
   * new one in the workspace folder), or, for a document with no folder on disk, asks the client to
   * record it in the user's settings. Then every open document is read with the answer.
   */
  async function recordSpeakerAnswer(args: unknown[] | undefined): Promise<void> {
    const answer = recordAnswerArguments(args);
    if (!answer) {
      connection.console.warn(`${RECORD_ANSWER_COMMAND}: expected [{ uri, name, isSpeaker }], got ${JSON.stringify(args)?.slice(0, 200)}; nothing recorded.`);
      return;
    }
    const said = `"${answer.name}" is ${answer.isSpeaker ? '' : 'not '}a speaker`;
    const target = answerFileOf(answer.uri, workspaceFolders);
    if (target) {
      const result = writeAnswer(target, answer);
      if ('error' in result) {
        tell(MessageType.Error, `Verbatim could not remember that ${said}: ${result.error}`);
        return;
      }
      // The file's roster changed too: completion reads it again.
      rosterFiles.forget();
      rereadOpenDocuments();
      tell(MessageType.Info, `Verbatim: ${said}, remembered in ${result.written}.`);
      return;
    }
    const params: RecordAnswerInSettingsParams = { name: answer.name, isSpeaker: answer.isSpeaker };
    try {
      // The client updates `verbatim.speakers` / `verbatim.notSpeakers`; the settings change re-reads the documents.
      await connection.sendRequest(RECORD_ANSWER_IN_SETTINGS_REQUEST, params);
    } catch {
      const key = answer.isSpeaker ? 'speakers' : 'notSpeakers';
      tell(
        MessageType.Warning,
        `Verbatim cannot change this editor's settings: to remember that ${said}, add "${answer.name}" to the verbatim.${key} setting, or save the file in a folder.`,
      );
    }
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
          if (omitted > 0)
            tellOnce(
              truncatedDiagnostics,
              uri,
              `Verbatim: ${published.length} problems are shown, the most severe first; ${omitted} more are left out (setting verbatim.maxItemsComputed; \`verbatim check\` lists them all).`,
            );
        } catch (error) {
          connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }, delay),
    );
  }

  /** `.verbatimrc.json` rosters, read when a document opens, so that completion never waits for the disk. */
  const rosterFiles = new RosterFiles(host.readFile, (problem) => connection.console.warn(problem));
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
      recordings.forget(uri);
      handled(connection.sendDiagnostics({ uri, diagnostics: [] }), `Could not clear diagnostics for ${uri}`);
    },
  });

  connection.onDocumentSymbol(
    forTextDocument((analysis, params) => {
      const { symbols, omitted } = documentSymbols(analysis, settings.maxItemsComputed);
      if (omitted > 0)
        tellOnce(
          truncatedOutlines,
          params.textDocument.uri,
          `Verbatim: the outline shows the first ${settings.maxItemsComputed} entries; ${omitted} more are left out (setting verbatim.maxItemsComputed).`,
        );
      return symbols;
    }),
  );
  connection.onCodeAction(
    forTextDocument(async (analysis, params) => [
      ...(await codeActions(analysis, params, analysis.settings, workspaceFolders)),
      ...(await recordings.codeActions(analysis, params)),
    ]),
  );
  connection.onExecuteCommand(async (params) => {
    if (params.command === RECORD_ANSWER_COMMAND) await recordSpeakerAnswer(params.arguments);
    return null;
  });
  connection.onFoldingRanges(forTextDocument((analysis) => foldingRanges(analysis, settings.maxItemsComputed)));
  connection.onPrepareRename(forTextDocument((analysis, params) => prepareRename(analysis, params.position)));
  connection.onRenameRequest(forTextDocument((analysis, params) => rename(analysis, params.position, params.newName, confirmsAnnotatedEdits)));
  connection.onCompletion(
    forTextDocument(async (analysis, params) => completion(analysis, params.position, [...settings.speakers, ...(await rosterFiles.speakersFor(analysis.uri))])),
  );
  connection.onReferences(forTextDocument((analysis, params) => references(analysis, params.position)));
  connection.onDocumentHighlight(forTextDocument((analysis, params) => documentHighlights(analysis, params.position)));
  connection.onHover(forTextDocument(async (analysis, params) => recordings.hover(analysis, params.position, await hover(analysis, params.position))));
  connection.onDocumentFormatting(forTextDocument((analysis) => (analysis.limit.kind !== 'binary' ? formatting(analysis, analysis.settings) : null)));
  connection.onDocumentRangeFormatting(forTextDocument((analysis, params) => (analysis.limit.kind !== 'binary' ? formatting(analysis, analysis.settings, params.range) : null)));

  connection.onWorkspaceSymbol(async (params, token) => {
    const analyses = [];
    for (const uri of documents.uris()) {
      const analysis = await documents.analysis(uri);
      if (analysis) analyses.push(analysis);
    }
    return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled before it ran.') : workspaceSymbols(analyses, params.query);
  });

  // Verbatim's own requests (protocol.ts), documented in the README.
  connection.onRequest(
    StatisticsRequest,
    forTextDocument((analysis, params) => statistics(analysis, params.includeTurns !== false)),
  );
  connection.onRequest(
    SpeakerTurnsRequest,
    forTextDocument((analysis, params) => (typeof params.speaker === 'string' ? speakerTurns(analysis, params.speaker) : null)),
  );
  // The recording beside the text: time estimates, timestamp links (recordingProtocol.ts, documented in the README).
  recordings.listen(connection, forTextDocument);
  connection.onRequest(LooksLikeTranscriptRequest, (params) => typeof params?.text === 'string' && looksLikeTranscript(params.text));
}
