import type { Address } from '../../contract/address.ts';
import type { InvoiceDetail } from '../../contract/invoice.ts';
import { calendarDate } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import type { InvoiceDocument } from '../documents/invoice-pdf.ts';
import { isPastDue } from '../domain/past-due.ts';
import { findCustomerRecord, toCustomer } from '../store/customers.ts';
import type { PortalDb } from '../store/database.ts';
import { listInvoicePayments } from '../store/invoice-history.ts';
import { findInvoice } from '../store/invoices.ts';
import type { CustomerRow } from '../store/schema.ts';
import { listSubscriptions } from '../store/subscriptions.ts';

// Where the postal code follows the city on the same line, as in "Springfield, IL 62701".
const postalCodeAfterCity = new Set(['US', 'CA', 'AU', 'GB', 'IE', 'NZ']);

function addressLines(address: Address | null, locale: string): string[] {
  if (!address) return [];
  const place = postalCodeAfterCity.has(address.country)
    ? [[address.city, address.region].filter(Boolean).join(', '), address.postalCode].filter(Boolean).join(' ')
    : [[address.postalCode, address.city].filter(Boolean).join(' '), address.region].filter(Boolean).join(', ');
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(address.country) ?? address.country;
  return [address.line1, address.line2, place, country].filter((line): line is string => !!line);
}

/** The account's invoice with its lines, whether it is past due, and the payments applied; undefined if it has none with this id. */
export async function loadInvoiceDetail(db: PortalDb, customerId: string, invoiceId: string, now: Date): Promise<InvoiceDetail | undefined> {
  const invoice = await findInvoice(db, customerId, invoiceId);
  if (!invoice) return undefined;
  return {
    ...invoice,
    isPastDue: isPastDue(invoice, calendarDate(now)),
    payments: await listInvoicePayments(db, invoice.id),
  };
}

/**
 * The payment terms an invoice was issued under: those of the subscription running on its issue
 * date (the latest started by then), else of the account's first subscription; null without one.
 */
async function paymentTermsFor(db: PortalDb, customerId: string, issuedAt: string): Promise<string | null> {
  const subscriptions = await listSubscriptions(db, customerId);
  const running = subscriptions.filter((subscription) => subscription.startsAt <= issuedAt).at(-1);
  return (running ?? subscriptions[0])?.paymentTerms ?? null;
}

/** What the invoice PDF shows; undefined when the account has no invoice with this id. */
export async function loadInvoiceDocument(
  deps: { db: PortalDb; vendor: PortalConfig['vendor'] },
  customer: CustomerRow,
  invoiceId: string,
  now: Date,
): Promise<InvoiceDocument | undefined> {
  const invoice = await loadInvoiceDetail(deps.db, customer.id, invoiceId, now);
  const record = await findCustomerRecord(deps.db, customer.id);
  if (!invoice || !record) return undefined;
  const current = toCustomer(record);
  return {
    vendor: deps.vendor,
    customer: {
      companyName: current.companyName,
      addressLines: addressLines(current.address, current.locale),
      customerKey: current.customerKey,
      billingContact: current.billingContact && { name: current.billingContact.name, email: current.billingContact.email },
    },
    invoice,
    paymentTerms: await paymentTermsFor(deps.db, customer.id, invoice.issuedAt),
    locale: current.locale,
    createdAt: now,
  };
}
