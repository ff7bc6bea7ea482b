// `npm run seed:demo`: adds the Kon Rẫy demo centre to the configured database (refuses if it holds data).
import { DEMO_ACCOUNTS } from '../demo/build-demo.ts';
import { isEmpty, seedDemo, vietnamToday } from '../demo/seed-demo.ts';
import { openConfiguredDatabase } from './open-configured-database.ts';

const database = await openConfiguredDatabase();
try {
  if (!(await isEmpty(database.db))) {
    console.error('The database already holds data; the demo centre is only added to an empty database.');
    process.exitCode = 1;
  } else {
    await seedDemo(database.db, vietnamToday());
    console.log('Demo centre added. Accounts (username / password):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.username} / ${a.password}`);
  }
} finally {
  await database.close();
}
