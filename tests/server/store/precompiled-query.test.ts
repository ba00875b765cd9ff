import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { PortalDb } from '../../../server/store/database.ts';
import { precompiledQuery } from '../../../server/store/precompiled-query.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe('a precompiled query', () => {
  let db: PortalDb;
  before(async () => {
    db = await openTestDatabase();
    const now = new Date().toISOString();
    for (const id of ['acme', 'globex', 'initech']) {
      await db
        .insertInto('customers')
        .values({ id, customer_key: `CK-${id}`, company_name: `${id} Inc.`, currency: id === 'acme' ? 'EUR' : 'USD', locale: 'en-US', created_at: now, updated_at: now })
        .execute();
    }
  });
  after(() => db.destroy());

  const byCurrency = precompiledQuery<{ currency: string; after: string }, { id: string }, 'all' | 'after'>((db, param, shape) => {
    let query = db.selectFrom('customers').select('id').where('currency', '=', param('currency')).where('locale', '=', 'en-US');
    if (shape === 'after') query = query.where('id', '>', param('after'));
    return query.orderBy('id');
  });

  it('binds the values of each call, keeping its own constants', async () => {
    assert.deepEqual(await byCurrency(db, { currency: 'USD', after: '' }, 'all'), [{ id: 'globex' }, { id: 'initech' }]);
    assert.deepEqual(await byCurrency(db, { currency: 'EUR', after: '' }, 'all'), [{ id: 'acme' }]);
  });

  it('compiles each shape of its own', async () => {
    assert.deepEqual(await byCurrency(db, { currency: 'USD', after: 'globex' }, 'after'), [{ id: 'initech' }]);
    assert.deepEqual(await byCurrency(db, { currency: 'USD', after: 'globex' }, 'all'), [{ id: 'globex' }, { id: 'initech' }]);
  });

  it('binds a value that looks like SQL as a value', async () => {
    assert.deepEqual(await byCurrency(db, { currency: "USD' or '1'='1", after: '' }, 'all'), []);
  });

  it('refuses a query that would write a parameter into its SQL text', async () => {
    const inlined = precompiledQuery<{ id: string }, { id: string }>((db, param) =>
      db.selectFrom('customers').select('id').where('id', '=', sql.raw<string>(`'${param('id')}'`)),
    );
    await assert.rejects(inlined(db, { id: 'acme' }), /instead of binding it/);
  });

  it('never sees the uncommitted writes of a transaction open on the same handle', async () => {
    const currencyOf = precompiledQuery<{ id: string }, { currency: string }>((db, param) =>
      db.selectFrom('customers').select('currency').where('id', '=', param('id')),
    );
    let readDuringTransaction: Promise<{ currency: string }[]> | undefined;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('customers').set({ currency: 'GBP' }).where('id', '=', 'globex').execute();
        readDuringTransaction = currencyOf(db, { id: 'globex' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.deepEqual(await readDuringTransaction, [{ currency: 'USD' }]);
    assert.deepEqual(await currencyOf(db, { id: 'globex' }), [{ currency: 'USD' }]);
  });
});
