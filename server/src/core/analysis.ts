import { inaudibleTermSet } from './lexicon';
import type { Transcript } from './model';
import { parseTranscript } from './parse';
import { brokenTurnRule } from './rules/brokenTurn';
import { emptyTurnRule } from './rules/emptyTurn';
import { flattenedTurnsRule } from './rules/flattenedTurns';
import { inaudibleRule } from './rules/inaudible';
import { labelVariantRule } from './rules/labelVariant';
import { lostDashRule } from './rules/lostDash';
import { repeatedWordRule } from './rules/repeatedWord';
import type { Finding, Rule } from './rules/rule';
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
  findings: Finding[];
}

export function parseWithSettings(text: string, settings: Settings = DEFAULT_SETTINGS): Transcript {
  return parseTranscript(text, { inaudibleTerms: inaudibleTermsOf(settings) });
}

/** The inaudible lexicon in effect: built-in terms, the user's additions and the preferred spelling. */
export function inaudibleTermsOf(settings: Settings): ReadonlySet<string> {
  return inaudibleTermSet([...settings.inaudibleTerms, settings.inaudiblePreferred]);
}

/** Parses the text and runs every rule that is not turned off, in document order. */
export function analyzeText(text: string, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const transcript = parseWithSettings(text, settings);
  return { transcript, findings: checkTranscript(transcript, settings) };
}

export function checkTranscript(transcript: Transcript, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  const context = { transcript, settings, turnAnnotations: annotationsByTurn(transcript), inaudibleTerms: inaudibleTermsOf(settings) };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = settings.rules[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) findings.push({ ...finding, code: rule.code, severity });
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
