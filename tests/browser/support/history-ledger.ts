import { Invoice } from '../../../contract/invoice.ts';
import type { PortalDb } from '../../../server/index.ts';
import { type NewTransaction, recordTransaction } from '../../../server/store/transactions.ts';
import { unpaidCount, vandelay, vandelayInvoices } from './history-account.ts';

const day = 24 * 60 * 60 * 1000;
const visa = 'Visa ·· 4242';

/**
 * Issues vandelay's invoices through the admin API and records its year of transactions straight
 * into the database, as the demo seed does: a card payment a week after each paid invoice, and
 * around them a declined attempt, a credit, and a duplicate charge refunded two days later.
 */
export async function provisionHistory(origin: string, adminApiKey: string, db: PortalDb): Promise<void> {
  const issued: Invoice[] = [];
  for (const invoice of vandelayInvoices()) {
    const response = await fetch(`${origin}/admin/v1/customers/${vandelay.id}/invoices`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminApiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(invoice),
    });
    if (!response.ok) throw new Error(`Issuing ${invoice.number} answered ${response.status}: ${await response.text()}`);
    issued.push(Invoice.parse(await response.json()));
  }
  const record = (invoice: Invoice, daysAfterIssue: number, entry: Pick<NewTransaction, 'kind' | 'amount' | 'methodLabel'> & Partial<NewTransaction>) =>
    recordTransaction(db, {
      customerId: vandelay.id,
      currency: vandelay.currency,
      status: entry.kind === 'failed_payment' ? 'failed' : 'succeeded',
      reference: `${entry.kind === 'refund' ? 're' : entry.kind === 'credit' ? 'cn' : 'ch'}_${invoice.number}_${daysAfterIssue}`,
      occurredAt: new Date(Date.parse(`${invoice.issuedAt}T12:00:00Z`) + daysAfterIssue * day).toISOString(),
      allocations: entry.kind === 'refund' || entry.kind === 'failed_payment' ? [] : [{ invoiceId: invoice.id, amount: entry.amount }],
      ...entry,
    });
  for (const invoice of issued.slice(0, -unpaidCount)) {
    const byCard = { kind: 'payment', amount: invoice.total, methodLabel: visa } as const;
    switch (invoice.number) {
      case 'VA-0100':
        await record(invoice, 5, { kind: 'failed_payment', amount: invoice.total, methodLabel: 'Mastercard ·· 4444', failureReason: 'Insufficient funds.' });
        break;
      case 'VA-0090':
        await record(invoice, 2, { kind: 'credit', amount: 1000, methodLabel: null });
        await record(invoice, 7, { ...byCard, amount: invoice.total - 1000 });
        continue;
      case 'VA-0080':
        // Charged again the next day by mistake; the charge went back two days later.
        await record(invoice, 8, { ...byCard, allocations: [] });
        await record(invoice, 10, { ...byCard, kind: 'refund' });
        break;
    }
    await record(invoice, 7, byCard);
  }
}
