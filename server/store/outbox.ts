import type { PortalDb } from './database.ts';
import type { OutboxRow } from './schema.ts';

export async function insertOutboxMessage(db: PortalDb, row: OutboxRow): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}
