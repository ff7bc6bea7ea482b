// `npm run create-admin` creates a centre and its first admin in the configured database, who can then sign in.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { testConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/database.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'dd-admin-'));

function createAdmin(args: string[], password: string) {
  const child = run('npx', ['tsx', 'src/server/cli/create-admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  child.child.stdin?.end(`${password}\n`);
  return child;
}

describe('create-admin', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a centre and an admin who can sign in', async () => {
    const { stdout } = await createAdmin(
      [
        '--centre',
        'Trung tâm Chính trị phường Kon Tum',
        '--level',
        'ward',
        '--username',
        'giaovu',
        '--name',
        'Nguyễn Thị Hà',
      ],
      'mat-khau-that-manh',
    );
    expect(stdout).toContain('Admin "giaovu" created');

    const database = await openDatabase({ dataDir });
    try {
      const app = await createApp({ database, config: testConfig() });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'giaovu', password: 'mat-khau-that-manh' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().me.centre).toMatchObject({
        name: 'Trung tâm Chính trị phường Kon Tum',
        level: 'ward',
      });
      expect(res.json().me.user.role).toBe('admin');
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('refuses a short or guessable password and a taken username without writing anything', async () => {
    for (const password of ['ngan', '12345678', 'khac-2026-khac'])
      await expect(
        createAdmin(['--centre', 'Trung tâm X', '--username', 'khac', '--name', 'A'], password),
      ).rejects.toMatchObject({ code: 2 });
    await expect(
      createAdmin(['--centre', 'Trung tâm Y', '--username', 'giaovu', '--name', 'B'], 'mat-khau-dai-du'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('taken') });
  });
});
