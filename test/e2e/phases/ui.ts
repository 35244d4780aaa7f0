// UI smoke test: the .vsix the package step produced is installed into code-server with
// `--install-extension verbatim.vsix --force`, a transcript is opened in Chromium and the page is
// checked the way a user sees it: the status bar names the language, the Outline lists the
// speakers in order, the Problems panel shows the expected diagnostics, and labels and inaudible
// markers are coloured differently from speech. Screenshots go to test-artifacts/e2e/.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { featureOn } from '../features';
import { CodeServer, CORPUS, launchBrowser, log, newPage, runCommand, screenshot, waitFor } from '../harness';
import { E2E_FILES, oracle } from '../oracle';
import type { PhaseContext, PhaseResult } from '../runner';
import { checkList } from './checks';

async function statusBarLanguage(page: Page): Promise<string | undefined> {
  const label = (await page.locator('[id="status.editor.mode"]').innerText({ timeout: 1000 })).trim();
  return label || undefined;
}

export async function openFile(page: Page, server: CodeServer, folder: string, file: string): Promise<void> {
  await page.goto(server.workbenchUrl(folder, [['openFile', server.remoteUri(file)]]));
  await waitFor(
    `${path.basename(file)} in the editor`,
    async () => ((await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label', { timeout: 1000 }))?.includes(path.basename(file)) ? true : undefined),
    60000,
  );
}

export async function expectLanguage(page: Page, language: string): Promise<void> {
  let last: string | undefined;
  await waitFor(
    `the status bar to name "${language}"`,
    async () => {
      last = await statusBarLanguage(page);
      return last === language ? true : undefined;
    },
    30000,
  ).catch((error) => {
    throw new Error(`${String(error)} (last seen: "${last}")`);
  });
}

/** Names of every Outline entry, scrolling through the virtualised list. */
async function outlineNames(page: Page): Promise<string[]> {
  const list = page.locator('.outline-pane .monaco-list');
  const byIndex = new Map<number, string>();
  await list.hover();
  for (let round = 0; round < 50; round++) {
    const rows = await page
      .locator('.outline-pane .monaco-list-row')
      .evaluateAll((els: any[]) => els.map((e) => [Number(e.getAttribute('data-index')), String(e.querySelector('.label-name')?.textContent ?? '').trim()] as [number, string]));
    const before = byIndex.size;
    for (const [i, name] of rows) byIndex.set(i, name);
    if (round > 0 && byIndex.size === before) break;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(150);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/**
 * Colour of an editor token whose whole text is `text` (case-sensitive), or, with `partOf`, one
 * that contains it. Playwright's string `hasText` is a case-insensitive substring match, which
 * found "Chengetai Masango" in speech for the label "CHENGETAI MASANGO" (and Monaco's line nodes
 * are not in document order), so the patterns here are exact.
 */
async function tokenColour(page: Page, text: string, partOf = false): Promise<string | undefined> {
  // Monaco renders spaces as U+00A0 in the DOM and cuts long tokens into 50-character spans.
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
  const pattern = partOf ? new RegExp(escaped) : new RegExp(`^\\s*${escaped}\\s*$`);
  const span = page.locator('.monaco-editor .view-line span > span', { hasText: pattern }).first();
  if ((await span.count()) === 0) return undefined;
  return span.evaluate((el: unknown) => (globalThis as any).getComputedStyle(el).color as string);
}

export async function uiPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const server = new CodeServer(ctx.e2e, { name: 'ui' });
  const t0 = Date.now();
  const installed = server.installExtension(ctx.vsix);
  log(`installed ${path.basename(ctx.vsix)} in ${Date.now() - t0} ms: ${installed.trim().split('\n').pop()}`);
  if (!/successfully installed/i.test(installed)) return { ok: false, summary: `--install-extension failed: ${installed}` };

  const folder = path.join(ctx.runDir, 'ws-ui');
  fs.mkdirSync(folder, { recursive: true });
  const meeting = path.join(folder, 'meeting.cart');
  fs.copyFileSync(path.join(CORPUS, E2E_FILES.chevrons), meeting);
  const berlin = path.join(folder, 'berlin.cart');
  fs.copyFileSync(path.join(CORPUS, E2E_FILES.inaudible), berlin);
  const txtFolder = path.join(ctx.runDir, 'ws-txt');
  fs.mkdirSync(txtFolder, { recursive: true });
  const txt = path.join(txtFolder, 'session.txt');
  fs.copyFileSync(path.join(CORPUS, E2E_FILES.singleChevron), txt);

  await server.start();
  const browser = await launchBrowser(ctx.e2e);
  let current: Page | undefined;
  const { checks, check } = checkList('ui', () => current);
  const pending = (name: string, why: string) => {
    checks.push({ name, ok: true, pending: why });
    log(`  - PENDING ${name} [${why}]`);
  };

  try {
    const { page } = await newPage(browser, path.join(server.dir, 'console.log'));
    current = page;
    const expected = oracle(fs.readFileSync(meeting, 'utf8'));

    await check('opens a .cart file; the status bar names the language "Caption Transcript"', async () => {
      await openFile(page, server, folder, meeting);
      await expectLanguage(page, 'Caption Transcript');
      await screenshot(page, 'ui-status-bar');
    });

    await check('the Outline lists the header, then the speakers in order', async () => {
      await runCommand(page, 'Explorer: Focus on Outline View');
      // Give the Outline the Explorer's height: collapse the folder section.
      const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(folder) });
      if (await folders.count()) await folders.first().click();
      const names = await waitFor(
        'Outline entries',
        async () => {
          const labels = await outlineNames(page);
          return labels.length >= expected.turns.length + 1 ? labels : undefined;
        },
        30000,
      );
      await screenshot(page, 'ui-outline');
      log(`    Outline: ${JSON.stringify(names)}`);
      assert.deepStrictEqual(
        names.slice(1, expected.turns.length + 1).map((n) => n.trim()),
        expected.turnNames,
      );
    });

    await check('the Problems panel shows the broken-turn warning with its code (hints such as unlabeled-turn are not listed there)', async () => {
      await runCommand(page, 'View: Focus Problems');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const read = () => rows.evaluateAll((els: any[]) => els.map((e) => String(e.textContent || '') + ' | ' + String(e.getAttribute('aria-label') || '')));
      const lastLine = expected.text.replace(/\s+$/, '').split(/\r?\n/).length;
      const labels = await waitFor(
        'Problems entries',
        async () => {
          const all = await read();
          return all.some((l) => /broken-turn/.test(l) && /^Warning/.test(l.split(' | ')[1]) && l.includes(`line ${lastLine} `)) ? all : undefined;
        },
        30000,
      ).catch(async (error) => {
        throw new Error(`${String(error)}; rows: ${JSON.stringify(await read())}`);
      });
      await screenshot(page, 'ui-problems');
      log(`    Problems: ${JSON.stringify(labels)}`);
      const status = await page.locator('[id="status.problems"]').getAttribute('aria-label');
      assert.ok(status && /Warnings: 1\b/.test(status) && !/Errors: [1-9]/.test(status), `status bar problem counts: ${status}`);
    });

    const labels = expected.turns.filter((t) => t.label).map((t) => t.label!);
    const speakers = [...new Set(labels)];
    if (featureOn('statusBar')) {
      await check('the status-bar item counts turns, speakers and open problems', async () => {
        const item = page.locator('.statusbar-item', { hasText: /turns? · / }).first();
        const text = await waitFor(
          'the Verbatim status-bar item',
          async () => {
            const t = (await item.innerText({ timeout: 1000 })).trim();
            return t.includes(`${expected.turns.length} turns`) ? t : undefined;
          },
          30000,
        ).catch(async (error) => {
          throw new Error(`${String(error)}; status bar: ${JSON.stringify(await page.locator('.statusbar-item').allInnerTexts())}`);
        });
        log(`    status-bar item: ${JSON.stringify(text)}`);
        assert.ok(text.includes(`${speakers.length} speakers`), `${speakers.length} speakers in "${text}"`);
        assert.ok(/\b1 problem\b/.test(text), `1 problem (the broken-turn warning) in "${text}"`);
      });
    } else pending("the extension's status-bar item", 'not landed');
    if (featureOn('speakersView')) {
      await check('the Speakers view (opened from the status-bar item) lists each speaker with their turn count', async () => {
        await page
          .locator('.statusbar-item', { hasText: /turns? · / })
          .first()
          .click();
        const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Speakers/ }) });
        const rows = pane.locator('.monaco-list-row');
        const read = () =>
          rows.evaluateAll((els: any[]) =>
            els.map(
              (e) =>
                [String(e.querySelector('.label-name')?.textContent ?? '').trim(), String(e.querySelector('.label-description')?.textContent ?? '').trim()] as [string, string],
            ),
          );
        const got = await waitFor(
          'Speakers rows',
          async () => {
            const r = await read();
            return r.length >= speakers.length ? r : undefined;
          },
          30000,
        ).catch(async (error) => {
          throw new Error(`${String(error)}; rows: ${JSON.stringify(await read())}`);
        });
        await screenshot(page, 'ui-speakers');
        log(`    Speakers: ${JSON.stringify(got)}`);
        const unidentified = expected.turns.filter((t) => !t.label).length;
        const want = [...speakers.map((sp) => [sp, labels.filter((l) => l === sp).length] as const), ...(unidentified ? [['(unidentified)', unidentified] as const] : [])];
        assert.deepStrictEqual(
          got.map(([name]) => name),
          want.map(([name]) => name),
          'speakers in order of first appearance, unidentified last',
        );
        got.forEach(([name, description], i) => {
          const n = want[i][1];
          assert.ok(description.startsWith(`${n} turn${n === 1 ? '' : 's'}`), `${name}: "${description}" starts with ${n} turns`);
        });
      });
    } else pending('the Speakers view shows the speakers', 'not landed');

    await check('labels and inaudible markers are coloured differently from speech', async () => {
      await openFile(page, server, folder, berlin);
      await expectLanguage(page, 'Caption Transcript');
      const b = oracle(fs.readFileSync(berlin, 'utf8'));
      const label = b.turns.find((t) => t.label)!.label!;
      const marker = b.inaudible[0].text;
      // Wait until the line with the label has been rendered, then give the tokenizer a moment.
      await waitFor('the text to be rendered', async () => ((await tokenColour(page, 'Good morning, people.', true)) ? true : undefined), 30000);
      const colours = await waitFor(
        'label, inaudible marker and speech tokens',
        async () => {
          const l = await tokenColour(page, label);
          const m = await tokenColour(page, marker.slice(1, -1));
          const s = await tokenColour(page, 'Good morning, people.', true); // within one 50-character span
          return l && m && s ? { label: l, inaudible: m, speech: s } : undefined;
        },
        5000,
      ).catch(async (error) => {
        const tokens = await page.locator('.monaco-editor .view-line span > span').allInnerTexts();
        throw new Error(
          `the label or the inaudible marker is not a token of its own (so not coloured apart from speech): ${String(error)}; ` +
            `looked for ${JSON.stringify([label, marker.slice(1, -1)])} in tokens ${JSON.stringify(tokens.slice(0, 40))}`,
        );
      });
      await screenshot(page, 'ui-colours');
      log(`    colours: ${JSON.stringify(colours)}`);
      assert.notStrictEqual(colours.label, colours.speech, 'label coloured like speech');
      assert.notStrictEqual(colours.inaudible, colours.speech, 'inaudible marker coloured like speech');
    });

    if (featureOn('txtDetection')) {
      await check('a .txt transcript opened first in a fresh window gets the one-time "Caption Transcript" prompt', async () => {
        const fresh = await newPage(browser, path.join(server.dir, 'console-txt.log'));
        current = fresh.page;
        try {
          await openFile(fresh.page, server, txtFolder, txt);
          const toast = fresh.page.locator('.notification-toast', { hasText: /caption transcript/i });
          await toast.waitFor({ state: 'visible', timeout: 30000 }).catch(async (error) => {
            await screenshot(fresh.page, 'ui-txt-prompt-missing');
            throw error;
          });
          await screenshot(fresh.page, 'ui-txt-prompt');
          await toast
            .locator('a.monaco-button, .monaco-button', { hasText: /^Switch$/ })
            .first()
            .click();
          await expectLanguage(fresh.page, 'Caption Transcript');
        } finally {
          await fresh.context.close();
        }
      });
    } else {
      pending('.txt detection prompt', 'the .txt detection prompt lands in a later issue');
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const failed = checks.filter((c) => !c.ok);
  const pendingCount = checks.filter((c) => c.pending).length;
  return {
    ok: failed.length === 0,
    summary:
      `${checks.length - failed.length - pendingCount} passed, ${failed.length} failed, ${pendingCount} pending` +
      (failed.length ? `: ${failed.map((c) => c.name).join('; ')}` : ''),
  };
}
