import type { CustomerCreate } from '../../../contract/admin.ts';
import type { InvoiceCreate } from '../../../contract/invoice.ts';

/** For <portal-invoices> and <portal-transactions>: a year of invoices, and of transactions of every kind (history-ledger.ts). */
export const vandelay = {
  id: 'vandelay',
  companyName: 'Vandelay Industries',
  currency: 'USD',
  locale: 'en-US',
  billingContact: { name: 'H. E. Pennypacker', email: 'billing@vandelay.test' },
  siteAdmin: { sub: 'vandelay-admin', name: 'Art Vandelay', email: 'art@vandelay.test' },
} satisfies CustomerCreate;

const day = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString().slice(0, 10);

/** How many invoices vandelay has, and how many of the newest are unpaid: five past due, then ten not due yet. */
export const invoiceCount = 120;
export const unpaidCount = 15;

/**
 * VA-0001 to VA-0120, one every third day until three days ago, each due 30 days after issue. The
 * test server pays all but the newest fifteen: the five before the newest ten are past due.
 */
export const vandelayInvoices = (): InvoiceCreate[] =>
  Array.from({ length: invoiceCount }, (_, index) => {
    const issuedDaysAgo = 3 * (invoiceCount - index);
    const seats = (index % 4) + 1;
    return {
      number: `VA-${String(index + 1).padStart(4, '0')}`,
      issuedAt: daysAgo(issuedDaysAgo),
      dueAt: daysAgo(issuedDaysAgo - 30),
      taxAmount: (4900 + seats * 1000) / 10,
      lines: [
        { description: 'Pro plan', quantity: 1, unitAmount: 4900 },
        { description: 'Extra seats', quantity: seats, unitAmount: 1000 },
      ],
    };
  });
