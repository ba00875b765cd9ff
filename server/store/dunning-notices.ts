import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import type { DunningNoticeRow } from './schema.ts';

/** A claim this run holds: the row and the attempt it is on. */
export interface NoticeClaim {
  id: string;
  attempts: number;
}

export const findDunningNotice = (db: PortalDb, invoiceId: string, step: string): Promise<DunningNoticeRow | undefined> =>
  db.selectFrom('dunning_notices').selectAll().where('invoice_id', '=', invoiceId).where('step', '=', step).executeTakeFirst();

/** Claims an invoice's notice by inserting its row; undefined when another run inserted it first. */
export async function claimDunningNotice(db: PortalDb, invoiceId: string, step: string, now: string): Promise<NoticeClaim | undefined> {
  const id = newId('dun');
  const result = await db
    .insertInto('dunning_notices')
    .values({ id, invoice_id: invoiceId, step, claimed_at: now, sent_at: null, attempts: 1, last_error: null })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n ? { id, attempts: 1 } : undefined;
}

/** Takes over a claim whose send failed or whose run vanished; undefined when another run took it first. */
export async function retakeDunningNotice(db: PortalDb, notice: DunningNoticeRow, now: string): Promise<NoticeClaim | undefined> {
  const attempts = notice.attempts + 1;
  const result = await db
    .updateTable('dunning_notices')
    .set({ claimed_at: now, attempts, last_error: null })
    .where('id', '=', notice.id)
    .where('attempts', '=', notice.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? { id: notice.id, attempts } : undefined;
}

export async function markDunningNoticeSent(db: PortalDb, claim: NoticeClaim, at: string): Promise<void> {
  await db.updateTable('dunning_notices').set({ sent_at: at }).where('id', '=', claim.id).execute();
}

export async function markDunningNoticeFailed(db: PortalDb, claim: NoticeClaim, error: string): Promise<void> {
  await db.updateTable('dunning_notices').set({ last_error: error }).where('id', '=', claim.id).where('attempts', '=', claim.attempts).execute();
}
