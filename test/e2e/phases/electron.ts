// Runs `electron.js` (the integration suite under @vscode/test-electron in desktop VS Code) as a
// child process, so that every CI run shows whether it ran or why it was SKIPPED.

import * as path from 'path';
import { log, runLogged } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';

export async function electronPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const { code, output } = await runLogged(process.execPath, [path.join(__dirname, '..', 'electron.js')], path.join(ctx.runDir, 'electron.log'));
  const last = output.trim().split('\n').pop() ?? '';
  log(last);
  const skipped = code === 0 && /^SKIPPED/.test(last);
  return { ok: code === 0, skipped, summary: skipped ? 'desktop VS Code cannot be downloaded here; the code-server route ran the suite' : `exit ${code}: ${last.slice(0, 100)}` };
}
