// `npm run create-admin -- --centre "Trung tâm Chính trị phường X" --username giaovu --name "Nguyễn Văn A"`
// Creates a centre (or uses --centre-id) and its first admin account, for a real deployment. The password is
// asked for (or read from the first line of standard input when it is not a terminal).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isGuessablePassword, NewPassword } from '../../domain/auth.ts';
import { CentreLevel, DEFAULT_CENTRE_SETTINGS, User } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertCentre, insertRecords } from '../db/records.ts';
import { centres, users } from '../db/schema.ts';
import { openConfiguredDatabase } from './open-configured-database.ts';

const { values } = parseArgs({
  options: {
    centre: { type: 'string' },
    'centre-id': { type: 'string' },
    level: { type: 'string', default: 'commune' },
    province: { type: 'string', default: '' },
    username: { type: 'string' },
    name: { type: 'string' },
  },
});

const Args = z.object({
  centre: z.string().min(3).optional(),
  'centre-id': z.uuid().optional(),
  level: CentreLevel,
  province: z.string(),
  username: User.shape.username,
  name: z.string().min(1),
});

const parsed = Args.safeParse(values);
if (!parsed.success || (!parsed.data.centre && !parsed.data['centre-id'])) {
  console.error(
    'Usage: npm run create-admin -- (--centre "Tên trung tâm" [--level commune|ward|specialZone|district|province] [--province "…"] | --centre-id UUID) --username NAME --name "Họ và tên"',
  );
  if (!parsed.success)
    for (const i of parsed.error.issues) console.error(`  --${i.path.join('.')}: ${i.message}`);
  process.exit(2);
}
const args = parsed.data;

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const password = await rl.question(process.stdin.isTTY ? 'Mật khẩu / Password (≥ 8): ' : '');
  rl.close();
  return password.trim();
}

const password = NewPassword.safeParse(await readPassword());
if (!password.success || isGuessablePassword(password.data, args.username)) {
  console.error(
    'Mật khẩu cần ít nhất 8 ký tự, không phổ biến, không chứa tên đăng nhập. / ' +
      'The password needs at least 8 characters, not a common one, not containing the username.',
  );
  process.exit(2);
}

const database = await openConfiguredDatabase();
try {
  const [taken] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, args.username));
  if (taken) throw new Error(`The username "${args.username}" is taken.`);
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(password.data);
  const centreId = args['centre-id'] ?? newId();
  await database.db.transaction(async (tx) => {
    if (args['centre-id']) {
      const [existing] = await tx.select({ id: centres.id }).from(centres).where(eq(centres.id, centreId));
      if (!existing) throw new Error(`No centre with id ${centreId}.`);
    } else {
      await insertCentre(tx, {
        id: centreId,
        updatedAt: now,
        deleted: false,
        name: args.centre!.normalize('NFC'),
        level: args.level,
        province: args.province.normalize('NFC'),
        settings: DEFAULT_CENTRE_SETTINGS,
      });
    }
    const admin: User = {
      id: newId(),
      centreId,
      updatedAt: now,
      deleted: false,
      role: 'admin',
      username: args.username,
      displayName: args.name.normalize('NFC'),
      learnerId: null,
    };
    await insertRecords(tx, 'users', centreId, [admin], () => ({ passwordHash }));
  });
  console.log(`Admin "${args.username}" created for centre ${centreId}.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
