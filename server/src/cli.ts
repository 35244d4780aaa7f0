#!/usr/bin/env node
// `verbatim`: the command-line checker, on the same core as the language server.
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { analyzeText, RULES } from './core/check/analysis';
import { loadConfig } from './core/config/config';
import { decodeTranscriptFile } from './core/fileText';
import { fixAll } from './core/check/fixes';
import { LineIndex, type Range } from './core/lineIndex';
import { outlineOf, turnName, type OutlineEntry } from './core/services/outline';
import { bundledRulesDocument } from './rulesDocument';
import { statisticsReport, type SpeakerReport } from './core/speakers/speakerStats';
import { suggestLabels } from './core/whoSaidIt';
import type { Settings, Severity } from './core/config/settings';
import { mapInWorkers, workerCount } from './workerPool';

const USAGE = `Usage:
  verbatim check [--fix] [--format text|json|sarif] FILE...
      report diagnostics; --fix first applies the fixes that change no spoken word, in place
      exit 0 clean, 1 errors or warnings remain, 2 bad usage or unreadable file
  verbatim outline [--format text|json] FILE    print the header and turns as the editor's outline shows them
  verbatim stats [--format text|json] FILE...   per speaker: turns, words, share, longest turn, inaudible markers
  verbatim --help
Settings come from the nearest .verbatimrc.json above each FILE (same keys as the editor's verbatim.* settings).`;

type Format = 'text' | 'json' | 'sarif';

interface Invocation {
  command: string;
  format: Format;
  /** Boolean options given, without dashes: `fix`. */
  flags: Set<string>;
  files: string[];
}

interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What a command accepts and does; a new command is one more entry. */
interface Command {
  formats: readonly Format[];
  flags: readonly string[];
  singleFile: boolean;
  run(invocation: Invocation, output: Output): number | Promise<number>;
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const COMMANDS: Record<string, Command> = {
  check: { formats: ['text', 'json', 'sarif'], flags: ['fix'], singleFile: false, run: check },
  outline: { formats: ['text', 'json'], flags: [], singleFile: true, run: outline },
  stats: { formats: ['text', 'json'], flags: [], singleFile: false, run: stats },
};

function parseArguments(args: string[]): Invocation | string {
  const [command, ...rest] = args;
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (!spec) return command === undefined ? 'no command given' : `unknown command "${command}"`;
  let format: Format = 'text';
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (!(spec.formats as readonly string[]).includes(value))
        return `${command} --format must be ${spec.formats.join(', ')}; got ${value === undefined ? 'nothing' : `"${value}"`}`;
      format = value as Format;
    } else if (arg.startsWith('--') && spec.flags.includes(arg.slice(2))) {
      flags.add(arg.slice(2));
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}" for ${command}`;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return `${command} needs at least one FILE`;
  if (spec.singleFile && files.length > 1) return `${command} takes exactly one FILE`;
  return { command, format, flags, files };
}

interface TranscriptFile {
  text: string;
  /** The file started with a UTF-8 byte-order mark, which `--fix` writes back. */
  bom: boolean;
}

function readTranscript(file: string): TranscriptFile | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    return { error: `${file}: cannot read: ${reason}` };
  }
  const decoded = decodeTranscriptFile(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decoded.ok ? { text: decoded.text, bom } : { error: `${file}: cannot check: ${decoded.reason}` };
}

interface FileSettings {
  settings: Settings;
  /** What was wrong in the `.verbatimrc.json` that applies. */
  problems: string[];
}

/** Settings for each file from its `.verbatimrc.json`; settings files are read once. */
function settingsLoader(): (file: string) => FileSettings {
  const reads = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!reads.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      reads.set(file, text);
    }
    return reads.get(file);
  };
  return (file) => {
    const config = loadConfig(file, read);
    return { settings: config.settings, problems: config.problems };
  };
}

/** Tells each settings problem once per run. */
function problemReporter(output: Output): (problems: readonly string[]) => void {
  const reported = new Set<string>();
  return (problems) => {
    for (const problem of problems) {
      if (reported.has(problem)) continue;
      reported.add(problem);
      output.err(`verbatim: settings: ${problem}`);
    }
  };
}

/** Settings for a file, its problems told at once (commands that handle one file at a time). */
function reportingSettingsLoader(output: Output): (file: string) => Settings {
  const load = settingsLoader();
  const report = problemReporter(output);
  return (file) => {
    const { settings, problems } = load(file);
    report(problems);
    return settings;
  };
}

/**
 * Replaces a file's content so that an interrupted run leaves either the old or the new transcript:
 * the new text goes to a temporary file in the same folder, which is then renamed over the original.
 */
function writeAtomically(file: string, text: string, bom: boolean): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.verbatim-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', flag: 'wx' });
    chmodSync(temporary, statSync(file).mode);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or the rename already consumed it.
    }
    throw error;
  }
}

interface CheckedDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

interface CheckedFile {
  file: string;
  /** Present with --fix: how many problems were fixed, by rule code. */
  fixed?: Record<string, number>;
  diagnostics: CheckedDiagnostic[];
}

/** What checking one file gave: its result, or the errors that stopped it. */
interface FileOutcome {
  result: CheckedFile | null;
  errors: string[];
  settingsProblems: string[];
}

/** Reads, optionally fixes (in place) and checks one file. */
function checkFile(file: string, fixing: boolean, settingsFor: (file: string) => FileSettings): FileOutcome {
  const read = readTranscript(file);
  if ('error' in read) return { result: null, errors: [read.error], settingsProblems: [] };
  const { settings, problems } = settingsFor(file);
  let text = read.text;
  const result: CheckedFile = { file, diagnostics: [] };
  if (fixing) {
    const fixed = fixAll(text, settings);
    if (fixed.text !== text) {
      try {
        writeAtomically(file, fixed.text, read.bom);
      } catch (error) {
        return { result: null, errors: [`${file}: cannot write the fixes: ${(error as Error).message}`], settingsProblems: problems };
      }
      text = fixed.text;
    }
    result.fixed = fixed.fixedByCode;
  }
  const lines = new LineIndex(text);
  result.diagnostics = analyzeText(text, settings).findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range: lines.rangeOf(finding.span),
  }));
  return { result, errors: [], settingsProblems: problems };
}

/** Below this many files one thread is quicker than starting workers. */
const FILES_PER_WORKER_MINIMUM = 8;
const CHECK_WORKER_ROLE = 'verbatim-check';

/** Checks files on one worker thread per core when there are enough of them; outcomes in file order. */
async function checkFiles(files: readonly string[], fixing: boolean, onOutcome: (outcome: FileOutcome) => void): Promise<FileOutcome[]> {
  if (files.length < 2 * FILES_PER_WORKER_MINIMUM || workerCount(files.length) < 2) {
    const settingsFor = settingsLoader();
    return files.map((file) => {
      const outcome = checkFile(file, fixing, settingsFor);
      onOutcome(outcome);
      return outcome;
    });
  }
  return mapInWorkers<string, FileOutcome>(__filename, { role: CHECK_WORKER_ROLE, inputs: files, shared: { fixing } }, onOutcome);
}

/** A worker's side of `checkFiles`: check each file it is sent. */
function serveCheckWorker(fixing: boolean): void {
  const settingsFor = settingsLoader();
  parentPort!.on('message', ({ index, input }: { index: number; input: string }) => {
    parentPort!.postMessage({ index, output: checkFile(input, fixing, settingsFor) });
  });
}

async function check(invocation: Invocation, output: Output): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const fixing = invocation.flags.has('fix');
  const reportProblems = problemReporter(output);
  const results: CheckedFile[] = [];
  await checkFiles(invocation.files, fixing, ({ result, errors, settingsProblems }) => {
    reportProblems(settingsProblems);
    for (const error of errors) output.err(error);
    if (!result) {
      exitCode = EXIT_USAGE;
      return;
    }
    if (exitCode === EXIT_CLEAN && result.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) exitCode = EXIT_PROBLEMS;
    results.push(result);
    if (invocation.format === 'text') printText(result, output);
  });
  if (invocation.format === 'json') output.out(JSON.stringify({ files: results }, null, 2));
  else if (invocation.format === 'sarif') output.out(JSON.stringify(sarifLog(results), null, 2));
  else {
    const total = results.reduce((sum, result) => sum + result.diagnostics.length, 0);
    const fixedTotal = results.reduce((sum, result) => sum + fixedCount(result), 0);
    const fixedNote = fixing ? `, ${fixedTotal} fixed` : '';
    output.out(`${results.length} file${results.length === 1 ? '' : 's'} checked${fixedNote}, ${total} diagnostic${total === 1 ? '' : 's'}${fixing ? ' remain' : ''}`);
  }
  return exitCode;
}

function fixedCount(result: CheckedFile): number {
  return Object.values(result.fixed ?? {}).reduce((sum, count) => sum + count, 0);
}

function printText(result: CheckedFile, output: Output): void {
  if (fixedCount(result) > 0) {
    const byCode = Object.entries(result.fixed!).map(([code, count]) => `${count} ${code}`);
    output.out(`${result.file}: fixed ${byCode.join(', ')}`);
  }
  for (const d of result.diagnostics) output.out(`${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
}

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A SARIF 2.1.0 log for code-scanning tools; columns count UTF-16 code units, as the editor does. */
function sarifLog(results: CheckedFile[]): object {
  const documentation = bundledRulesDocument();
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code as string, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'verbatim',
            rules: RULES.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.description },
              helpUri: `${documentation}#${rule.code}`,
              defaultConfiguration: { level: SARIF_LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code),
            level: SARIF_LEVELS[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(result.file) },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** Relative paths stay relative (code scanning resolves them against the checkout); absolute ones become file URIs. */
function artifactUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : file.split(path.sep).map(encodeURIComponent).join('/');
}

function outline(invocation: Invocation, output: Output): number {
  const file = invocation.files[0];
  const read = readTranscript(file);
  if ('error' in read) {
    output.err(read.error);
    return EXIT_USAGE;
  }
  const analysis = analyzeText(read.text, reportingSettingsLoader(output)(file));
  const { transcript } = analysis;
  const lines = new LineIndex(read.text);
  if (invocation.format === 'json') {
    const header = transcript.header ? { title: transcript.header.title, range: lines.rangeOf(transcript.header.span) } : null;
    const suggestions = suggestLabels(transcript);
    const turns = transcript.turns.map((turn) => ({
      label: turn.label ? turn.label.raw : null,
      /** For an unlabelled turn whose text names its speaker: the label to give it (never applied). */
      suggestedLabel: suggestions.get(turn.index)?.label ?? null,
      range: lines.rangeOf(turn.span),
      markerRange: lines.rangeOf(turn.marker),
      labelRange: turn.label ? lines.rangeOf(turn.label.span) : null,
    }));
    output.out(JSON.stringify({ file, dialect: transcript.dialect, header, turns }, null, 2));
    return EXIT_CLEAN;
  }
  const print = (entry: OutlineEntry, depth: number) => {
    const line = lines.positionAt(entry.selectionSpan.start).line + 1;
    output.out(`${'  '.repeat(depth)}${String(line).padStart(6)}  ${entry.name}${entry.kind === 'turn' && entry.detail ? `  ${entry.detail}` : ''}`);
    for (const child of entry.children) print(child, depth + 1);
  };
  for (const entry of outlineOf(transcript).entries) print(entry, 0);
  const labelled = transcript.turns.filter((turn) => turn.label).length;
  const speakers = new Set(transcript.turns.filter((turn) => turn.label).map((turn) => turnName(turn).toUpperCase())).size;
  output.out(`${transcript.turns.length} turns (${labelled} labelled, ${transcript.turns.length - labelled} unidentified), ${speakers} speakers, dialect ${transcript.dialect}`);
  return EXIT_CLEAN;
}

/** The editor's Speakers statistics for each file: the `verbatim/statistics` result, or a table. */
function stats(invocation: Invocation, output: Output): number {
  let exitCode = EXIT_CLEAN;
  const settingsFor = reportingSettingsLoader(output);
  const reports: object[] = [];
  for (const file of invocation.files) {
    const read = readTranscript(file);
    if ('error' in read) {
      output.err(read.error);
      exitCode = EXIT_USAGE;
      continue;
    }
    const analysis = analyzeText(read.text, settingsFor(file));
    const report = statisticsReport(analysis.transcript, analysis.findings, new LineIndex(read.text));
    if (invocation.format === 'json') {
      reports.push({ file, ...report });
      continue;
    }
    const { totals } = report;
    output.out(
      `${file}: ${totals.turns} turns, ${totals.speakers} speakers, ${totals.words.toLocaleString('en-US')} words; ${totals.inaudible} inaudible marker${totals.inaudible === 1 ? '' : 's'} (${totals.inaudiblePer1000Words} per 1,000 words)`,
    );
    const rows: SpeakerReport[] = report.unidentified ? [...report.speakers, report.unidentified] : report.speakers;
    const nameWidth = Math.max(7, ...rows.map((row) => row.name.length));
    output.out(`  ${'SPEAKER'.padEnd(nameWidth)}  TURNS    WORDS  SHARE  LONGEST (LINE)  INAUDIBLE`);
    for (const row of rows) {
      const share = row.share > 0 && row.share < 0.01 ? '<1%' : `${Math.round(row.share * 100)}%`;
      const longest = `${row.longestTurn.words} (${row.longestTurn.range.start.line + 1})`;
      output.out(
        `  ${row.name.padEnd(nameWidth)}  ${String(row.turnCount).padStart(5)}  ${row.words.toLocaleString('en-US').padStart(7)}  ${share.padStart(5)}  ${longest.padStart(14)}  ${String(row.inaudible).padStart(9)}`,
      );
    }
  }
  if (invocation.format === 'json') output.out(JSON.stringify({ files: reports }, null, 2));
  return exitCode;
}

export async function main(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return EXIT_CLEAN;
  }
  const invocation = parseArguments(args);
  if (typeof invocation === 'string') {
    err(`verbatim: ${invocation}\n${USAGE}`);
    return EXIT_USAGE;
  }
  return COMMANDS[invocation.command].run(invocation, { out, err });
}

if (!isMainThread && workerData?.role === CHECK_WORKER_ROLE) {
  serveCheckWorker((workerData.shared as { fixing: boolean }).fixing);
} else if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
