// Opens the database the server would use (same environment variables), for command-line tools.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';

export async function openConfiguredDatabase(): Promise<Database> {
  const config = readConfig(process.env, fileURLToPath(new URL('../../..', import.meta.url)));
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return openDatabase({ dataDir: config.dataDir });
}
