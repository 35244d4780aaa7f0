// When a crashed language server is started again: at most `maxRestarts` times within `windowMs`,
// so a server that crashes on every start (on a file it cannot handle) does not loop forever.
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export type CrashDecision = { restart: true; attempt: number } | { restart: false; crashes: number };

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Records a crash at `now` (ms) and says whether to restart. */
  onCrash(now: number): CrashDecision {
    this.crashes = [...this.crashes.filter((time) => now - time < this.windowMs), now];
    return this.crashes.length <= this.maxRestarts ? { restart: true, attempt: this.crashes.length } : { restart: false, crashes: this.crashes.length };
  }
}
