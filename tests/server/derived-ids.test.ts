// The server derives mark and mutation ids with its own UUIDv5 (derived-ids.ts); they must be the device's ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as device from '../../src/domain/ids.ts';
import * as server from '../../src/server/sync/derived-ids.ts';

describe('derived ids', () => {
  it('[PUSH0] a mutation id is the one the device derives', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(), (deviceId, seq) => {
        expect(server.mutationId(deviceId, seq)).toBe(device.mutationId(deviceId, seq));
      }),
    );
  });

  it("a mark's id is the one the device derives", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (sessionId, learnerId) => {
        expect(server.markId(sessionId, learnerId)).toBe(device.markId(sessionId, learnerId));
      }),
    );
  });
});
