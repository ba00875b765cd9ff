import * as z from 'zod';
import { dateRangeQuery, disorderedRange, ExportFormat, isOrderedRange, listOf, pageQuery } from './common.ts';

export const TransactionKind = z.enum(['payment', 'failed_payment', 'refund', 'credit']);
export type TransactionKind = z.infer<typeof TransactionKind>;

export const TransactionStatus = z.enum(['pending', 'succeeded', 'failed']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

const transactionFilters = {
  kind: TransactionKind.optional(),
  ...dateRangeQuery,
};

/** GET /v1/transactions query string; `from` and `to` are UTC calendar dates of occurredAt. */
export const TransactionListQuery = z.strictObject({ ...transactionFilters, ...pageQuery }).refine(isOrderedRange, disorderedRange);
export type TransactionListQuery = z.infer<typeof TransactionListQuery>;

/** GET /v1/transactions/export query string: the list's filters and the file format. */
export const TransactionExportQuery = z.strictObject({ ...transactionFilters, format: ExportFormat }).refine(isOrderedRange, disorderedRange);
export type TransactionExportQuery = z.infer<typeof TransactionExportQuery>;

/** A money movement on the account: payments, failed attempts, refunds and credits. */
export const Transaction = z
  .object({
    id: z.string(),
    kind: TransactionKind,
    status: TransactionStatus,
    amount: z.int().describe('Always positive: the kind says which way the money went.'),
    currency: z.string(),
    methodLabel: z.string().nullable().describe('e.g. "Visa ·· 4242"; null for a credit.'),
    reference: z.string().describe('The processor’s reference.'),
    failureReason: z.string().nullable().describe('Why a failed payment failed, in plain words.'),
    occurredAt: z.string(),
    invoices: z
      .array(z.object({ id: z.string(), number: z.string(), amount: z.int() }))
      .describe('The invoices it pays (or, for a failed payment, was meant to pay), oldest due first.'),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.infer<typeof Transaction>;

export const TransactionList = listOf(Transaction).meta({ id: 'TransactionList' });
export type TransactionList = z.infer<typeof TransactionList>;
