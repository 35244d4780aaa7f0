import { updateParse, type ReparsedTurns, type TextChange } from './incremental';
import { inaudibleTermSet } from './lexicon';
import type { Span, Transcript, Turn } from './model';
import { parseWithState, type ParseState } from './parse';
import { brokenTurnRule } from './rules/brokenTurn';
import { emptyTurnRule } from './rules/emptyTurn';
import { flattenedTurnsRule } from './rules/flattenedTurns';
import { inaudibleRule } from './rules/inaudible';
import { labelVariantRule } from './rules/labelVariant';
import { lostDashRule } from './rules/lostDash';
import { repeatedWordRule } from './rules/repeatedWord';
import type { Finding, Rule, RuleContext } from './rules/rule';
import { unclosedAnnotationRule } from './rules/unclosedAnnotation';
import { unlabeledTurnRule } from './rules/unlabeledTurn';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { annotationsByTurn } from './speech';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  brokenTurnRule,
  inaudibleRule,
  emptyTurnRule,
  unlabeledTurnRule,
  flattenedTurnsRule,
  labelVariantRule,
  unclosedAnnotationRule,
  lostDashRule,
  repeatedWordRule,
];

export interface Analysis {
  transcript: Transcript;
  /** Every finding, in document order. */
  findings: Finding[];
}

/**
 * An analysis and what updating it after an edit needs: the parse state and the findings of
 * turn-scoped rules kept per turn, so that an edit re-checks only the turns near it.
 */
export interface AnalysisState extends Analysis {
  parse: ParseState;
  settings: Settings;
  headerFindings: Finding[];
  /** Findings of turn-scoped rules, by turn index. */
  turnFindings: Finding[][];
  /** Findings of document-scoped rules, in document order. */
  documentFindings: Finding[];
}

export function parseWithSettings(text: string, settings: Settings = DEFAULT_SETTINGS): Transcript {
  return parseWithState(text, { inaudibleTerms: inaudibleTermsOf(settings) }).transcript;
}

/** The inaudible lexicon in effect: built-in terms, the user's additions and the preferred spelling. */
export function inaudibleTermsOf(settings: Settings): ReadonlySet<string> {
  return inaudibleTermSet([...settings.inaudibleTerms, settings.inaudiblePreferred]);
}

/** Parses the text and runs every rule that is not turned off. */
export function analyzeText(text: string, settings: Settings = DEFAULT_SETTINGS): AnalysisState {
  return analyse(parseWithState(text, { inaudibleTerms: inaudibleTermsOf(settings) }), settings);
}

/**
 * The analysis of `newText` (the previous text with `change` applied), re-checking only the turns
 * around the change when the parse could be updated in place. `state` must not be used afterwards.
 */
export function updateAnalysis(state: AnalysisState, change: TextChange, newText: string): AnalysisState {
  const oldTranscript = state.transcript;
  const { state: parse, reparsed } = updateParse(state.parse, change, newText);
  // Who-said-it reads every label of the file: when the re-parsed labels differ, every turn is re-checked.
  if (reparsed === null || labelsDiffer(oldTranscript, parse.transcript, reparsed)) return analyse(parse, state.settings);

  const { transcript } = parse;
  const context = ruleContext(transcript, state.settings);
  // Neighbours are re-checked too: a turn's findings may read the turn before or after it.
  const from = Math.max(0, reparsed.firstTurn - 1);
  const to = Math.min(transcript.turns.length, reparsed.firstTurn + reparsed.added + 1);
  const { headerFindings, turnFindings: checked } = checkTurns(context, transcript.turns.slice(from, to), reparsed.header);
  const keptAfter = state.turnFindings.slice(to - reparsed.added + reparsed.removed);
  for (const findings of keptAfter) for (const finding of findings) shiftFinding(finding, reparsed.delta);
  const turnFindings = state.turnFindings.slice(0, from).concat(checked.slice(from, to), keptAfter);
  return assemble(parse, state.settings, reparsed.header ? headerFindings : state.headerFindings, turnFindings, checkDocument(context));
}

function analyse(parse: ParseState, settings: Settings): AnalysisState {
  const context = ruleContext(parse.transcript, settings);
  const { headerFindings, turnFindings } = checkTurns(context, parse.transcript.turns, true);
  return assemble(parse, settings, headerFindings, turnFindings, checkDocument(context));
}

type BaseContext = Omit<RuleContext, 'turns' | 'includeHeader'>;

function ruleContext(transcript: Transcript, settings: Settings): BaseContext {
  return { transcript, settings, turnAnnotations: annotationsByTurn(transcript), inaudibleTerms: inaudibleTermsOf(settings) };
}

function enabledRules(settings: Settings, scope: Rule['scope']): { rule: Rule; severity: Finding['severity'] }[] {
  return RULES.filter((rule) => rule.scope === scope)
    .map((rule) => ({ rule, severity: settings.rules[rule.code] ?? rule.defaultSeverity }))
    .filter((entry): entry is { rule: Rule; severity: Finding['severity'] } => entry.severity !== 'off');
}

/** Runs the turn-scoped rules on some turns; findings come back by turn (a sparse array) and for the header. */
function checkTurns(base: BaseContext, turns: readonly Turn[], includeHeader: boolean): { headerFindings: Finding[]; turnFindings: Finding[][] } {
  const { transcript } = base;
  const turnFindings: Finding[][] = [];
  for (const turn of turns) turnFindings[turn.index] = [];
  const headerFindings: Finding[] = [];
  const context: RuleContext = { ...base, turns, includeHeader };
  for (const { rule, severity } of enabledRules(base.settings, 'turn')) {
    for (const found of rule.check(context)) {
      const finding = ownSpans({ ...found, code: rule.code, severity });
      const turn = turnAt(transcript.turns, finding.span.start);
      (turn < 0 ? headerFindings : turnFindings[turn]).push(finding);
    }
  }
  headerFindings.sort(byPosition);
  for (const turn of turns) turnFindings[turn.index].sort(byPosition);
  return { headerFindings, turnFindings };
}

function checkDocument(base: BaseContext): Finding[] {
  const context: RuleContext = { ...base, turns: base.transcript.turns, includeHeader: true };
  const findings: Finding[] = [];
  for (const { rule, severity } of enabledRules(base.settings, 'document')) {
    for (const found of rule.check(context)) findings.push({ ...found, code: rule.code, severity });
  }
  return findings.sort(byPosition);
}

/** All findings in document order: header, turns, then document-wide findings merged in. */
function assemble(parse: ParseState, settings: Settings, headerFindings: Finding[], turnFindings: Finding[][], documentFindings: Finding[]): AnalysisState {
  // `flat()`, not `concat(...turnFindings)`: one argument per turn overflows the stack above ~100,000 turns.
  const local = headerFindings.concat(turnFindings.flat());
  const findings: Finding[] = [];
  let d = 0;
  for (const finding of local) {
    while (d < documentFindings.length && byPosition(documentFindings[d], finding) < 0) findings.push(documentFindings[d++]);
    findings.push(finding);
  }
  while (d < documentFindings.length) findings.push(documentFindings[d++]);
  return { transcript: parse.transcript, findings, parse, settings, headerFindings, turnFindings, documentFindings };
}

function byPosition(a: { span: Span }, b: { span: Span }): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/** Index of the turn holding an offset; -1 before the first turn (the header). */
function turnAt(turns: readonly Turn[], offset: number): number {
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (turns[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Rules may hand out the model's own spans; a kept finding is moved on its own, so it gets copies. */
function ownSpans(finding: Finding): Finding {
  const copy = { ...finding, span: { ...finding.span } };
  if (finding.fixes) copy.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: { ...edit.span } })) }));
  return copy;
}

function shiftFinding(finding: Finding, delta: number): void {
  finding.span.start += delta;
  finding.span.end += delta;
  for (const fix of finding.fixes ?? []) {
    for (const edit of fix.edits) {
      edit.span.start += delta;
      edit.span.end += delta;
    }
  }
}

/** Whether the re-parsed turns name speakers, or lay labels out, differently from the turns they replace. */
function labelsDiffer(before: Transcript, after: Transcript, reparsed: ReparsedTurns): boolean {
  const layout = (transcript: Transcript, from: number, count: number) =>
    transcript.turns
      .slice(from, from + count)
      .filter((turn) => turn.label)
      .map((turn) => {
        const { text } = transcript;
        const label = turn.label!;
        return [turn.markerKind, label.raw, label.speaker, text.slice(turn.marker.end, label.span.start), label.colon ? text.slice(label.colon.end, turn.body.start) : ''].join('\u0000');
      })
      .join('\u0001');
  return layout(before, reparsed.firstTurn, reparsed.removed) !== layout(after, reparsed.firstTurn, reparsed.added);
}
