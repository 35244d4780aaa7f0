// The values settings take, in a module of their own: the rules read some of them, and the rule
// registry (rules/index.ts), which the settings read for the rule codes, must not import the settings.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

/** `--` ASCII, `—` em dash, `‑‑` two U+2011 non-breaking hyphens (IGF style). */
export const DASH_STYLES = ['--', '\u2014', '\u2011\u2011'] as const;
export type DashStyle = (typeof DASH_STYLES)[number];
export const LABEL_CASES = ['upper', 'as-written'] as const;
export type LabelCase = (typeof LABEL_CASES)[number];
export const ANNOTATION_BRACKETS = ['()', '[]'] as const;
export type AnnotationBrackets = (typeof ANNOTATION_BRACKETS)[number];
