// The app's write worker, run in the test's own thread: a connection of its own to the device database, serving the
// page's requests over a MessageChannel, as the worker script does over its global scope.
import { MessageChannel } from 'node:worker_threads';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { writeHere } from '../../../src/app/db/local-write.ts';
import { type ServedPort, serveWrites } from '../../../src/app/db/write-worker.ts';
import {
  attachWriteWorker,
  type WritePort,
  WriteWorkerClient,
} from '../../../src/app/db/write-worker-client.ts';

export interface TestWriteWorker {
  /** The worker's own connection. */
  db: AppDb;
  client: WriteWorkerClient;
  stop(): void;
}

/** Sends `page`'s writes to a write worker served in this thread. */
export function startWriteWorker(page: AppDb): TestWriteWorker {
  const db = new AppDb(page.name);
  const { port1, port2 } = new MessageChannel();
  serveWrites(db, port2 as unknown as ServedPort);
  port2.start();
  const client = new WriteWorkerClient(
    () => {
      port1.start();
      return port1 as unknown as WritePort;
    },
    (batch, centreId) => writeHere(page, batch, centreId),
  );
  attachWriteWorker(page, client);
  return {
    db,
    client,
    stop() {
      port1.close();
      db.close();
    },
  };
}
