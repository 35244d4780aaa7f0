// The transcript document model: plain data produced by `parseTranscript`.
// All spans are offsets into the analysed text in UTF-16 code units (JavaScript string indices),
// end exclusive. Convert to LSP line/character positions with `LineIndex` (lineIndex.ts).

export interface Span {
  start: number;
  end: number;
}

/** How the file marks speaker changes, decided from the whole text. */
export type Dialect =
  | 'chevron' // `>> NAME: text`, `>>NAME:`, `>> text`
  | 'single-chevron' // `>NAME: text`, `> text`
  | 'colon' // `NAME: text` with no chevrons
  | 'court' // `Q.` / `A.` examination lines (with colon labels between them)
  | 'none'; // no speaker markers at all

export type MarkerKind =
  | 'chevron' // `>>`
  | 'section' // `>>>`: a turn that also starts a new section
  | 'single-chevron' // `>`
  | 'colon' // a label at the start of a turn with no chevron: `NAME:`
  | 'question' // court `Q.`
  | 'answer'; // court `A.`

export interface Label {
  /** The label exactly as written, without chevrons and colon: `H.E. AMBASSADOR LI`, `Moderator`. */
  raw: string;
  span: Span;
  /** The colon after the label; null for a label recognised without one. */
  colon: Span | null;
  /** Identity of the speaker: case, spacing, dashes and apostrophes folded (`speakerKey`). */
  speaker: string;
}

export interface Turn {
  index: number;
  /** From the marker to the end of the turn's last non-blank text. */
  span: Span;
  /** The marker characters (`>>`, `>`, `Q.`); for colon turns, the label itself. */
  marker: Span;
  markerKind: MarkerKind;
  label: Label | null;
  /** What follows the marker and label: the spoken text with its annotations, trimmed. Empty span when nothing follows. */
  body: Span;
  /** Non-blank paragraphs of the body, separated by blank lines. */
  paragraphs: Span[];
  /** The marker stands mid-line: the line breaks before it were lost. */
  flattened: boolean;
}

export type AnnotationKind =
  | 'inaudible' // content was lost: `(inaudible)`, `(Audio disconnect)`, `[?]`
  | 'sound' // non-speech description: `(Applause)`, `[ Gavel ]`, `(Speaking French)`
  | 'note'; // any other bracketed line or captioner's note: `(Captioner's note: ...)`

export interface Annotation {
  kind: AnnotationKind;
  /** From the opening bracket to the closing one (or the end of the line when unclosed). */
  span: Span;
  /** The words inside the brackets, trimmed, without trailing punctuation. */
  content: string;
  bracket: '(' | '[';
  closed: boolean;
  /** The turn it stands in; -1 in the header. */
  turn: number;
}

export interface Timestamp {
  span: Span;
  text: string;
}

export interface Section {
  /** Where the section starts: a `>>>` turn or a timestamp line. */
  span: Span;
  title: string;
  /** Index of the first turn in the section (equal to `turns.length` when no turn follows). */
  firstTurn: number;
}

export interface Header {
  /** Everything before the first turn, trimmed. */
  span: Span;
  /** The first non-empty line that is not a fence or provider block, shortened for display. */
  title: string | null;
  titleSpan: Span | null;
  /** The captioning disclaimer paragraph, when recognised. */
  disclaimer: Span | null;
}

export interface Transcript {
  text: string;
  dialect: Dialect;
  header: Header | null;
  turns: Turn[];
  /** All annotations in document order, header and turns alike. */
  annotations: Annotation[];
  timestamps: Timestamp[];
  sections: Section[];
}
