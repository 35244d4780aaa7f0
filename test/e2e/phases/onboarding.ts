// The first five minutes, as a new user sees them in a real VS Code (code-server + Chromium), on
// the sample bundled in the .vsix (an invented meeting written as captioning software writes it,
// with no-break spaces and a paragraph per line; never corpus text):
//   - reading comfort: no Unicode highlight boxes and no line wider than the editor, where the same
//     text in a language with VS Code's own defaults (the control) shows both;
//   - the Get Started walkthrough lists its steps;
//   - the README's screenshots: the Outline, the Problems panel and a quick fix
//     (test-artifacts/e2e/readme-*.png, copied to media/screenshots/ when they change).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CodeServer, launchBrowser, log, newPage, runCommand, screenshot, waitFor } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';
import { checkList } from './checks';
import { expectLanguage, openFile } from './ui';

/** Unicode highlight boxes (the `unicode-highlight` decoration) drawn in the visible part of the editor. */
function highlightBoxes(page: Page): Promise<number> {
  return page.locator('.editor-instance .monaco-editor .unicode-highlight').count();
}

/** The widest rendered line against the editor's text area, in CSS pixels. */
async function lineWidths(page: Page): Promise<{ widest: number; editor: number; lines: number }> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const editor = doc.querySelector('.editor-instance .monaco-editor');
    const area = editor.querySelector('.lines-content').parentElement.getBoundingClientRect();
    const spans = [...editor.querySelectorAll('.view-lines .view-line > span')] as any[];
    const widest = Math.max(0, ...spans.map((span) => span.getBoundingClientRect().right - area.left));
    return { widest: Math.round(widest), editor: Math.round(area.width), lines: spans.length };
  });
}

async function whenRendered(page: Page, text: string): Promise<void> {
  await waitFor(`"${text}" rendered`, async () => ((await page.locator('.editor-instance .view-line', { hasText: text }).count()) > 0 ? true : undefined), 30000);
  await page.waitForTimeout(1500); // decorations and wrapping settle after the first paint
}

export async function onboardingPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const server = new CodeServer(ctx.e2e, { name: 'onboarding' });
  const installed = server.installExtension(ctx.vsix);
  if (!/successfully installed/i.test(installed)) return { ok: false, summary: `--install-extension failed: ${installed}` };

  const sample = path.join(ctx.extensionDir, 'samples', 'council-meeting.transcript');
  if (!fs.existsSync(sample)) return { ok: false, summary: 'the .vsix has no samples/council-meeting.transcript' };
  const folder = path.join(ctx.runDir, 'ws-onboarding');
  fs.mkdirSync(folder, { recursive: true });
  const transcript = path.join(folder, 'council-meeting.cart');
  fs.copyFileSync(sample, transcript);
  // The control: the same text in a language with VS Code's own editor defaults (Plain Text and
  // Markdown have Unicode highlighting turned off by VS Code itself).
  const control = path.join(folder, 'council-meeting.log');
  fs.copyFileSync(sample, control);

  await server.start();
  const browser = await launchBrowser(ctx.e2e);
  let page: Page | undefined;
  const { checks, check } = checkList('onboarding', () => page);

  try {
    ({ page } = await newPage(browser, path.join(server.dir, 'console.log')));
    const p = page;

    await check('the same sample in another language (the control, Log): Unicode highlight boxes and lines wider than the editor', async () => {
      await openFile(p, server, folder, control);
      await expectLanguage(p, 'Log');
      await whenRendered(p, 'RIVERTON TOWN COUNCIL');
      const boxes = await highlightBoxes(p);
      const widths = await lineWidths(p);
      await screenshot(p, 'onboarding-control');
      log(`    as Log: ${boxes} highlight boxes; widest line ${widths.widest} px in a ${widths.editor} px editor`);
      assert.ok(boxes > 0, 'VS Code boxes the no-break spaces');
      assert.ok(widths.widest > widths.editor, 'a paragraph line runs off the right edge');
    });

    await check('the sample as Caption Transcript: no Unicode highlight boxes, no line wider than the editor, top or bottom', async () => {
      await openFile(p, server, folder, transcript);
      await expectLanguage(p, 'Caption Transcript');
      await whenRendered(p, 'RIVERTON TOWN COUNCIL');
      const top = { boxes: await highlightBoxes(p), widths: await lineWidths(p) };
      await screenshot(p, 'onboarding-transcript');
      await p.locator('.editor-instance .monaco-editor .view-lines').click();
      await p.keyboard.press('Control+End');
      await whenRendered(p, 'End of meeting');
      const bottom = { boxes: await highlightBoxes(p), widths: await lineWidths(p) };
      log(`    transcript: ${top.boxes} + ${bottom.boxes} highlight boxes; widest line ${top.widths.widest} / ${bottom.widths.widest} px in a ${top.widths.editor} px editor`);
      assert.ok(top.widths.lines > 0 && bottom.widths.lines > 0, 'lines rendered');
      assert.strictEqual(top.boxes + bottom.boxes, 0, 'Unicode highlight boxes');
      assert.ok(Math.max(top.widths.widest, bottom.widths.widest) <= top.widths.editor, `a line wider than the ${top.widths.editor} px editor`);
    });

    await check('README screenshot: the Outline lists the speakers of the sample', async () => {
      await p.keyboard.press('Control+Home');
      await runCommand(p, 'Explorer: Focus on Outline View');
      const folders = p.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(folder) });
      if (await folders.count()) await folders.first().click();
      await waitFor(
        'Outline entries',
        async () => ((await p.locator('.outline-pane .monaco-list-row', { hasText: 'COUNCILMEMBER LINDQVIST' }).count()) > 0 ? true : undefined),
        30000,
      );
      await screenshot(p, 'readme-outline');
    });

    await check("README screenshot: the Problems panel lists the sample's findings with their codes", async () => {
      await runCommand(p, 'View: Focus Problems');
      const rows = p.locator('.markers-panel .monaco-list-row');
      await waitFor(
        'Problems rows',
        async () => {
          const text = (await rows.allInnerTexts()).join('\n');
          return ['unclosed-annotation', 'broken-turn', 'label-variant', 'empty-turn'].every((code) => text.includes(code)) ? true : undefined;
        },
        30000,
      );
      await screenshot(p, 'readme-problems');
    });

    await check('README screenshot: the quick fix "Label as ANA RUIZ" on the unidentified speaker', async () => {
      await p.locator('.editor-instance .monaco-editor .view-lines').click();
      await runCommand(p, 'Go to Line/Column...');
      await p.keyboard.type('22:4');
      await p.keyboard.press('Enter');
      await p.waitForTimeout(500);
      await p.keyboard.press('Control+.');
      const fix = p.locator('.action-widget', { hasText: 'ANA RUIZ' });
      await fix.waitFor({ state: 'visible', timeout: 30000 });
      await screenshot(p, 'readme-quick-fix');
      await p.keyboard.press('Escape');
    });

    await check('the Get Started walkthrough shows its five steps', async () => {
      // The walkthrough's media column needs the width the panel and the side bar take.
      await runCommand(p, 'View: Toggle Panel Visibility');
      await runCommand(p, 'View: Toggle Primary Side Bar Visibility');
      await runCommand(p, 'Welcome: Open Walkthrough...');
      const choice = p.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Verbatim' }).first();
      await choice.waitFor({ state: 'visible', timeout: 15000 });
      await choice.click();
      const titles = ['Open the sample transcript', 'Navigate by speaker', 'Fix a flagged problem', 'Turn on fix-all on save', 'Run the command-line checker'];
      await waitFor(
        'the walkthrough steps',
        async () => {
          const text = await p.locator('.gettingStartedContainer').innerText({ timeout: 1000 });
          return titles.every((title) => text.includes(title)) ? true : undefined;
        },
        30000,
      );
      // The first step's media, a Markdown page, is rendered beside the steps (in a webview's frame).
      await waitFor(
        "the first step's media",
        async () => {
          for (const frame of p.frames()) {
            const text = await frame.evaluate(() => String((globalThis as any).document?.body?.innerText ?? '')).catch(() => '');
            if (text.includes('Riverton Town Council')) return true;
          }
          return undefined;
        },
        30000,
      );
      await p.waitForTimeout(1000);
      await screenshot(p, 'readme-walkthrough');
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  const failed = checks.filter((c) => !c.ok);
  return {
    ok: failed.length === 0,
    summary: `${checks.length - failed.length} passed, ${failed.length} failed` + (failed.length ? `: ${failed.map((c) => c.name).join('; ')}` : ''),
  };
}
