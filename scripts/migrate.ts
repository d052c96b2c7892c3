// `npm run db:migrate`: brings DATABASE_URL's database up to the committed migrations, then exits. Production runs
// it once per release before the API and workers start (docker-compose.yml's `migrate` job); `npm start`, the
// tests and `npm run stack:prod` migrate by themselves.
import { createDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(2);
}
const database = createDatabase(url, { max: 1 });
try {
  await runMigrations(database.db);
  console.log('migrations applied');
} finally {
  await database.close();
}
