import { defineConfig } from 'drizzle-kit';

// Only schema generation reads this file; the product applies migrations itself (db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
