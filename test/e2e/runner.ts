// `npm run test:e2e`: runs the end-to-end phases against the packaged extension and prints a
// summary with timings. Exit code 0 only if every phase that ran passed.
//
//   node out/e2e/test/e2e/runner.js [--only=harness,integration,ui,onboarding,neovim,emacs,electron] [--vsix=verbatim.vsix]
//   node out/e2e/test/e2e/runner.js [--only=harness,integration,ui,recording,neovim,emacs,electron] [--vsix=verbatim.vsix]
//
// Phases
//   harness      code-server + Chromium open a plain file (proves the infrastructure alone)
//   integration  the mocha suite in test/e2e/suite runs in code-server's Node extension host
//                against the unpacked .vsix (the @vscode/test-electron run() contract)
//   ui           the .vsix is installed with --install-extension; the page is checked
//   onboarding   the bundled sample as a new user sees it: reading comfort, the walkthrough, the README's screenshots
//   recording    the recording panel with a generated WAV: open, play from cursor, pause, the
//                inaudible finding's "Play the recording here", insert timestamp, a file that cannot play
//   neovim       `node dist/server.js --stdio` driven by headless Neovim's built-in LSP client
//   emacs        the same server driven by Emacs' eglot in batch mode
//   electron     the integration suite under @vscode/test-electron (SKIPPED where desktop VS Code
//                cannot be downloaded)

import * as fs from 'fs';
import * as path from 'path';
import { cleanupAll, CORPUS, createRunDir, E2EEnv, loadEnv, log, ROOT, unpackVsix } from './harness';
import { harnessPhase } from './phases/harness';
import { integrationPhase } from './phases/integration';
import { electronPhase } from './phases/electron';
import { emacsPhase } from './phases/emacs';
import { neovimPhase } from './phases/neovim';
import { onboardingPhase } from './phases/onboarding';
import { recordingPhase } from './phases/recording';
import { uiPhase } from './phases/ui';

export interface PhaseContext {
  e2e: E2EEnv;
  runDir: string;
  /** A private copy of the .vsix (others may re-package while the tests run). */
  vsix: string;
  /** The .vsix unpacked: its extension/ folder (package.json, dist/server.js, syntaxes/). */
  extensionDir: string;
}

export interface PhaseResult {
  ok: boolean;
  summary: string;
  /** Did not run here, for a stated reason (shown as SKIP, never as PASS). */
  skipped?: boolean;
}

const PHASES: Record<string, (ctx: PhaseContext) => Promise<PhaseResult>> = {
  harness: harnessPhase,
  integration: integrationPhase,
  ui: uiPhase,
  onboarding: onboardingPhase,
  recording: recordingPhase,
  neovim: neovimPhase,
  emacs: emacsPhase,
  electron: electronPhase,
};

/** Phases that open corpus files; on a clone with no corpus beside it they are skipped (CI requires it). */
const NEED_THE_CORPUS = new Set(['ui', 'neovim', 'emacs']);
/** The part of the integration suite that needs no corpus. */
const WITHOUT_THE_CORPUS_GREP = 'Get Started walkthrough';

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = (argValue('only') ?? process.env.VERBATIM_E2E_ONLY ?? Object.keys(PHASES).join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of only) {
    if (!PHASES[name]) throw new Error(`unknown phase ${name}; known: ${Object.keys(PHASES).join(', ')}`);
  }
  const corpusPresent = fs.existsSync(CORPUS);
  if (!corpusPresent) {
    log(
      `corpus: none at ${CORPUS}, so ${[...NEED_THE_CORPUS].filter((p) => only.includes(p)).join(', ')} are skipped and the integration suite runs only "${WITHOUT_THE_CORPUS_GREP}" (set VERBATIM_CORPUS=DIR)`,
    );
    process.env.VERBATIM_E2E_GREP ??= WITHOUT_THE_CORPUS_GREP;
  }
  const packaged = path.resolve(ROOT, argValue('vsix') ?? 'verbatim.vsix');
  const e2e = loadEnv();
  const runDir = createRunDir();
  log(`run folder ${runDir}`);
  let vsix = '';
  let extensionDir = '';
  if (only.some((p) => p !== 'harness' && p !== 'electron')) {
    if (!fs.existsSync(packaged)) throw new Error(`${packaged} does not exist: run \`npm run package\` first (npm run test:e2e does)`);
    vsix = path.join(runDir, 'verbatim.vsix');
    fs.copyFileSync(packaged, vsix);
    extensionDir = unpackVsix(vsix, path.join(runDir, 'vsix'));
    log(`testing ${path.relative(ROOT, packaged)} (${fs.statSync(vsix).size} bytes, built ${fs.statSync(packaged).mtime.toISOString()})`);
  }
  const results: Array<{ name: string; ms: number } & PhaseResult> = [];
  for (const name of only) {
    const t0 = Date.now();
    log(`=== phase ${name} ===`);
    let result: PhaseResult;
    try {
      result =
        !corpusPresent && NEED_THE_CORPUS.has(name)
          ? { ok: true, skipped: true, summary: `needs the corpus (none at ${CORPUS})` }
          : await PHASES[name]({ e2e, runDir, vsix, extensionDir });
    } catch (error) {
      result = { ok: false, summary: `crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
    }
    results.push({ name, ms: Date.now() - t0, ...result });
    log(`=== phase ${name}: ${result.skipped ? 'SKIPPED' : result.ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  }
  await cleanupAll();
  log('');
  log('summary');
  for (const r of results) {
    log(`  ${r.skipped ? 'SKIP' : r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(12)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.summary}`);
  }
  log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in test-artifacts/e2e/`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error instanceof Error ? error.stack : error);
    await cleanupAll();
    process.exit(1);
  },
);
