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
import { E2E_FILES, isTitleOf, oracle } from '../oracle';
import type { PhaseContext, PhaseResult } from '../runner';

interface NvimResult {
  nvim: string;
  filetype?: string;
  client?: string;
  error?: string;
  symbols?: Array<{ name: string; detail?: string; line: number; selection: { line: number; startCharacter: number; endCharacter: number } }>;
  diagnostics?: Array<{ code?: string; severity: number; source?: string; line: number; col: number; message: string }>;
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

function runNvim(nvim: string, server: string, file: string, out: string): Promise<{ code: number | null; output: string }> {
  const script = path.join(ROOT, 'test', 'e2e', 'nvim', 'lsp_test.lua');
  return new Promise((resolve, reject) => {
    const child = spawn(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${script}`], {
      cwd: path.dirname(file),
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, // `node` for the snippet's cmd
        VERBATIM_E2E_SERVER: server,
        VERBATIM_E2E_FILE: file,
        VERBATIM_E2E_OUT: out,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function neovimPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const server = ctx.extensionDir ? path.join(ctx.extensionDir, 'dist', 'server.js') : path.join(ROOT, 'dist', 'server.js');
  const folder = path.join(ctx.runDir, 'ws-nvim');
  fs.mkdirSync(folder, { recursive: true });
  const failures: string[] = [];
  let passed = 0;
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

  for (const key of ['chevrons', 'singleChevron'] as const) {
    const file = path.join(folder, `${key}.cart`);
    fs.copyFileSync(path.join(CORPUS, E2E_FILES[key]), file);
    const out = path.join(folder, `${key}.json`);
    const t0 = Date.now();
    const run = await runNvim(ctx.e2e.nvim, server, file, out);
    if (!fs.existsSync(out)) {
      failures.push(`${key}: no result`);
      log(`  ✗ FAILED nvim wrote no result (exit ${run.code}):\n${run.output}`);
      continue;
    }
    const got = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    log(`Neovim ${got.nvim} on ${E2E_FILES[key]}: exit ${run.code} in ${Date.now() - t0} ms, ${got.symbols?.length ?? 0} symbols, ${got.diagnostics?.length ?? 0} diagnostics`);
    const expected = oracle(fs.readFileSync(file, 'utf8'));
    check(`${key}: the client attached without error`, () => {
      assert.strictEqual(got.error, undefined, got.error);
      assert.strictEqual(run.code, 0, run.output);
      assert.strictEqual(got.filetype, 'caption-transcript');
      assert.strictEqual(got.client, 'verbatim');
    });
    check(`${key}: document symbols are the header, then the turns in order`, () => {
      const symbols = got.symbols ?? [];
      assert.ok(symbols.length > 0 && isTitleOf(symbols[0].name, expected.firstLine), `header symbol: ${symbols[0]?.name}`);
      assert.deepStrictEqual(symbols.slice(1).map((s) => s.name), expected.turnNames);
      assert.deepStrictEqual(symbols.slice(1).map((s) => s.line), expected.turns.map((t) => t.line));
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
      check('chevrons: unlabeled-turn (hint) on the unlabelled turn, broken-turn (warning) on the last line', () => {
        const diagnostics = got.diagnostics ?? [];
        const unlabeled = diagnostics.filter((d) => d.code === 'unlabeled-turn');
        assert.deepStrictEqual(unlabeled.map((d) => d.line), expected.turns.filter((t) => !t.label).map((t) => t.line));
        unlabeled.forEach((d) => assert.strictEqual(d.severity, SEVERITY.hint));
        const lastLine = expected.text.replace(/\s+$/, '').split(/\r?\n/).length - 1;
        assert.ok(diagnostics.some((d) => d.code === 'broken-turn' && d.severity === SEVERITY.warning), 'a broken-turn warning');
        assert.ok(diagnostics.some((d) => d.code === 'broken-turn' && d.line <= lastLine), 'broken-turn within the file');
      });
    } else {
      check(`${key}: one inaudible (information) per inaudible marker`, () => {
        const inaudible = (got.diagnostics ?? []).filter((d) => d.code === 'inaudible');
        assert.deepStrictEqual(inaudible.map((d) => d.line), expected.inaudible.map((m) => m.line));
        inaudible.forEach((d) => assert.strictEqual(d.severity, SEVERITY.information));
      });
    }
  }
  return { ok: failures.length === 0 && passed > 0, summary: `${passed} passed, ${failures.length} failed (Neovim ${ctx.e2e.nvim})` };
}
