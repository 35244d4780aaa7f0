import type { PhaseContext, PhaseResult } from '../runner';
export async function uiPhase(_ctx: PhaseContext): Promise<PhaseResult> {
  return { ok: false, summary: 'not written yet' };
}
