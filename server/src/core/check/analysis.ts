import { updateParseInPlace, type ReparsedTurns, type TextChange } from '../parse/incremental';
import { detached } from '../detached';
import { inaudibleTermSet } from '../lexicon';
import type { Span, Transcript, Turn } from '../model';
import { parseSteps, parseWithState, type ParseOptions, type ParseState } from '../parse';
import { runSteps } from '../steps';
import { RULES, type RuleCode } from './rules/index';
import { ITEMS_PER_STEP, type FileRule, type Finding, type Rule, type RuleContext, type TextEdit, type TurnRule } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings, type Severity } from '../config/settings';
import { annotationsOfTurn, turnIndexAt } from '../speech';
import { speakerSummarySteps, warmUpPatternSteps, type SpeakerSummary } from '../whoSaidIt';
import { TranscriptFacts } from '../speakers/transcriptFacts';

export { RULES };

export interface Analysis {
  transcript: Transcript;
  /** Every finding, in document order. */
  findings: Finding[];
}

/**
 * An analysis and what updating it after an edit needs: the parse state, the findings of
 * turn-scoped rules kept per turn (an edit re-checks only the turns near it), and the findings of
 * label-scoped rules with the speaker summary (kept while an edit leaves every label as it was).
 */
export interface AnalysisState extends Analysis {
  parse: ParseState;
  settings: Settings;
  headerFindings: Finding[];
  /** Findings of turn-scoped rules, by turn index. */
  turnFindings: Finding[][];
  /** Findings of label-scoped rules, in document order. */
  labelFindings: Finding[];
  /** Findings of document-scoped rules, in document order. */
  documentFindings: Finding[];
  speakers: LazySpeakerSummary;
  /** What requests read about this version (speakers, word counts), carried across in-place edits as the findings are. */
  facts: TranscriptFacts;
}

export function parseWithSettings(text: string, settings: Settings = DEFAULT_SETTINGS): Transcript {
  return parseWithState(text, parseOptionsOf(settings)).transcript;
}

/**
 * What the parser reads from the settings: the inaudible lexicon and the speaker answers. Every parse
 * of a document (fresh, after an edit, to check a fix) goes through here, so all read the same way.
 * `inaudibleTerms` may be passed when already built (an update reuses the set of the parse it updates).
 */
export function parseOptionsOf(settings: Settings, inaudibleTerms: ReadonlySet<string> = inaudibleTermsOf(settings)): ParseOptions {
  return { inaudibleTerms, speakers: settings.speakers, notSpeakers: settings.notSpeakers };
}

/** The inaudible lexicon in effect: built-in terms, the user's additions and the preferred spelling. */
export function inaudibleTermsOf(settings: Settings): ReadonlySet<string> {
  return inaudibleTermSet([...settings.inaudibleTerms, settings.inaudiblePreferred]);
}

/** Parses the text and runs every rule that is not turned off. */
export function analyzeText(text: string, settings: Settings = DEFAULT_SETTINGS): AnalysisState {
  return runSteps(analysisSteps(text, settings));
}

/** A few turns in the layouts and with the problems the reader and the rules meet most. */
const WARM_UP_TRANSCRIPT = [
  'UNEDITED ROUGH DRAFT',
  'River Captioning, LLC  www.example.invalid  (555) 010-0199',
  'MEETING',
  'June 11, 2026',
  '',
  '>> ANA RUIZ:  My name is Ana Ruiz from Lima, and the the  budget',
  '>> Thank you, Ana. (inaudible) Could you now tell us more? Ben?',
  '>>',
  '(Applause',
  'Sam, CART writer: I have lost the audio.',
  '',
  'Session 2: Budget',
  '',
  "**LEE:** Good morning. I'm Lee Park. *[laughter]* \\[away from the mic\\]",
  '### Omar Hadid:',
  'Hi, Jesse from Facebook. Please welcome our chair, Dr. Dana Reyes. I want to second what Lee said.',
  '> > [ Discussion ]',
].join('\n');

/**
 * Analyses a small transcript four times, a step each, then runs who-said-it's patterns, for a server
 * to run while idle: the rules' patterns compile on first use, natively on the second, and again for
 * text beyond Latin-1 (V8 compiles per string width), ~150 ms in all that would otherwise fall inside
 * the first slices of a user's document.
 */
export function* warmUpSteps(): Generator<void> {
  for (const text of [WARM_UP_TRANSCRIPT, `${WARM_UP_TRANSCRIPT}\u2014`]) {
    for (let run = 0; run < 2; run++) {
      analyzeText(text);
      yield;
    }
  }
  yield* warmUpPatternSteps();
}

/** Turns one step of the checks reads. */
const TURNS_PER_STEP = 100;

/**
 * `analyzeText` as bounded steps (a `yield` after each), for a server that analyses a large file
 * between other requests; `analyzeText` runs these same steps in one go.
 */
export function* analysisSteps(text: string, settings: Settings = DEFAULT_SETTINGS): Generator<void, AnalysisState> {
  const parse = yield* parseSteps(text, parseOptionsOf(settings));
  return yield* checkParseSteps(parse, settings);
}

/**
 * The analysis of `newText` (the previous text with `change` applied), re-checking only the turns
 * around the change when the parse could be updated in place. `state` must not be used afterwards.
 */
export function updateAnalysis(state: AnalysisState, change: TextChange, newText: string): AnalysisState {
  return runSteps(updateAnalysisSteps(state, change, newText));
}

/**
 * `updateAnalysis` as bounded steps. Most edits take one short step; an edit that needs a fresh
 * parse (colon text, a dialect change) or that changes a label (every turn is re-read for who
 * said it) takes as many as analysing the file does, for a server to run between requests.
 */
export function* updateAnalysisSteps(state: AnalysisState, change: TextChange, newText: string): Generator<void, AnalysisState> {
  const oldTranscript = state.transcript;
  const updated = updateParseInPlace(state.parse, change, newText);
  if (updated === null) return yield* checkParseSteps(yield* parseSteps(newText, state.parse.options), state.settings);
  const { state: parse, reparsed } = updated;

  const { transcript } = parse;
  const facts = state.facts.carriedTo(transcript, reparsed);
  const labelsSame = reparsed.relabelled.length === 0 && labelsKept(oldTranscript, transcript, reparsed, change);
  const speakers = labelsSame ? state.speakers.carriedTo(transcript) : new LazySpeakerSummary(transcript);
  const context = ruleContext(parse, state.settings, speakers);
  // Neighbours are re-checked too: a turn's findings may read the turn before or after it.
  const from = Math.max(0, reparsed.firstTurn - 1);
  const to = Math.min(transcript.turns.length, reparsed.firstTurn + reparsed.added + 1);
  const { headerFindings, turnFindings: checked } = checkTurns(context, transcript.turns.slice(from, to), reparsed.header);
  const keptAfter = state.turnFindings.slice(to - reparsed.added + reparsed.removed);
  for (const findings of keptAfter) shiftFindings(findings, reparsed.delta);
  const turnFindings = state.turnFindings.slice(0, from).concat(checked.slice(from, to), keptAfter);
  const headers = reparsed.header ? headerFindings : state.headerFindings;
  if (labelsSame) {
    // Label findings sit on labels, which the edit left in place: only those after it move.
    shiftFindings(state.labelFindings, reparsed.delta, change.end);
    return assemble(parse, state.settings, speakers, headers, turnFindings, state.labelFindings, yield* checkScope(context, 'document'), facts);
  }
  yield* recheckAfterLabelChange(context, speakers, turnFindings, reparsed.relabelled, from, to);
  const labelFindings = yield* checkScope(context, 'labels');
  return assemble(parse, state.settings, speakers, headers, turnFindings, labelFindings, yield* checkScope(context, 'document'), facts);
}

/**
 * Labels changed: turns whose colon-less label came or went are re-checked with their neighbours,
 * and the rules that read the file's speakers re-check every other turn (`turnFindings` in place).
 */
function* recheckAfterLabelChange(
  context: BaseContext,
  speakers: LazySpeakerSummary,
  turnFindings: Finding[][],
  relabelled: readonly number[],
  from: number,
  to: number,
): Generator<void> {
  const { turns } = context.transcript;
  const near = new Set<number>();
  for (const index of relabelled)
    for (const neighbour of [index - 1, index, index + 1]) if (neighbour >= 0 && neighbour < turns.length && (neighbour < from || neighbour >= to)) near.add(neighbour);
  const { turnFindings: rechecked } = checkTurns(
    context,
    [...near].sort((a, b) => a - b).map((index) => turns[index]),
    false,
  );
  for (const index of near) turnFindings[index] = rechecked[index];
  const readers = (rule: TurnRule) => rule.readsSpeakers === true;
  if (!enabledTurnRules(context.settings).some(({ rule }) => readers(rule))) return;
  yield* speakers.computeSteps();
  const others = turns.filter((turn) => (turn.index < from || turn.index >= to) && !near.has(turn.index));
  const codes = new Set<string>(ALL_RULES.filter((rule) => rule.scope === 'turn' && readers(rule)).map((rule) => rule.code));
  for (let first = 0; first < others.length; first += TURNS_PER_STEP) {
    const batch = others.slice(first, first + TURNS_PER_STEP);
    const { turnFindings: reread } = checkTurns(context, batch, false, readers);
    for (const turn of batch) {
      const kept = turnFindings[turn.index].filter((finding) => !codes.has(finding.code));
      turnFindings[turn.index] = reread[turn.index].length > 0 ? kept.concat(reread[turn.index]).sort(byPosition) : kept;
    }
    yield;
  }
}

/** Every enabled rule on a parsed transcript, in steps: the second half of `analysisSteps`, and a fresh start after an edit that re-parses. */
function* checkParseSteps(parse: ParseState, settings: Settings): Generator<void, AnalysisState> {
  const { turns } = parse.transcript;
  const speakers = new LazySpeakerSummary(parse.transcript);
  const context = ruleContext(parse, settings, speakers);
  // The speaker summary reads every turn: steps of its own, not a burden on the first turns' step.
  if (enabledTurnRules(settings).some(({ rule }) => rule.readsSpeakers)) yield* speakers.computeSteps();
  let headerFindings: Finding[] = [];
  const turnFindings: Finding[][] = [];
  for (let first = 0; first < turns.length || first === 0; first += TURNS_PER_STEP) {
    const checked = checkTurns(context, turns.slice(first, first + TURNS_PER_STEP), first === 0);
    if (first === 0) headerFindings = checked.headerFindings;
    for (let index = first; index < Math.min(turns.length, first + TURNS_PER_STEP); index++) turnFindings[index] = checked.turnFindings[index];
    yield;
  }
  const labelFindings = yield* checkScope(context, 'labels');
  const documentFindings = yield* checkScope(context, 'document');
  return assemble(parse, settings, speakers, headerFindings, turnFindings, labelFindings, documentFindings, new TranscriptFacts(parse.transcript));
}

type BaseContext = Omit<RuleContext, 'turns' | 'includeHeader' | 'settings'> & { settings: Settings };
/** The speaker summary, computed when a rule first asks for it and then kept (and the transcript let go). */
class LazySpeakerSummary {
  private summary: SpeakerSummary | null = null;

  constructor(private source: Transcript | null) {}

  get = (): SpeakerSummary => runSteps(this.computeSteps());

  /** Computes the summary, if not yet done, a batch of turns per step. */
  *computeSteps(): Generator<void, SpeakerSummary> {
    if (this.summary === null) {
      this.summary = yield* speakerSummarySteps(this.source!);
      this.source = null;
    }
    return this.summary;
  }

  /** For the next version, whose labels are the same: the computed summary, or a lazy one that pins no old text. */
  carriedTo(transcript: Transcript): LazySpeakerSummary {
    return this.summary !== null ? this : new LazySpeakerSummary(transcript);
  }
}

/** The parse already built the inaudible lexicon from the settings: the rules read the same set. */
function ruleContext({ transcript, inaudibleTerms }: ParseState, settings: Settings, speakers: LazySpeakerSummary): BaseContext {
  return { transcript, settings, annotationsOf: (turn) => annotationsOfTurn(transcript, turn), speakerSummary: speakers.get, inaudibleTerms };
}

/** The registry's rules, each with its code's type. */
const ALL_RULES: readonly Rule<RuleCode>[] = RULES;

function enabledTurnRules(settings: Settings): { rule: TurnRule<RuleCode>; severity: Severity }[] {
  return enabled(
    settings,
    ALL_RULES.filter((rule): rule is TurnRule<RuleCode> => rule.scope === 'turn'),
  );
}

function enabledFileRules(settings: Settings, scope: FileRule['scope']): { rule: FileRule<RuleCode>; severity: Severity }[] {
  return enabled(
    settings,
    ALL_RULES.filter((rule): rule is FileRule<RuleCode> => rule.scope === scope),
  );
}

function enabled<R extends Rule<RuleCode>>(settings: Settings, rules: R[]): { rule: R; severity: Severity }[] {
  const result: { rule: R; severity: Severity }[] = [];
  for (const rule of rules) {
    const severity = settings.rules[rule.code] ?? rule.defaultSeverity;
    if (severity !== 'off') result.push({ rule, severity });
  }
  return result;
}

/** Runs the turn-scoped rules on some turns; findings come back by turn (a sparse array) and for the header. */
function checkTurns(
  base: BaseContext,
  turns: readonly Turn[],
  includeHeader: boolean,
  only: (rule: TurnRule) => boolean = () => true,
): { headerFindings: Finding[]; turnFindings: Finding[][] } {
  const { transcript } = base;
  const turnFindings: Finding[][] = [];
  for (const turn of turns) turnFindings[turn.index] = [];
  const headerFindings: Finding[] = [];
  const context: RuleContext = { ...base, turns, includeHeader };
  for (const { rule, severity } of enabledTurnRules(base.settings).filter(({ rule }) => only(rule))) {
    for (const found of rule.check(context)) {
      const finding = ownSpans({ ...found, code: rule.code, severity });
      const turn = turnIndexAt(transcript.turns, finding.span.start);
      (turn < 0 ? headerFindings : turnFindings[turn]).push(finding);
    }
  }
  headerFindings.sort(byPosition);
  for (const turn of turns) turnFindings[turn.index].sort(byPosition);
  return { headerFindings, turnFindings };
}

/** Runs the label- or document-scoped rules on the whole file, in steps. */
function* checkScope(base: BaseContext, scope: FileRule['scope']): Generator<void, Finding[]> {
  const context: RuleContext = { ...base, turns: base.transcript.turns, includeHeader: true };
  const findings: Finding[] = [];
  const copiedEdits = new Map<readonly TextEdit[], TextEdit[]>();
  for (const { rule, severity } of enabledFileRules(base.settings, scope)) {
    const found = yield* rule.check(context);
    for (let first = 0; first < found.length; first += ITEMS_PER_STEP) {
      for (const finding of found.slice(first, first + ITEMS_PER_STEP)) {
        // Label findings outlive the text they were found in (kept and shifted across edits): they get spans of their own.
        findings.push(scope === 'labels' ? ownSpans({ ...finding, code: rule.code, severity }, copiedEdits) : { ...finding, code: rule.code, severity });
      }
      yield;
    }
  }
  return findings.sort(byPosition);
}

/** All findings in document order: header and turns, with the file-wide findings merged in. */
function assemble(
  parse: ParseState,
  settings: Settings,
  speakers: LazySpeakerSummary,
  headerFindings: Finding[],
  turnFindings: Finding[][],
  labelFindings: Finding[],
  documentFindings: Finding[],
  facts: TranscriptFacts,
): AnalysisState {
  // Loops, not `concat(...turnFindings)`: one argument per turn overflows the stack above ~100,000 turns.
  const local: Finding[] = [...headerFindings];
  for (const findingsOfTurn of turnFindings) for (const finding of findingsOfTurn) local.push(finding);
  const findings = mergeSorted(local, mergeSorted(labelFindings, documentFindings));
  return { transcript: parse.transcript, findings, parse, settings, headerFindings, turnFindings, labelFindings, documentFindings, speakers, facts };
}

/** Two lists in document order as one; on a tie the first list's finding comes first. */
function mergeSorted(first: Finding[], second: Finding[]): Finding[] {
  const merged: Finding[] = [];
  let j = 0;
  for (const finding of first) {
    while (j < second.length && byPosition(second[j], finding) < 0) merged.push(second[j++]);
    merged.push(finding);
  }
  while (j < second.length) merged.push(second[j++]);
  return merged;
}

function byPosition(a: { span: Span }, b: { span: Span }): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/**
 * Rules may hand out the model's own spans, and strings cut from the text: a finding kept across
 * edits is moved on its own, so it gets copies, and detached strings that do not pin an old text.
 * An edit list several findings share (a "change all" fix) is copied once when `copiedEdits` is
 * given: copying it per finding is quadratic in the size of the list.
 */
function ownSpans(finding: Finding, copiedEdits?: Map<readonly TextEdit[], TextEdit[]>): Finding {
  const copy = { ...finding, message: detached(finding.message), span: { ...finding.span } };
  const copyOf = (edits: readonly TextEdit[]) => edits.map((edit) => ({ newText: detached(edit.newText), span: { ...edit.span } }));
  const editsOf = (edits: readonly TextEdit[]) => {
    if (!copiedEdits) return copyOf(edits);
    let copied = copiedEdits.get(edits);
    if (!copied) copiedEdits.set(edits, (copied = copyOf(edits)));
    return copied;
  };
  if (finding.fixes) copy.fixes = finding.fixes.map((fix) => ({ ...fix, title: detached(fix.title), edits: editsOf(fix.edits) }));
  return copy;
}

/** Moves the findings' spans that start at or after `from` (all of them by default) by `delta`; an edit list several findings share moves once. */
function shiftFindings(findings: readonly Finding[], delta: number, from = Number.NEGATIVE_INFINITY): void {
  const moved = new Set<readonly TextEdit[]>();
  for (const finding of findings) {
    shiftSpan(finding.span, delta, from);
    for (const fix of finding.fixes ?? []) {
      if (moved.has(fix.edits)) continue;
      moved.add(fix.edits);
      for (const edit of fix.edits) shiftSpan(edit.span, delta, from);
    }
  }
}

function shiftSpan(span: Span, delta: number, from: number): void {
  if (span.start < from) return;
  span.start += delta;
  span.end += delta;
}

/**
 * Whether the re-parsed turns carry the same labels, written the same way and standing where the
 * replaced turns had them (moved only by the edit): then speakers, label style and label findings
 * are as they were.
 */
function labelsKept(before: Transcript, after: Transcript, reparsed: ReparsedTurns, change: TextChange): boolean {
  const moved = (offset: number) => (offset < change.start ? offset : offset >= change.end ? offset + reparsed.delta : -1);
  const layout = (transcript: Transcript, count: number, place: (offset: number) => number) =>
    transcript.turns
      .slice(reparsed.firstTurn, reparsed.firstTurn + count)
      .filter((turn) => turn.label)
      .map((turn) => {
        const { text } = transcript;
        const label = turn.label!;
        const gapAfterColon = label.colon ? text.slice(label.colon.end, turn.body.start) : '';
        return [turn.markerKind, label.raw, label.speaker, text.slice(turn.marker.end, label.span.start), gapAfterColon, place(turn.marker.start), place(label.span.start)].join(
          '\u0000',
        );
      })
      .join('\u0001');
  return layout(before, reparsed.removed, moved) === layout(after, reparsed.added, (offset) => offset);
}
