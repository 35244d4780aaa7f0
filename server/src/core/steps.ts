// Step-wise computations: generators that \`yield\` between bounded pieces of work, so that a server
// can run them between requests (the parse, the checks, the speaker summary) and a CLI in one go.

/** Drives a step-wise computation to its end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A value already at hand, as a computation of no steps. */
// eslint-disable-next-line require-yield -- a computation of no steps is the point
export function* noSteps<T>(value: T): Generator<void, T> {
  return value;
}
