// The name-based ids of src/domain/ids.ts (UUIDv5: SHA-1 of a namespace and a name), computed
// with node:crypto's one-shot hash. The uuid package's portable version cost a tenth of a large push, which derives
// two per mark (the mutation's id and the mark's own, to check it); this one is about three times cheaper.
// tests/server/derived-ids.test.ts holds both versions equal.
import { hash } from 'node:crypto';
import { MARK_ID_NAMESPACE, MUTATION_ID_NAMESPACE } from '../../domain/ids.ts';

const namespaceBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');

const MARK_NAMESPACE = namespaceBytes(MARK_ID_NAMESPACE);
const MUTATION_NAMESPACE = namespaceBytes(MUTATION_ID_NAMESPACE);

function uuidv5(name: string, namespace: Buffer): string {
  const h = hash('sha1', Buffer.concat([namespace, Buffer.from(name)]));
  // Version 5 in the 13th hex digit, the RFC 4122 variant in the top bits of the 17th.
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const markId = (sessionId: string, learnerId: string): string =>
  uuidv5(`${sessionId}/${learnerId}`, MARK_NAMESPACE);

export const mutationId = (deviceId: string, seq: number): string =>
  uuidv5(`${deviceId}/${seq}`, MUTATION_NAMESPACE);
