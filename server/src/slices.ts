// One queue for every piece of work the server does in slices (the analysis of a large document,
// fix-all, formatting, statistics, encoding a large answer, the warm-up, requests waiting for an
// analysis): one slice runs per event-loop turn, and incoming messages are read between turns.
// Each job scheduling its own `setImmediate` let the slices of every job waiting at that moment run
// back to back in one turn: three jobs of 15 ms held the loop for 45 ms and more.

const waiting: (() => void)[] = [];
let turnScheduled = false;

/** Runs `slice` in an event-loop turn of its own, after the slices queued before it. */
export function nextSlice(slice: () => void): void {
  waiting.push(slice);
  scheduleTurn();
}

/** Resolves in an event-loop turn of its own, in order with the other slices. */
export function ownTurn(): Promise<void> {
  return new Promise((resolve) => nextSlice(resolve));
}

function runOneSlice(): void {
  turnScheduled = false;
  const slice = waiting.shift();
  // The next turn is asked for first: a slice that throws (a bug) must not stall the others.
  if (waiting.length > 0) scheduleTurn();
  slice?.();
}

function scheduleTurn(): void {
  if (!turnScheduled) {
    turnScheduled = true;
    setImmediate(runOneSlice);
  }
}
