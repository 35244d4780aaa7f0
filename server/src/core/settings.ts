// User settings as the core understands them: plain data, validated once, defaults for anything
// missing or broken. The server reads them from the client, the CLI from `.verbatimrc.json`.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

export const RULE_CODES = ['broken-turn', 'inaudible', 'empty-turn', 'unlabeled-turn', 'flattened-turns'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Settings {
  /** Per-rule severity override; rules not listed keep their default. */
  rules: Partial<Record<RuleCode, RuleSetting>>;
  /** Extra inaudible terms, matched like the built-in ones. */
  inaudibleTerms: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  inaudibleTerms: [],
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
  const settings: Settings = { rules: {}, inaudibleTerms: [] };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`Settings must be an object, got ${describe(raw)}; using the defaults.`);
    return { settings, problems };
  }
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
  return { settings, problems };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
