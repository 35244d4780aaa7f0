// Benchmark of the recording requests on large transcripts: `npm run bench:recording [-- --sizes=1MB,10MB]`.
// In process: the longest step of reading a version's timestamps and words (what holds the server's
// event loop) and their total. Over stdio against dist/server.js: latency of verbatim/estimateTime
// (first after open, then warm, then first after a keystroke once its diagnostics are out), of 1,000 positions at once, of
// verbatim/positionAtTime and of the timestamp links.
import * as path from 'path';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { prepareSteps } from '../../server/src/core/services/timeEstimate';
import { generateTranscript } from './generate';
import { BenchSession } from './lspSession';

const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');
const TIMEOUT_MS = 120_000;

function sizes(): number[] {
  const arg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? '1MB,10MB';
  return arg.split(',').map((s) => Math.round(parseFloat(s) * 1024 * 1024));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function main(): Promise<void> {
  console.log(
    '| size | words and timestamps of a version, in process: longest step / total | estimateTime: first after open / warm median / first after a keystroke | 1,000 positions | positionAtTime median | documentLink |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const bytes of sizes()) {
    // A timestamp line every ~200 lines, as a video platform's export would have.
    const text = generateTranscript({ seed: 13, bytes })
      .split('\n')
      .map((line, i) =>
        i % 200 === 199
          ? `[${String(Math.floor(i / 7200)).padStart(2, '0')}:${String(Math.floor(i / 120) % 60).padStart(2, '0')}:${String((i / 2) % 60).padStart(2, '0')}]\n${line}`
          : line,
      )
      .join('\n');
    const lines = text.split('\n').length;
    const transcript = parseWithSettings(text);
    // What holds the server's event loop: the longest step of reading a version's timestamps and words.
    const longestStep = [0, 0, 0];
    let prepareTotal = 0;
    for (let run = 0; run < 3; run++) {
      const steps = prepareSteps({ ...transcript }); // a new version: nothing cached
      for (let done = false; !done;) {
        const start = performance.now();
        done = steps.next().done === true;
        const took = performance.now() - start;
        longestStep[run] = Math.max(longestStep[run], took);
        if (run === 2) prepareTotal += took;
      }
    }

    const session = await BenchSession.start(SERVER, TIMEOUT_MS);
    const uri = 'file:///bench/recording.transcript';
    session.open(uri, text, 1);
    await session.diagnostics(uri, 1, TIMEOUT_MS, 'open');
    await session.request('verbatim/setRecording', { textDocument: { uri }, recording: { durationSeconds: 36_000, syncPoints: [] } }, TIMEOUT_MS);
    const at = (line: number) => ({ line, character: 0 });
    const estimate = (positions: { line: number; character: number }[]) => session.request('verbatim/estimateTime', { textDocument: { uri }, positions }, TIMEOUT_MS);
    const [, first] = await timed(() => estimate([at(lines >> 1)]));
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await timed(() => estimate([at(Math.floor((lines * i) / 20))])))[1]);
    const [, many] = await timed(() => estimate(Array.from({ length: 1000 }, (_, i) => at(Math.floor((lines * i) / 1000)))));
    const toPosition: number[] = [];
    for (let i = 0; i < 20; i++) toPosition.push((await timed(() => session.request('verbatim/positionAtTime', { textDocument: { uri }, seconds: i * 1800 }, TIMEOUT_MS)))[1]);
    const [, links] = await timed(() => session.request('textDocument/documentLink', { textDocument: { uri } }, TIMEOUT_MS));
    session.change(uri, 2, at(lines >> 1), at(lines >> 1), 'x');
    await session.diagnostics(uri, 2, TIMEOUT_MS, 'edit');
    const [, afterEdit] = await timed(() => estimate([at(lines >> 2)]));
    session.kill();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `| ${(bytes / 1024 / 1024).toFixed(0)} MB | ${ms(Math.max(longestStep[1], longestStep[2]))} (first use in the process ${ms(longestStep[0])}) / ${ms(prepareTotal)} | ${ms(first)} / ${ms(median(warm))} / ${ms(afterEdit)} | ${ms(many)} | ${ms(median(toPosition))} | ${ms(links)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
