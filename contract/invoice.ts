import * as z from 'zod';
import { CalendarDate, MinorAmount } from './common.ts';

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
