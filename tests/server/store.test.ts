import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openSqliteDatabase } from '../../server/store/database.ts';
import { migrateToLatest, migrationNames } from '../../server/store/migrate.ts';
import { openTestDatabase } from './support/test-database.ts';

describe('the embedded database', () => {
  it('is created on first open, in WAL mode with foreign keys on, and migrates once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portal-store-'));
    const file = join(folder, 'nested', 'portal.db');
    try {
      const db = openSqliteDatabase(file);
      await migrateToLatest(db);
      await migrateToLatest(db);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      assert.equal(journal.rows[0]!.journal_mode, 'wal');
      assert.equal(foreignKeys.rows[0]!.foreign_keys, 1);
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      assert.deepEqual(applied.rows.map((row) => row.name), migrationNames);
      assert.deepEqual([...migrationNames].sort(), migrationNames, 'names sort in the order they apply');
      await assert.rejects(
        db.insertInto('users').values({ id: 'u', customer_id: 'missing', subject: 's', name: null, email: null, created_at: '', last_seen_at: null }).execute(),
        /FOREIGN KEY/,
      );
      await db.destroy();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps one Site Admin per account', async () => {
    const db = await openTestDatabase();
    const now = new Date().toISOString();
    await db.insertInto('customers').values({ id: 'c', customer_key: 'CK-1', company_name: 'C', currency: 'USD', locale: 'en-US', created_at: now, updated_at: now }).execute();
    const user = (id: string) => ({ id, customer_id: 'c', subject: id, name: null, email: null, is_site_admin: 1 as const, created_at: now, last_seen_at: null });
    await db.insertInto('users').values(user('a')).execute();
    await assert.rejects(db.insertInto('users').values(user('b')).execute(), /UNIQUE|unique constraint/);
    await db.destroy();
  });
});
