import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/check/rules/rule';
import type { Severity } from '../core/config/settings';
import type { DocumentAnalysis } from '../documents';
import { ruleDocumentation } from '../rulesDocument';

export const DIAGNOSTIC_SOURCE = 'verbatim';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Most severe first, for choosing which findings to publish when there are too many. */
const SEVERITY_RANKS: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The analysis's findings as diagnostics, at most `maxItems` of them: the most severe ones, in
 * document order (the caller says how many were left out). Corpus text repeated to 20 MB has
 * 25,000 findings; converting and sending them all holds the event loop for ~70 ms and floods the
 * Problems panel.
 */
export function diagnostics(analysis: DocumentAnalysis, rulesDocument: string, maxItems = Number.POSITIVE_INFINITY): Diagnostic[] {
  return mostSevere(analysis.findings, maxItems).map((finding) => ({
    range: analysis.lines.rangeOf(finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocumentation(rulesDocument, finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  }));
}

function mostSevere(findings: readonly Finding[], maxItems: number): readonly Finding[] {
  if (findings.length <= maxItems) return findings;
  const counts = [0, 0, 0, 0];
  for (const finding of findings) counts[SEVERITY_RANKS[finding.severity]]++;
  let left = maxItems;
  const quotas = counts.map((count) => {
    const quota = Math.min(count, left);
    left -= quota;
    return quota;
  });
  return findings.filter((finding) => quotas[SEVERITY_RANKS[finding.severity]]-- > 0);
}
