// `npm run test:electron`: the same integration suite (test/e2e/suite) under @vscode/test-electron,
// in desktop VS Code, where it can be downloaded. On a machine that cannot download it (no
// internet: only the npm registry and Debian mirrors), this runner SKIPS with a clear message and
// exits 0; every other failure (a failing test, a crash, a download that started and broke) exits
// non-zero. On headless Linux with internet, run it under a display: `xvfb-run -a npm run test:electron`.

import * as fs from 'fs';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { CORPUS, E2E_OUT, ROOT } from './harness';

/** Errors that mean "there is no route to the download server", not "something is broken". */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

function isOffline(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code && OFFLINE_CODES.has(e.code)) return true;
  return /getaddrinfo (ENOTFOUND|EAI_AGAIN)|connect (ECONNREFUSED|ENETUNREACH|EHOSTUNREACH)|ETIMEDOUT/.test(String(e?.message ?? ''));
}

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VERBATIM_E2E_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.vscode-test'),
      timeout: 30000,
    });
  } catch (error) {
    if (isOffline(error)) {
      console.log(
        `SKIPPED: desktop VS Code cannot be downloaded here (${(error as Error).message}); ` + 'the offline code-server route (npm run test:e2e) runs the same suite instead',
      );
      return 0;
    }
    throw error;
  }
  const work = fs.mkdtempSync('/tmp/vbe2e-electron-');
  try {
    const workspace = path.join(work, 'ws');
    fs.mkdirSync(workspace);
    const results = path.join(work, 'results.json');
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(E2E_OUT, 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(work, 'data')],
      extensionTestsEnv: {
        VERBATIM_E2E_CORPUS: CORPUS,
        VERBATIM_E2E_WORKSPACE: workspace,
        VERBATIM_E2E_RESULTS: results,
      },
    });
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('integration suite under @vscode/test-electron FAILED:', error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
