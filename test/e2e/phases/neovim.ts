// Second editor: headless Neovim's built-in LSP client drives `node dist/server.js --stdio`
// (the server bundled in the packaged .vsix), set up exactly as the README's Neovim snippet
// (test/e2e/nvim/verbatim.lua) says. test/e2e/nvim/lsp_test.lua records what the client got;
// this file asserts it against the oracle's reading of the corpus file.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KNOWN_CODES } from '../features';
import { CORPUS, log, ROOT } from '../harness';
import { E2E_FILES, isHeaderNameOf, oracle } from '../oracle';
import type { PhaseContext, PhaseResult } from '../runner';

export const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

/** Runs one headless editor session; it writes its findings to `out`. */
export function runClient(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...env }, // `node` for the snippets' cmd
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 90000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the language server it started, if still there
      } catch {
        /* gone */
      }
      resolve({ code, output });
    });
  });
}

export interface ClientResult {
  error?: string;
  symbols?: Array<{ name: string; line: number; children?: Array<{ name: string; line: number }> }>;
  diagnostics?: Array<{ code?: string; severity: number; source?: string; line: number }>;
}

/** Assertions shared by the Neovim and Emacs phases: what any LSP client must receive. */
export function checkClientResult(
  key: 'chevrons' | 'singleChevron' | 'inaudible',
  got: ClientResult,
  run: { code: number | null; output: string },
  text: string,
  check: (name: string, fn: () => void) => void,
): void {
  const expected = oracle(text);
  check(`${key}: the client connected without error`, () => {
    assert.strictEqual(got.error, undefined, got.error);
    assert.strictEqual(run.code, 0, run.output);
  });
  check(`${key}: document symbols are the header, then the turns in order`, () => {
    const symbols = got.symbols ?? [];
    assert.ok(symbols.length > 0 && isHeaderNameOf(symbols[0].name, expected.headerText), `header symbol: ${symbols[0]?.name}`);
    const entries = symbols.slice(1);
    assert.deepStrictEqual(
      entries.map((s) => s.name),
      expected.runs.map((r) => r.name),
      'one entry per run of one speaker',
    );
    const turns = entries.flatMap((entry, i) => (expected.runs[i].turns.length > 1 ? (entry.children ?? []) : [entry]));
    assert.deepStrictEqual(
      turns.map((s) => s.name),
      expected.turnNames,
      'one symbol per turn (runs hold theirs as children)',
    );
    assert.deepStrictEqual(
      turns.map((s) => s.line),
      expected.turns.map((t) => t.line),
    );
  });
  check(`${key}: diagnostics carry source verbatim and known codes`, () => {
    const diagnostics = got.diagnostics ?? [];
    assert.ok(diagnostics.length > 0, 'some diagnostics');
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'verbatim');
      assert.ok(d.code && KNOWN_CODES.includes(d.code), `known code: ${d.code}`);
    }
  });
  if (key === 'chevrons') {
    check('chevrons: unlabeled-turn (hint) on the unlabelled turn, broken-turn (warning) at the end', () => {
      const diagnostics = got.diagnostics ?? [];
      const unlabeled = diagnostics.filter((d) => d.code === 'unlabeled-turn');
      assert.deepStrictEqual(
        unlabeled.map((d) => d.line),
        expected.turns.filter((t) => !t.label).map((t) => t.line),
      );
      unlabeled.forEach((d) => assert.strictEqual(d.severity, SEVERITY.hint));
      const lastTurn = expected.turns[expected.turns.length - 1].line;
      assert.ok(
        diagnostics.some((d) => d.code === 'broken-turn' && d.severity === SEVERITY.warning && d.line >= lastTurn),
        'a broken-turn warning in the last turn',
      );
    });
  } else {
    check(`${key}: one inaudible (information) per inaudible marker`, () => {
      const inaudible = (got.diagnostics ?? []).filter((d) => d.code === 'inaudible');
      assert.deepStrictEqual(
        inaudible.map((d) => d.line),
        expected.inaudible.map((m) => m.line),
      );
      inaudible.forEach((d) => assert.strictEqual(d.severity, SEVERITY.information));
    });
  }
}

/**
 * One LSP-client phase: for each corpus file, `session(file, out, server)` runs a headless editor
 * that writes a ClientResult to `out`; `extra` adds editor-specific checks.
 */
export async function lspClientPhase(
  ctx: PhaseContext,
  editor: string,
  session: (file: string, out: string, server: string) => Promise<{ code: number | null; output: string }>,
  extra: (key: string, got: ClientResult & Record<string, unknown>, check: (name: string, fn: () => void) => void) => void,
  snippet: string,
): Promise<PhaseResult> {
  const server = path.join(ctx.extensionDir || ROOT, 'dist', 'server.js');
  const folder = path.join(ctx.runDir, `ws-${editor.toLowerCase()}`);
  fs.mkdirSync(folder, { recursive: true });
  const failures: string[] = [];
  let passed = 0;
  let version = '';
  const check = (name: string, fn: () => void) => {
    try {
      fn();
      passed++;
      log(`  ✓ ${name}`);
    } catch (error) {
      failures.push(name);
      log(`  ✗ FAILED ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const key of ['chevrons', 'singleChevron', 'inaudible'] as const) {
    const file = path.join(folder, `${key}.cart`);
    fs.copyFileSync(path.join(CORPUS, E2E_FILES[key]), file);
    const out = path.join(folder, `${key}.json`);
    const t0 = Date.now();
    const run = await session(file, out, server);
    if (!fs.existsSync(out)) {
      failures.push(`${key}: no result`);
      log(`  ✗ FAILED ${editor} wrote no result (exit ${run.code}):\n${run.output}`);
      continue;
    }
    const got = JSON.parse(fs.readFileSync(out, 'utf8')) as ClientResult & Record<string, unknown>;
    version = String(got.version ?? '');
    log(`${editor} ${version} on ${E2E_FILES[key]}: exit ${run.code} in ${Date.now() - t0} ms, ${got.symbols?.length ?? 0} symbols, ${got.diagnostics?.length ?? 0} diagnostics`);
    checkClientResult(key, got, run, fs.readFileSync(file, 'utf8'), check);
    extra(key, got, check);
  }
  check(`README.md quotes the ${editor} snippet these sessions loaded (${path.relative(ROOT, snippet)})`, () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(fs.readFileSync(snippet, 'utf8').trimEnd()), 'the README section "Using the server from Neovim / Emacs / Helix" is out of date');
  });
  return { ok: failures.length === 0 && passed > 0, summary: `${passed} passed, ${failures.length} failed (${editor} ${version})` };
}

export function neovimPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const script = path.join(ROOT, 'test', 'e2e', 'nvim', 'lsp_test.lua');
  return lspClientPhase(
    ctx,
    'Neovim',
    (file, out, server) =>
      runClient(ctx.e2e.nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${script}`], path.dirname(file), {
        VERBATIM_E2E_SERVER: server,
        VERBATIM_E2E_FILE: file,
        VERBATIM_E2E_OUT: out,
      }),
    (key, got, check) =>
      check(`${key}: the README snippet set the filetype and started the "verbatim" client`, () => {
        assert.strictEqual(got.filetype, 'caption-transcript');
        assert.strictEqual(got.client, 'verbatim');
      }),
    path.join(ROOT, 'test', 'e2e', 'nvim', 'verbatim.lua'),
  );
}
