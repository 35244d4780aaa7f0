// Harness for the end-to-end tests: a throw-away run folder, child processes that are always
// cleaned up, code-server (a real VS Code with a Node extension host) and Debian's Chromium
// driven by playwright-core. Everything runs offline; see /work/shared/real-vscode-offline.md.
//
// Nothing is written to $HOME: the runner points HOME, TMPDIR and XDG_* at a short per-run
// folder under /tmp (unix socket paths are limited to 107 characters), removed at exit.

import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { sleep, waitFor } from './wait';
export { sleep, waitFor };

/** Repository root: the nearest folder above this file with the extension's package.json. */
export const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'verbatim') return dir;
  }
  throw new Error(`no verbatim package.json above ${__dirname}`);
})();
/** Where `tsc -p test/e2e` puts the compiled end-to-end tests. */
export const E2E_OUT = path.join(ROOT, 'out', 'e2e', 'test', 'e2e');
export const CACHE = path.join(ROOT, '.cache', 'e2e');
export const CORPUS = path.resolve(process.env.VERBATIM_CORPUS || path.join(ROOT, '..', 'shared', 'corpus'));
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

export interface E2EEnv {
  node: string;
  codeServerEntry: string;
  chromium: string;
  nvim: string;
  emacs: string;
}

export function loadEnv(): E2EEnv {
  const file = path.join(CACHE, 'env.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run scripts/e2e/setup.sh first (npm run test:e2e does)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as E2EEnv;
}

export function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

// ---------------------------------------------------------------------------------------
// Run folder and process bookkeeping
// ---------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];
let runRoot: string | undefined;

/**
 * Creates the per-run folder and redirects HOME, TMPDIR and XDG_* of this process (and so of
 * every child it starts, including playwright's browser profile) into it.
 */
export function createRunDir(): string {
  if (runRoot) return runRoot;
  runRoot = fs.mkdtempSync('/tmp/vbe2e-');
  for (const sub of ['home', 'tmp', 'config', 'data', 'cache', 'state', 'runtime']) {
    fs.mkdirSync(path.join(runRoot, sub), { mode: 0o700 });
  }
  process.env.HOME = path.join(runRoot, 'home');
  process.env.TMPDIR = path.join(runRoot, 'tmp');
  process.env.XDG_CONFIG_HOME = path.join(runRoot, 'config');
  process.env.XDG_DATA_HOME = path.join(runRoot, 'data');
  process.env.XDG_CACHE_HOME = path.join(runRoot, 'cache');
  process.env.XDG_STATE_HOME = path.join(runRoot, 'state');
  process.env.XDG_RUNTIME_DIR = path.join(runRoot, 'runtime');
  // npm (if any child calls it) must not touch ~/.npm either.
  process.env.npm_config_cache = path.join(CACHE, 'npm-cache');
  return runRoot;
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** Spawns a child in its own process group so that the whole tree can be stopped. */
export function spawnTracked(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): ChildProcess {
  const out = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Runs a tracked child to completion; resolves with its exit code and its output (also in logFile). */
export async function runLogged(command: string, args: string[], logFile: string): Promise<{ code: number | null; output: string }> {
  const child = spawnTracked(command, args, { logFile });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, output: fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '' };
}

export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // the whole process group
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

let cleaning: Promise<void> | undefined;
/** Stops every tracked process, runs registered clean-ups, removes the run folder. */
export function cleanupAll(): Promise<void> {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`clean-up step failed: ${String(error)}`);
      }
    }
    await Promise.all([...children].map((c) => stopProcess(c)));
    if (runRoot && !process.env.VERBATIM_E2E_KEEP) {
      fs.rmSync(runRoot, { recursive: true, force: true });
    } else if (runRoot) {
      log(`kept run folder ${runRoot} (VERBATIM_E2E_KEEP is set)`);
    }
  })();
  return cleaning;
}

/** Synchronous last resort on process exit: kill the process groups we started. */
process.on('exit', () => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (runRoot && !process.env.VERBATIM_E2E_KEEP) {
    try {
      fs.rmSync(runRoot, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`received ${signal}, cleaning up`);
    cleanupAll().finally(() => process.exit(130));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/** Unpacks a .vsix (a zip) and returns its extension/ folder. */
export function unpackVsix(vsix: string, into: string): string {
  fs.mkdirSync(into, { recursive: true });
  execFileSync('unzip', ['-q', '-o', vsix, 'extension/*', '-d', into]);
  const dir = path.join(into, 'extension');
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`${vsix} has no extension/package.json`);
  return dir;
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------

export interface CodeServerOptions {
  name: string;
  /** Extra code-server arguments, e.g. ['--vscode-option', 'enable-smoke-test-driver']. */
  args?: string[];
  /** Extra environment for the server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
}

export class CodeServer {
  readonly dir: string;
  readonly logFile: string;
  port = 0;
  private child?: ChildProcess;

  constructor(
    private readonly e2e: E2EEnv,
    readonly options: CodeServerOptions,
  ) {
    this.dir = path.join(createRunDir(), `cs-${options.name}`);
    this.logFile = path.join(this.dir, 'code-server.log');
    fs.mkdirSync(path.join(this.dir, 'data', 'User'), { recursive: true });
    fs.mkdirSync(path.join(this.dir, 'exts'), { recursive: true });
    const settings = {
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'files.autoSave': 'off',
      ...options.settings,
    };
    fs.writeFileSync(path.join(this.dir, 'data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }

  /** Arguments shared by the server and by `--install-extension`. */
  private baseArgs(): string[] {
    return [
      this.e2e.codeServerEntry,
      '--config',
      path.join(this.dir, 'config.yaml'),
      '--user-data-dir',
      path.join(this.dir, 'data'),
      '--extensions-dir',
      path.join(this.dir, 'exts'),
    ];
  }

  installExtension(vsix: string): string {
    fs.writeFileSync(path.join(this.dir, 'config.yaml'), 'auth: none\ncert: false\n');
    return execFileSync(this.e2e.node, [...this.baseArgs(), '--install-extension', vsix, '--force'], {
      env: process.env,
      encoding: 'utf8',
      timeout: 120000,
    });
  }

  async start(): Promise<void> {
    this.port = await freePort();
    fs.writeFileSync(path.join(this.dir, 'config.yaml'), `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    const args = [
      ...this.baseArgs(),
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(this.options.args ?? []),
    ];
    this.child = spawnTracked(this.e2e.node, args, {
      env: { ...process.env, ...this.options.env },
      logFile: this.logFile,
    });
    const child = this.child;
    await waitFor(
      `code-server /healthz on port ${this.port}`,
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`code-server exited with ${child.exitCode}:\n${tail(this.logFile)}`);
        }
        return (await httpGet(`http://127.0.0.1:${this.port}/healthz`)) ? true : undefined;
      },
      60000,
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** vscode-remote URI of a path on this machine, as the browser workbench names it. */
  remoteUri(fsPath: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${encodeURI(fsPath)}`;
  }

  /** Workbench URL opening `folder`, with `payload` entries (e.g. ['openFile', uri]). */
  workbenchUrl(folder: string, payload: Array<[string, string]> = []): string {
    let url = `${this.url}/?folder=${encodeURIComponent(folder)}`;
    if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  }

  async stop(): Promise<void> {
    if (this.child) await stopProcess(this.child);
  }
}

function httpGet(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

// ---------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------

export async function launchBrowser(e2e: E2EEnv): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: e2e.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  onCleanup(() => browser.close().catch(() => undefined));
  return browser;
}

export async function newPage(browser: Browser, consoleLog: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => fs.appendFileSync(consoleLog, `[pageerror] ${error.message}\n`));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the command palette (F1), e.g. 'View: Open View'. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Enter');
}
