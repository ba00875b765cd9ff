import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProblemError } from '../../../server/errors.ts';
import { createExportQueue } from '../../../server/http/export-queue.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the export queue', () => {
  it('runs one export at a time, in the order they came', async () => {
    const queue = createExportQueue({ maxWaiting: 10 });
    const events: string[] = [];
    let running = 0;
    const job = (name: string) =>
      queue.run(async () => {
        running += 1;
        events.push(`start ${name} (${running} running)`);
        await tick();
        running -= 1;
        events.push(`end ${name}`);
        return name;
      });
    assert.deepEqual(await Promise.all([job('a'), job('b'), job('c')]), ['a', 'b', 'c']);
    assert.deepEqual(events, ['start a (1 running)', 'end a', 'start b (1 running)', 'end b', 'start c (1 running)', 'end c']);
  });

  it('goes on after an export fails', async () => {
    const queue = createExportQueue({ maxWaiting: 10 });
    const failing = queue.run(async () => {
      throw new Error('broken');
    });
    const next = queue.run(async () => 'done');
    await assert.rejects(failing, /broken/);
    assert.equal(await next, 'done');
  });

  it('refuses a new export with a 503 once the set number are waiting', async () => {
    const queue = createExportQueue({ maxWaiting: 2 });
    let release = () => {};
    const running = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    await tick();
    const waiting = [queue.run(async () => 1), queue.run(async () => 2)];
    assert.throws(
      () => queue.run(async () => 3),
      (error) => error instanceof ProblemError && error.status === 503 && error.headers['Retry-After'] === '60',
    );
    release();
    await running;
    assert.deepEqual(await Promise.all(waiting), [1, 2]);
    assert.equal(await queue.run(async () => 4), 4);
  });
});
