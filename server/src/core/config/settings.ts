// User settings as the core understands them: plain data, validated once, defaults for anything
// missing or broken. The server reads them from the client (section `verbatim`), the CLI from
// `.verbatimrc.json`; both use the same keys, so one `resolveSettings` serves both.

import { ANNOTATION_BRACKETS, DASH_STYLES, LABEL_CASES, type AnnotationBrackets, type DashStyle, type LabelCase, type RuleSetting } from './options';
import { RULE_CODES, type RuleCode } from '../check/rules/index';
import { speakerKey } from '../speakers/speakers';

export { ANNOTATION_BRACKETS, DASH_STYLES, LABEL_CASES, RULE_CODES };
export type { AnnotationBrackets, DashStyle, LabelCase, RuleCode, RuleSetting };
export type { Severity } from './options';

/** Above this size (MB of text) a document gets the cheap checks only (limits.ts). */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

export interface Settings {
  /** Per-rule severity override; rules not listed keep their default. */
  rules: Partial<Record<RuleCode, RuleSetting>>;
  /** Extra inaudible terms, matched like the built-in ones. */
  inaudibleTerms: string[];
  /**
   * The roster: speaker names offered by label completion besides the file's own speakers. Also the
   * user's answer to a label doubt: a `NAME:` with one of these names is read as a speaker label.
   */
  speakers: string[];
  /** Names the user said are not speakers (`Session 1`): a `NAME:` with one of them is never read as a label. */
  notSpeakers: string[];
  /** The spelling inaudible markers are normalised to, without brackets: `inaudible` gives `(inaudible)`. */
  inaudiblePreferred: string;
  /** The dash inserted for interruptions and lost dashes. */
  dashStyle: DashStyle;
  /** `upper`: labels are written in capitals; `as-written`: their case is left alone. */
  labelCase: LabelCase;
  /** The brackets annotations are written with. */
  annotationBrackets: AnnotationBrackets;
  /** Above this size (in MB of text) the server keeps the outline and cheap diagnostics only (core/limits.ts). */
  maxFileSizeMB: number;
  /** At most this many outline entries, folding ranges and published diagnostics (VS Code's JSON server has the same `maxItemsComputed`). */
  maxItemsComputed: number;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  inaudibleTerms: [],
  speakers: [],
  notSpeakers: [],
  inaudiblePreferred: 'inaudible',
  dashStyle: '--',
  labelCase: 'upper',
  annotationBrackets: '()',
  maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
  maxItemsComputed: 5000,
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

export interface ResolvedSettings {
  settings: Settings;
  /** One sentence per setting that was ignored, saying what was wrong and what applies instead. */
  problems: string[];
}

/** Validates settings from any source; a wrong value is reported and replaced by its default. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, inaudibleTerms: [] };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`Settings must be an object, got ${describe(raw)}; using the defaults.`);
    return { settings, problems };
  }
  // Keys not listed here are ignored: the editor sends client-only ones too (`detectTranscriptsInTxt`);
  // `.verbatimrc.json` reports unknown keys itself (config.ts).
  const source = raw as Record<string, unknown>;
  const rules = source.rules;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push(`"rules" must be an object mapping rule codes to a severity, got ${describe(rules)}; using the defaults.`);
    } else {
      for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
        if (!(RULE_CODES as readonly string[]).includes(code)) {
          problems.push(`"rules": unknown rule "${code}" (known: ${RULE_CODES.join(', ')}); ignored.`);
        } else if (typeof value !== 'string' || !SEVERITIES.has(value)) {
          problems.push(`"rules.${code}" must be one of error, warning, information, hint, off; got ${describe(value)}; using the default.`);
        } else {
          settings.rules[code as RuleCode] = value as RuleSetting;
        }
      }
    }
  }
  const terms = source.inaudibleTerms;
  if (terms !== undefined) {
    if (!Array.isArray(terms) || terms.some((term) => typeof term !== 'string')) {
      problems.push(`"inaudibleTerms" must be a list of strings, got ${describe(terms)}; using the built-in lexicon only.`);
    } else {
      settings.inaudibleTerms = terms as string[];
    }
  }
  settings.speakers = names(source, 'speakers', "completing the file's own speakers only", problems);
  settings.notSpeakers = names(source, 'notSpeakers', 'every name may be read as a speaker', problems);
  const both = new Set(settings.speakers.map(speakerKey));
  const contradicted = settings.notSpeakers.filter((name) => both.has(speakerKey(name)));
  if (contradicted.length > 0) {
    // The later answer cannot be told from the earlier one here: "is a speaker" keeps every word a turn says.
    problems.push(
      `${contradicted.map((name) => JSON.stringify(name)).join(', ')} ${contradicted.length === 1 ? 'is' : 'are'} in both "speakers" and "notSpeakers"; read as ${contradicted.length === 1 ? 'a speaker' : 'speakers'}.`,
    );
    const contradictedKeys = new Set(contradicted.map(speakerKey));
    settings.notSpeakers = settings.notSpeakers.filter((name) => !contradictedKeys.has(speakerKey(name)));
  }
  const preferred = source.inaudiblePreferred;
  if (preferred !== undefined) {
    // Brackets are the annotationBrackets setting's business: `(inaudible)` and `inaudible` mean the same.
    const term = typeof preferred === 'string' ? preferred.trim().replace(/^[([]\s*(.*?)\s*[)\]]$/, '$1') : '';
    if (term.length === 0 || term.length > 40 || /[()[\]\n]/.test(term)) {
      problems.push(`"inaudiblePreferred" must be a short term such as "inaudible", got ${describe(preferred)}; using "${DEFAULT_SETTINGS.inaudiblePreferred}".`);
    } else {
      settings.inaudiblePreferred = term;
    }
  }
  settings.dashStyle = choice(source, 'dashStyle', DASH_STYLES, problems);
  settings.labelCase = choice(source, 'labelCase', LABEL_CASES, problems);
  settings.annotationBrackets = choice(source, 'annotationBrackets', ANNOTATION_BRACKETS, problems);
  settings.maxFileSizeMB = positiveNumber(source, 'maxFileSizeMB', 'a positive number of megabytes', problems);
  settings.maxItemsComputed = Math.ceil(positiveNumber(source, 'maxItemsComputed', 'a positive number of outline entries, folding ranges and diagnostics', problems));
  return { settings, problems };
}

/** A list of names, trimmed, blanks dropped; anything else is reported and the list left empty. */
function names(source: Record<string, unknown>, key: 'speakers' | 'notSpeakers', otherwise: string, problems: string[]): string[] {
  const value = source[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) {
    problems.push(`"${key}" must be a list of speaker names, got ${describe(value)}; ${otherwise}.`);
    return [];
  }
  return (value as string[]).map((name) => name.trim()).filter((name) => name.length > 0);
}

function choice<K extends 'dashStyle' | 'labelCase' | 'annotationBrackets'>(
  source: Record<string, unknown>,
  key: K,
  allowed: readonly Settings[K][],
  problems: string[],
): Settings[K] {
  const value = source[key];
  if (value === undefined) return DEFAULT_SETTINGS[key];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as Settings[K];
  problems.push(`"${key}" must be one of ${allowed.map((option) => JSON.stringify(option)).join(', ')}; got ${describe(value)}; using ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
  return DEFAULT_SETTINGS[key];
}

function positiveNumber(source: Record<string, unknown>, key: 'maxFileSizeMB' | 'maxItemsComputed', what: string, problems: string[]): number {
  const value = source[key];
  if (value === undefined) return DEFAULT_SETTINGS[key];
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  problems.push(`"${key}" must be ${what}, got ${describe(value)}; using ${DEFAULT_SETTINGS[key]}.`);
  return DEFAULT_SETTINGS[key];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
