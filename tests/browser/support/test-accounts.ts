import type { CustomerCreate } from '../../../contract/admin.ts';
import type { SubscriptionCreate } from '../../../contract/subscription.ts';

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

const acmeSubscription: SubscriptionCreate = {
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

/** Sets the accounts up the way the vendor's systems would: through the admin API. */
export async function provisionTestAccounts(origin: string, adminApiKey: string): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${origin}/admin/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminApiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST /admin/v1${path} answered ${response.status}: ${await response.text()}`);
  };
  await post('/customers', acme);
  await post('/customers', globex);
  await post(`/customers/${acme.id}/subscriptions`, acmeSubscription);
}
