// Imported first by the write worker's script, before Dexie loads: Dexie makes its channel to the other contexts of
// the origin when it loads, if there is a BroadcastChannel. The worker's writes are told to the page instead, which
// tells its live queries and the other tabs once it has painted (write-worker-client.ts).
delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
