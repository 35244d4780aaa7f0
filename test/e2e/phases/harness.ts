// Proves the infrastructure on its own, without the extension: code-server starts, Chromium
// loads the workbench, a file given in ?payload= opens in the editor and the status bar names
// its language. If this phase fails, the later failures are about the machine, not the product.

import * as fs from 'fs';
import * as path from 'path';
import { CodeServer, launchBrowser, log, newPage, screenshot, waitFor } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';

export async function harnessPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const folder = path.join(ctx.runDir, 'ws-harness');
  fs.mkdirSync(folder, { recursive: true });
  const marker = `harness-marker-${process.pid}`;
  const file = path.join(folder, 'hello.txt');
  fs.writeFileSync(file, `${marker}\nsecond line\n`);

  const server = new CodeServer(ctx.e2e, { name: 'harness' });
  let t = Date.now();
  await server.start();
  log(`code-server up on ${server.port} in ${Date.now() - t} ms`);
  const browser = await launchBrowser(ctx.e2e);
  try {
    const { page } = await newPage(browser, path.join(server.dir, 'console.log'));
    t = Date.now();
    await page.goto(server.workbenchUrl(folder, [['openFile', server.remoteUri(file)]]));
    await waitFor(
      'the file text in the editor',
      async () => {
        const text = await page.locator('.monaco-editor .view-lines').first().innerText({ timeout: 1000 });
        return text.includes(marker) ? true : undefined;
      },
      60000,
    );
    const mode = await waitFor('the language in the status bar', async () => {
      const label = (await page.locator('[id="status.editor.mode"]').innerText({ timeout: 1000 })).trim();
      return label ? label : undefined;
    });
    log(`editor showed the file in ${Date.now() - t} ms; status bar language: ${mode}`);
    await screenshot(page, 'harness-plain-text');
    if (mode !== 'Plain Text') return { ok: false, summary: `status bar says "${mode}", expected "Plain Text"` };
    return { ok: true, summary: `opened a file in code-server; status bar "${mode}"` };
  } finally {
    await browser.close();
    await server.stop();
  }
}
