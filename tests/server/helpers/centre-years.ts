// Builds a centre's years the way the app does: a fresh centre and its admin, who signs in and pushes class kinds,
// plan items, classes, learners, enrolments, sessions and marks as a device's outbox would (in order, in batches
// within the push limits), so a test can describe a seed's year in a few lines and read the report back.
import type { FastifyInstance } from 'fastify';
import { addDays, weekdaysFrom, yearOf } from '../../../src/domain/calendar.ts';
import { type ClassCategory, DEFAULT_CENTRE_SETTINGS, type User } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import type { ReportSummary } from '../../../src/domain/reports.ts';
import { splitFullName } from '../../../src/domain/vietnamese-text.ts';
import { hashPassword } from '../../../src/server/auth/passwords.ts';
import type { Db } from '../../../src/server/db/database.ts';
import { insertCentre, insertRecords } from '../../../src/server/db/records.ts';
import { encodeHlc, type HlcState, tick } from '../../../src/sync/hlc.ts';
import { PROTOCOL_VERSION, PUSH_MAX_MUTATIONS, type WireMutation } from '../../../src/sync/protocol.ts';
import { bearer, login } from './app.ts';
import { PASSWORD } from './fixtures.ts';

/** `total` shared out over `parts` as evenly as whole numbers allow, larger parts first: split(779, 10). */
export function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** `count` weekdays spread evenly from `from` to `to` (both yyyy-mm-dd), for the first days of classes. */
export function spread(from: string, to: string, count: number): string[] {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Array.from(
    { length: count },
    (_, i) => weekdaysFrom(addDays(from, Math.floor((days * i) / Math.max(count - 1, 1))), 1)[0]!,
  );
}

export interface Classes {
  kind: string;
  /** The first day of each class (one class per entry); each runs `days` weekdays, one morning session a day. */
  starts: string[];
  /** Learners on each class's list (summoned), one number per class. */
  lists: number[];
  /** Of each list, how many came (present at every session; the others absent at every one). Default: all. */
  came?: number[];
  days?: number;
  /**
   * People to summon instead of new learners (lượt: one person in several classes), taken in turn and from the
   * front again when they run out, so consecutive classes share people only once the pool is used up.
   */
  from?: readonly string[];
}

export class CentreYears {
  private readonly outbox: Omit<WireMutation, 'seq' | 'hlc'>[] = [];
  private readonly deviceId = newId();
  private clock: HlcState = { millis: 0, counter: 0 };
  private seq = 0;
  private classCount = 0;
  private learnerCount = 0;

  private constructor(
    private readonly app: FastifyInstance,
    private readonly token: string,
    private readonly adminId: string,
  ) {}

  /** A new centre with one admin (as `npm run create-admin` makes it), signed in through the API. */
  static async open(app: FastifyInstance, db: Db, name: string): Promise<CentreYears> {
    const centreId = newId();
    const updatedAt = new Date().toISOString();
    const passwordHash = await hashPassword(PASSWORD);
    const admin: User = {
      id: newId(),
      centreId,
      updatedAt,
      deleted: false,
      role: 'admin',
      username: `giaovu.${centreId.slice(-8)}`,
      displayName: 'Giáo vụ',
      learnerId: null,
    };
    await db.transaction(async (tx) => {
      await insertCentre(tx, {
        id: centreId,
        updatedAt,
        deleted: false,
        name,
        level: 'district',
        province: '',
        settings: DEFAULT_CENTRE_SETTINGS,
      });
      await insertRecords(tx, 'users', centreId, [admin], () => ({ passwordHash }));
    });
    return new CentreYears(app, await login(app, admin.username), admin.id);
  }

  private put(entity: WireMutation['entity'], fields: Record<string, unknown>, recordId = newId()): string {
    this.outbox.push({ entity, recordId, fields: { ...fields, deleted: false } });
    return recordId;
  }

  /** A class kind of the centre; returns its id. */
  kind(nameVi: string, category: ClassCategory): string {
    return this.put('classTypes', { nameVi, nameEn: '', category, defaultThreshold: 0.8 });
  }

  plan(year: number, classTypeId: string, plannedClasses: number, plannedLearners = 0): void {
    this.put('planItems', { year, classTypeId, plannedClasses, plannedLearners });
  }

  /** `count` new learners; returns their ids. */
  people(count: number): string[] {
    return Array.from({ length: count }, () => {
      const fullName = `Nguyễn Văn Học ${++this.learnerCount}`;
      return this.put('learners', {
        fullName,
        ...splitFullName(fullName),
        birthDate: null,
        gender: null,
        position: '',
        unit: '',
        phone: '',
        partyStatus: 'none',
      });
    });
  }

  /** Classes of one kind with their lists, sessions and marks; returns the classes' ids. */
  classes({ kind, starts, lists, came = lists, days = 1, from }: Classes): string[] {
    let next = 0;
    return starts.map((start, i) => {
      const size = lists[i]!;
      const dates = weekdaysFrom(start, days);
      const code = `L${++this.classCount}`;
      const classId = this.put('classes', {
        code,
        name: `Lớp ${code}`,
        classTypeId: kind,
        year: yearOf(start),
        commune: '',
        location: '',
        startDate: dates[0],
        endDate: dates[dates.length - 1],
        status: 'closed',
        threshold: 0.8,
        coordinatingBody: '',
        instructorIds: [],
      });
      if (from && from.length < size) throw new Error(`${code}: ${size} learners wanted of ${from.length}`);
      const learners = from
        ? Array.from({ length: size }, () => from[next++ % from.length]!)
        : this.people(size);
      for (const learnerId of learners)
        this.put('enrollments', { classId, learnerId, status: 'summoned', walkIn: false });
      for (const date of dates) {
        const sessionId = this.put('sessions', {
          classId,
          date,
          partOfDay: 'morning',
          periods: 5,
          topic: '',
          instructorId: null,
          location: '',
          cancelled: false,
          replacesSessionId: null,
        });
        learners.forEach((learnerId, n) => {
          const status = n < came[i]! ? 'present' : 'absent';
          const fields = {
            sessionId,
            learnerId,
            status,
            note: '',
            markedBy: this.adminId,
            markedAt: `${date}T01:00:00.000Z`,
          };
          this.put('marks', fields, markId(sessionId, learnerId));
        });
      }
      return classId;
    });
  }

  /** Pushes everything described so far, oldest first, and fails unless the server applied every mutation. */
  async send(): Promise<void> {
    const pending = this.outbox.splice(0);
    for (let at = 0; at < pending.length; at += PUSH_MAX_MUTATIONS) {
      const mutations = pending.slice(at, at + PUSH_MAX_MUTATIONS).map((m) => {
        this.clock = tick(this.clock, Date.now());
        return { ...m, seq: ++this.seq, hlc: encodeHlc({ ...this.clock, deviceId: this.deviceId }) };
      });
      const res = await this.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(this.token),
        payload: { protocolVersion: PROTOCOL_VERSION, deviceId: this.deviceId, mutations },
      });
      const refused =
        res.statusCode === 200 &&
        res.json().results.find((r: { outcome: string }) => r.outcome !== 'applied');
      if (res.statusCode !== 200 || refused)
        throw new Error(`push: ${res.statusCode} ${JSON.stringify(refused || res.json())}`);
    }
  }

  /** GET /api/reports/summary for the period (and system), as the admin. */
  async summary(
    from: string,
    to: string,
    system?: ClassCategory,
  ): Promise<ReportSummary & { paragraph: string }> {
    const res = await this.app.inject({
      method: 'GET',
      url: `/api/reports/summary?from=${from}&to=${to}${system ? `&system=${system}` : ''}`,
      headers: bearer(this.token),
    });
    if (res.statusCode !== 200) throw new Error(`summary: ${res.statusCode} ${res.body}`);
    return res.json();
  }
}
