import type { Invoice } from '../../contract/invoice.ts';
import { addDays } from '../domain/calendar.ts';
import { newId } from '../ids.ts';
import { type NewTransaction, recordTransaction } from '../store/transactions.ts';
import type { SeedContext } from './demo-account.ts';

export interface LedgerEntry {
  kind: NewTransaction['kind'];
  amount: number;
  methodLabel: string;
  failureReason?: string;
  /** Money taken but not applied to the invoice, such as a duplicate charge. */
  isOnAccount?: boolean;
}

const referencePrefixes: Record<NewTransaction['kind'], string> = {
  payment: 'ch',
  failed_payment: 'ch',
  refund: 're',
  credit: 'cn',
};

/** Records an account's money movements the way the payments flow will, dated relative to an invoice. */
export function ledger({ db, clock }: SeedContext, customerId: string, currency: string) {
  return (invoice: Invoice, daysAfterIssue: number, entry: LedgerEntry) =>
    recordTransaction(db, {
      customerId,
      currency,
      kind: entry.kind,
      status: entry.kind === 'failed_payment' ? 'failed' : 'succeeded',
      amount: entry.amount,
      methodLabel: entry.methodLabel,
      reference: newId(referencePrefixes[entry.kind]),
      failureReason: entry.failureReason ?? null,
      occurredAt: clock.moveTo(addDays(invoice.issuedAt, daysAfterIssue)),
      allocations: entry.kind === 'refund' || entry.isOnAccount ? [] : [{ invoiceId: invoice.id, amount: entry.amount }],
    });
}

export type Ledger = ReturnType<typeof ledger>;
