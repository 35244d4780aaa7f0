// The rule registry: every rule in the order its findings are listed. The rule codes, the cheap
// set and the default severities are derived from the rules themselves. Adding a rule means its
// file, an entry here, its docs/rules.md section, its tests and a line of the bundled sample that
// shows it (the demo and the walkthrough show one finding of every rule); `npm run rules:docs` then
// regenerates the settings schema, the README's tables and demo, the walkthrough's table and the
// corpus counts, and a test fails while any of them is stale.
import type { Severity } from '../../config/options';
import { brokenTurnRule } from './brokenTurn';
import { emptyTurnRule } from './emptyTurn';
import { flattenedTurnsRule } from './flattenedTurns';
import { inaudibleRule } from './inaudible';
import { labelDoubtRule } from './labelDoubt';
import { labelVariantRule } from './labelVariant';
import { lostDashRule } from './lostDash';
import { repeatedWordRule } from './repeatedWord';
import { unclosedAnnotationRule } from './unclosedAnnotation';
import { unlabeledTurnRule } from './unlabeledTurn';

export const RULES = [
  brokenTurnRule,
  inaudibleRule,
  emptyTurnRule,
  unlabeledTurnRule,
  flattenedTurnsRule,
  labelVariantRule,
  unclosedAnnotationRule,
  lostDashRule,
  repeatedWordRule,
  labelDoubtRule,
] as const;

export type RuleCode = (typeof RULES)[number]['code'];

export const RULE_CODES: readonly RuleCode[] = RULES.map((rule) => rule.code);

/**
 * Rules linear in the number of turns or annotations, kept above the size limit (limits.ts). A rule
 * that does not say it is cheap is not, so a new rule never slows a huge file down.
 */
export const CHEAP_RULES: ReadonlySet<RuleCode> = new Set(RULES.filter((rule) => rule.cheap).map((rule) => rule.code));

export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, Severity>> = Object.fromEntries(RULES.map((rule) => [rule.code, rule.defaultSeverity])) as Record<RuleCode, Severity>;
