import * as path from 'path';
import { pathToFileURL } from 'url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { RULES_DOCUMENT_PATH } from '../core/rules/rule';
import type { Severity } from '../core/settings';
import type { DocumentAnalysis } from '../documents';

export const DIAGNOSTIC_SOURCE = 'verbatim';

// The bundle runs from dist/, and docs/rules.md ships next to it in the extension: the explanation
// of each rule opens offline, at the rule's own section.
const RULES_DOCUMENT = pathToFileURL(path.join(__dirname, '..', RULES_DOCUMENT_PATH)).href;

export function ruleDocumentation(code: string): string {
  return `${RULES_DOCUMENT}#${code}`;
}

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
    codeDescription: { href: ruleDocumentation(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  }));
}
