import type { CustomerCreate } from '../../../contract/admin.ts';
import type { InvoiceCreate } from '../../../contract/invoice.ts';
import type { SubscriptionCreate } from '../../../contract/subscription.ts';
import { vandelay } from './history-account.ts';

/** The accounts the browser tests use; each test file changes only its own account. */
export const acme = {
  id: 'acme',
  companyName: 'Acme Inc.',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'u-100', name: 'Ada Admin', email: 'ada@acme.test' },
} satisfies CustomerCreate;

export const globex = {
  id: 'globex',
  companyName: 'Globex Corporation',
  currency: 'EUR',
  locale: 'de-DE',
  siteAdmin: { sub: 'u-200', name: 'Grace Globex', email: 'grace@globex.test' },
} satisfies CustomerCreate;

/** For <portal-customer-info>. */
const initech = {
  id: 'initech',
  companyName: 'Initech LLC',
  currency: 'USD',
  locale: 'en-US',
  address: { line1: '4120 Freidrich Lane', city: 'Austin', region: 'TX', postalCode: '78744', country: 'US' },
  billingContact: { name: 'Bill Lumbergh', email: 'bill@initech.test', phone: '+1 512 555 0199' },
  siteAdmin: { sub: 'initech-admin', name: 'Peter Gibbons', email: 'peter@initech.test' },
} satisfies CustomerCreate;

/** For <portal-access>. */
const umbrella = {
  id: 'umbrella',
  companyName: 'Umbrella plc',
  currency: 'GBP',
  locale: 'en-GB',
  siteAdmin: { sub: 'umbrella-admin', name: 'Alice Abernathy', email: 'alice@umbrella.test' },
} satisfies CustomerCreate;

/** For <portal-subscriptions>. */
const hooli = {
  id: 'hooli',
  companyName: 'Hooli Inc.',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'hooli-admin', name: 'Gavin Belson', email: 'gavin@hooli.test' },
} satisfies CustomerCreate;

/** For <portal-payment-methods> and <portal-pay-balance>: one invoice past its due date, so there is a balance to pay. */
const stark = {
  id: 'stark',
  companyName: 'Stark Industries',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'stark-admin', name: 'Pepper Potts', email: 'pepper@stark.test' },
} satisfies CustomerCreate;

/** For <portal-lockout-gate>: locked, an invoice due 30 days ago (past the 14-day grace period); never paid. */
const tyrell = {
  id: 'tyrell',
  companyName: 'Tyrell Corporation',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'tyrell-admin', name: 'Eldon Tyrell', email: 'eldon@tyrell.test' },
} satisfies CustomerCreate;

/** For <portal-lockout-gate>: locked like tyrell, with no payment method on file; its Site Admin adds a card and pays from the lock screen. */
const cyberdyne = {
  id: 'cyberdyne',
  companyName: 'Cyberdyne Systems',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'cyberdyne-admin', name: 'Miles Dyson', email: 'miles@cyberdyne.test' },
} satisfies CustomerCreate;

/** For <portal-lockout-gate>: past due, an invoice due 5 days ago, so it locks in 9 days. */
const wayne = {
  id: 'wayne',
  companyName: 'Wayne Enterprises',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'wayne-admin', name: 'Lucius Fox', email: 'lucius@wayne.test' },
} satisfies CustomerCreate;

/** For <portal-lockout-gate>: an invoice falls due in 3 days. */
const oscorp = {
  id: 'oscorp',
  companyName: 'Oscorp Industries',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'oscorp-admin', name: 'Norman Osborn', email: 'norman@oscorp.test' },
} satisfies CustomerCreate;

/** For <portal-lockout-gate>: in good standing, nothing open. */
const wonka = {
  id: 'wonka',
  companyName: 'Wonka Industries',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'wonka-admin', name: 'Willy Wonka', email: 'willy@wonka.test' },
} satisfies CustomerCreate;

const proSubscription: SubscriptionCreate = {
  plan: 'Pro',
  unitAmount: 4900,
  interval: 'month',
  startsAt: '2026-01-01',
  invoiceTerms: 'Invoiced monthly in advance',
  paymentTerms: 'Net 30',
  features: [
    { name: 'Glaxis', unitAmount: 1500, active: true },
    { name: 'Web API', unitAmount: 2500, active: false },
  ],
};

const accounts: CustomerCreate[] = [acme, globex, initech, umbrella, hooli, stark, tyrell, cyberdyne, wayne, oscorp, wonka, vandelay];
const subscriptions: [string, SubscriptionCreate][] = [
  [acme.id, proSubscription],
  [hooli.id, proSubscription],
];

export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** An open invoice for the Pro plan, due `dueDaysAgo` days before the day the tests run (negative: still to come). */
const proInvoice = (dueDaysAgo: number): InvoiceCreate => ({
  issuedAt: daysAgo(dueDaysAgo + 30),
  dueAt: daysAgo(dueDaysAgo),
  taxAmount: 0,
  lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
});

/** Open invoices, dated from the day the tests run. */
const invoices = (): [string, InvoiceCreate][] => [
  [stark.id, proInvoice(10)],
  [tyrell.id, proInvoice(30)],
  [cyberdyne.id, proInvoice(30)],
  [wayne.id, proInvoice(5)],
  [oscorp.id, proInvoice(-3)],
];

interface TestUser {
  customer: string;
  sub: string;
  name: string;
  email: string;
  /** Holds Customer Portal View (the Site Admins always do). */
  hasPortalAccess: boolean;
}

const siteAdminOf = (account: CustomerCreate): TestUser => ({ customer: account.id, ...account.siteAdmin, hasPortalAccess: true });
const member = (customer: string, sub: string, name: string, hasPortalAccess: boolean): TestUser => ({
  customer,
  sub,
  name,
  email: `${sub}@${customer}.test`,
  hasPortalAccess,
});

/** Everyone the tests sign in as; the test server mints a token for each. */
export const testUsers = {
  acmeAdmin: siteAdminOf(acme),
  globexAdmin: siteAdminOf(globex),
  initechAdmin: siteAdminOf(initech),
  initechViewer: member('initech', 'initech-viewer', 'Milton Waddams', false),
  umbrellaAdmin: siteAdminOf(umbrella),
  umbrellaBilling: member('umbrella', 'umbrella-billing', 'Carlos Oliveira', true),
  umbrellaViewer: member('umbrella', 'umbrella-viewer', 'Jill Valentine', false),
  hooliAdmin: siteAdminOf(hooli),
  hooliViewer: member('hooli', 'hooli-viewer', 'Jared Dunn', false),
  // Several users with access, because each may add only a few payment methods in ten minutes.
  starkAdmin: siteAdminOf(stark),
  starkBilling: member('stark', 'stark-billing', 'Happy Hogan', true),
  starkAccounts: member('stark', 'stark-accounts', 'James Rhodes', true),
  starkTreasury: member('stark', 'stark-treasury', 'Obadiah Stane', true),
  starkViewer: member('stark', 'stark-viewer', 'Peter Parker', false),
  tyrellAdmin: siteAdminOf(tyrell),
  tyrellViewer: member('tyrell', 'tyrell-viewer', 'Rachael Rosen', false),
  cyberdyneAdmin: siteAdminOf(cyberdyne),
  wayneAdmin: siteAdminOf(wayne),
  wayneViewer: member('wayne', 'wayne-viewer', 'Harvey Dent', false),
  oscorpAdmin: siteAdminOf(oscorp),
  oscorpViewer: member('oscorp', 'oscorp-viewer', 'Otto Octavius', false),
  wonkaAdmin: siteAdminOf(wonka),
  vandelayAdmin: siteAdminOf(vandelay),
} satisfies Record<string, TestUser>;

export type TestUserName = keyof typeof testUsers;

/**
 * Sets the accounts up the way the vendor's systems and a Site Admin would: accounts,
 * subscriptions and invoices through the admin API, the other users through the portal's access route.
 */
export async function provisionTestAccounts(origin: string, adminApiKey: string, tokenFor: (user: TestUser) => Promise<string>): Promise<void> {
  const send = async (method: string, path: string, bearer: string, body: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  };
  for (const account of accounts) await send('POST', '/admin/v1/customers', adminApiKey, account);
  for (const [customer, subscription] of subscriptions) {
    await send('POST', `/admin/v1/customers/${customer}/subscriptions`, adminApiKey, subscription);
  }
  for (const [customer, invoice] of invoices()) await send('POST', `/admin/v1/customers/${customer}/invoices`, adminApiKey, invoice);
  for (const user of Object.values(testUsers)) {
    const account = accounts.find((candidate) => candidate.id === user.customer)!;
    if (account.siteAdmin.sub === user.sub) continue;
    await send('PUT', `/v1/access/users/${user.sub}`, await tokenFor(siteAdminOf(account)), {
      portalAccess: user.hasPortalAccess,
      name: user.name,
      email: user.email,
    });
  }
}
