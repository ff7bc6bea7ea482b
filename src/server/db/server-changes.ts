// Changes made through the REST API (accounts, passwords, signed-out devices, uploaded files) go to the change log
// beside the synced mutations, so the audit log holds every change: who, when, from which device, old → new. The
// device is the signed-in device session that made the request.
import type { EntityName } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { encodeHlc } from '../../sync/hlc.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import type { Db, Tx } from './database.ts';
import { changeLog } from './schema.ts';

export interface ServerChange {
  entity: EntityName;
  recordId: string;
  /** Field → [old, new]; a secret is written as SECRET_SET (src/domain/audit.ts), never its value or hash. */
  changes: Record<string, [unknown, unknown]>;
}

export async function logServerChange(
  db: Db | Tx,
  user: AuthUser,
  { entity, recordId, changes }: ServerChange,
  now = new Date(),
): Promise<void> {
  await db.insert(changeLog).values({
    centreId: user.centreId,
    entity,
    recordId,
    // Its own id: a REST change is not a device's outbox entry, so it can never be mistaken for a replay.
    mutationId: newId(),
    deviceId: user.deviceSessionId,
    userId: user.id,
    hlc: encodeHlc({ millis: now.getTime(), counter: 0, deviceId: user.deviceSessionId }),
    outcome: 'applied',
    reason: null,
    changes,
    lost: {},
    at: now,
  });
}
