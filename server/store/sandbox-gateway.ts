import type { PortalDb } from './database.ts';
import type { SandboxChargeRow, SandboxRefundRow, SandboxTokenRow } from './schema.ts';

/** The key the sandbox's fingerprints are made with, generated when the database was created. */
export async function sandboxFingerprintSecret(db: PortalDb): Promise<string> {
  const row = await db.selectFrom('sandbox_secrets').select('value').where('name', '=', 'fingerprint').executeTakeFirstOrThrow();
  return row.value;
}

export async function insertSandboxToken(db: PortalDb, row: SandboxTokenRow): Promise<void> {
  await db.insertInto('sandbox_tokens').values(row).execute();
}

export async function findSandboxToken(db: PortalDb, token: string): Promise<SandboxTokenRow | undefined> {
  return db.selectFrom('sandbox_tokens').selectAll().where('token', '=', token).executeTakeFirst();
}

/**
 * Records a charge under its idempotency key unless one is recorded already, and answers the one
 * that stands: two calls with the same key, even at once on two nodes, leave one charge.
 */
export async function claimSandboxCharge(db: PortalDb, row: SandboxChargeRow): Promise<SandboxChargeRow> {
  await db
    .insertInto('sandbox_charges')
    .values(row)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .execute();
  return db.selectFrom('sandbox_charges').selectAll().where('idempotency_key', '=', row.idempotency_key).executeTakeFirstOrThrow();
}

export async function findSandboxCharge(db: PortalDb, reference: string): Promise<SandboxChargeRow | undefined> {
  return db.selectFrom('sandbox_charges').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function findSandboxRefund(db: PortalDb, idempotencyKey: string): Promise<SandboxRefundRow | undefined> {
  return db.selectFrom('sandbox_refunds').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/** What succeeded refunds have returned of a charge so far. */
export async function refundedAmount(db: PortalDb, chargeReference: string): Promise<number> {
  const row = await db
    .selectFrom('sandbox_refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('total'))
    .where('charge_reference', '=', chargeReference)
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function insertSandboxRefund(db: PortalDb, row: SandboxRefundRow): Promise<void> {
  await db.insertInto('sandbox_refunds').values(row).execute();
}
