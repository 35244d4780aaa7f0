// Where each rule's explanation lives once built: docs/rules.md ships next to the bundles in dist/
// (also inside the extension), so diagnostics and SARIF logs link a code's section offline.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES_DOCUMENT_PATH } from './core/check/rules/rule';

/** The rules document beside the bundle running from `bundleDirectory` (dist/). */
export function bundledRulesDocument(bundleDirectory: string = __dirname): string {
  return pathToFileURL(path.join(bundleDirectory, '..', RULES_DOCUMENT_PATH)).href;
}

/** The link to one rule's section. */
export function ruleDocumentation(rulesDocument: string, code: string): string {
  return `${rulesDocument}#${code}`;
}
