// The recording beside the transcript, in a real VS Code (code-server) and Chromium, which plays WAV:
// a generated two-minute WAV next to an invented transcript with a timestamp and an inaudible marker.
// The media element's own state is read from the panel's frame, so every check is what a user hears
// and sees. The expected estimate is computed here from the invented text, never asked of the server.
// Screenshots of the panel go to test-artifacts/e2e/recording-*.png.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { CodeServer, launchBrowser, log, newPage, runCommand, screenshot, sleep, waitFor } from '../harness';
import type { PhaseContext, PhaseResult } from '../runner';
import { checkList } from './checks';
import { writeWav } from '../wav';

const DURATION = 120;
const PRE_ROLL = 3; // the default of verbatim.recording.preRollSeconds
const VOCABULARY = ['library', 'budget', 'hours', 'weekend', 'children', 'reading', 'program', 'funding', 'members', 'community', 'open', 'evening'];

/** `count` invented words, deterministic. */
function speech(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => VOCABULARY[(i * 7 + seed) % VOCABULARY.length]).join(' ') + '.';
}

const LINES = [
  'RIVERSIDE LIBRARY BOARD',
  '',
  `>> CHAIR:  ${speech(20, 1)}`,
  '[00:01:00]',
  `>> TREASURER:  ${speech(20, 2)} (inaudible) ${speech(20, 3)}`,
  `>> CHAIR:  ${speech(20, 4)}`,
  '',
];
const TIMESTAMP_LINE = 3;
const INAUDIBLE_LINE = 4;

/**
 * The oracle: spoken words (labels and annotations left out) between the timestamp at 60 s and the
 * end of the recording, and before the inaudible marker: the estimate interpolates by words.
 */
function expectedInaudibleSeconds(): number {
  const wordsOf = (text: string) =>
    text
      .replace(/^>> [A-Z]+:/, '')
      .replace(/\(inaudible\)/g, '')
      .split(/\s+/)
      .filter((w) => /\w/.test(w)).length;
  const afterStamp = LINES.slice(TIMESTAMP_LINE + 1)
    .map(wordsOf)
    .reduce((a, b) => a + b, 0);
  const beforeMarker = wordsOf(LINES[INAUDIBLE_LINE].slice(0, LINES[INAUDIBLE_LINE].indexOf('(inaudible)')));
  return 60 + (beforeMarker / afterStamp) * (DURATION - 60);
}

interface MediaState {
  time: number;
  duration: number;
  paused: boolean;
  error: number | null;
  shown: string;
  message: string;
}

/** The frame of the recording panel (VS Code nests a webview's content two iframes deep). */
async function panelFrame(page: Page): Promise<Frame> {
  return waitFor(
    'the recording panel',
    async () => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => Boolean((globalThis as any).document.getElementById('media'))).catch(() => false);
        if (found) return frame;
      }
      return undefined;
    },
    30000,
  );
}

/** Waits until the media plays within `tolerance` seconds of `seconds`; a timeout says where it is. */
function playingNear(frame: Frame, what: string, seconds: number, tolerance: number): Promise<MediaState> {
  return waitFor(
    what,
    async () => {
      const state = await mediaState(frame);
      return !state.paused && Math.abs(state.time - seconds) < tolerance ? state : undefined;
    },
    15000,
  ).catch(async (error) => {
    throw new Error(`${String(error)}; media: ${JSON.stringify(await mediaState(frame))}`);
  });
}

function mediaState(frame: Frame): Promise<MediaState> {
  return frame.evaluate(() => {
    const document = (globalThis as any).document;
    const media = document.getElementById('media');
    return {
      time: media.currentTime,
      duration: media.duration,
      paused: media.paused,
      error: media.error ? media.error.code : null,
      shown: `${document.getElementById('position').textContent} / ${document.getElementById('duration').textContent}`,
      message: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent,
    };
  });
}

async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

/** The editor, not the panel, has the keyboard. */
async function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = (globalThis as any).document.activeElement;
    return Boolean(active && active.closest && active.closest('.monaco-editor') && !active.closest('.webview'));
  });
}

export async function recordingPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const server = new CodeServer(ctx.e2e, { name: 'recording', settings: { 'workbench.editor.enablePreview': false, 'verbatim.recording.pauseWhileTyping': true } });
  const installed = server.installExtension(ctx.vsix);
  if (!/successfully installed/i.test(installed)) return { ok: false, summary: `--install-extension failed: ${installed}` };
  const folder = path.join(ctx.runDir, 'ws-recording');
  fs.mkdirSync(folder, { recursive: true });
  const transcript = path.join(folder, 'board.cart');
  fs.writeFileSync(transcript, LINES.join('\n'));
  writeWav(path.join(folder, 'board.wav'), DURATION);
  const broken = path.join(folder, 'broken.cart');
  fs.writeFileSync(broken, '>> CHAIR:  This recording is damaged.\n');
  fs.writeFileSync(path.join(folder, 'broken.mp3'), Buffer.from('this is not audio at all '.repeat(400)));

  await server.start();
  const browser = await launchBrowser(ctx.e2e);
  let page: Page | undefined;
  const { checks, check } = checkList('recording', () => page);
  try {
    page = (await newPage(browser, path.join(server.dir, 'console.log'))).page;
    const p = page;
    let frame: Frame | undefined;
    await p.goto(server.workbenchUrl(folder, [['openFile', server.remoteUri(transcript)]]));
    await waitFor(
      'the transcript in the editor',
      async () => ((await p.locator('.tabs-container .tab.active').first().getAttribute('aria-label', { timeout: 1000 }))?.includes('board.cart') ? true : undefined),
      60000,
    );
    await waitFor(
      'the language server (Caption Transcript)',
      async () => ((await p.locator('[id="status.editor.mode"]').innerText({ timeout: 1000 })).includes('Caption Transcript') ? true : undefined),
      30000,
    );
    await p.locator('.monaco-editor .view-lines').first().click();

    await check('Verbatim: Open Recording opens board.wav beside the text with its duration; the keyboard stays in the text', async () => {
      await runCommand(p, 'Verbatim: Open Recording');
      frame = await panelFrame(p);
      const state = await waitFor(
        'the duration',
        async () => {
          const s = await mediaState(frame!);
          return Number.isFinite(s.duration) ? s : undefined;
        },
        30000,
      );
      log(`    media: ${JSON.stringify(state)}`);
      assert.ok(Math.abs(state.duration - DURATION) < 0.5, `duration ${state.duration}`);
      assert.ok(state.shown.endsWith('/ 00:02:00'), `the panel shows "${state.shown}"`);
      assert.ok(state.paused, 'it does not start by itself');
      assert.ok(await editorHasFocus(p), 'the editor still has the keyboard');
      await screenshot(p, 'recording-panel-open');
    });

    await check('Verbatim: Play Recording from Cursor on the [00:01:00] line plays from 60 s (Ctrl+Alt+Enter)', async () => {
      await goToLine(p, TIMESTAMP_LINE + 1, 1);
      await p.keyboard.press('Control+Alt+Enter');
      const state = await playingNear(frame!, 'playing near 60 s', 60, 1);
      log(`    media: ${JSON.stringify(state)}`);
      await sleep(700);
      const later = await mediaState(frame!);
      assert.ok(!later.paused && later.time > state.time, `time advances while playing: ${state.time} → ${later.time}`);
      await screenshot(p, 'recording-playing');
    });

    await check('Verbatim: Play/Pause Recording pauses it (Ctrl+Alt+P, from the editor)', async () => {
      assert.ok(await editorHasFocus(p), 'the editor has the keyboard');
      await p.keyboard.press('Control+Alt+p');
      const paused = await waitFor('paused', async () => ((await mediaState(frame!)).paused ? mediaState(frame!) : undefined), 10000);
      await sleep(500);
      const still = await mediaState(frame!);
      assert.ok(still.paused && Math.abs(still.time - paused.time) < 0.05, `stays paused at ${paused.time}`);
    });

    await check('the inaudible finding\'s "Play the recording here (≈ time)" seeks to the interpolated estimate', async () => {
      const expected = expectedInaudibleSeconds();
      await goToLine(p, INAUDIBLE_LINE + 1, LINES[INAUDIBLE_LINE].indexOf('(inaudible)') + 3);
      await p.keyboard.press('Control+.');
      const row = p.locator('.action-widget .monaco-list-row', { hasText: 'Play the recording here' }).first();
      await row.waitFor({ state: 'visible', timeout: 15000 });
      const title = (await row.innerText()).trim();
      await screenshot(p, 'recording-quick-fix');
      const [, h, m, s] = /≈ (\d\d):(\d\d):(\d\d)/.exec(title) ?? [];
      assert.ok(h, `a time in "${title}"`);
      const shown = Number(h) * 3600 + Number(m) * 60 + Number(s);
      log(`    "${title}"; expected ≈ ${expected.toFixed(1)} s`);
      assert.ok(Math.abs(shown - expected) <= 2, `the estimate ${shown} s is within 2 s of ${expected.toFixed(1)} s`);
      await row.click();
      const state = await playingNear(frame!, 'playing a few seconds before the estimate', expected - PRE_ROLL, 2);
      log(`    media: ${JSON.stringify(state)} (estimate ${expected.toFixed(1)} s less the ${PRE_ROLL} s pre-roll)`);
      await screenshot(p, 'recording-at-inaudible');
    });

    await check("Verbatim: Insert Timestamp writes the current time in the file's style (Ctrl+Alt+I)", async () => {
      await p.keyboard.press('Escape');
      await p.keyboard.press('Control+Alt+p');
      const paused = await waitFor('paused', async () => ((await mediaState(frame!)).paused ? mediaState(frame!) : undefined), 10000);
      const stamp = `[00:${String(Math.floor(paused.time / 60)).padStart(2, '0')}:${String(Math.floor(paused.time % 60)).padStart(2, '0')}]`;
      await p.keyboard.press('Control+End');
      await p.keyboard.press('Control+Alt+i');
      await sleep(800);
      await p.keyboard.press('Control+s');
      const saved = await waitFor(
        `${stamp} in the saved file`,
        () => (fs.readFileSync(transcript, 'utf8').includes(stamp) ? fs.readFileSync(transcript, 'utf8') : undefined),
        10000,
      ).catch((error) => {
        throw new Error(`${String(error)}; file ends with ${JSON.stringify(fs.readFileSync(transcript, 'utf8').slice(-60))}`);
      });
      assert.ok(saved.trimEnd().endsWith(stamp), `the timestamp stands at the cursor (end of file): ${JSON.stringify(saved.slice(-40))}`);
      log(`    inserted ${stamp} at ${paused.time.toFixed(2)} s`);
    });

    await check('follow along: while it plays, the cursor (and so the Outline and breadcrumbs) moves to the turn being said, and the Speakers view selects it', async () => {
      const speakersHeader = p.locator('.pane-header', { hasText: /^Speakers/ }).first();
      if ((await speakersHeader.getAttribute('aria-expanded')) === 'false') await speakersHeader.click();
      await runCommand(p, 'Verbatim: Toggle Follow Along');
      await goToLine(p, TIMESTAMP_LINE + 1, 1);
      await p.keyboard.press('Control+Alt+Enter');
      const cursor = p.locator('[id="status.editor.selection"]');
      const at = await waitFor(
        `the cursor on the TREASURER's turn (line ${INAUDIBLE_LINE + 1})`,
        async () => {
          const text = (await cursor.innerText({ timeout: 1000 })).trim();
          return text.startsWith(`Ln ${INAUDIBLE_LINE + 1},`) ? text : undefined;
        },
        15000,
      ).catch(async (error) => {
        throw new Error(`${String(error)}; status bar: ${await cursor.innerText().catch(() => '?')}; media: ${JSON.stringify(await mediaState(frame!))}`);
      });
      const speaker = await frame!.evaluate(() => (globalThis as any).document.getElementById('speaker').textContent as string);
      log(`    cursor: ${at}; the panel says speaking now: ${speaker}`);
      assert.ok(speaker.startsWith(`TREASURER (line ${INAUDIBLE_LINE + 1}, ≈ 00:01:0`), speaker);
      const speakersPane = p.locator('.pane', { has: p.locator('.pane-header', { hasText: /^Speakers/ }) });
      const selected = await waitFor(
        'the turn selected in the Speakers view',
        async () => {
          const rows = await speakersPane.locator('.monaco-list-row.selected .label-name').allInnerTexts();
          return rows.some((row) => row.trim() === `Line ${INAUDIBLE_LINE + 1}`) ? rows : undefined;
        },
        10000,
      ).catch(async (error) => {
        throw new Error(`${String(error)}; rows: ${JSON.stringify(await speakersPane.locator('.monaco-list-row').allInnerTexts())}`);
      });
      log(`    Speakers view selection: ${JSON.stringify(selected)}`);
      await screenshot(p, 'recording-follow-along');
      await runCommand(p, 'Verbatim: Toggle Follow Along');
    });

    await check('with verbatim.recording.pauseWhileTyping, typing pauses the recording and it resumes after a pause in typing', async () => {
      assert.ok(!(await mediaState(frame!)).paused, 'playing before typing');
      await p.keyboard.press('End');
      await p.keyboard.type(' and', { delay: 80 });
      const paused = await waitFor('paused by typing', async () => ((await mediaState(frame!)).paused ? true : undefined), 5000);
      const resumed = await waitFor('resumed after typing stopped', async () => (!(await mediaState(frame!)).paused ? true : undefined), 8000);
      assert.ok(paused && resumed);
      // Paused by hand and typing at once: it stays paused (typing resumes only what typing paused).
      await p.keyboard.press('Control+Alt+p');
      for (let i = 0; i < 4; i++) await p.keyboard.press('Backspace');
      await p.keyboard.press('Control+s');
      await sleep(2500);
      assert.ok((await mediaState(frame!)).paused, 'still paused after the typing pause is over');
    });

    await check('a timestamp in the text is a link: Ctrl+click on [00:01:00] plays from 60 s', async () => {
      await goToLine(p, TIMESTAMP_LINE + 1, 1); // scrolls the long line back to its start
      await p.keyboard.press('Control+Alt+,'); // Skip Back: away from 60 s first
      const before = await mediaState(frame!);
      assert.ok(before.paused && Math.abs(before.time - 60) > 2, `starts away from 60 s: ${JSON.stringify(before)}`);
      const link = p.locator('.monaco-editor .view-line span', { hasText: /^\[00:01:00\]$/ }).first();
      // A hover or notification left over from the steps before may lie over the editor: dismiss it and try again.
      for (let attempt = 1; ; attempt++) {
        await p.keyboard.press('Escape');
        const clicked = await link.click({ modifiers: ['Control'], timeout: 8000 }).then(
          () => true,
          (error: unknown) => (attempt < 3 ? false : Promise.reject(error)),
        );
        if (clicked) break;
      }
      const state = await playingNear(frame!, 'playing from 60 s', 60, 1.5);
      log(`    media: ${JSON.stringify(state)}`);
      await p.keyboard.press('Control+Alt+p');
    });

    await check('a file that cannot play says so in the panel and tells what to do (convert with ffmpeg)', async () => {
      await p.goto(server.workbenchUrl(folder, [['openFile', server.remoteUri(broken)]]));
      await waitFor(
        'broken.cart in the editor',
        async () => ((await p.locator('.tabs-container .tab.active').first().getAttribute('aria-label', { timeout: 1000 }))?.includes('broken.cart') ? true : undefined),
        60000,
      );
      await waitFor(
        'Caption Transcript',
        async () => ((await p.locator('[id="status.editor.mode"]').innerText({ timeout: 1000 })).includes('Caption Transcript') ? true : undefined),
        30000,
      );
      await runCommand(p, 'Verbatim: Open Recording');
      const brokenFrame = await waitFor(
        'the panel of broken.mp3',
        async () => {
          const f = await panelFrame(p);
          const name = await f.evaluate(() => (globalThis as any).document.getElementById('name').textContent).catch(() => '');
          return name === 'broken.mp3' ? f : undefined;
        },
        30000,
      );
      const state = await waitFor(
        'the media error',
        async () => {
          const s = await mediaState(brokenFrame);
          return s.error !== null && s.message ? s : undefined;
        },
        20000,
      );
      const toast = p.locator('.notification-toast', { hasText: /cannot play broken\.mp3/ });
      await toast.waitFor({ state: 'visible', timeout: 15000 });
      const text = await toast.innerText();
      await screenshot(p, 'recording-cannot-play');
      log(`    panel: ${JSON.stringify(state.message)}; notification: ${JSON.stringify(text.slice(0, 200))}`);
      assert.ok(/ffmpeg/.test(text) && /MP3 or WebM/.test(text), text);
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  const failed = checks.filter((c) => !c.ok);
  return {
    ok: failed.length === 0 && checks.length > 0,
    summary: `${checks.length - failed.length} passed, ${failed.length} failed` + (failed.length ? `: ${failed.map((c) => c.name).join('; ')}` : ''),
  };
}
