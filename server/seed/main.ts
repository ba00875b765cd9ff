import { ConfigError } from '../config.ts';
import { describeDatabase, openDatabase } from '../store/open-database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { loadDevelopmentConfig } from './development-config.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { describeSummary } from './summary.ts';

// `npm run seed`: the demo accounts, into the database PORTAL_DB names.
try {
  const { config } = loadDevelopmentConfig(process.env);
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    const summary = await seedDemoData(db, config, new Date());
    process.stdout.write(`Database: ${describeDatabase(config)}\n${describeSummary(summary).join('\n')}\n`);
  } finally {
    await db.destroy();
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}
