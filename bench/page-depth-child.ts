import { SignJWT } from 'jose';
import {
  createMailer,
  createPortalApp,
  createSandboxGateway,
  keyResolverFromConfig,
  loadConfig,
  openSqliteDatabase,
  systemClock,
} from '../server/index.ts';

/**
 * Run by bench/exports.ts: `page-depth-child.ts <database> <account> <first path> <deep path> <rounds>`.
 * Builds the portal app in-process on the bench database, times the two pages interleaved and
 * prints one JSON line: the time of a page the database reaches at once against one far behind.
 */
const [databaseFile, account, firstPath, deepPath, rounds] = process.argv.slice(2) as [string, string, string, string, string];
const secret = 'bench-secret-that-is-long-enough-0123456789';
const config = loadConfig({
  NODE_ENV: 'development',
  PORTAL_DB: databaseFile,
  PORTAL_JWT_SECRET: secret,
  PORTAL_ADMIN_API_KEY: 'bench-admin-key-that-is-long-enough-0123456789',
});
const db = openSqliteDatabase(databaseFile);
const app = createPortalApp({
  db,
  clock: systemClock,
  keys: keyResolverFromConfig(config.jwt),
  config,
  logger: { info: () => {}, error: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields)}\n`) },
  mailer: createMailer(config, db, systemClock),
  paymentGateway: createSandboxGateway(db, systemClock),
});
const token = await new SignJWT({ customer: account })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(`${account}-admin`)
  .setAudience('customer-portal')
  .setExpirationTime('1h')
  .sign(new TextEncoder().encode(secret));

async function get(path: string): Promise<number> {
  const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
  return body.byteLength;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const first: number[] = [];
const deep: number[] = [];
for (let round = 0; round < Number(rounds); round++) {
  // Interleaved, so drift on a shared machine touches both alike.
  for (const [path, times] of [[firstPath, first], [deepPath, deep]] as const) {
    const started = performance.now();
    await get(path);
    times.push(performance.now() - started);
  }
}
process.stdout.write(`${JSON.stringify({ firstMs: median(first), deepMs: median(deep) })}\n`);
await db.destroy();
