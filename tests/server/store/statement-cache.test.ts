import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../../../server/store/statement-cache.ts';

function countingDatabase() {
  const database = new SQLite(':memory:');
  let prepared = 0;
  const prepare = database.prepare.bind(database);
  database.prepare = ((sql: string) => {
    prepared += 1;
    return prepare(sql);
  }) as typeof database.prepare;
  return { database, prepared: () => prepared };
}

describe('the statement cache', () => {
  it('prepares each SQL text once and answers the same statement after', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database);
    const first = cached.prepare('select ? as value');
    assert.equal(cached.prepare('select ? as value'), first);
    assert.deepEqual(first.all([7]), [{ value: 7 }]);
    assert.equal(prepared(), 1);
  });

  it('holds at most its bound, dropping the least recently used statement', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1');
    cached.prepare('select 3');
    assert.equal(prepared(), 3);
    cached.prepare('select 1');
    assert.equal(prepared(), 3);
    cached.prepare('select 2');
    assert.equal(prepared(), 4);
  });
});
