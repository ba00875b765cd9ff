import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { PayingAccount } from './payment-accounts.ts';

/**
 * Run on its own core by bench/run.ts: `payment-load.ts <base url> <accounts json> <seconds> fresh|replay`.
 * "fresh" pays one invoice per request under a new Idempotency-Key, taking accounts in turn so
 * concurrent requests rarely meet on one account; "replay" repeats one settled request's key.
 * Prints one JSON line: requests per second, p99 latency and the count of each status.
 */
const [base, accountsFile, seconds, mode] = process.argv.slice(2) as [string, string, string, 'fresh' | 'replay'];
const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as PayingAccount[];

let sent = 0;
function nextPayment() {
  const account = accounts[sent % accounts.length]!;
  const invoiceId = account.invoiceIds[Math.floor(sent / accounts.length)];
  sent += 1;
  if (!invoiceId) throw new Error('The bench ran out of open invoices: prepare more.');
  return { account, body: { paymentMethodId: account.paymentMethodId, invoiceIds: [invoiceId] }, key: `bench-${sent}` };
}

const replayed = mode === 'replay' ? nextPayment() : undefined;
if (replayed) {
  await fetch(`${base}/v1/payments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${replayed.account.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': replayed.key },
    body: JSON.stringify(replayed.body),
  });
}

const statuses: Record<string, number> = {};
const result = await autocannon({
  url: `${base}/v1/payments`,
  connections: 50,
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const payment = replayed ?? nextPayment();
        return {
          ...request,
          headers: {
            Authorization: `Bearer ${payment.account.token}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': payment.key,
          },
          body: JSON.stringify(payment.body),
        };
      },
      onResponse: (status) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
      },
    },
  ],
});
process.stdout.write(`${JSON.stringify({ requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, statuses })}\n`);
