/**
 * Test helper: tokenizes text with VS Code's own TextMate engine
 * (vscode-textmate + vscode-oniguruma) and the extension's grammar, and answers
 * "which scopes does this piece of text get?".
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { corpusDir } from '../helpers/corpus';

export const SCOPE_NAME = 'text.caption-transcript';

/** The repository root: the nearest ancestor of this file holding package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'syntaxes'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`repository root not found above ${__dirname}`);
    }
    dir = parent;
  }
}

export const GRAMMAR_PATH = path.join(repoRoot(), 'syntaxes', 'caption-transcript.tmLanguage.json');
export const LANGUAGE_CONFIGURATION_PATH = path.join(repoRoot(), 'language-configuration.json');
export const CORPUS_DIR = corpusDir;

// vscode-oniguruma may be initialised only once per process; share the promise.
const ONIG_KEY = Symbol.for('verbatim.test.onigurumaLoaded');
type GlobalWithOnig = typeof globalThis & { [ONIG_KEY]?: Promise<void> };

function loadOniguruma(): Promise<void> {
  const g = globalThis as GlobalWithOnig;
  if (!g[ONIG_KEY]) {
    const wasmPath = path.join(repoRoot(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
    const buf = fs.readFileSync(wasmPath);
    const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    g[ONIG_KEY] = oniguruma.loadWASM(data);
  }
  return g[ONIG_KEY]!;
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** Loads the grammar from syntaxes/ (once). */
export function loadGrammar(): Promise<vsctm.IGrammar> {
  if (!grammarPromise) {
    grammarPromise = (async () => {
      await loadOniguruma();
      const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
          createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) => {
          if (scopeName !== SCOPE_NAME) {
            return null;
          }
          return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
        },
      });
      const grammar = await registry.loadGrammar(SCOPE_NAME);
      if (!grammar) {
        throw new Error(`grammar ${SCOPE_NAME} could not be loaded from ${GRAMMAR_PATH}`);
      }
      return grammar;
    })();
  }
  return grammarPromise;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
  stoppedEarly: boolean;
}

export class TokenizedDocument {
  constructor(readonly lines: TokenizedLine[]) {}

  /** Index of the first line containing `needle` (at or after `fromLine`), or -1. */
  findLine(needle: string, fromLine = 0): number {
    for (let i = fromLine; i < this.lines.length; i++) {
      if (this.lines[i].text.includes(needle)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Tokens overlapping the `occurrence`-th occurrence (0-based) of `needle` on line `line`.
   * Throws if the text is not there, so a test never passes vacuously.
   */
  tokensOf(line: number, needle: string, occurrence = 0): Token[] {
    const l = this.lines[line];
    if (!l) {
      throw new Error(`no line ${line}`);
    }
    let at = -1;
    for (let k = 0; k <= occurrence; k++) {
      at = l.text.indexOf(needle, at + 1);
      if (at < 0) {
        throw new Error(`"${needle}" (occurrence ${occurrence}) not found on line ${line}: ${JSON.stringify(l.text.slice(0, 200))}`);
      }
    }
    const end = at + needle.length;
    return l.tokens.filter((t) => t.end > at && t.start < end);
  }

  /** Scopes of the text `needle`: the scope lists of every token it overlaps. */
  scopesOf(line: number, needle: string, occurrence = 0): string[][] {
    return this.tokensOf(line, needle, occurrence).map((t) => t.scopes);
  }
}

/**
 * Tokenizes a whole text line by line (LF or CRLF), carrying the rule stack across lines.
 * A leading UTF-8 byte-order mark is dropped, as VS Code's text buffer does before tokenizing.
 */
export async function tokenize(text: string): Promise<TokenizedDocument> {
  const grammar = await loadGrammar();
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  let ruleStack: vsctm.StateStack = vsctm.INITIAL;
  const lines: TokenizedLine[] = [];
  for (const lineText of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(lineText, ruleStack);
    lines.push({
      text: lineText,
      stoppedEarly: r.stoppedEarly,
      tokens: r.tokens.map((t) => ({
        start: t.startIndex,
        end: Math.min(t.endIndex, lineText.length),
        text: lineText.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    });
    ruleStack = r.ruleStack;
  }
  return new TokenizedDocument(lines);
}

/**
 * True when `scope` is `selector` or a descendant of it in TextMate's dotted sense,
 * the way a theme rule matches ("entity.name.tag" matches "entity.name.tag.speaker.caption-transcript").
 */
export function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(selector + '.');
}

/** Every token of the text carries a scope matching `selector`. */
export function allHave(scopeLists: string[][], selector: string): boolean {
  return scopeLists.length > 0 && scopeLists.every((scopes) => scopes.some((s) => scopeMatches(s, selector)));
}

/** No token of the text carries a scope matching `selector`. */
export function noneHave(scopeLists: string[][], selector: string): boolean {
  return scopeLists.every((scopes) => !scopes.some((s) => scopeMatches(s, selector)));
}

/** Readable dump of the scopes of a piece of text, for assertion messages. */
export function dump(doc: TokenizedDocument, line: number, needle: string, occurrence = 0): string {
  return doc
    .tokensOf(line, needle, occurrence)
    .map((t) => `${JSON.stringify(t.text)} → ${t.scopes.slice(1).join(' ') || '(root only)'}`)
    .join('\n      ');
}
