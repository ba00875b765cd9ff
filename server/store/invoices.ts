import type { Invoice, InvoiceCreate } from '../../contract/invoice.ts';
import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';
import { inTransaction } from './in-transaction.ts';
import type { InvoiceLineRow, InvoiceRow } from './schema.ts';

/** Next value of a named counter, inside the caller's transaction. */
async function nextCounterValue(db: PortalDb, name: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((conflict) => conflict.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export const invoiceNumberTaken = async (db: PortalDb, number: string): Promise<boolean> =>
  (await db.selectFrom('invoices').select('id').where('number', '=', number).executeTakeFirst()) !== undefined;

/** Stores an invoice and its lines; generates INV-000123 when no number is given. */
export async function insertInvoice(
  db: PortalDb,
  customerId: string,
  currency: string,
  invoice: InvoiceCreate,
  now: string,
): Promise<string> {
  const id = newId('inv');
  const lines = invoice.lines.map((line, position) => ({
    id: newId('inl'),
    invoice_id: id,
    position,
    description: line.description,
    quantity: line.quantity,
    unit_amount: line.unitAmount,
    amount: line.quantity * line.unitAmount,
  }));
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  await inTransaction(db, async (trx) => {
    let number = invoice.number;
    while (!number) {
      const candidate = `INV-${String(await nextCounterValue(trx, 'invoice_number')).padStart(6, '0')}`;
      if (!(await invoiceNumberTaken(trx, candidate))) number = candidate;
    }
    await trx
      .insertInto('invoices')
      .values({
        id,
        customer_id: customerId,
        number,
        status: 'open',
        issued_at: invoice.issuedAt,
        due_at: invoice.dueAt,
        currency,
        subtotal,
        tax: invoice.taxAmount,
        total: subtotal + invoice.taxAmount,
        paid_at: null,
        created_at: now,
      })
      .execute();
    await trx.insertInto('invoice_lines').values(lines).execute();
  });
  return id;
}

export async function findInvoice(db: PortalDb, customerId: string, invoiceId: string): Promise<Invoice | undefined> {
  const row = await db
    .selectFrom('invoices')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = await db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('position')
    .execute();
  return toInvoice(row, lines);
}

/** What is still owed on each open invoice, oldest due first. */
// Precompiled: the standing reads it on every request.
const amountsDueQuery = precompiledQuery<{ customerId: string }, Pick<InvoiceRow, 'due_at' | 'total' | 'amount_paid'>>((db, param) =>
  db
    .selectFrom('invoices')
    .select(['due_at', 'total', 'amount_paid'])
    .where('customer_id', '=', param('customerId'))
    .where('status', '=', 'open')
    .orderBy('due_at'),
);

export async function listAmountsDue(db: PortalDb, customerId: string): Promise<{ dueAt: string; amountDue: number }[]> {
  const rows = await amountsDueQuery(db, { customerId });
  return rows.map((row) => ({ dueAt: row.due_at, amountDue: row.total - row.amount_paid }));
}

/** What is still owed: nothing on a paid or void invoice. */
export const amountDueOf = (row: Pick<InvoiceRow, 'status' | 'total' | 'amount_paid'>) => (row.status === 'open' ? row.total - row.amount_paid : 0);

export function toInvoice(row: InvoiceRow, lines: InvoiceLineRow[]): Invoice {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    currency: row.currency,
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    amountPaid: row.amount_paid,
    amountDue: amountDueOf(row),
    lines: lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitAmount: line.unit_amount,
      amount: line.amount,
    })),
  };
}
