import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type Analysis } from './core/analysis';
import { documentLimit, limitMessage, ruleRunsUnder, type DocumentLimit } from './core/limits';
import { LineIndex } from './core/lineIndex';
import type { Transcript } from './core/model';
import { RULE_CODES, type Settings } from './core/settings';

/** One document's analysis at one version, with the converter for its positions. */
export interface DocumentAnalysis extends Analysis {
  uri: string;
  version: number;
  lines: LineIndex;
  /** How much was analysed: everything, the cheap part (above the size limit), or nothing (binary). */
  limit: DocumentLimit;
}

/**
 * The open documents and, for each, the analysis of its current version. Analyses are computed
 * on first use and dropped when the document changes or closes, or when the settings change.
 * A document that is not analysed in full is reported once through `notify`.
 */
export class AnalysedDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, DocumentAnalysis>();
  /** `uri limit-kind` pairs the user has been told about, until the document closes. */
  private readonly told = new Set<string>();

  constructor(
    private settings: () => Settings,
    private notify: (message: string, limit: DocumentLimit) => void = () => undefined,
  ) {
    this.documents.onDidClose((event) => {
      this.cache.delete(event.document.uri);
      for (const key of [...this.told]) if (key.startsWith(`${event.document.uri} `)) this.told.delete(key);
    });
  }

  get(uri: string): DocumentAnalysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const settings = this.settings();
    const limit = documentLimit(text, settings.maxFileSizeMB);
    this.tellOnce(uri, limit);
    const analysed = limit.kind === 'binary' ? { transcript: emptyTranscript(text), findings: [] } : analyzeText(text, withRulesUnder(limit, settings));
    const analysis: DocumentAnalysis = { ...analysed, uri, version: document.version, lines: new LineIndex(text), limit };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** Settings changed: every analysis is stale. */
  invalidateAll(): void {
    this.cache.clear();
  }

  private tellOnce(uri: string, limit: DocumentLimit): void {
    const message = limitMessage(limit, fileNameOf(uri));
    const key = `${uri} ${limit.kind}`;
    if (message === null || this.told.has(key)) return;
    this.told.add(key);
    this.notify(message, limit);
  }
}

/** The settings with every rule the limit skips turned off. */
function withRulesUnder(limit: DocumentLimit, settings: Settings): Settings {
  if (limit.kind === 'full') return settings;
  const rules = { ...settings.rules };
  for (const code of RULE_CODES) if (!ruleRunsUnder(limit, code)) rules[code] = 'off';
  return { ...settings, rules };
}

/** A binary file has no turns, header or annotations: no outline, no diagnostics. */
function emptyTranscript(text: string): Transcript {
  return { text, dialect: 'none', header: null, turns: [], annotations: [], timestamps: [], sections: [] };
}

function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1) || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a malformed %-escape: show it as sent
  }
}
