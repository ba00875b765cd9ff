import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from '../../../server/store/keyset.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('are base64url text that reads back as the position it was made from', () => {
    const cursor = encodeCursor('invoices', { at: '2026-01-05', id: 'inv_abc' });
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor('invoices', cursor, datePattern), { at: '2026-01-05', id: 'inv_abc' });
  });

  const tampered: [string, string][] = [
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{{{').toString('base64url')],
    ['an object', encoded({ at: '2026-01-05', id: 'inv_abc' })],
    ['another list’s', encodeCursor('transactions', { at: '2026-01-05', id: 'inv_abc' })],
    ['a sort value of another shape', encoded(['invoices', '2026-01-05T00:00:00Z', 'inv_abc'])],
    ['an id with SQL in it', encoded(['invoices', '2026-01-05', "x' or '1'='1"])],
    ['a number for an id', encoded(['invoices', '2026-01-05', 7])],
    ['an extra element', encoded(['invoices', '2026-01-05', 'inv_abc', 'more'])],
  ];
  for (const [what, cursor] of tampered) {
    it(`refuse one that is ${what}`, () => {
      assert.equal(decodeCursor('invoices', cursor, datePattern), undefined);
    });
  }
});
