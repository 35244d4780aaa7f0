// The server's one queue of slices: whatever number of jobs run in slices, one slice runs per
// event-loop turn, so the loop reads messages between any two of them.
import { strict as assert } from 'assert';
import { nextSlice, ownTurn } from '../../server/src/slices';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // holding the event loop, as a slice of analysis does
  }
}

describe('slices', () => {
  it('runs the slices of several jobs one per event-loop turn, in turn', async () => {
    const ran: string[] = [];
    const timersSeen: number[] = [];
    let timers = 0;
    // A timer fires in the loop's timers phase: between two turns, never inside one.
    const tick = setInterval(() => timers++, 0);
    await new Promise<void>((resolve) => {
      let open = 3;
      for (const job of ['a', 'b', 'c']) {
        let left = 3;
        const slice = () => {
          ran.push(job);
          timersSeen.push(timers);
          busy(4);
          if (--left > 0) nextSlice(slice);
          else if (--open === 0) resolve();
        };
        nextSlice(slice);
      }
    });
    clearInterval(tick);
    assert.deepEqual(ran.join(''), 'abcabcabc', 'the jobs take turns');
    // The 1 ms timer fired between every two slices (4 ms each): no two ran in the same turn.
    const sameTurn = timersSeen.filter((seen, index) => index > 0 && seen === timersSeen[index - 1]);
    assert.deepEqual(sameTurn, [], `timer ticks seen by each slice: ${timersSeen.join(',')}`);
  });

  it('keeps going after a slice that throws', async () => {
    const ran: string[] = [];
    const failures: unknown[] = [];
    const onUncaught = (error: unknown) => failures.push(error);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    try {
      nextSlice(() => {
        throw new Error('a bug in a slice');
      });
      nextSlice(() => ran.push('after'));
      await ownTurn();
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      for (const listener of listeners) process.on('uncaughtException', listener);
    }
    assert.deepEqual(ran, ['after']);
    assert.equal(failures.length, 1);
  });
});
