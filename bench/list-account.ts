import { adminApiKey } from './portal-server.ts';

async function admin(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}/admin/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminApiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/**
 * Provisions account `id` (its Site Admin is `<id>-admin`, as the bench's tokens name it) with
 * `invoices` invoices through the admin API, so any database the server runs on gets the same rows.
 */
export async function provisionListAccount(base: string, id: string, invoices: number): Promise<void> {
  await admin(base, '/customers', { id, companyName: 'Bench Inc.', currency: 'USD', siteAdmin: { sub: `${id}-admin`, name: 'Bench Admin', email: 'admin@bench.test' } });
  for (let index = 0; index < invoices; index++) {
    const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    await admin(base, `/customers/${id}/invoices`, { issuedAt: day, dueAt: day, lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }] });
  }
}
