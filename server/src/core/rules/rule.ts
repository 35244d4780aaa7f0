import type { Annotation, Span, Transcript } from '../model';
import type { RuleCode, Settings, Severity } from '../settings';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when the fix changes no spoken word (markers, labels, spacing, dashes, annotations): fix-all may apply it. */
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
  code: RuleCode;
  severity: Severity;
}

/** Everything a rule may read, computed once per analysis. */
export interface RuleContext {
  transcript: Transcript;
  settings: Settings;
  /** Annotations of each turn, by turn index. */
  turnAnnotations: Annotation[][];
  /** Normalised inaudible terms: the built-in lexicon, the user's additions and the preferred spelling. */
  inaudibleTerms: ReadonlySet<string>;
}

/** Where each rule's longer explanation lives, relative to the repository and the installed extension; one section per code. */
export const RULES_DOCUMENT_PATH = 'docs/rules.md';

export interface Rule {
  code: RuleCode;
  defaultSeverity: Severity;
  /** One line for docs and settings descriptions. */
  description: string;
  check(context: RuleContext): RuleFinding[];
}
