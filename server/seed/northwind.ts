import { AccessUser } from '../../contract/access.ts';
import { ProvisionedCustomer } from '../../contract/admin.ts';
import { Invoice } from '../../contract/invoice.ts';
import { Subscription } from '../../contract/subscription.ts';
import { addDays, addMonths } from '../domain/calendar.ts';
import { addCard } from './add-card.ts';
import type { DemoAccount } from './demo-account.ts';
import { type Ledger, ledger } from './ledger.ts';
import { monthName, monthStart } from './timeline.ts';

const customerId = 'northwind';
const card = 'Visa ·· 4242';
const siteAdmin = { sub: 'northwind-admin', customer: customerId, name: 'Andrew Fuller', email: 'andrew.fuller@northwind.test' };

/** In good standing: a year of monthly invoices, all paid but this month's, which is not due yet. */
export const northwind: DemoAccount = {
  id: customerId,
  async seed(context) {
    const { admin, clock } = context;
    const firstMonth = addMonths(monthStart(context.today), -11);
    clock.moveTo(firstMonth);
    await admin.post('/admin/v1/customers', ProvisionedCustomer, {
      id: customerId,
      companyName: 'Northwind Traders',
      currency: 'USD',
      locale: 'en-US',
      address: { line1: '2100 Harbor Way', line2: 'Suite 400', city: 'Seattle', region: 'WA', postalCode: '98121', country: 'US' },
      billingContact: { name: 'Nancy Davolio', email: 'accounts@northwind.test', phone: '+1 206 555 0142' },
      siteAdmin: { sub: siteAdmin.sub, name: siteAdmin.name, email: siteAdmin.email },
    });
    await admin.post(`/admin/v1/customers/${customerId}/subscriptions`, Subscription, {
      plan: 'Pro',
      unitAmount: 4900,
      interval: 'month',
      startsAt: firstMonth,
      invoiceTerms: 'Invoiced monthly in advance',
      paymentTerms: 'Net 30',
      features: [
        { name: 'Glaxis', unitAmount: 1500, active: true },
        { name: 'Web API', unitAmount: 2500, active: false },
      ],
    });
    const asSiteAdmin = await context.asUser(siteAdmin);
    await asSiteAdmin.put('/v1/access/users/northwind-billing', AccessUser, {
      portalAccess: true,
      name: 'Janet Leverling',
      email: 'janet.leverling@northwind.test',
    });
    await asSiteAdmin.put('/v1/access/users/northwind-viewer', AccessUser, {
      portalAccess: false,
      name: 'Robert King',
      email: 'robert.king@northwind.test',
    });
    // The Visa pays every invoice; the Mastercard is the one that expired in month 9, since renewed.
    await addCard(context, siteAdmin, { number: '4242424242424242', expMonth: 12, cvc: '123', name: siteAdmin.name });
    await addCard(context, siteAdmin, { number: '5555555555554444', expMonth: 6, cvc: '123', name: 'Nancy Davolio' });

    const record = ledger(context, customerId, 'USD');
    for (let month = 0; month < 12; month++) {
      const issuedAt = addMonths(firstMonth, month);
      const period = monthName(issuedAt, 'en-US');
      clock.moveTo(issuedAt);
      const invoice = await admin.post(`/admin/v1/customers/${customerId}/invoices`, Invoice, {
        issuedAt,
        dueAt: addDays(issuedAt, 30),
        lines: [
          { description: `Pro plan, ${period}`, quantity: 1, unitAmount: 4900 },
          { description: `Glaxis, ${period}`, quantity: 1, unitAmount: 1500 },
        ],
      });
      if (month < 11) await pay(record, invoice, month);
    }
  },
};

/** Northwind pays by card a week after each invoice; a few months show what else a year brings. */
async function pay(record: Ledger, invoice: Invoice, month: number) {
  const byCard = { kind: 'payment', amount: invoice.total, methodLabel: card } as const;
  switch (month) {
    case 3:
      await record(invoice, 7, { ...byCard, kind: 'failed_payment', failureReason: 'Insufficient funds.' });
      await record(invoice, 10, byCard);
      return;
    case 5: {
      const glaxisOutage = 1500;
      await record(invoice, 2, { kind: 'credit', amount: glaxisOutage, methodLabel: 'Service credit' });
      await record(invoice, 7, { ...byCard, amount: invoice.total - glaxisOutage });
      return;
    }
    case 7:
      // The card was charged twice; the second charge went back two days later.
      await record(invoice, 7, byCard);
      await record(invoice, 7, { ...byCard, isOnAccount: true });
      await record(invoice, 9, { ...byCard, kind: 'refund' });
      return;
    case 9:
      await record(invoice, 7, { ...byCard, kind: 'failed_payment', methodLabel: 'Mastercard ·· 4444', failureReason: 'The card has expired.' });
      await record(invoice, 8, byCard);
      return;
    default:
      await record(invoice, 7, byCard);
  }
}
