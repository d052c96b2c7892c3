import { runManyRealmsBench } from './qbo.js';
const [realms, per, rate] = process.argv.slice(2).map(Number);
await runManyRealmsBench(realms ?? 50, per ?? 10, rate ?? 25);
process.exit(0);
