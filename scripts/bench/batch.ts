// `verbatim check` over a folder of small transcripts: throughput in MB/s and how many cores it kept busy.
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { generateTranscript } from './generate';
import { markerScanMs } from './measure';
import { SeededRandom } from './random';

export interface BatchResult {
  files: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  /** CPU seconds (user + system, all threads) per wall-clock second: about 2 when both cores work. */
  coresBusy: number | null;
  exitCode: number;
  diagnostics: number;
  /** Whether the bundled CLI loads worker_threads at all. */
  usesWorkerThreads: boolean;
  scanMbPerSecond: number;
}

interface Finished {
  exitCode: number;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`verbatim check did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, stderr });
    });
  });
}

/** Seconds from the `0m1.234s` notation of bash's `times`. */
function seconds(minutes: string, rest: string): number {
  return Number(minutes) * 60 + Number(rest);
}

export async function benchmarkBatch(cliPath: string, fileCount: number, timeoutMs: number): Promise<BatchResult> {
  const folder = mkdtempSync(path.join(tmpdir(), 'verbatim-bench-'));
  // Ctrl+C skips `finally`: remove the 36 MB of generated files on the way out all the same.
  const removeOnInterrupt = () => {
    rmSync(folder, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', removeOnInterrupt);
  try {
    const random = new SeededRandom(4242);
    const files: string[] = [];
    let bytes = 0;
    let scanMs = 0;
    for (let i = 0; i < fileCount; i++) {
      const text = generateTranscript({ seed: 100_000 + i, bytes: random.int(10_000, 60_000) });
      const file = path.join(folder, `session-${String(i).padStart(4, '0')}.transcript`);
      writeFileSync(file, text);
      files.push(file);
      bytes += Buffer.byteLength(text, 'utf8');
      scanMs += markerScanMs(text, 3).ms;
    }
    const output = path.join(folder, 'check.json');
    const checkArgs = [cliPath, 'check', '--format', 'json', ...files];
    // bash's `times` reports the CPU time of the finished child, worker threads included.
    const measured = process.platform !== 'win32';
    const started = performance.now();
    const finished = measured
      ? await run(
          'bash',
          ['-c', 'node_path="$1"; shift; "$node_path" "$@" > "$BENCH_OUTPUT"; status=$?; times >&2; exit $status', 'bench', process.execPath, ...checkArgs],
          { ...process.env, BENCH_OUTPUT: output },
          timeoutMs,
        )
      : await run(process.execPath, checkArgs, process.env, timeoutMs);
    const elapsed = (performance.now() - started) / 1000;
    if (finished.exitCode !== 0 && finished.exitCode !== 1) throw new Error(`verbatim check exited with ${finished.exitCode}: ${finished.stderr}`);
    let coresBusy: number | null = null;
    const childTimes = [...finished.stderr.matchAll(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/g)].pop();
    if (measured && childTimes) coresBusy = (seconds(childTimes[1], childTimes[2]) + seconds(childTimes[3], childTimes[4])) / elapsed;
    let diagnostics = 0;
    if (measured) {
      const report = JSON.parse(readFileSync(output, 'utf8')) as { files: { diagnostics: unknown[] }[] };
      if (report.files.length !== fileCount) throw new Error(`verbatim check reported ${report.files.length} of ${fileCount} files`);
      diagnostics = report.files.reduce((sum, file) => sum + file.diagnostics.length, 0);
    }
    return {
      files: fileCount,
      bytes,
      seconds: elapsed,
      mbPerSecond: bytes / 1e6 / elapsed,
      coresBusy,
      exitCode: finished.exitCode,
      diagnostics,
      usesWorkerThreads: readFileSync(cliPath, 'utf8').includes('worker_threads'),
      scanMbPerSecond: bytes / 1e6 / (scanMs / 1000),
    };
  } finally {
    process.off('SIGINT', removeOnInterrupt);
    rmSync(folder, { recursive: true, force: true });
  }
}
