import { AccessUser } from '../../contract/access.ts';
import { ProvisionedCustomer } from '../../contract/admin.ts';
import { Invoice } from '../../contract/invoice.ts';
import { Subscription } from '../../contract/subscription.ts';
import { addDays, addMonths } from '../domain/calendar.ts';
import { addCard } from './add-card.ts';
import type { DemoAccount } from './demo-account.ts';
import { ledger } from './ledger.ts';
import { monthName, monthStart } from './timeline.ts';

const customerId = 'globex';
const directDebit = 'SEPA Direct Debit ·· 3000';
const siteAdmin = { sub: 'globex-admin', customer: customerId, name: 'Katrin Vogel', email: 'katrin.vogel@globex.test' };
const vatRate = 0.19;

/**
 * Locked: the direct debit stopped going through three invoices ago; with Net 14 on the 1st, even
 * the newest is at least two weeks overdue. Invoicing stopped with the lockout, so the year of
 * invoices ends last month.
 */
export const globex: DemoAccount = {
  id: customerId,
  async seed(context) {
    const { admin, clock } = context;
    const firstMonth = addMonths(monthStart(context.today), -12);
    clock.moveTo(firstMonth);
    await admin.post('/admin/v1/customers', ProvisionedCustomer, {
      id: customerId,
      companyName: 'Globex GmbH',
      currency: 'EUR',
      locale: 'de-DE',
      address: { line1: 'Friedrichstraße 68', city: 'Berlin', postalCode: '10117', country: 'DE' },
      billingContact: { name: 'Jonas Weber', email: 'buchhaltung@globex.test', phone: '+49 30 5550 1200' },
      siteAdmin: { sub: siteAdmin.sub, name: siteAdmin.name, email: siteAdmin.email },
    });
    await admin.post(`/admin/v1/customers/${customerId}/subscriptions`, Subscription, {
      plan: 'Business',
      unitAmount: 8900,
      interval: 'month',
      startsAt: firstMonth,
      invoiceTerms: 'Invoiced monthly in advance',
      paymentTerms: 'Net 14',
      features: [
        { name: 'Web API', unitAmount: 2500, active: true },
        { name: 'Glaxis', unitAmount: 1500, active: false },
      ],
    });
    const asSiteAdmin = await context.asUser(siteAdmin);
    await asSiteAdmin.put('/v1/access/users/globex-user', AccessUser, {
      portalAccess: false,
      name: 'Lena Schmidt',
      email: 'lena.schmidt@globex.test',
    });
    // A sandbox card whose every charge is declined for insufficient funds, so paying shows a decline.
    await addCard(context, siteAdmin, { number: '4000000000009995', expMonth: 3, cvc: '123', name: siteAdmin.name });

    const record = ledger(context, customerId, 'EUR');
    for (let month = 0; month < 12; month++) {
      const issuedAt = addMonths(firstMonth, month);
      const period = monthName(issuedAt, 'de-DE');
      clock.moveTo(issuedAt);
      const invoice = await admin.post(`/admin/v1/customers/${customerId}/invoices`, Invoice, {
        issuedAt,
        dueAt: addDays(issuedAt, 14),
        taxAmount: Math.round((8900 + 2500) * vatRate),
        lines: [
          { description: `Business-Tarif, ${period}`, quantity: 1, unitAmount: 8900 },
          { description: `Web API, ${period}`, quantity: 1, unitAmount: 2500 },
        ],
      });
      const debit = { kind: 'payment', amount: invoice.total, methodLabel: directDebit } as const;
      if (month < 9) await record(invoice, 3, debit);
      if (month === 9) {
        await record(invoice, 3, { ...debit, kind: 'failed_payment', failureReason: 'The bank returned the direct debit: insufficient funds.' });
      }
    }
  },
};
