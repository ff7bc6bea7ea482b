// Record ids are minted on the device (UUIDv7: time-ordered, no coordination), so anything can be created offline.
import { parse as parseUuid, v5 as uuidv5, v7 as uuidv7 } from 'uuid';

export const newId = (): string => uuidv7();

/** Oldest first: UUIDv7 ids sort in the order the records were made (a centre's own order of its class kinds). */
export const byCreation = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

// A mark is identified by its session and learner, not by who created it, so two instructors marking the same
// learner offline converge on one record instead of creating two.
// (Namespaces parsed once: the server derives thousands of these per push.)
export const MARK_ID_NAMESPACE = '6f1d3c2a-8a4b-4f51-9d0e-3b7a2c9e5d10';
const MARK_NAMESPACE = parseUuid(MARK_ID_NAMESPACE);
export const markId = (sessionId: string, learnerId: string): string =>
  uuidv5(`${sessionId}/${learnerId}`, MARK_NAMESPACE);

// A mutation is identified by the device that made it and its place in that device's outbox: both sides derive the
// id, so it never travels (a smaller push), and a replay or an imported file is recognised by it.
export const MUTATION_ID_NAMESPACE = '2b9c7e4e-5d1a-4c3f-8e6b-9a0f1d2c3b4a';
const MUTATION_NAMESPACE = parseUuid(MUTATION_ID_NAMESPACE);
export const mutationId = (deviceId: string, seq: number): string =>
  uuidv5(`${deviceId}/${seq}`, MUTATION_NAMESPACE);
