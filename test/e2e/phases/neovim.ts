import type { PhaseContext, PhaseResult } from '../runner';
export async function neovimPhase(_ctx: PhaseContext): Promise<PhaseResult> {
  return { ok: false, summary: 'not written yet' };
}
