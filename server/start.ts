import { serve } from '@hono/node-server';
import { createPortalApp } from './app.ts';
import { keyResolverFromConfig } from './auth/key-resolver.ts';
import { systemClock } from './clock.ts';
import type { PortalConfig } from './config.ts';
import { startDunningInterval } from './dunning/dunning-interval.ts';
import { dunningDepsOf } from './dunning/dunning-deps.ts';
import type { Logger } from './logger.ts';
import { createMailer } from './mail/create-mailer.ts';
import { createSandboxGateway } from './payments/sandbox/create-sandbox-gateway.ts';
import { openDatabase } from './store/open-database.ts';
import { migrateToLatest } from './store/migrate.ts';

/** Opens and migrates the database, then serves the portal and runs dunning on its interval; resolves once it listens. */
export async function startPortalServer(config: PortalConfig, logger: Logger) {
  const keys = keyResolverFromConfig(config.jwt);
  const db = openDatabase(config);
  await migrateToLatest(db);
  const mailer = createMailer(config, db, systemClock);
  const paymentGateway = createSandboxGateway(db, systemClock);
  const app = createPortalApp({ db, clock: systemClock, keys, config, logger, mailer, paymentGateway });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: config.port }, () => resolve(listening));
  });
  const dunning = startDunningInterval(
    dunningDepsOf({ db, clock: systemClock, mailer, logger, config }),
    config.dunning.intervalMinutes,
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    db,
    port,
    close: async () => {
      await dunning.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
