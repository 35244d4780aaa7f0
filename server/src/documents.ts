import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type Analysis } from './core/analysis';
import { LineIndex } from './core/lineIndex';
import type { Settings } from './core/settings';

/** One document's analysis at one version, with the converter for its positions. */
export interface DocumentAnalysis extends Analysis {
  uri: string;
  version: number;
  lines: LineIndex;
}

/**
 * The open documents and, for each, the analysis of its current version. Analyses are computed
 * on first use and dropped when the document changes or closes, or when the settings change.
 */
export class AnalysedDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, DocumentAnalysis>();

  constructor(private settings: () => Settings) {
    this.documents.onDidClose((event) => this.cache.delete(event.document.uri));
  }

  get(uri: string): DocumentAnalysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const analysis: DocumentAnalysis = { ...analyzeText(text, this.settings()), uri, version: document.version, lines: new LineIndex(text) };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** Settings changed: every analysis is stale. */
  invalidateAll(): void {
    this.cache.clear();
  }
}
