import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Severity } from '../core/settings';
import type { DocumentAnalysis } from '../documents';

export const DIAGNOSTIC_SOURCE = 'verbatim';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  return analysis.findings.map((finding) => ({
    range: analysis.lines.rangeOf(finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  }));
}
