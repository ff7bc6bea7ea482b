// The write worker's script (started by open-at-start.ts): the device database, opened in this thread, and the
// page's requests answered (write-worker.ts). What the writes change is told to the page, not to every context at
// once as Dexie would (write-worker-client.ts says why): this thread has no channel of its own.
import './write-worker-without-channel.ts';
import Dexie from 'dexie';
import { AppDb } from './app-db.ts';
import { type ServedPort, serveWrites } from './write-worker.ts';

const page = self as unknown as ServedPort;
// Here, not in serveWrites: tests serve writes in the page's own thread, whose Dexie tells its live queries already.
Dexie.on('storagemutated', (parts) => page.postMessage({ type: 'changed', parts }));
serveWrites(new AppDb(), page);
