import { ConfigError, loadConfig } from './config.ts';
import { jsonLogger } from './logger.ts';
import { startPortalServer } from './start.ts';
import { describeDatabase } from './store/open-database.ts';

// `npm run server`: the portal server alone, configured by the environment.
try {
  const config = loadConfig(process.env);
  const server = await startPortalServer(config, jsonLogger);
  jsonLogger.info('customer portal server listening', { port: server.port, database: describeDatabase(config) });
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}
