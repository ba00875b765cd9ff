export { createPortalApp, type PortalApp, type PortalDeps } from './app.ts';
export { keyResolverFromConfig, type KeyResolver } from './auth/key-resolver.ts';
export { systemClock, type Clock } from './clock.ts';
export { ConfigError, loadConfig, type PortalConfig } from './config.ts';
export { jsonLogger, type Logger } from './logger.ts';
export { startPortalServer } from './start.ts';
export { openSqliteDatabase, type PortalDb } from './store/database.ts';
export { migrateToLatest } from './store/migrate.ts';
export { isValidCustomerKey } from './ids.ts';
