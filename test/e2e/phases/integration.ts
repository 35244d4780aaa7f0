// Runs the mocha suite in test/e2e/suite inside code-server's Node extension host, with the
// unpacked .vsix as the development extension: the `run()` contract of @vscode/test-electron,
// started through the smoke-test driver (`--vscode-option enable-smoke-test-driver`), with
// extensionDevelopmentPath/extensionTestsPath in ?payload= and window.codeAutomationExit(code)
// exposed to the page.

import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, CodeServer, CORPUS, E2E_OUT, launchBrowser, log, newPage, screenshot, sleep, tail } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';

const TIMEOUT_MS = Number(process.env.VERBATIM_E2E_SUITE_TIMEOUT_MS ?? 300000);

export async function integrationPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const extensionDir = ctx.extensionDir;
  const testsDir = path.join(E2E_OUT, 'suite');
  if (!fs.existsSync(path.join(testsDir, 'index.js'))) throw new Error(`${testsDir}/index.js missing: run tsc -p test/e2e`);
  const workspace = path.join(ctx.runDir, 'ws-integration');
  fs.mkdirSync(workspace, { recursive: true });
  const logFile = path.join(ctx.runDir, 'integration.log');
  const resultsFile = path.join(ctx.runDir, 'integration.json');
  fs.writeFileSync(logFile, '');

  const server = new CodeServer(ctx.e2e, {
    name: 'integration',
    args: ['--vscode-option', 'enable-smoke-test-driver'],
    env: {
      VERBATIM_E2E_CORPUS: CORPUS,
      VERBATIM_E2E_WORKSPACE: workspace,
      VERBATIM_E2E_LOG: logFile,
      VERBATIM_E2E_RESULTS: resultsFile,
    },
  });
  await server.start();
  const browser = await launchBrowser(ctx.e2e);
  let printed = 0;
  const stream = () => {
    const text = fs.readFileSync(logFile, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
  };
  try {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'integration-console.log'), '');
    const { page } = await newPage(browser, path.join(ARTIFACTS, 'integration-console.log'));
    let exitCode: number | undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });
    const t0 = Date.now();
    await page.goto(
      server.workbenchUrl(workspace, [
        ['extensionDevelopmentPath', server.remoteUri(extensionDir)],
        ['extensionTestsPath', server.remoteUri(testsDir)],
      ]),
    );
    while (exitCode === undefined && Date.now() - t0 < TIMEOUT_MS) {
      await sleep(500);
      stream();
    }
    stream();
    if (exitCode === undefined) {
      await screenshot(page, 'integration-timeout').catch(() => undefined);
      log(`code-server log tail:\n${tail(server.logFile)}`);
      return { ok: false, summary: `the suite did not finish within ${TIMEOUT_MS / 1000} s` };
    }
    log(`extension host exited with ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (!fs.existsSync(resultsFile)) {
      log(`code-server log tail:\n${tail(server.logFile)}`);
      return { ok: false, summary: `no results written (exit code ${exitCode}); the test module did not run` };
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { tests: Array<{ state: string }> };
    fs.copyFileSync(resultsFile, path.join(ARTIFACTS, 'integration-results.json'));
    const count = (s: string) => results.tests.filter((t) => t.state === s).length;
    const summary = `${count('passed')} passed, ${count('failed')} failed, ${count('pending')} pending (exit ${exitCode})`;
    return { ok: exitCode === 0 && count('failed') === 0 && count('passed') > 0, summary };
  } finally {
    await browser.close();
    await server.stop();
  }
}
