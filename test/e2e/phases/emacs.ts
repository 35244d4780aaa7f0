// Emacs (eglot) as a third LSP client, set up exactly as the README's snippet
// (test/e2e/emacs/verbatim.el); test/e2e/emacs/lsp-test.el records what eglot received.
// Debian's emacs-nox 28.2 + elpa-eglot 1.9 (installed by scripts/e2e/setup.sh).

import * as assert from 'assert';
import * as path from 'path';
import { ROOT } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';
import { lspClientPhase, runClient } from './neovim';

export function emacsPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const script = path.join(ROOT, 'test', 'e2e', 'emacs', 'lsp-test.el');
  return lspClientPhase(
    ctx,
    'Emacs',
    (file, out, server) =>
      runClient(ctx.e2e.emacs, ['--batch', '-l', script], path.dirname(file), {
        VERBATIM_E2E_SERVER: server,
        VERBATIM_E2E_FILE: file,
        VERBATIM_E2E_OUT: out,
      }),
    (key, got, check) =>
      check(`${key}: the README snippet chose caption-transcript-mode and flymake shows the diagnostics`, () => {
        assert.strictEqual(got.mode, 'caption-transcript-mode');
        assert.strictEqual(got.languageId, 'caption-transcript');
        const flymake = (got.flymake ?? []) as Array<{ text: string }>;
        assert.strictEqual(flymake.length, got.diagnostics?.length, 'one flymake entry per diagnostic');
        for (const d of got.diagnostics ?? [])
          assert.ok(
            flymake.some((f) => f.text.includes(`[${d.code}]`)),
            `flymake shows ${d.code}`,
          );
      }),
    path.join(ROOT, 'test', 'e2e', 'emacs', 'verbatim.el'),
  );
}
