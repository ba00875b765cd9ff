import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import type { NoticeClaim } from './dunning-notices.ts';
import type { AccountLapseRow } from './schema.ts';

export const findLatestLapse = (db: PortalDb, customerId: string): Promise<AccountLapseRow | undefined> =>
  db
    .selectFrom('account_lapses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Opens a lapse unless one is open already (another run may open it at the same moment). */
export async function openLapse(db: PortalDb, customerId: string, now: string): Promise<void> {
  await db
    .insertInto('account_lapses')
    .values({ id: newId('lap'), customer_id: customerId, started_at: now, restored_at: null, claimed_at: null, sent_at: null, last_error: null })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Closes an open lapse and so claims its "access restored" notice; undefined when another run closed it first. */
export async function closeLapse(db: PortalDb, lapseId: string, now: string): Promise<NoticeClaim | undefined> {
  const result = await db
    .updateTable('account_lapses')
    .set({ restored_at: now, claimed_at: now, attempts: 1 })
    .where('id', '=', lapseId)
    .where('restored_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? { id: lapseId, attempts: 1 } : undefined;
}

/** Takes over a restored notice whose send failed or whose run vanished; undefined when another run took it first. */
export async function retakeLapseNotice(db: PortalDb, lapse: AccountLapseRow, now: string): Promise<NoticeClaim | undefined> {
  const attempts = lapse.attempts + 1;
  const result = await db
    .updateTable('account_lapses')
    .set({ claimed_at: now, attempts, last_error: null })
    .where('id', '=', lapse.id)
    .where('attempts', '=', lapse.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? { id: lapse.id, attempts } : undefined;
}

export async function markLapseNoticeSent(db: PortalDb, claim: NoticeClaim, at: string): Promise<void> {
  await db.updateTable('account_lapses').set({ sent_at: at }).where('id', '=', claim.id).execute();
}

export async function markLapseNoticeFailed(db: PortalDb, claim: NoticeClaim, error: string): Promise<void> {
  await db.updateTable('account_lapses').set({ last_error: error }).where('id', '=', claim.id).where('attempts', '=', claim.attempts).execute();
}

/** Accounts whose latest lapse is open or has an unsent notice: the run must look at them even with nothing owed. */
export async function listCustomersWithUnsettledLapses(db: PortalDb): Promise<string[]> {
  const rows = await db
    .selectFrom('account_lapses')
    .select('customer_id')
    .distinct()
    .where((eb) => eb.or([eb('restored_at', 'is', null), eb('sent_at', 'is', null)]))
    .execute();
  return rows.map((row) => row.customer_id);
}
