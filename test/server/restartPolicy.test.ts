// The client's answer to a crashed server: restart, but not forever.
import { strict as assert } from 'assert';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';

describe('restarting a crashed language server', () => {
  it('restarts up to four times within three minutes, then gives up', () => {
    const policy = new RestartPolicy();
    const decisions = Array.from({ length: MAX_RESTARTS + 1 }, (_, i) => policy.onCrash(1000 + i * 1000));
    assert.deepEqual(
      decisions.map((decision) => decision.restart),
      [true, true, true, true, false],
    );
    assert.deepEqual(decisions[MAX_RESTARTS], { restart: false, crashes: 5 });
  });

  it('forgets crashes older than the window: a server that crashes once an hour is always restarted', () => {
    const policy = new RestartPolicy();
    for (let hour = 0; hour < 10; hour++) assert.deepEqual(policy.onCrash(hour * 60 * 60 * 1000), { restart: true, attempt: 1 });
  });

  it('restarts again once the burst of crashes has aged out of the window', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < MAX_RESTARTS; i++) policy.onCrash(i);
    assert.equal(policy.onCrash(10).restart, false);
    assert.deepEqual(policy.onCrash(10 + RESTART_WINDOW_MS), { restart: true, attempt: 1 });
  });
});
