import {
  createMailer,
  createPortalApp,
  createSandboxGateway,
  keyResolverFromConfig,
  loadConfig,
  migrateToLatest,
  openSqliteDatabase,
  systemClock,
} from '../server/index.ts';

/** What the payment load needs per account: who pays, with what, and which invoices are open. */
export interface PayingAccount {
  token: string;
  paymentMethodId: string;
  invoiceIds: string[];
}

const quiet = { info: () => {}, error: () => {} };

/**
 * Fills the bench database before its server starts: `accounts` accounts, each with a card on file
 * and `invoicesPerAccount` open invoices, set up through the portal's own API in-process.
 */
export async function preparePayingAccounts(
  env: Record<string, string>,
  mintToken: (customer: string) => Promise<string>,
  accounts: number,
  invoicesPerAccount: number,
): Promise<PayingAccount[]> {
  const config = loadConfig(env);
  const db = openSqliteDatabase(config.databaseFile);
  await migrateToLatest(db);
  const gateway = createSandboxGateway(db, systemClock);
  const app = createPortalApp({
    db,
    clock: systemClock,
    keys: keyResolverFromConfig(config.jwt),
    config,
    logger: quiet,
    mailer: createMailer(config, db, systemClock),
    paymentGateway: gateway,
  });
  const send = async (method: string, path: string, bearer: string, body: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ id: string }>;
  };
  const paying: PayingAccount[] = [];
  for (let index = 0; index < accounts; index++) {
    const id = `bench-${index}`;
    const sub = `${id}-admin`;
    await send('POST', '/admin/v1/customers', env.PORTAL_ADMIN_API_KEY!, {
      id,
      companyName: `Bench ${index} Inc.`,
      currency: 'USD',
      billingContact: { name: 'Bench Billing', email: `billing@${id}.test` },
      siteAdmin: { sub, name: 'Bench Admin', email: `${sub}@bench.test` },
    });
    const token = await mintToken(id);
    const tokenized = await gateway.tokenize({ card: { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123', name: 'Bench Admin' } });
    if (!tokenized.ok) throw new Error('the sandbox refused the bench card');
    const method = await send('POST', '/v1/payment-methods', token, { token: tokenized.description.token });
    const invoiceIds: string[] = [];
    for (let invoice = 0; invoice < invoicesPerAccount; invoice++) {
      const issued = await send('POST', `/admin/v1/customers/${id}/invoices`, env.PORTAL_ADMIN_API_KEY!, {
        issuedAt: '2026-10-01',
        dueAt: '2026-10-31',
        lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
      });
      invoiceIds.push(issued.id);
    }
    paying.push({ token, paymentMethodId: method.id, invoiceIds });
  }
  await db.destroy();
  return paying;
}
