import { createDb, migrateDown, migrateUp } from '@puffy/db';
import { configOrExit } from './config-or-exit';

/**
 * The release step: `node dist/migrate.js` applies pending migrations once, before new instances
 * start with MIGRATE_ON_START=false; `node dist/migrate.js down <n>` reverts the newest n (rollback).
 */
async function main() {
  const [command = 'up', count = '1'] = process.argv.slice(2).filter((a) => a !== '--');
  const steps = Number(count);
  if ((command !== 'up' && command !== 'down') || !Number.isSafeInteger(steps) || steps < 1) {
    process.stderr.write('usage: migrate.js [up | down <steps>]\n');
    process.exit(64);
  }
  const { config } = configOrExit('No migration ran.');
  const db = createDb({ url: config.database.url, dataDir: config.database.dataDir, pool: { max: 2 } });
  try {
    if (command === 'up') {
      const { applied } = await migrateUp(db);
      process.stdout.write(
        `${JSON.stringify({ msg: 'migrations applied', dialect: db.dialect, applied })}\n`,
      );
    } else {
      const { reverted } = await migrateDown(db, steps);
      process.stdout.write(
        `${JSON.stringify({ msg: 'migrations reverted', dialect: db.dialect, reverted })}\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
