import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeRateLimit } from '../../../server/store/rate-limits.ts';
import { openTestDatabase } from '../support/test-database.ts';

const setUp = () => openTestDatabase();

const limit = { bucket: 'payment:acme:u-1', limit: 3, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, seconds));

describe('takeRateLimit', () => {
  it('allows up to the limit within the window, then says how long to wait', async () => {
    const db = await setUp();
    for (const second of [0, 10, 20]) assert.equal(await takeRateLimit(db, limit, at(second)), 0);
    assert.equal(await takeRateLimit(db, limit, at(30)), 30);
    assert.equal(await takeRateLimit(db, limit, at(59)), 1);
  });

  it('allows again once the oldest attempt leaves the window, and refused attempts do not count', async () => {
    const db = await setUp();
    for (const second of [0, 10, 20]) await takeRateLimit(db, limit, at(second));
    await takeRateLimit(db, limit, at(30));
    assert.equal(await takeRateLimit(db, limit, at(60)), 0);
    assert.equal(await takeRateLimit(db, limit, at(61)), 9);
  });

  it('counts each bucket on its own', async () => {
    const db = await setUp();
    for (const second of [0, 1, 2]) await takeRateLimit(db, limit, at(second));
    assert.equal(await takeRateLimit(db, { ...limit, bucket: 'payment:acme:u-2' }, at(3)), 0);
  });
});
