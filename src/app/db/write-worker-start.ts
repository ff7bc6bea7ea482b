// The write worker's script (started by open-at-start.ts): the device database, opened in this thread, and the
// page's requests answered (write-worker.ts).
import { AppDb } from './app-db.ts';
import { type ServedPort, serveWrites } from './write-worker.ts';

serveWrites(new AppDb(), self as unknown as ServedPort);
