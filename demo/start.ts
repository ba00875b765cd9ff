import { ConfigError } from '../server/config.ts';
import { jsonLogger } from '../server/logger.ts';
import { signDemoToken } from '../server/seed/demo-token.ts';
import { loadDevelopmentConfig } from '../server/seed/development-config.ts';
import { seedDemoData } from '../server/seed/seed-demo-data.ts';
import { describeSummary } from '../server/seed/summary.ts';
import { startPortalServer } from '../server/start.ts';
import { openSqliteDatabase } from '../server/store/database.ts';
import { migrateToLatest } from '../server/store/migrate.ts';

// `npm start`, for now: the portal server in development on demo data, with a token for each demo
// user. The demo host product that embeds the portal replaces this in a later issue.
try {
  const { config, jwtSecret } = loadDevelopmentConfig(process.env);
  const db = openSqliteDatabase(config.databaseFile);
  await migrateToLatest(db);
  const summary = await seedDemoData(db, config, new Date());
  await db.destroy();

  const server = await startPortalServer(config, jsonLogger);
  const url = `http://localhost:${server.port}`;
  const lines = [
    `Customer Portal server (development) on ${url}`,
    `  OpenAPI document: ${url}/openapi.json`,
    `  Admin API key:    ${config.adminApiKey}`,
    `  Database:         ${config.databaseFile}`,
    '',
    ...describeSummary(summary),
    '',
    'GET /v1/me as each demo user (the tokens are valid for 8 hours):',
  ];
  const issuedAt = new Date();
  for (const account of summary.accounts) {
    for (const user of account.users) {
      const token = await signDemoToken(jwtSecret, { ...user, customer: account.id }, config.jwt, issuedAt);
      lines.push(`  # ${user.name} (${user.sub})`, `  curl -H 'Authorization: Bearer ${token}' ${url}/v1/me`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\nCtrl-C stops the server.\n`);

  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}
