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
  /** Where the section starts: a `>>>` turn, a timestamp line or a heading line (`Session 2: Budget`, `## Q&A`). */
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

/**
 * A reading the reader is not sure of: words before a colon that it took as a speaker label on weak
 * evidence, or left as text although they could be one. The user answers once (`speakers` /
 * `notSpeakers` in `.verbatimrc.json` or the settings) and the reader follows the answer.
 */
export interface LabelDoubt {
  /** The words in question, as written (`Session 1`, `Amanda`). */
  text: string;
  span: Span;
  /** How the reader took them. */
  readAs: 'label' | 'text';
}

/** What the reader found about the file as a whole, for the status bar and the CLI. */
export interface ReadingSummary {
  /** Turns by how their marker is written. */
  markers: Partial<Record<MarkerKind, number>>;
  /** Turns are marked in more than one way (`>>` turns and `NAME:` turns, say). */
  mixed: boolean;
  /** Markdown structure was read: emphasis around labels, `#` headings, `> >` quoting. */
  markdown: boolean;
  /** The header carries a captioning provider's or a status line (`UNEDITED ROUGH DRAFT`, a phone number). */
  providerHeader: boolean;
}

export interface Transcript {
  text: string;
  /** The file's dominant way of marking turns; each line is still read on its own evidence. */
  dialect: Dialect;
  header: Header | null;
  turns: Turn[];
  /** All annotations in document order, header and turns alike. */
  annotations: Annotation[];
  timestamps: Timestamp[];
  sections: Section[];
  /** Label readings the reader is unsure of, in document order. */
  doubts: LabelDoubt[];
  reading: ReadingSummary;
}
