import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import { importSPKI, jwtVerify } from 'jose';
import { isPastDue } from '../server/domain/past-due.ts';
import { encodeCursor } from '../server/store/keyset.ts';

/**
 * The floor of the API bench: the least work that can answer `GET /v1/invoices?limit=25` as the
 * portal does (the same JSON). Plain node:http; the Bearer token's claims from a map of verified
 * tokens (verified once with jose); one reused prepared statement; JSON.stringify.
 * `floor-server.ts <database> <ES256 public key PEM>`; listens on a free port, which it prints, and
 * answers /healthz for the bench to wait on.
 */
const [databaseFile, publicKeyPem] = process.argv.slice(2) as [string, string];
const key = await importSPKI(publicKeyPem, 'ES256');
const sqlite = new SQLite(databaseFile, { readonly: true });
const page = sqlite.prepare(
  `select id, number, status, issued_at, due_at, currency, total, amount_paid from invoices
   where customer_id = ? order by issued_at desc, id desc limit ?`,
);
const limit = 25;
const verifiedTokens = new Map<string, string>();

interface InvoiceRow {
  id: string;
  number: string;
  status: 'open' | 'paid' | 'void';
  issued_at: string;
  due_at: string;
  currency: string;
  total: number;
  amount_paid: number;
}

async function customerOf(authorization: string | undefined): Promise<string> {
  const token = authorization?.slice('Bearer '.length) ?? '';
  let customer = verifiedTokens.get(token);
  if (customer === undefined) {
    const { payload } = await jwtVerify(token, key, { algorithms: ['ES256'], audience: 'customer-portal' });
    customer = String(payload.customer);
    verifiedTokens.set(token, customer);
  }
  return customer;
}

function invoicePage(customerId: string): string {
  const today = new Date().toISOString().slice(0, 10);
  const rows = page.all(customerId, limit + 1) as InvoiceRow[];
  const data = rows.slice(0, limit).map((row) => {
    const amountDue = row.status === 'open' ? row.total - row.amount_paid : 0;
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      isPastDue: isPastDue({ amountDue, dueAt: row.due_at }, today),
      issuedAt: row.issued_at,
      dueAt: row.due_at,
      currency: row.currency,
      total: row.total,
      amountPaid: row.amount_paid,
      amountDue,
    };
  });
  const last = data[data.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor('invoices', { at: last.issuedAt, id: last.id }) : null;
  return JSON.stringify({ data, nextCursor });
}

const server = createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  customerOf(request.headers.authorization).then(
    (customerId) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(invoicePage(customerId)),
    () => response.writeHead(401).end(),
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
