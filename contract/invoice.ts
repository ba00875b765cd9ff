import * as z from 'zod';
import { CalendarDate, dateRangeQuery, disorderedRange, ExportFormat, isOrderedRange, listOf, MinorAmount, pageQuery } from './common.ts';

export const InvoiceLineCreate = z.strictObject({
  description: z.string().trim().min(1).max(300),
  quantity: z.int().min(1).max(1_000_000),
  unitAmount: MinorAmount,
});

/** Admin API body: POST /admin/v1/customers/{id}/invoices */
export const InvoiceCreate = z
  .strictObject({
    number: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-/]{0,39}$/, 'Use letters, digits, "-" and "/" (at most 40).')
      .optional()
      .describe('Generated (INV-000123) when absent.'),
    issuedAt: CalendarDate,
    dueAt: CalendarDate,
    taxAmount: MinorAmount.min(0).default(0),
    lines: z.array(InvoiceLineCreate).min(1, 'An invoice needs at least one line.').max(500),
  })
  .refine((invoice) => invoice.dueAt >= invoice.issuedAt, {
    path: ['dueAt'],
    message: 'The due date cannot be before the issue date.',
  })
  .meta({ id: 'InvoiceCreate' });
export type InvoiceCreate = z.infer<typeof InvoiceCreate>;

export const InvoiceStatus = z.enum(['open', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const InvoiceLine = z.object({
  description: z.string(),
  quantity: z.int(),
  unitAmount: z.int(),
  amount: z.int(),
});

export const Invoice = z
  .object({
    id: z.string(),
    number: z.string(),
    status: InvoiceStatus,
    issuedAt: z.string(),
    dueAt: z.string(),
    currency: z.string(),
    subtotal: z.int(),
    tax: z.int(),
    total: z.int(),
    amountPaid: z.int(),
    amountDue: z.int(),
    lines: z.array(InvoiceLine),
  })
  .meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof Invoice>;

/** The status filter of the invoice history: as stored, or `past_due` for the open ones past their due date. */
export const InvoiceStatusFilter = z.enum(['paid', 'open', 'past_due', 'void']);
export type InvoiceStatusFilter = z.infer<typeof InvoiceStatusFilter>;

const invoiceFilters = {
  status: InvoiceStatusFilter.optional().describe('paid, open (past due ones included), past_due (open and due before today) or void.'),
  ...dateRangeQuery,
  q: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-/]{1,40}$/, 'Search by invoice number: letters, digits, "-" and "/" (at most 40).')
    .optional()
    .describe('Part of the invoice number, any case: "1234" finds INV-001234.'),
};

/** GET /v1/invoices query string. */
export const InvoiceListQuery = z.strictObject({ ...invoiceFilters, ...pageQuery }).refine(isOrderedRange, disorderedRange);
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

/** GET /v1/invoices/export query string: the list's filters and the file format. */
export const InvoiceExportQuery = z.strictObject({ ...invoiceFilters, format: ExportFormat }).refine(isOrderedRange, disorderedRange);
export type InvoiceExportQuery = z.infer<typeof InvoiceExportQuery>;

const isPastDue = z.boolean().describe('Open, something still due, and the due date is before today.');

/** A row of the invoice history. */
export const InvoiceSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    status: InvoiceStatus,
    isPastDue,
    issuedAt: z.string(),
    dueAt: z.string(),
    currency: z.string(),
    total: z.int(),
    amountPaid: z.int(),
    amountDue: z.int(),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceList = listOf(InvoiceSummary).meta({ id: 'InvoiceList' });
export type InvoiceList = z.infer<typeof InvoiceList>;

/** Money applied to an invoice: a succeeded payment or a credit. */
export const InvoicePayment = z
  .object({
    transactionId: z.string(),
    kind: z.enum(['payment', 'credit']),
    occurredAt: z.string(),
    amount: z.int().describe('The part of the transaction applied to this invoice.'),
    methodLabel: z.string().nullable().describe('e.g. "Visa ·· 4242"; null for a credit.'),
  })
  .meta({ id: 'InvoicePayment' });
export type InvoicePayment = z.infer<typeof InvoicePayment>;

/** GET /v1/invoices/{id}: the invoice with its lines and the payments applied to it. */
export const InvoiceDetail = Invoice.extend({ isPastDue, payments: z.array(InvoicePayment) }).meta({ id: 'InvoiceDetail' });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;
