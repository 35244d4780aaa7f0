// Verbatim's own requests, typed once for the server and its clients (the README documents them
// for other editors). Plain LSP requests need no entry here.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from './core/lineIndex';
import type { ReadingSummary } from './core/model';
import type { StatisticsReport, TurnReport } from './core/speakers/speakerStats';

export interface StatisticsParams {
  textDocument: { uri: string };
  /**
   * Whether every speaker's `turns` are listed (the default); false leaves them empty, for a view
   * that asks for one speaker's turns when they are shown (`verbatim/speakerTurns`): a 10 MB
   * transcript's turn list is about 4 MB of JSON.
   */
  includeTurns?: boolean;
}

export interface StatisticsResult extends StatisticsReport {
  uri: string;
  /** The analysed document version. */
  version: number;
  /** What the reader found about the file as a whole: how turns are marked, Markdown, a provider header. */
  reading: ReadingSummary;
  /** Readings the reader is unsure of (each a `label-doubt` hint, when that rule is on). */
  doubts: number;
}

/** The speakers' statistics of an open document; null when the server does not have it. */
export const StatisticsRequest = new RequestType<StatisticsParams, StatisticsResult | null, void>('verbatim/statistics');

export interface SpeakerTurnsParams {
  textDocument: { uri: string };
  /** A speaker's `name` from the statistics result, `(unidentified)` for the unlabelled turns. */
  speaker: string;
}

export interface SpeakerTurnsResult {
  uri: string;
  version: number;
  turns: TurnReport[];
}

/** One speaker's turns (as in `verbatim/statistics`); null for an unknown document or speaker. */
export const SpeakerTurnsRequest = new RequestType<SpeakerTurnsParams, SpeakerTurnsResult | null, void>('verbatim/speakerTurns');

export interface LooksLikeTranscriptParams {
  /** The opening of a document, a few hundred lines are plenty. */
  text: string;
}

/** Whether a `.txt` document reads as a caption transcript. */
export const LooksLikeTranscriptRequest = new RequestType<LooksLikeTranscriptParams, boolean, void>('verbatim/looksLikeTranscript');

export type { Range, TurnReport };
