import { LSPErrorCodes, ResponseError, type Connection, type DidChangeTextDocumentParams } from 'vscode-languageserver/node';
import { analysisSteps, analyzeText, updateAnalysis, updateAnalysisSteps, type Analysis, type AnalysisState } from './core/check/analysis';
import { parsedAfreshOnEveryEdit, type TextChange } from './core/parse/incremental';
import { documentLimit, limitAfterEdit, limitMessage, ruleRunsUnder, type DocumentLimit } from './core/config/limits';
import { LineIndex, type Positions, type Range } from './core/lineIndex';
import type { Span, Transcript } from './core/model';
import { RULE_CODES, type Settings } from './core/config/settings';
import { noSteps } from './core/steps';
import { TranscriptFacts } from './core/speakers/transcriptFacts';
import { fileNameOf } from './core/wording';
import { nextSlice } from './slices';

/** One document's analysis at one version, with the converter for its positions. */
export interface DocumentAnalysis extends Analysis {
  uri: string;
  version: number;
  lines: Positions;
  /** How much was analysed: everything, the cheap part (above the size limit), or nothing (binary). */
  limit: DocumentLimit;
  /** Speakers, label style, word counts of this version: computed on first use, shared by every request about it. */
  facts: TranscriptFacts;
  /** True once the document has a newer version (or closed): work for this one can stop. */
  superseded(): boolean;
  /**
   * The document's settings: the editor's, with the speaker answers of its folder, and the rules its
   * size limit skips turned off. Fixes, fix-all and formatting read the text as the analysis did.
   */
  settings: Settings;
}

/**
 * An open document: its text, with the line table, and its version. Not a `TextDocument`
 * (vscode-languageserver-textdocument): that builds its line table in one go on the first position
 * conversion, and again after an edit that splits or joins a `\r\n` (80+ ms on a 20 MB transcript),
 * and its API offers no way to build it in steps. A `LineIndex` builds it in bounded steps, the first
 * ones of the sliced analysis, and updates it per edit as `TextDocument.update` does (except that a
 * change starting past the last line keeps the lines right, where `TextDocument` loses track).
 */
interface OpenDocument {
  /** The document's settings, read when it opened and again when settings or speaker answers change (not per edit: they may read a file). */
  settings: Settings;
  lines: LineIndex;
  version: number;
  /** The analysis of the current version, kept up to date edit by edit once computed. */
  state: AnalysisState | null;
  limit: DocumentLimit;
  /** What `get` last handed out, for this version. */
  analysis: DocumentAnalysis | null;
  /** A sliced analysis under way, and the edits made since it started. */
  job: AnalysisJob | null;
  /** The version whose sliced analysis failed (a bug): it is not tried again. */
  failedVersion?: number;
}

interface AnalysisJob {
  done: Promise<void>;
  /** Edits not yet applied, each with the text after it: the job applies them in turn, in its slices. */
  edits: QueuedEdit[];
  cancelled: boolean;
}

interface QueuedEdit {
  change: TextChange;
  text: string;
}

/**
 * Documents at least this long are analysed, and their edits applied, in slices between requests
 * instead of at once; below it a whole parse takes a few milliseconds.
 */
export const LARGE_DOCUMENT_LENGTH = 256 * 1024;
/** How long one slice may hold the event loop. */
const SLICE_MS = 15;

const sharedRuns = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `inSlices` once per version and key: requests that need the same costly result of one version
 * (the word counts of its turns, its statistics, its formatting) wait for one computation, which
 * stops, failing with ContentModified, once the document has a newer version: typing in a 10 MB
 * file would otherwise leave a computation per keystroke running, and holding its own parse.
 */
export function inSlicesOnce<T>(analysis: DocumentAnalysis, key: string, steps: () => Generator<void, T>): Promise<T> {
  let runs = sharedRuns.get(analysis.facts);
  if (!runs) sharedRuns.set(analysis.facts, (runs = new Map()));
  let run = runs.get(key) as Promise<T> | undefined;
  if (!run) runs.set(key, (run = inSlices(steps(), analysis.superseded)));
  return run;
}

/**
 * Runs steps in slices of at most ~15 ms, answering other messages in between; the steps' result.
 * `stale` is asked before each slice: when it says so, the work stops with ContentModified.
 */
export function inSlices<T>(steps: Generator<void, T>, stale: () => boolean = () => false): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        if (stale()) return reject(new ResponseError(LSPErrorCodes.ContentModified, 'The document changed meanwhile.'));
        const deadline = performance.now() + SLICE_MS;
        let step = steps.next();
        while (!step.done && performance.now() < deadline) step = steps.next();
        if (step.done) resolve(step.value);
        else nextSlice(slice);
      } catch (error) {
        reject(error);
      }
    };
    nextSlice(slice);
  });
}

export interface DocumentEvents {
  onOpen(uri: string): void;
  onChange(uri: string): void;
  onClose(uri: string): void;
}

/**
 * The open documents and the analysis of each one's current version. Once a document has been
 * analysed, every edit updates the analysis in place (core/analysis.ts `updateAnalysis`), so typing
 * in a 10 MB transcript re-checks only the turns around the cursor. Settings changes drop every
 * analysis. A document that is not analysed in full is reported once through `notify`.
 */
export class AnalysedDocuments {
  private readonly open = new Map<string, OpenDocument>();
  /** `uri limit-kind` pairs the user has been told about, until the document closes. */
  private readonly told = new Set<string>();

  constructor(
    /** The settings for a document: the editor's, with the speaker answers recorded for its folder. */
    private settings: (uri: string) => Settings,
    private notify: (message: string, limit: DocumentLimit) => void = () => undefined,
    private log: (message: string) => void = () => undefined,
  ) {}

  listen(connection: Connection, events: DocumentEvents): void {
    connection.onDidOpenTextDocument(({ textDocument }) => {
      const lines = new LineIndex(textDocument.text);
      const settings = this.settings(textDocument.uri);
      this.open.set(textDocument.uri, { settings, lines, version: textDocument.version, state: null, limit: limitOf(settings, lines.text), analysis: null, job: null });
      events.onOpen(textDocument.uri);
    });
    connection.onDidChangeTextDocument((params) => {
      if (this.change(params)) events.onChange(params.textDocument.uri);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      const entry = this.open.get(textDocument.uri);
      if (entry?.job) entry.job.cancelled = true;
      this.open.delete(textDocument.uri);
      for (const key of [...this.told]) if (key.startsWith(`${textDocument.uri} `)) this.told.delete(key);
      events.onClose(textDocument.uri);
    });
  }

  uris(): string[] {
    return [...this.open.keys()];
  }

  /**
   * The analysis of the document's current version. A large document is analysed in slices of at
   * most ~15 ms, so that other requests (and other documents) are answered in between; a large
   * binary one gets only its line table built that way.
   */
  async analysis(uri: string): Promise<DocumentAnalysis | undefined> {
    for (;;) {
      const entry = this.open.get(uri);
      if (!entry || entry.failedVersion === entry.version) return undefined;
      const ready = entry.state !== null || (entry.limit.kind === 'binary' && entry.lines.indexed);
      if (ready || entry.lines.text.length < LARGE_DOCUMENT_LENGTH) return this.get(uri);
      await (entry.job ?? this.startJob(entry)).done;
    }
  }

  /** The analysis of the current version, computed at once if need be (small documents). */
  private get(uri: string): DocumentAnalysis | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    const { lines, version } = entry;
    if (entry.analysis && entry.analysis.version === version) return entry.analysis;
    this.tellOnce(uri, entry.limit);
    if (entry.limit.kind !== 'binary' && entry.state === null) {
      // A document that shrank below the slicing size while a sliced analysis ran: that one is superseded.
      if (entry.job) entry.job.cancelled = true;
      entry.job = null;
      entry.state = analyzeText(lines.text, effectiveSettings(entry));
    }
    const analysed: Analysis & { facts: TranscriptFacts } = entry.state ?? withFacts(emptyTranscript(lines.text));
    const superseded = () => this.open.get(uri)?.version !== version;
    entry.analysis = {
      transcript: analysed.transcript,
      findings: analysed.findings,
      uri,
      version,
      lines,
      limit: entry.limit,
      facts: analysed.facts,
      superseded,
      settings: effectiveSettings(entry),
    };
    return entry.analysis;
  }

  /** Settings changed, or the speaker answers: every analysis is stale. */
  invalidateAll(): void {
    for (const [uri, entry] of this.open) {
      entry.settings = this.settings(uri);
      if (entry.job) entry.job.cancelled = true;
      entry.job = null;
      entry.state = null;
      entry.analysis = null;
      entry.limit = limitOf(entry.settings, entry.lines.text);
    }
  }

  /** Applies a didChange; false when the document is not open. */
  private change(params: DidChangeTextDocumentParams): boolean {
    const entry = this.open.get(params.textDocument.uri);
    if (!entry) {
      this.log(`Ignored a change to ${params.textDocument.uri}, which is not open.`);
      return false;
    }
    for (const change of params.contentChanges) {
      const edit = 'range' in change ? orderedSpanOf(entry.lines, change.range) : null;
      const before = entry.lines.text;
      if (edit) entry.lines.edit(edit, change.text);
      else entry.lines = new LineIndex(change.text);
      const text = entry.lines.text;
      // Not limitOf(text): reading the edited text would copy all of it here, in the message's turn.
      const limit = edit ? limitAfterEdit(before, entry.limit, edit, change.text, entry.settings.maxFileSizeMB) : limitOf(entry.settings, text);
      const incremental = edit !== null && limit.kind === entry.limit.kind;
      if (entry.job && incremental) {
        entry.job.edits.push({ change: { ...edit, text: change.text }, text });
      } else if (entry.state && incremental && text.length >= LARGE_DOCUMENT_LENGTH) {
        // Most edits update the analysis in one short step, but one that re-parses (colon text) or
        // relabels (who-said-it re-reads every turn) takes seconds on 20 MB: every edit runs in slices.
        this.startJob(entry, { state: entry.state, edits: [{ change: { ...edit, text: change.text }, text }] });
        entry.state = null;
      } else if (entry.state && incremental) {
        entry.state = updateAnalysis(entry.state, { ...edit, text: change.text }, text);
      } else {
        if (entry.job) entry.job.cancelled = true;
        entry.job = null;
        entry.state = null;
      }
      entry.limit = limit;
    }
    entry.version = params.textDocument.version;
    entry.analysis = null;
    return true;
  }

  /**
   * In slices: builds the line table and analyses the document's current text (or starts from the
   * analysis of an earlier version, with the edits since), then applies the edits made meanwhile.
   */
  private startJob(entry: OpenDocument, from: { state: AnalysisState; edits: QueuedEdit[] } | null = null): AnalysisJob {
    const job: AnalysisJob = { done: Promise.resolve(), edits: from?.edits ?? [], cancelled: false };
    const analysis = from ? noSteps(from.state) : entry.limit.kind === 'binary' ? null : analysisSteps(entry.lines.text, effectiveSettings(entry));
    const steps = jobSteps(entry.lines, analysis, job.edits);
    job.done = inSlices(steps, () => job.cancelled).then(
      (state) => {
        if (entry.job !== job) return;
        entry.state = state;
        entry.job = null;
      },
      (error: unknown) => {
        // Cancelled: a newer job, or none, has the document now.
        if (job.cancelled) return;
        // A bug, not bad input (the parser and rules are fuzzed): the document gets no analysis
        // until its next edit, and requests about it are answered with nothing instead of waiting.
        this.log(`Analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (entry.job === job) {
          entry.job = null;
          entry.failedVersion = entry.version;
        }
      },
    );
    entry.job = job;
    return job;
  }

  private tellOnce(uri: string, limit: DocumentLimit): void {
    const message = limitMessage(limit, fileNameOf(uri));
    const key = `${uri} ${limit.kind}`;
    if (message === null || this.told.has(key)) return;
    this.told.add(key);
    this.notify(message, limit);
  }
}

function limitOf(settings: Settings, text: string): DocumentLimit {
  return documentLimit(text, settings.maxFileSizeMB);
}

/** The document's settings with every rule its limit skips turned off. */
function effectiveSettings({ settings, limit }: OpenDocument): Settings {
  if (limit.kind === 'full') return settings;
  const rules = { ...settings.rules };
  for (const code of RULE_CODES) if (!ruleRunsUnder(limit, code)) rules[code] = 'off';
  return { ...settings, rules };
}

/**
 * The line table first, so that no position conversion builds it in one go later; then the
 * analysis, if the document gets one, and the queued edits, including those queued meanwhile.
 */
function* jobSteps(lines: LineIndex, analysis: Generator<void, AnalysisState> | null, edits: QueuedEdit[]): Generator<void, AnalysisState | null> {
  yield* lines.indexSteps();
  if (analysis === null) return null;
  let state = yield* analysis;
  for (let edit = edits.shift(); edit; edit = edits.shift()) {
    // Text that every edit parses afresh (colon text): only the latest queued version needs it.
    if (edits.length > 0 && parsedAfreshOnEveryEdit(state.parse)) continue;
    state = yield* updateAnalysisSteps(state, edit.change, edit.text);
  }
  return state;
}

/** A change's range as offsets of the text before it, in order (`TextDocument.update` orders it too). */
function orderedSpanOf(lines: LineIndex, range: Range): Span {
  const { start, end } = lines.spanOf(range);
  return start <= end ? { start, end } : { start: end, end: start };
}

function withFacts(transcript: Transcript): Analysis & { facts: TranscriptFacts } {
  return { transcript, findings: [], facts: new TranscriptFacts(transcript) };
}

/** A binary file has no turns, header or annotations: no outline, no diagnostics. */
function emptyTranscript(text: string): Transcript {
  return {
    text,
    dialect: 'none',
    header: null,
    turns: [],
    annotations: [],
    timestamps: [],
    sections: [],
    doubts: [],
    reading: { markers: {}, mixed: false, markdown: false, providerHeader: false },
  };
}
