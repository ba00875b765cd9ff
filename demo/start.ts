import { getRequestListener } from '@hono/node-server';
import { ConfigError } from '../server/config.ts';
import { createStandingReader } from '../server/index.ts';
import { jsonLogger } from '../server/logger.ts';
import { seedDemoData } from '../server/seed/seed-demo-data.ts';
import { describeSummary } from '../server/seed/summary.ts';
import { startPortalServer } from '../server/start.ts';
import { openSqliteDatabase } from '../server/store/database.ts';
import { migrateToLatest } from '../server/store/migrate.ts';
import { loadDemoSettings } from './demo-settings.ts';
import { createHostApp } from './host/app.ts';
import { buildAssets } from './host/assets.ts';
import { demoLogins } from './host/demo-users.ts';
import { createSessionStore } from './host/sessions.ts';
import { createTokenSigner } from './host/token-signer.ts';
import { createUserDirectory } from './host/user-directory.ts';
import { bindHttpServer } from './listen.ts';
import { demoPortalConfig } from './portal-config.ts';

// `npm start`: the portal server on demo data, and the demo host product that embeds it, on two origins.
try {
  const startedAt = Date.now();
  const settings = loadDemoSettings(process.env);
  const host = await bindHttpServer(settings.hostPort).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new ConfigError(`DEMO_PORT ${settings.hostPort} is in use (another demo running?): choose another port, or 0 for any free one`);
  });
  const hostOrigin = `http://localhost:${host.port}`;
  const config = demoPortalConfig(settings.portalEnv, hostOrigin);
  await ensurePortFree(config.port);

  const seeding = (async () => {
    const db = openSqliteDatabase(config.databaseFile);
    try {
      await migrateToLatest(db);
      return await seedDemoData(db, config, new Date());
    } finally {
      await db.destroy();
    }
  })();
  const [summary, assets, users, tokens] = await Promise.all([
    seeding,
    buildAssets(),
    createUserDirectory(demoLogins),
    createTokenSigner({ issuer: hostOrigin, audience: config.jwt.audience }),
  ]);

  const portal = await startPortalServer(config, jsonLogger);
  const portalUrl = `http://localhost:${portal.port}`;
  const hostApp = createHostApp({
    origin: hostOrigin,
    portalUrl,
    users,
    demoLogins,
    sessions: createSessionStore(),
    tokens,
    standing: createStandingReader({ portalUrl, adminApiKey: config.adminApiKey }),
    outboxFolder: config.outboxFolder,
    assets,
  });
  host.server.on('request', getRequestListener(hostApp.fetch));

  const password = demoLogins[0]!.password;
  const lines = [
    '',
    `Acme Workspace, the demo host product, is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`,
    '',
    `  Open ${hostOrigin}`,
    '',
    `Demo logins (every password: ${password}):`,
    ...demoLogins.map((login) => `  ${login.username.padEnd(8)} ${login.name.padEnd(16)} ${login.role}`),
    '',
    `Customer Portal server: ${portalUrl} (OpenAPI: ${portalUrl}/openapi.json)`,
    `  verifies the host's tokens against ${hostOrigin}/.well-known/jwks.json; CORS for ${config.corsOrigins.join(', ')}`,
    `  Admin API key: ${config.adminApiKey}`,
    `  Database:      ${config.databaseFile}`,
    `  Outbox:        ${config.outboxFolder} (also at ${hostOrigin}/outbox)`,
    '',
    ...describeSummary(summary),
    '',
    'Ctrl-C stops both servers.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    host.server.closeAllConnections();
    host.server.close();
    void portal.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}

async function ensurePortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = await bindHttpServer(port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new ConfigError(`PORT ${port} (the portal server) is in use (another demo running?): choose another port, or 0 for any free one`);
  });
  await new Promise((resolve) => probe.server.close(resolve));
}
