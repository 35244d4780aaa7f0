import type { Annotation, Span, Transcript, Turn } from '../../model';
import type { AnnotationBrackets, DashStyle, LabelCase, Severity } from '../../config/options';
import type { SpeakerSummary } from '../../whoSaidIt';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * True when the fix's edits touch no spoken word (markers, labels, spacing, dashes, annotations): fix-all may apply it.
   * The rule's word only: the parser may still read the text around the edits differently. Fix-all makes
   * no fix without re-parsing (fixes.ts `fixAll`); a quick fix is checked only where `checkedFixes` is asked.
   */
  safe: boolean;
  preferred?: boolean;
}

/** What a rule reports; the analysis adds the effective severity. */
export interface RuleFinding {
  span: Span;
  message: string;
  fixes?: Fix[];
}

export interface Finding extends RuleFinding {
  /** A `RuleCode` (rules/index.ts); typed as a string here, which the registry's rule files import. */
  code: string;
  severity: Severity;
}

/** The settings rules read (the full `Settings` has these and more). */
export interface RuleSettings {
  /** The spelling inaudible markers are normalised to, without brackets. */
  inaudiblePreferred: string;
  annotationBrackets: AnnotationBrackets;
  dashStyle: DashStyle;
  labelCase: LabelCase;
}

/** Everything a rule may read, computed once per analysis. */
export interface RuleContext {
  transcript: Transcript;
  /** The turns a turn-scoped rule checks: all of them, or those around an edit. */
  turns: readonly Turn[];
  /** Whether a turn-scoped rule also checks the header (its annotations). */
  includeHeader: boolean;
  settings: RuleSettings;
  /** The annotations standing in a turn. */
  annotationsOf(turn: Turn): Annotation[];
  /** The file's speakers and label style, computed on first use. */
  speakerSummary(): SpeakerSummary;
  /** Normalised inaudible terms: the built-in lexicon, the user's additions and the preferred spelling. */
  inaudibleTerms: ReadonlySet<string>;
}

/** Where each rule's longer explanation lives, relative to the repository and the installed extension; one section per code. */
export const RULES_DOCUMENT_PATH = 'docs/rules.md';

/** The annotations a turn-scoped rule checks: the header's (when included) and those of `context.turns`. */
export function annotationsInScope(context: RuleContext): Annotation[] {
  const inScope = context.includeHeader ? context.transcript.annotations.filter((annotation) => annotation.turn < 0) : [];
  for (const turn of context.turns) inScope.push(...context.annotationsOf(turn));
  return inScope;
}

/**
 * Everything about a rule besides its check, in one place: the registry (rules/index.ts) derives the
 * rule codes, the cheap set and the default severities from it, and `npm run rules:docs` writes the
 * settings schema in package.json and the README's tables from it.
 */
interface RuleDescription<C extends string> {
  code: C;
  defaultSeverity: Severity;
  /** One line for docs and settings descriptions. */
  description: string;
  /**
   * Linear in the turns or annotations, so it runs above the size limit too (limits.ts); a rule
   * that scans the whole text or compares speakers across the file is not.
   */
  cheap: boolean;
  /** The settings its messages and fixes follow. */
  settings: readonly (keyof RuleSettings)[];
  /** A short example of what it flags, for the README's table (Markdown). */
  example: string;
  /** Its quick fixes, fix-all ones in bold, for the README's table (Markdown). */
  quickFixes: string;
}

/**
 * Each finding lies in one turn (or the header) and depends only on that turn, its neighbours and
 * the file's speakers, so the rule checks `context.turns` only and an edit re-checks the turns near it.
 */
export interface TurnRule<C extends string = string> extends RuleDescription<C> {
  scope: 'turn';
  /** Re-checked on every turn when labels change, because it reads `speakerSummary`. */
  readsSpeakers?: boolean;
  check(context: RuleContext): RuleFinding[];
}

/**
 * `labels`: findings depend on the labels alone (and sit on them); kept while an edit leaves every
 * label as it was. `document`: checked in full after every edit. Either reads the whole file, so it
 * works in bounded steps (a `yield` between them) that a server runs between requests.
 */
export interface FileRule<C extends string = string> extends RuleDescription<C> {
  scope: 'labels' | 'document';
  check(context: RuleContext): Generator<void, RuleFinding[]>;
}

export type Rule<C extends string = string> = TurnRule<C> | FileRule<C>;

/** How many items (turns, labels, findings) one step of a file rule handles: a few milliseconds of work. */
export const ITEMS_PER_STEP = 2000;
