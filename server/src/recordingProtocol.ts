// The custom requests of the recording feature (documented in the README, "Recording requests"),
// typed once for the server and the client as protocol.ts types the others.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range } from './core/lineIndex';

export type { Range };

export interface TextDocumentParams {
  textDocument: { uri: string };
}

/** A time the user gave for a place in the text; the client keeps these with the transcript's settings and hands them back. */
export interface SyncPointData {
  seconds: number;
  anchor: { offset: number; quote: string };
}

/** `verbatim/setRecording`: the recording that belongs to a document (null: none any more). */
export const SET_RECORDING_REQUEST = new RequestType<SetRecordingParams, SyncPointsResult | null, void>('verbatim/setRecording');
export interface SetRecordingParams extends TextDocumentParams {
  recording: { durationSeconds: number | null; syncPoints: SyncPointData[] } | null;
}
export interface SyncPointsResult {
  /** The sync points still found in the text, their anchors moved to where the text stands now: keep these. */
  syncPoints: SyncPointData[];
  /** Sync points whose text was deleted. */
  lost: number;
}

/** `verbatim/addSyncPoint`: "the words at this position are being said at `seconds`". */
export const ADD_SYNC_POINT_REQUEST = new RequestType<AddSyncPointParams, SyncPointsResult | null, void>('verbatim/addSyncPoint');
export interface AddSyncPointParams extends TextDocumentParams {
  position: Position;
  seconds: number;
}

export interface KnownPointData {
  kind: 'start' | 'timestamp' | 'sync' | 'end';
  seconds: number;
  /** 0-based line of the point (the start of the text for `start`, its end for `end`). */
  line: number;
}
export interface EstimateData {
  seconds: number;
  /** How far the estimate may be off, in whole seconds. */
  plusMinus: number;
  /** `hh:mm:ss`. */
  clock: string;
  before: KnownPointData;
  /** null past the last known point (extrapolated at the speaking rate so far). */
  after: KnownPointData | null;
}

/** `verbatim/estimateTime`: the estimated time of each position. */
export const ESTIMATE_TIME_REQUEST = new RequestType<EstimateTimeParams, EstimateTimeResult | null, void>('verbatim/estimateTime');
export interface EstimateTimeParams extends TextDocumentParams {
  positions: Position[];
}
export interface EstimateTimeResult {
  version: number;
  estimates: EstimateData[];
}

/** `verbatim/positionAtTime`: where the text is at a time of the recording (follow-along, the panel's speaker). */
export const POSITION_AT_TIME_REQUEST = new RequestType<PositionAtTimeParams, PositionAtTimeResult | null, void>('verbatim/positionAtTime');
export interface PositionAtTimeParams extends TextDocumentParams {
  seconds: number;
}
export interface PositionAtTimeResult {
  version: number;
  position: Position;
  /** The turn being spoken: its whole range and its speaker (null before the first turn). */
  turn: { range: Range; speaker: string } | null;
  estimate: EstimateData;
}

/** `verbatim/formatTimestamp`: a time written in the document's own timestamp style (`[00:12:34]` by default). */
export const FORMAT_TIMESTAMP_REQUEST = new RequestType<FormatTimestampParams, string | null, void>('verbatim/formatTimestamp');
export interface FormatTimestampParams extends TextDocumentParams {
  seconds: number;
}

/** Client commands the server's links, hovers and code actions name (VS Code command URIs). */
export const PLAY_AT_COMMAND = 'verbatim.playRecordingAt';
