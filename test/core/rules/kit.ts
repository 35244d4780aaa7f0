// Small helpers for the rule tests: run the whole analysis as the editor does, keep one rule's findings.
import { analyzeText } from '../../../server/src/core/check/analysis';
import { applyEdits } from '../../../server/src/core/check/fixes';
import type { Finding } from '../../../server/src/core/check/rules/rule';
import { resolveSettings, type RuleCode } from '../../../server/src/core/config/settings';

export function findingsOf(code: RuleCode, text: string, rawSettings: Record<string, unknown> = {}): Finding[] {
  const { settings, problems } = resolveSettings(rawSettings);
  if (problems.length > 0) throw new Error(`test settings are wrong: ${problems.join(' ')}`);
  return analyzeText(text, settings).findings.filter((finding) => finding.code === code);
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}

/** The text after applying the fix with this title (or the first fix) of a finding. */
export function afterFix(text: string, finding: Finding, title?: RegExp): string {
  const fix = title ? finding.fixes?.find((candidate) => title.test(candidate.title)) : finding.fixes?.[0];
  if (!fix) throw new Error(`no fix${title ? ` matching ${title}` : ''} on "${finding.message}"`);
  return applyEdits(text, fix.edits);
}
