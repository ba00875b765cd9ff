import type { InvoiceSummary } from '../../contract/invoice.ts';
import type { InvoiceFilters } from '../store/invoice-history.ts';
import type { ListExport } from './export-columns.ts';
import { invoiceStatusLabel } from './labels.ts';

/** The invoice history export, PDF or spreadsheet. */
export const invoiceExport: ListExport<InvoiceSummary> = {
  title: 'Invoices',
  orientation: 'portrait',
  emptyMessage: 'No invoices match these filters.',
  columns: [
    { header: 'Number', kind: 'text', width: 16, value: (invoice) => invoice.number },
    { header: 'Issued', kind: 'date', width: 12, value: (invoice) => invoice.issuedAt },
    { header: 'Due', kind: 'date', width: 12, value: (invoice) => invoice.dueAt },
    { header: 'Status', kind: 'text', width: 10, value: invoiceStatusLabel },
    { header: 'Total', kind: 'money', width: 14, value: (invoice) => invoice.total },
    { header: 'Paid', kind: 'money', width: 14, value: (invoice) => invoice.amountPaid },
    { header: 'Amount due', kind: 'money', width: 14, value: (invoice) => invoice.amountDue },
    { header: 'Currency', kind: 'text', width: 10, value: (invoice) => invoice.currency },
  ],
};

const statusWords = { paid: 'paid', open: 'open', past_due: 'past due', void: 'void' } as const;

/** The filters in words for the export's title block, e.g. "Status: past due · Issued 2026-01-01 to 2026-06-30". */
export function describeInvoiceFilters(filters: InvoiceFilters): string {
  const parts: string[] = [];
  if (filters.status) parts.push(`Status: ${statusWords[filters.status]}`);
  if (filters.from && filters.to) parts.push(`Issued ${filters.from} to ${filters.to}`);
  else if (filters.from) parts.push(`Issued on or after ${filters.from}`);
  else if (filters.to) parts.push(`Issued on or before ${filters.to}`);
  if (filters.q) parts.push(`Number contains "${filters.q}"`);
  return parts.join(' · ');
}
