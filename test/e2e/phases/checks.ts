// The named checks of a browser phase: each runs in turn, is logged with its time, and a failed one
// leaves a screenshot of the page it failed on.
import type { Page } from 'playwright-core';
import { log, screenshot } from '../harness';

export interface Check {
  name: string;
  ok: boolean;
  pending?: string;
  error?: string;
}

/** A list of checks and the function that runs one; `page` gives the page to photograph on failure. */
export function checkList(phase: string, page: () => Page | undefined): { checks: Check[]; check: (name: string, fn: () => Promise<void>) => Promise<void> } {
  const checks: Check[] = [];
  const check = async (name: string, fn: () => Promise<void>) => {
    const started = Date.now();
    try {
      await fn();
      checks.push({ name, ok: true });
      log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error);
      checks.push({ name, ok: false, error: message });
      const current = page();
      if (current) await screenshot(current, `${phase}-failed-${checks.length}`).catch(() => undefined);
      log(`  ✗ FAILED ${name}: ${message}`);
    }
  };
  return { checks, check };
}
