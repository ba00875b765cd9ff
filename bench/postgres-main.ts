import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureInvoiceListThroughput, type Throughput } from './postgres-throughput.ts';

// `npm run bench:postgres`: the invoice list's throughput on PostgreSQL (the throw-away cluster
// scripts/with-postgres.sh starts) next to SQLite, measured the same way.
const postgresUrl = process.env.PORTAL_TEST_DATABASE_URL;
if (!postgresUrl) throw new Error('Run it through scripts/with-postgres.sh (npm run bench:postgres), which sets PORTAL_TEST_DATABASE_URL.');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const folder = mkdtempSync(join(tmpdir(), 'portal-bench-postgres-'));
try {
  const options = { seconds, invoices: 500 };
  const sqlite = await measureInvoiceListThroughput({ sqliteFile: join(folder, 'portal.db') }, options);
  const postgres = await measureInvoiceListThroughput({ postgresUrl }, options);
  const figure = (result: Throughput) => `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms`;
  console.log(`GET /v1/invoices?limit=25, ${options.invoices} invoices, ${seconds} s, 50 connections, one server node`);
  console.log(`SQLite      ${figure(sqlite)}`);
  console.log(`PostgreSQL  ${figure(postgres)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
