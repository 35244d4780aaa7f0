// The recording beside the text: time estimates (core/services/timeEstimate.ts) served as custom
// requests, timestamps as document links, and "Play the recording here" on inaudible and
// broken-turn findings (code action and hover link). The editor plays the media; this only
// answers "when" and "where".
import {
  CodeActionKind,
  MarkupKind,
  type CancellationToken,
  type CodeAction,
  type ResponseError,
  type CodeActionParams,
  type Connection,
  type DocumentLink,
  type Hover,
  type Position,
} from 'vscode-languageserver/node';
import type { Transcript } from '../core/model';
import { turnAt } from '../core/speakers/speakerStats';
import { speakerName } from '../core/speech';
import { anchorAt, mediaTimestamps, prepareSteps, resolveSyncPoints, Timeline, type KnownPoint, type Recording, type TimeEstimate } from '../core/services/timeEstimate';
import { clockTime, formatTimestamp, timestampStyleOf } from '../core/services/timestamps';
import { inSlices, type DocumentAnalysis } from '../documents';
import {
  ADD_SYNC_POINT_REQUEST,
  ESTIMATE_TIME_REQUEST,
  FORMAT_TIMESTAMP_REQUEST,
  PLAY_AT_COMMAND,
  POSITION_AT_TIME_REQUEST,
  SET_RECORDING_REQUEST,
  type AddSyncPointParams,
  type EstimateData,
  type EstimateTimeParams,
  type EstimateTimeResult,
  type FormatTimestampParams,
  type PositionAtTimeParams,
  type PositionAtTimeResult,
  type SetRecordingParams,
  type SyncPointsResult,
} from '../recordingProtocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Findings that ask to be checked against the recording. */
const LISTEN_CODES = new Set(['inaudible', 'broken-turn']);
/** At most this many positions per `verbatim/estimateTime` request (each costs a walk through one turn). */
const MAX_POSITIONS = 10_000;

/** server.ts's wrapper for requests about one document (waits for its analysis, honours cancellation). */
type ForTextDocument = <P extends { textDocument: { uri: string } }, R>(
  handler: (analysis: DocumentAnalysis, params: P) => R | PromiseLike<R>,
) => (params: P, token: CancellationToken) => Promise<R | null | ResponseError<void>>;

/** The recordings the client attached to open documents, and the timeline of each analysed version. */
export class Recordings {
  private readonly byUri = new Map<string, Recording>();
  private readonly timelines = new WeakMap<Transcript, { recording: Recording; timeline: Timeline }>();
  private readonly preparing = new WeakMap<Transcript, Promise<void>>();

  /** Registers the custom requests and document links on the connection. */
  listen(connection: Connection, forTextDocument: ForTextDocument): void {
    connection.onRequest(
      SET_RECORDING_REQUEST,
      forTextDocument((analysis, params: SetRecordingParams) => this.set(analysis, params)),
    );
    connection.onRequest(
      ADD_SYNC_POINT_REQUEST,
      forTextDocument((analysis, params: AddSyncPointParams) => this.addSyncPoint(analysis, params)),
    );
    connection.onRequest(
      ESTIMATE_TIME_REQUEST,
      forTextDocument((analysis, params: EstimateTimeParams) => this.estimateTimes(analysis, params)),
    );
    connection.onRequest(
      POSITION_AT_TIME_REQUEST,
      forTextDocument((analysis, params: PositionAtTimeParams) => this.positionAtTime(analysis, params)),
    );
    connection.onRequest(
      FORMAT_TIMESTAMP_REQUEST,
      forTextDocument((analysis, params: FormatTimestampParams) => this.formatTimestamp(analysis, params)),
    );
    connection.onDocumentLinks(
      forTextDocument(async (analysis) => {
        await this.prepared(analysis.transcript);
        return timestampLinks(analysis);
      }),
    );
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** "Play the recording here (≈ 00:41:10)" for each inaudible or broken-turn diagnostic, once a recording is attached. */
  async codeActions(analysis: DocumentAnalysis, params: CodeActionParams): Promise<CodeAction[]> {
    if (!this.byUri.has(analysis.uri) || (params.context.only && !params.context.only.includes(CodeActionKind.QuickFix))) return [];
    const listen = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && LISTEN_CODES.has(String(diagnostic.code)));
    if (listen.length === 0) return [];
    const timeline = await this.timeline(analysis);
    return listen.map((diagnostic) => {
      const estimate = timeline.estimateAt(analysis.lines.offsetAt(diagnostic.range.start));
      return { title: playTitle(estimate), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: playCommand(analysis.uri, estimate.seconds, true) };
    });
  }

  /**
   * Once a recording is attached, a hover anywhere in a turn adds the estimated time, how far it may
   * be off and what it rests on, with a link that plays from there; `base` (speaker or inaudible
   * hover) comes first.
   */
  async hover(analysis: DocumentAnalysis, position: Position, base: Hover | null): Promise<Hover | null> {
    if (!this.byUri.has(analysis.uri)) return base;
    const offset = analysis.lines.offsetAt(position);
    const turn = turnAt(analysis.transcript, offset);
    if (!turn) return base;
    const estimate = (await this.timeline(analysis)).estimateAt(offset);
    const rows = [
      `[${playTitle(estimate)}](${commandUri(playCommand(analysis.uri, estimate.seconds, true))} "Seek a few seconds before and play")`,
      '',
      `Estimated ${clockTime(estimate.seconds)} ± ${estimate.plusMinus} s, by words between ${describePoint(estimate.before, analysis)} and ${estimate.after ? describePoint(estimate.after, analysis) : 'the speaking rate so far'}.`,
    ];
    const value = base && typeof base.contents === 'object' && 'value' in base.contents ? `${base.contents.value}\n\n---\n\n${rows.join('\n')}` : rows.join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: base?.range ?? analysis.lines.rangeOf(turn.span) };
  }

  private set(analysis: DocumentAnalysis, params: SetRecordingParams): SyncPointsResult | null {
    const recording = params?.recording;
    if (recording === null) {
      this.byUri.delete(analysis.uri);
      return { syncPoints: [], lost: 0 };
    }
    if (!recording || typeof recording !== 'object') return null;
    const duration =
      typeof recording.durationSeconds === 'number' && Number.isFinite(recording.durationSeconds) && recording.durationSeconds > 0 ? recording.durationSeconds : null;
    const valid = (Array.isArray(recording.syncPoints) ? recording.syncPoints : []).filter(
      (point) =>
        typeof point?.seconds === 'number' &&
        Number.isFinite(point.seconds) &&
        point.seconds >= 0 &&
        typeof point.anchor?.quote === 'string' &&
        typeof point.anchor.offset === 'number',
    );
    const { resolved } = resolveSyncPoints(analysis.transcript.text, valid);
    this.byUri.set(analysis.uri, { durationSeconds: duration, syncPoints: resolved });
    return { syncPoints: resolved, lost: (Array.isArray(recording.syncPoints) ? recording.syncPoints.length : 0) - resolved.length };
  }

  private addSyncPoint(analysis: DocumentAnalysis, params: AddSyncPointParams): SyncPointsResult | null {
    if (!isPosition(params?.position) || typeof params.seconds !== 'number' || !Number.isFinite(params.seconds) || params.seconds < 0) return null;
    const recording = this.byUri.get(analysis.uri) ?? { durationSeconds: null, syncPoints: [] };
    const anchor = anchorAt(analysis.transcript.text, analysis.lines.offsetAt(params.position));
    const { resolved, lost } = resolveSyncPoints(analysis.transcript.text, recording.syncPoints);
    // A new sync point at the same place replaces the old one.
    const syncPoints = [...resolved.filter((point) => point.anchor.offset !== anchor.offset), { seconds: params.seconds, anchor }].sort(
      (a, b) => a.anchor.offset - b.anchor.offset,
    );
    this.byUri.set(analysis.uri, { durationSeconds: recording.durationSeconds, syncPoints });
    return { syncPoints, lost: lost.length };
  }

  private async estimateTimes(analysis: DocumentAnalysis, params: EstimateTimeParams): Promise<EstimateTimeResult | null> {
    if (!Array.isArray(params?.positions) || !params.positions.every(isPosition)) return null;
    const timeline = await this.timeline(analysis);
    const estimates = params.positions.slice(0, MAX_POSITIONS).map((position) => estimateData(timeline.estimateAt(analysis.lines.offsetAt(position)), analysis));
    return { version: analysis.version, estimates };
  }

  private async positionAtTime(analysis: DocumentAnalysis, params: PositionAtTimeParams): Promise<PositionAtTimeResult | null> {
    if (typeof params?.seconds !== 'number' || !Number.isFinite(params.seconds)) return null;
    const { offset, estimate } = (await this.timeline(analysis)).offsetAt(Math.max(0, params.seconds));
    const turn = turnAt(analysis.transcript, offset);
    return {
      version: analysis.version,
      position: analysis.lines.positionAt(offset),
      turn: turn ? { range: analysis.lines.rangeOf(turn.span), speaker: speakerName(turn) } : null,
      estimate: estimateData(estimate, analysis),
    };
  }

  private async formatTimestamp(analysis: DocumentAnalysis, params: FormatTimestampParams): Promise<string | null> {
    if (typeof params?.seconds !== 'number' || !Number.isFinite(params.seconds)) return null;
    await this.prepared(analysis.transcript);
    const { text } = analysis.transcript;
    return formatTimestamp(params.seconds, timestampStyleOf(text, mediaTimestamps(analysis.transcript)));
  }

  /** The timeline of this version and recording, built once (the word counts once per version, in slices). */
  private async timeline(analysis: DocumentAnalysis): Promise<Timeline> {
    await this.prepared(analysis.transcript);
    const recording = this.byUri.get(analysis.uri) ?? NO_RECORDING;
    const cached = this.timelines.get(analysis.transcript);
    if (cached && cached.recording === recording) return cached.timeline;
    const timeline = new Timeline(analysis.transcript, recording);
    this.timelines.set(analysis.transcript, { recording, timeline });
    return timeline;
  }

  /** The transcript's timestamps and word counts, computed between other requests (one job per version). */
  private prepared(transcript: Transcript): Promise<void> {
    let job = this.preparing.get(transcript);
    if (!job) {
      job = inSlices(prepareSteps(transcript));
      this.preparing.set(transcript, job);
    }
    return job;
  }
}

const NO_RECORDING: Recording = { durationSeconds: null, syncPoints: [] };

/** Every media timestamp is a link that plays the recording from that time (a VS Code command URI). */
function timestampLinks(analysis: DocumentAnalysis): DocumentLink[] {
  return mediaTimestamps(analysis.transcript).map((stamp) => ({
    range: analysis.lines.rangeOf(stamp.span),
    target: commandUri(playCommand(analysis.uri, stamp.seconds, false)),
    tooltip: `Play the recording from ${clockTime(stamp.seconds)}`,
  }));
}

function playTitle(estimate: TimeEstimate): string {
  return `Play the recording here (≈ ${clockTime(estimate.seconds)})`;
}

function playCommand(uri: string, seconds: number, preRoll: boolean): { title: string; command: string; arguments: unknown[] } {
  return { title: 'Play the recording', command: PLAY_AT_COMMAND, arguments: [{ uri, seconds, preRoll }] };
}

function commandUri(command: { command: string; arguments: unknown[] }): string {
  return `command:${command.command}?${encodeURIComponent(JSON.stringify(command.arguments))}`;
}

function describePoint(point: KnownPoint, analysis: DocumentAnalysis): string {
  const line = analysis.lines.positionAt(point.offset).line + 1;
  switch (point.kind) {
    case 'start':
      return 'the start of the recording';
    case 'end':
      return `the end of the recording (${clockTime(point.seconds)})`;
    case 'timestamp':
      return `the timestamp ${clockTime(point.seconds)} on line ${line}`;
    case 'sync':
      return `your sync point ${clockTime(point.seconds)} on line ${line}`;
  }
}

function estimateData(estimate: TimeEstimate, analysis: DocumentAnalysis): EstimateData {
  const point = (known: KnownPoint) => ({ kind: known.kind, seconds: known.seconds, line: analysis.lines.positionAt(known.offset).line });
  return {
    seconds: estimate.seconds,
    plusMinus: estimate.plusMinus,
    clock: clockTime(estimate.seconds),
    before: point(estimate.before),
    after: estimate.after ? point(estimate.after) : null,
  };
}

function isPosition(value: unknown): value is Position {
  const position = value as Position;
  return typeof position?.line === 'number' && typeof position.character === 'number' && position.line >= 0 && position.character >= 0;
}
