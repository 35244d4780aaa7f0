// `npm run bench`: drives the bundled language server over stdio as an editor does on synthetic
// transcripts of 100 KB, 1 MB and 10 MB, times `verbatim check` on 1,000 small files, and prints
// every time also as a multiple of a plain `>>` scan of the same text (the floor for any analysis).
// Options: --sizes=100KB,1MB,10MB  --edits=N (keystrokes per size)  --batch-files=N (0 skips the batch).
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { repoRoot } from '../../test/helpers/repo';
import { benchmarkBatch, type BatchResult } from './batch';
import { generateTranscript } from './generate';
import { BenchSession } from './lspSession';
import { formatBytes, formatMs, formatMultiple, markerScanMs, spread, type Spread } from './measure';
import { TypedDocument } from './typing';

const SERVER_PATH = path.join(repoRoot, 'dist', 'server.js');
const CLI_PATH = path.join(repoRoot, 'dist', 'cli.js');
const SIZES: Record<string, number> = { '100KB': 100_000, '1MB': 1_000_000, '10MB': 10_000_000 };
/** Keystrokes per size: each one re-analyses the whole text today, so the 10 MB run gets fewer to stay within a few minutes. */
const DEFAULT_EDITS: Record<string, number> = { '100KB': 50, '1MB': 50, '10MB': 30 };
const REQUEST_REPEATS = 5;
const STARTUPS = 5;
/** Generous per-step deadlines: a 10 MB open currently takes several seconds. */
const STEP_TIMEOUT_MS = 120_000;
const BATCH_TIMEOUT_MS = 600_000;

/** The targets of issue 6, on the 10 MB file, as multiples of the marker scan of the same text. */
const TARGETS = { openMultiple: 10, keystrokeP95Multiple: 3, symbolsMultiple: 5, peakMemoryMb: 200, startupMs: 100 };
/** The issue's own figure for the scan on this kind of machine. */
const NOMINAL_SCAN_MS_PER_MB = 0.5;

interface SizeResult {
  size: string;
  bytes: number;
  /** `>>` markers found by the scan. */
  markers: number;
  scanMs: number;
  openMs: number;
  diagnosticsOnOpen: number;
  rssAfterOpenMb: number | null;
  peakMemoryMb: number | null;
  symbolsMs: Spread;
  foldingMs: Spread;
  symbolsAfterEditMs: Spread;
  keystrokeMs: Spread;
  edits: number;
}

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The server's typing debounce, read from its source so the report follows any change to it. */
function diagnosticsDelayMs(): number | null {
  try {
    const match = /DIAGNOSTICS_DELAY_MS\s*=\s*(\d+)/.exec(readFileSync(path.join(repoRoot, 'server', 'src', 'languageServer.ts'), 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function timeRepeated(times: number, once: () => Promise<unknown>): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return spread(samples);
}

async function benchmarkStartup(): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < STARTUPS; i++) {
    const session = await BenchSession.start(SERVER_PATH, STEP_TIMEOUT_MS);
    samples.push(session.startupMs);
    await session.close();
  }
  return spread(samples);
}

async function benchmarkSize(size: string, edits: number, seed: number): Promise<SizeResult> {
  const text = generateTranscript({ seed, bytes: SIZES[size] });
  const scan = markerScanMs(text);
  const uri = `file:///bench/${size}.transcript`;
  const session = await BenchSession.start(SERVER_PATH, STEP_TIMEOUT_MS);
  try {
    let version = 1;
    const opened = performance.now();
    session.open(uri, text, version);
    const first = await session.diagnostics(uri, version, STEP_TIMEOUT_MS, `${size}: open to first diagnostics`);
    const openMs = first.at - opened;
    const rssAfterOpen = session.memoryKb('VmRSS');
    const symbolsParams = { textDocument: { uri } };
    const symbolsMs = await timeRepeated(REQUEST_REPEATS, () => session.request('textDocument/documentSymbol', symbolsParams, STEP_TIMEOUT_MS));
    const foldingMs = await timeRepeated(REQUEST_REPEATS, () => session.request('textDocument/foldingRange', symbolsParams, STEP_TIMEOUT_MS));
    const typing = new TypedDocument(text, seed + 1);
    const keystrokes: number[] = [];
    for (let i = 0; i < edits; i++) {
      const keystroke = typing.nextKeystroke();
      version++;
      const typed = performance.now();
      session.change(uri, version, keystroke.start, keystroke.end, keystroke.text);
      const published = await session.diagnostics(uri, version, STEP_TIMEOUT_MS, `${size}: keystroke ${i + 1} to diagnostics`);
      keystrokes.push(published.at - typed);
    }
    // The outline an editor asks for right after a keystroke: today that re-analyses the whole text.
    const symbolsAfterEdit: number[] = [];
    for (let i = 0; i < Math.min(REQUEST_REPEATS, Math.max(3, Math.round(edits / 10))); i++) {
      const keystroke = typing.nextKeystroke();
      version++;
      session.change(uri, version, keystroke.start, keystroke.end, keystroke.text);
      const asked = performance.now();
      await session.request('textDocument/documentSymbol', symbolsParams, STEP_TIMEOUT_MS);
      symbolsAfterEdit.push(performance.now() - asked);
      await session.diagnostics(uri, version, STEP_TIMEOUT_MS, `${size}: diagnostics after the outline request`);
    }
    const peak = session.memoryKb('VmHWM');
    return {
      size,
      bytes: Buffer.byteLength(text, 'utf8'),
      markers: scan.markers,
      scanMs: scan.ms,
      openMs,
      diagnosticsOnOpen: first.count,
      rssAfterOpenMb: rssAfterOpen === null ? null : rssAfterOpen / 1024,
      peakMemoryMb: peak === null ? null : peak / 1024,
      symbolsMs,
      foldingMs,
      symbolsAfterEditMs: spread(symbolsAfterEdit),
      keystrokeMs: spread(keystrokes),
      edits,
    };
  } finally {
    await session.close();
  }
}

function cell(ms: number, scanMs: number): string {
  return `${formatMs(ms)} (${formatMultiple(ms / scanMs)})`;
}

function verdict(actual: number, limit: number, unit: (value: number) => string): string {
  return actual <= limit ? `met (${unit(actual)})` : `missed: ${unit(actual)}, ${(actual / limit).toFixed(1)}× over`;
}

interface TargetCheck {
  target: string;
  status: string;
}

function checkTargets(results: SizeResult[], startup: Spread, debounceMs: number | null): TargetCheck[] {
  const checks: TargetCheck[] = [{ target: `startup < ${TARGETS.startupMs} ms`, status: verdict(startup.median, TARGETS.startupMs, formatMs) }];
  const large = results.find((result) => result.size === '10MB');
  if (!large) return [...checks, { target: '10 MB targets', status: 'not measured (10MB not in --sizes)' }];
  // The issue calibrated its multiples on a scan of about 0.5 ms per MB; this machine's indexOf scan
  // is faster, so each status also gives the multiple of that nominal scan.
  const nominalScanMs = (large.bytes / 1e6) * NOMINAL_SCAN_MS_PER_MB;
  const against = (limit: number) => (ms: number) => {
    const status = verdict(ms / large.scanMs, limit, formatMultiple);
    return `${status} (${formatMultiple(ms / nominalScanMs)} a ${NOMINAL_SCAN_MS_PER_MB} ms/MB scan)`;
  };
  checks.push({ target: `open to first diagnostics ≤ ${TARGETS.openMultiple}× scan`, status: against(TARGETS.openMultiple)(large.openMs) });
  checks.push({ target: `keystroke to diagnostics p95 ≤ ${TARGETS.keystrokeP95Multiple}× scan`, status: against(TARGETS.keystrokeP95Multiple)(large.keystrokeMs.p95) });
  if (debounceMs !== null) {
    checks.push({ target: `  the same without the ${debounceMs} ms debounce`, status: against(TARGETS.keystrokeP95Multiple)(Math.max(0, large.keystrokeMs.p95 - debounceMs)) });
  }
  checks.push({ target: `document symbols ≤ ${TARGETS.symbolsMultiple}× scan`, status: against(TARGETS.symbolsMultiple)(large.symbolsMs.median) });
  checks.push({ target: '  document symbols right after a keystroke', status: against(TARGETS.symbolsMultiple)(large.symbolsAfterEditMs.median) });
  checks.push({
    target: `peak memory with 10 MB open < ${TARGETS.peakMemoryMb} MB`,
    status: large.peakMemoryMb === null ? 'not measured (no /proc)' : verdict(large.peakMemoryMb, TARGETS.peakMemoryMb, (mb) => `${Math.round(mb)} MB`),
  });
  return checks;
}

function table(results: SizeResult[], startup: Spread, debounceMs: number | null, batch: BatchResult | null, targets: TargetCheck[]): string {
  const header = `| | ${results.map((r) => `${formatBytes(r.bytes)} (${r.markers.toLocaleString('en')} markers)`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---|').join('')}`;
  const row = (name: string, value: (r: SizeResult) => string) => `| ${name} | ${results.map(value).join(' | ')} |`;
  const mb = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} MB`);
  const lines =
    results.length === 0
      ? ['(no size was measured)']
      : [
          header,
          rule,
          row('plain `>>` scan (the 1× unit)', (r) => `${formatMs(r.scanMs)} (${(r.scanMs / (r.bytes / 1e6)).toFixed(2)} ms/MB)`),
          row('open → first diagnostics', (r) => `${cell(r.openMs, r.scanMs)}, ${r.diagnosticsOnOpen.toLocaleString('en')} diagnostics`),
          row('document symbols (median of 5)', (r) => cell(r.symbolsMs.median, r.scanMs)),
          row('document symbols right after a keystroke (median)', (r) => cell(r.symbolsAfterEditMs.median, r.scanMs)),
          row('folding ranges (median of 5)', (r) => cell(r.foldingMs.median, r.scanMs)),
          row('keystroke → diagnostics, median', (r) => `${cell(r.keystrokeMs.median, r.scanMs)} of ${r.edits} edits`),
          row('keystroke → diagnostics, p95', (r) => cell(r.keystrokeMs.p95, r.scanMs)),
          row('keystroke → diagnostics, max', (r) => cell(r.keystrokeMs.max, r.scanMs)),
          row('server memory after open (RSS)', (r) => mb(r.rssAfterOpenMb)),
          row('server peak memory (VmHWM)', (r) => mb(r.peakMemoryMb)),
        ];
  lines.push(
    '',
    `Startup (spawn → initialize result), median of ${STARTUPS}: ${formatMs(startup.median)} (max ${formatMs(startup.max)}).`,
    `Debounce: the server waits ${debounceMs === null ? 'an unknown time (DIAGNOSTICS_DELAY_MS not found)' : `${debounceMs} ms`} after a keystroke before analysing; it is included in every keystroke figure.`,
  );
  if (batch) {
    lines.push(
      `Batch: verbatim check --format json over ${batch.files.toLocaleString('en')} files (${formatBytes(batch.bytes)}): ${batch.seconds.toFixed(1)} s, ` +
        `${batch.mbPerSecond.toFixed(2)} MB/s (scan of the same files: ${Math.round(batch.scanMbPerSecond)} MB/s), ` +
        `${batch.coresBusy === null ? 'cores busy not measured' : `${batch.coresBusy.toFixed(2)} of ${os.cpus().length} cores busy`}, ` +
        `worker threads: ${batch.usesWorkerThreads ? 'yes' : 'no (dist/cli.js does not load worker_threads)'}.`,
    );
  }
  lines.push('', '| target (issue 6) | status |', '|---|---|', ...targets.map((t) => `| ${t.target} | ${t.status} |`));
  return lines.join('\n');
}

function gitDescription(): { commit: string; modifiedFiles: number } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' });
    return { commit, modifiedFiles: status.split('\n').filter(Boolean).length };
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const runStarted = performance.now();
  const sizes = (option('sizes') ?? Object.keys(SIZES).join(',')).split(',').map((size) => size.trim().toUpperCase());
  const unknown = sizes.filter((size) => !(size in SIZES));
  if (unknown.length > 0) {
    console.error(`bench: unknown size ${unknown.join(', ')}; choose from ${Object.keys(SIZES).join(', ')}`);
    return 2;
  }
  const editsOption = option('edits');
  const batchFiles = Number(option('batch-files') ?? 1000);
  const debounceMs = diagnosticsDelayMs();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  // Other work on the machine shows up in every figure; the load average says how busy it was.
  const loadAtStart = os.loadavg()[0];
  console.log(`Verbatim benchmark on ${machine}; load average ${loadAtStart.toFixed(2)}`);

  const failures: { step: string; message: string }[] = [];
  console.log('startup …');
  const startup = await benchmarkStartup();
  const results: SizeResult[] = [];
  for (const [index, size] of sizes.entries()) {
    const edits = editsOption === undefined ? DEFAULT_EDITS[size] : Number(editsOption);
    console.log(`${size}: open, symbols, folding, ${edits} keystrokes …`);
    try {
      results.push(await benchmarkSize(size, edits, 20260000 + index * 1000));
    } catch (error) {
      failures.push({ step: size, message: error instanceof Error ? error.message : String(error) });
      console.error(`bench: ${size} failed: ${failures[failures.length - 1].message}`);
    }
  }
  let batch: BatchResult | null = null;
  if (batchFiles > 0) {
    console.log(`batch: verbatim check over ${batchFiles} files …`);
    try {
      batch = await benchmarkBatch(CLI_PATH, batchFiles, BATCH_TIMEOUT_MS);
    } catch (error) {
      failures.push({ step: 'batch', message: error instanceof Error ? error.message : String(error) });
      console.error(`bench: batch failed: ${failures[failures.length - 1].message}`);
    }
  }

  const targets = checkTargets(results, startup, debounceMs);
  const date = new Date().toISOString();
  console.log(`\n${table(results, startup, debounceMs, batch, targets)}\n`);
  const runSeconds = (performance.now() - runStarted) / 1000;
  const outputFolder = path.join(repoRoot, 'bench-results');
  mkdirSync(outputFolder, { recursive: true });
  const outputFile = path.join(outputFolder, `${date.slice(0, 10)}.json`);
  writeFileSync(
    outputFile,
    JSON.stringify(
      {
        date,
        machine,
        loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0] },
        git: gitDescription(),
        debounceMs,
        startupMs: startup,
        sizes: results,
        batch,
        targets,
        failures,
        runSeconds,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Run took ${runSeconds.toFixed(0)} s (load average at the end ${os.loadavg()[0].toFixed(2)}); results in ${path.relative(repoRoot, outputFile)}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
