import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';

export interface AuditEntry {
  customerId: string;
  /** Who did it: a user's sub, or "admin-api" for the vendor's systems. */
  actor: string;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  at: string;
}

export async function recordAudit(db: PortalDb, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      customer_id: entry.customerId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: entry.at,
    })
    .execute();
}
