#!/usr/bin/env node
// `verbatim`: the command-line checker, on the same core as the language server.
import { readFileSync } from 'fs';
import { analyzeText } from './core/analysis';
import { decodeTranscriptFile } from './core/fileText';
import { LineIndex, type Range } from './core/lineIndex';
import { outlineOf, turnName, type OutlineEntry } from './core/outline';
import { DEFAULT_SETTINGS } from './core/settings';

const USAGE = `Usage:
  verbatim check [--format text|json] FILE...   report diagnostics; exit 0 clean, 1 problems, 2 bad usage or unreadable file
  verbatim outline [--format text|json] FILE    print the header and turns as the editor's outline shows them
  verbatim --help`;

type Format = 'text' | 'json';

interface Invocation {
  command: 'check' | 'outline';
  format: Format;
  files: string[];
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

function parseArguments(args: string[]): Invocation | string {
  const [command, ...rest] = args;
  if (command !== 'check' && command !== 'outline') return command === undefined ? 'no command given' : `unknown command "${command}"`;
  let format: Format = 'text';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return `--format must be text or json, got ${value === undefined ? 'nothing' : `"${value}"`}`;
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}"`;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return `${command} needs at least one FILE`;
  if (command === 'outline' && files.length > 1) return 'outline takes exactly one FILE';
  return { command, format, files };
}

function readTranscript(file: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    return { error: `${file}: cannot read: ${reason}` };
  }
  const decoded = decodeTranscriptFile(bytes);
  return decoded.ok ? { text: decoded.text } : { error: `${file}: cannot check: ${decoded.reason}` };
}

function check(invocation: Invocation, out: (line: string) => void, err: (line: string) => void): number {
  let exitCode = EXIT_CLEAN;
  const results: { file: string; diagnostics: { code: string; severity: string; message: string; range: Range }[] }[] = [];
  for (const file of invocation.files) {
    const read = readTranscript(file);
    if ('error' in read) {
      err(read.error);
      exitCode = EXIT_USAGE;
      continue;
    }
    const analysis = analyzeText(read.text, DEFAULT_SETTINGS);
    const lines = new LineIndex(read.text);
    const diagnostics = analysis.findings.map((finding) => ({ code: finding.code, severity: finding.severity, message: finding.message, range: lines.rangeOf(finding.span) }));
    if (exitCode === EXIT_CLEAN && diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) exitCode = EXIT_PROBLEMS;
    results.push({ file, diagnostics });
    if (invocation.format === 'text') {
      for (const d of diagnostics) out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  if (invocation.format === 'json') out(JSON.stringify({ files: results }, null, 2));
  else {
    const total = results.reduce((sum, result) => sum + result.diagnostics.length, 0);
    out(`${results.length} file${results.length === 1 ? '' : 's'} checked, ${total} diagnostic${total === 1 ? '' : 's'}`);
  }
  return exitCode;
}

function outline(invocation: Invocation, out: (line: string) => void, err: (line: string) => void): number {
  const file = invocation.files[0];
  const read = readTranscript(file);
  if ('error' in read) {
    err(read.error);
    return EXIT_USAGE;
  }
  const analysis = analyzeText(read.text, DEFAULT_SETTINGS);
  const { transcript } = analysis;
  const lines = new LineIndex(read.text);
  if (invocation.format === 'json') {
    const header = transcript.header ? { title: transcript.header.title, range: lines.rangeOf(transcript.header.span) } : null;
    const turns = transcript.turns.map((turn) => ({
      label: turn.label ? turn.label.raw : null,
      range: lines.rangeOf(turn.span),
      markerRange: lines.rangeOf(turn.marker),
      labelRange: turn.label ? lines.rangeOf(turn.label.span) : null,
    }));
    out(JSON.stringify({ file, dialect: transcript.dialect, header, turns }, null, 2));
    return EXIT_CLEAN;
  }
  const print = (entry: OutlineEntry, depth: number) => {
    const line = lines.positionAt(entry.selectionSpan.start).line + 1;
    out(`${'  '.repeat(depth)}${String(line).padStart(6)}  ${entry.name}${entry.kind === 'turn' && entry.detail ? `  ${entry.detail}` : ''}`);
    for (const child of entry.children) print(child, depth + 1);
  };
  for (const entry of outlineOf(transcript)) print(entry, 0);
  const labelled = transcript.turns.filter((turn) => turn.label).length;
  const speakers = new Set(transcript.turns.filter((turn) => turn.label).map((turn) => turnName(turn).toUpperCase())).size;
  out(`${transcript.turns.length} turns (${labelled} labelled, ${transcript.turns.length - labelled} unidentified), ${speakers} speakers, dialect ${transcript.dialect}`);
  return EXIT_CLEAN;
}

export function main(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return EXIT_CLEAN;
  }
  const invocation = parseArguments(args);
  if (typeof invocation === 'string') {
    err(`verbatim: ${invocation}\n${USAGE}`);
    return EXIT_USAGE;
  }
  return invocation.command === 'check' ? check(invocation, out, err) : outline(invocation, out, err);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
