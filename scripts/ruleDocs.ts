// Writes what other files say about the rules from the rule registry (server/src/core/check/rules), so
// that adding a rule touches its own file, its docs/rules.md section and its tests only:
// - package.json: the `verbatim.rules` settings schema, and the cheap rules named in `maxFileSizeMB`;
// - README.md: the two rule tables (between `<!-- rules:NAME -->` and `<!-- /rules:NAME -->`), and the
//   cheap and skipped rules in the *Limits and safety* table;
// - README.md's demo (the checker's output on the bundled sample) and the walkthrough's table of the
//   sample's findings, which show one finding of every rule: a new rule adds a line to the sample;
// - docs/rules.md: how often each rule fires on the corpus, when the corpus is there.
// `npm run rules:docs` rewrites them; test/core/rules/docs.test.ts fails while they are stale.
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { analyzeText } from '../server/src/core/check/analysis';
import { LineIndex } from '../server/src/core/lineIndex';
import { RULES } from '../server/src/core/check/rules/index';

const SEVERITY_CHOICES = ['error', 'warning', 'information', 'hint', 'off'];
const code = (text: string) => `\`${text}\``;

/**
 * The files the registry feeds, with the text they should have: `{ file: relative path, text }`.
 * docs/rules.md's counts need the corpus: without one (`corpus` null) that file is not among them.
 */
export function renderRuleDocs(root: string, corpus: string | null): { file: string; text: string }[] {
  const packageJson = readFileSync(path.join(root, 'package.json'), 'utf8');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const walkthrough = readFileSync(path.join(root, WALKTHROUGH_SAMPLE), 'utf8');
  const rendered = [
    { file: 'package.json', text: withCheapRules(withRulesSchema(packageJson)) },
    { file: 'README.md', text: withDemo(root, withCheapRules(withLimitsRow(withTable(withTable(readme, 'summary', summaryTable()), 'fixes', fixesTable())))) },
    { file: WALKTHROUGH_SAMPLE, text: withTable(walkthrough, 'sample', sampleTable(root)) },
  ];
  if (corpus !== null) rendered.push({ file: 'docs/rules.md', text: withTable(readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8'), 'corpus', corpusTable(corpus)) });
  return rendered;
}

const SAMPLE = path.join('samples', 'council-meeting.transcript');
const WALKTHROUGH_SAMPLE = path.join('media', 'walkthrough', 'open-sample.md');

/** README.md with `npm run demo`'s output (the built CLI on the sample) in its console block. */
function withDemo(root: string, readme: string): string {
  const demo = spawnSync(process.execPath, [path.join(root, 'scripts', 'demo.js')], { cwd: root, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`npm run demo failed (is dist/ built?): ${demo.stderr}`);
  const block = /```console\n\$ verbatim check [^\n]*\n[\s\S]*?```/;
  if (!block.test(readme)) throw new Error('README.md has no console block of the demo');
  return readme.replace(block, () => `\`\`\`console\n${demo.stdout}\`\`\``);
}

/** The sample's findings, a line each, as the walkthrough lists them. */
function sampleTable(root: string): string {
  const text = readFileSync(path.join(root, SAMPLE), 'utf8');
  const lines = new LineIndex(text);
  return [
    '| line | code | what Verbatim says |',
    '|---|---|---|',
    ...analyzeText(text).findings.map((finding) => `| ${lines.positionAt(finding.span.start).line + 1} | ${code(finding.code)} | ${finding.message.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

/** Each rule's findings and files on the corpus, as `verbatim check` reports them with the default settings. */
function corpusTable(corpus: string): string {
  const names = readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const findings = new Map<string, number>();
  const files = new Map<string, Set<string>>();
  for (const name of names) {
    for (const { code } of analyzeText(readFileSync(path.join(corpus, name), 'utf8')).findings) {
      findings.set(code, (findings.get(code) ?? 0) + 1);
      if (!files.has(code)) files.set(code, new Set());
      files.get(code)!.add(name);
    }
  }
  return [
    `Counts are the findings of \`verbatim check\` with the default settings on the ${names.length} corpus transcripts.`,
    '',
    '| code | default | corpus: findings (files) |',
    '|---|---|---|',
    ...RULES.map((rule) => `| [${rule.code}](#${rule.code}) | ${rule.defaultSeverity} | ${findings.get(rule.code) ?? 0} (${files.get(rule.code)?.size ?? 0}) |`),
  ].join('\n');
}

function summaryTable(): string {
  return ['| code | default | what it flags |', '|---|---|---|', ...RULES.map((rule) => `| ${code(rule.code)} | ${rule.defaultSeverity} | ${rule.description} |`)].join('\n');
}

function fixesTable(): string {
  return [
    '| code | default | example | quick fixes (fix-all ones in bold) |',
    '|---|---|---|---|',
    ...RULES.map((rule) => `| ${code(rule.code)} | ${rule.defaultSeverity} | ${rule.example} | ${rule.quickFixes} |`),
  ].join('\n');
}

function withTable(text: string, name: string, table: string): string {
  const begin = `<!-- rules:${name} (generated by npm run rules:docs) -->`;
  const end = `<!-- /rules:${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`no ${begin} ... ${end} block`);
  // A table inside a list item keeps the item's indentation.
  const indent = text.slice(text.lastIndexOf('\n', from) + 1, from);
  const indented = table
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
  return `${text.slice(0, from + begin.length)}\n${indented}\n${indent}${text.slice(to)}`;
}

/** The cheap rules wherever a text lists them as `the cheap checks (...)`. */
function withCheapRules(text: string): string {
  const cheap = RULES.filter((rule) => rule.cheap)
    .map((rule) => code(rule.code))
    .join(', ');
  return text.replace(/the cheap checks \((`[^)]*?`)(?=[:)])/g, `the cheap checks (${cheap}`);
}

/** The Limits table's row naming the rules skipped above the size limit. */
function withLimitsRow(text: string): string {
  const skipped = RULES.filter((rule) => !rule.cheap).map((rule) => code(rule.code));
  const list = skipped.length > 1 ? `${skipped.slice(0, -1).join(', ')} and ${skipped[skipped.length - 1]}` : skipped.join('');
  return text.replace(/linear in the turns\); [^(]*\(whole-text scans/, `linear in the turns); ${list} (whole-text scans`);
}

/**
 * package.json with the `verbatim.rules` properties from the registry. Only that object's text is
 * replaced (the rest of the file keeps its layout); each rule's entry is written on a few lines.
 */
function withRulesSchema(text: string): string {
  const rulesAt = text.indexOf('"verbatim.rules"');
  const propertiesAt = text.indexOf('"properties"', rulesAt);
  if (rulesAt === -1 || propertiesAt === -1) throw new Error('package.json has no verbatim.rules properties');
  const open = text.indexOf('{', propertiesAt);
  const close = matchingBrace(text, open);
  const indent = text.slice(text.lastIndexOf('\n', propertiesAt) + 1, propertiesAt);
  const choices = `[${SEVERITY_CHOICES.map((choice) => JSON.stringify(choice)).join(', ')}]`;
  const entries = RULES.map((rule) =>
    [
      `${indent}  ${JSON.stringify(rule.code)}: {`,
      `${indent}    "type": "string",`,
      `${indent}    "enum": ${choices},`,
      `${indent}    "default": ${JSON.stringify(rule.defaultSeverity)},`,
      `${indent}    "markdownDescription": ${JSON.stringify(rule.description)}`,
      `${indent}  }`,
    ].join('\n'),
  );
  return `${text.slice(0, open)}{\n${entries.join(',\n')}\n${indent}}${text.slice(close + 1)}`;
}

/** The index of the `}` closing the object that opens at `open`, skipping JSON strings. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  throw new Error('package.json: an object that never closes');
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const corpus = path.resolve(process.env.VERBATIM_CORPUS || path.join(root, '..', 'shared', 'corpus'));
  const present = existsSync(corpus);
  if (!present) console.error(`rules:docs: no corpus at ${corpus} (set VERBATIM_CORPUS=DIR): docs/rules.md's counts are left as they are`);
  for (const { file, text } of renderRuleDocs(root, present ? corpus : null)) writeFileSync(path.join(root, file), text);
}
