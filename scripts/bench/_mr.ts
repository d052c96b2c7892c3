import { runManyRealmsBench } from '/work/main/scripts/bench/qbo.js';
await runManyRealmsBench(50, 10, Number(process.env.RATE ?? 40));
process.exit(0);
