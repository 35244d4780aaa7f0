// Runs the bundled `verbatim` CLI (dist/cli.js) as a user would, for the CLI tests.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { repoRoot } from './repo';

export const CLI = path.join(repoRoot, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `verbatim ARGS...`, optionally in another working directory. */
export function verbatim(args: string[], cwd?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
