// @vitest-environment jsdom
// "Sẵn sàng đi lớp" counts what the device holds for one class (withdrawn learners, cancelled sessions and other
// classes left out), says how old the data is, reads the browser's facts where it has the APIs and copes where it
// has not, and refreshes everything only while online. The sync scheduler behind it keeps the time of its last round,
// and sends a change made during a round soon after that round.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { noteServerDate } from '../../../src/app/db/clock-offset.ts';
import { DbProvider } from '../../../src/app/db/DbProvider.tsx';
import {
  readLastSynced,
  type StoredSession,
  saveLastSynced,
  saveSession,
} from '../../../src/app/db/device-state.ts';
import { writeChange } from '../../../src/app/db/local-write.ts';
import { ReadinessPage } from '../../../src/app/features/readiness/ReadinessPage.tsx';
import { formatDateTime, localToday } from '../../../src/app/i18n/format.ts';
import { initI18n, loadScreenWords } from '../../../src/app/i18n/i18n.ts';
import { startSyncScheduler } from '../../../src/app/sync/scheduler.ts';
import { useSyncStatus } from '../../../src/app/sync/sync-status.ts';
import type { Transport } from '../../../src/app/sync/transport.ts';
import {
  type Class,
  DEFAULT_CENTRE_SETTINGS,
  type Enrollment,
  type Learner,
  type Session,
} from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { PROTOCOL_VERSION, type PushRequest } from '../../../src/sync/protocol.ts';
import { learnerNamed } from '../helpers/records.ts';

const centreId = newId();
const userId = newId();
const stamp = '2026-11-20T01:00:00.000Z';
const base = { centreId, updatedAt: stamp, deleted: false };

const session: StoredSession = {
  token: 'x'.repeat(43),
  expiresAt: '2099-01-01T00:00:00.000Z',
  needsSignIn: false,
  me: {
    deviceSessionId: newId(),
    user: {
      ...base,
      id: userId,
      role: 'instructor',
      username: 'gv.lan',
      displayName: 'Nguyễn Thị Lan',
      learnerId: null,
    },
    centre: {
      id: centreId,
      updatedAt: stamp,
      deleted: false,
      name: 'Trung tâm Chính trị xã Đăk Ruồng',
      level: 'commune',
      province: 'Quảng Ngãi',
      settings: DEFAULT_CENTRE_SETTINGS,
    },
  },
};

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const aClass = (code: string): Class => ({
  ...base,
  id: newId(),
  code,
  name: `Lớp bồi dưỡng ${code}`,
  classTypeId: newId(),
  year: 2026,
  commune: '',
  location: 'Hội trường xã',
  startDate: localToday(),
  endDate: null,
  status: 'open',
  threshold: 0.8,
  coordinatingBody: '',
  instructorIds: [userId],
});

const aLearner = (fullName: string): Learner => learnerNamed(fullName, base);

const enrol = (
  classId: string,
  learnerId: string,
  status: Enrollment['status'] = 'enrolled',
): Enrollment => ({
  ...base,
  id: newId(),
  classId,
  learnerId,
  status,
  walkIn: false,
});

const aSession = (classId: string, date: string, cancelled = false): Session => ({
  ...base,
  id: newId(),
  classId,
  date,
  partOfDay: 'morning',
  periods: 5,
  topic: 'Chuyên đề',
  instructorId: userId,
  location: '',
  cancelled,
  replacesSessionId: null,
});

/** A class whose learners, sessions and sync are all in order. */
async function seedReadyClass(db: AppDb): Promise<Class> {
  const cls = aClass('CKT-05');
  const learner = aLearner('Trần Văn Bình');
  await db.classes.put(cls);
  await db.learners.put(learner);
  await db.enrollments.put(enrol(cls.id, learner.id));
  await db.sessions.put(aSession(cls.id, addDays(localToday(), 1)));
  await saveLastSynced(db, new Date().toISOString());
  return cls;
}

/** The line of the checklist with this label. */
const line = (label: string) => screen.getByText(label).closest('li')!;

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

describe('ReadinessPage', () => {
  let db: AppDb;
  const syncNow = vi.fn();

  beforeEach(() => {
    db = new AppDb(`test-${newId()}`);
    useSyncStatus.getState().set({ syncNow, running: false });
  });
  afterEach(async () => {
    cleanup();
    for (const property of ['onLine', 'serviceWorker', 'storage'] as const)
      Reflect.deleteProperty(navigator, property);
    vi.unstubAllGlobals();
    syncNow.mockReset();
    await db.delete();
  });

  async function renderFor(classId: string) {
    const i18n = await initI18n('vi');
    await loadScreenWords(i18n);
    render(
      <I18nextProvider i18n={i18n}>
        <DbProvider db={db}>
          <MemoryRouter initialEntries={[`/lop/${classId}/san-sang`]}>
            <Routes>
              <Route path="/lop/:classId/san-sang" element={<ReadinessPage session={session} />} />
            </Routes>
          </MemoryRouter>
        </DbProvider>
      </I18nextProvider>,
    );
  }

  it('counts only this class’s enrolled learners and held sessions, and the changes still to send', async () => {
    const cls = aClass('NTVĐ-01');
    const other = aClass('ĐVM-02');
    const an = aLearner('Lê Văn An');
    const binh = aLearner('Phạm Thị Bình');
    const chi = aLearner('Võ Minh Chi');
    const dung = aLearner('Đặng Văn Dũng');
    const missing = newId(); // enrolled, but the learner's own record has not reached this device
    await db.classes.bulkPut([cls, other]);
    await db.learners.bulkPut([an, binh, chi, dung]);
    await db.enrollments.bulkPut([
      enrol(cls.id, an.id),
      enrol(cls.id, binh.id, 'summoned'),
      enrol(cls.id, chi.id),
      enrol(cls.id, missing),
      enrol(cls.id, dung.id, 'withdrawn'),
      { ...enrol(cls.id, aLearner('Xoá').id), deleted: true },
      enrol(other.id, dung.id),
    ]);
    await db.sessions.bulkPut([
      aSession(cls.id, localToday()),
      aSession(cls.id, addDays(localToday(), 7)),
      aSession(cls.id, addDays(localToday(), -7)),
      aSession(cls.id, addDays(localToday(), 3), true),
      { ...aSession(cls.id, addDays(localToday(), 5)), deleted: true },
      aSession(other.id, addDays(localToday(), 1)),
    ]);
    await db.outbox.add({
      seq: 1,
      id: newId(),
      entity: 'sessions',
      recordId: newId(),
      fields: { topic: 'Đổi chuyên đề' },
      hlc: '0',
      createdAt: stamp,
    });
    const syncedAt = new Date(Date.now() - (5 * 60 + 10) * 1000).toISOString();
    await saveLastSynced(db, syncedAt);

    await renderFor(cls.id);

    await screen.findByRole('heading', { name: 'Sẵn sàng đi lớp' });
    expect(within(line('Danh sách lớp')).getByText('4 học viên')).toBeInTheDocument();
    expect(
      within(line('Danh sách lớp')).getByText('1 học viên chưa có thông tin trên máy'),
    ).toBeInTheDocument();
    expect(line('Danh sách lớp')).toHaveClass('warn');
    expect(within(line('Buổi học')).getByText('3 buổi, trong đó 2 buổi sắp tới')).toBeInTheDocument();
    expect(line('Buổi học')).toHaveClass('ok');
    expect(
      within(line('Dữ liệu quét mã QR')).getByText('Quét được mã của 3/4 học viên khi không có mạng'),
    ).toBeInTheDocument();
    expect(line('Dữ liệu quét mã QR')).toHaveClass('warn');
    expect(
      within(line('Độ mới của dữ liệu')).getByText(
        `Dữ liệu cập nhật lúc ${formatDateTime(syncedAt, 'vi')} (5 phút trước)`,
      ),
    ).toBeInTheDocument();
    expect(line('Độ mới của dữ liệu')).toHaveClass('ok');
    expect(line('Thay đổi chưa đồng bộ')).toHaveTextContent('1 thay đổi chưa gửi lên máy chủ');
    expect(line('Thay đổi chưa đồng bộ')).toHaveClass('warn');
    // jsdom has no service worker, Cache Storage or StorageManager: said plainly, nothing thrown.
    expect(
      await within(line('Ứng dụng dùng khi không có mạng')).findByText(/không lưu được ứng dụng/),
    ).toBeInTheDocument();
    expect(line('Bộ nhớ')).toHaveTextContent('Trình duyệt không cho biết dung lượng bộ nhớ');
    expect(line('Bộ nhớ')).toHaveTextContent('Không rõ trình duyệt có giữ dữ liệu lâu dài hay không');
    expect(screen.getByText('Còn 5 mục cần xem lại trước khi đi.')).toBeInTheDocument();
  });

  it('warns when the device has never synced and the class has no upcoming session', async () => {
    const cls = aClass('LS-03');
    await db.classes.put(cls);
    await db.sessions.put(aSession(cls.id, addDays(localToday(), -1)));

    await renderFor(cls.id);

    await screen.findByRole('heading', { name: 'Sẵn sàng đi lớp' });
    expect(line('Độ mới của dữ liệu')).toHaveTextContent('Máy này chưa đồng bộ lần nào');
    expect(line('Độ mới của dữ liệu')).toHaveTextContent('Nên làm mới trước khi đi lớp.');
    expect(line('Độ mới của dữ liệu')).toHaveClass('warn');
    expect(within(line('Buổi học')).getByText('1 buổi, trong đó 0 buổi sắp tới')).toBeInTheDocument();
    expect(line('Buổi học')).toHaveClass('warn');
    expect(line('Danh sách lớp')).toHaveTextContent('Chưa có học viên nào trên máy');
  });

  it('calls the class ready once the browser says the app is cached and the data kept', async () => {
    const cls = await seedReadyClass(db);
    vi.stubGlobal('caches', { keys: async () => ['workbox-precache-v2-https://diemdanh.example/'] });
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { controller: {}, addEventListener: () => {}, removeEventListener: () => {} },
    });
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        estimate: async () => ({ usage: 12_300_000, quota: 2_012_300_000 }),
        persisted: async () => true,
      },
    });

    await renderFor(cls.id);

    expect(await screen.findByText('Mọi thứ đã sẵn sàng để đi lớp.')).toBeInTheDocument();
    expect(line('Ứng dụng dùng khi không có mạng')).toHaveTextContent('Đã lưu sẵn trên máy');
    expect(line('Bộ nhớ')).toHaveTextContent('Đã dùng 12,3 MB / còn trống 2 GB');
    expect(line('Bộ nhớ')).toHaveTextContent('Trình duyệt sẽ giữ dữ liệu lâu dài');
    expect(line('Đồng hồ của máy')).toHaveTextContent('Khớp với giờ của máy chủ');
    const items = document.querySelectorAll('.readiness-item');
    expect(items).toHaveLength(8);
    for (const item of items) expect(item).toHaveClass('ok');
  });

  it("says when the phone's clock is off the server's, and by how much", async () => {
    const cls = await seedReadyClass(db);
    const now = Date.now();
    noteServerDate(new Date(now + 26 * 3600_000).toUTCString(), now - 100, now);
    try {
      await renderFor(cls.id);
      await screen.findByRole('heading', { name: 'Sẵn sàng đi lớp' });
      expect(line('Đồng hồ của máy')).toHaveTextContent('Đồng hồ của máy chậm 1 ngày so với máy chủ.');
      expect(line('Đồng hồ của máy')).toHaveClass('warn');
    } finally {
      noteServerDate(new Date().toUTCString(), Date.now() - 100, Date.now());
    }
  });

  it('refreshes everything while online: syncs, updates the app, asks to keep the data', async () => {
    const cls = await seedReadyClass(db);
    const update = vi.fn(async () => {});
    const persist = vi.fn(async () => true);
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: {
        controller: null,
        getRegistration: async () => ({ update }),
        addEventListener: () => {},
        removeEventListener: () => {},
      },
    });
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ usage: 1, quota: 2 }), persisted: async () => false, persist },
    });
    vi.stubGlobal('caches', { keys: async () => [] });

    await renderFor(cls.id);
    const button = await screen.findByRole('button', { name: 'Làm mới tất cả' });
    expect(button).toBeEnabled();
    fireEvent.click(button);

    expect(syncNow).toHaveBeenCalledOnce();
    await waitFor(() => expect(update).toHaveBeenCalledOnce());
    expect(persist).toHaveBeenCalledOnce();
    expect(line('Ứng dụng dùng khi không có mạng')).toHaveTextContent('Chưa lưu xong');
  });

  it('disables the refresh offline and says why', async () => {
    const cls = await seedReadyClass(db);
    setOnline(false);

    await renderFor(cls.id);

    const button = await screen.findByRole('button', { name: 'Làm mới tất cả' });
    expect(button).toBeDisabled();
    expect(screen.getByText(/Cần có mạng để làm mới/)).toBeInTheDocument();
    fireEvent.click(button);
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('says so when the class is not on this device', async () => {
    await renderFor(newId());
    expect(
      await screen.findByText('Lớp này chưa có trên thiết bị. Hãy đồng bộ khi có mạng.'),
    ).toBeInTheDocument();
  });
});

describe('the time of the last successful sync', () => {
  let db: AppDb;
  let stop = () => {};
  beforeEach(async () => {
    db = new AppDb(`test-${newId()}`);
    useSyncStatus.getState().set({ lastSyncedAt: null });
    await saveSession(db, { token: session.token, expiresAt: session.expiresAt, me: session.me });
  });
  afterEach(async () => {
    stop();
    await db.delete();
  });

  it('is stored on the device after a successful round', async () => {
    const emptyPull: Transport = async () => ({
      status: 200,
      body: { protocolVersion: PROTOCOL_VERSION, cursor: 0, hasMore: false, changes: {} },
    });
    const before = new Date().toISOString();
    stop = startSyncScheduler(db, emptyPull);

    await vi.waitFor(async () => expect(await readLastSynced(db)).not.toBeNull());
    const stored = (await readLastSynced(db))!;
    expect(stored >= before).toBe(true);
    expect(useSyncStatus.getState().lastSyncedAt).toBe(stored);
  });

  it('is shown again after a reload even while the server cannot be reached', async () => {
    await saveLastSynced(db, '2026-11-19T07:05:00.000Z');
    const unreachable: Transport = async () => {
      throw new TypeError('Failed to fetch');
    };
    stop = startSyncScheduler(db, unreachable);

    await vi.waitFor(() => expect(useSyncStatus.getState().lastSyncedAt).toBe('2026-11-19T07:05:00.000Z'));
    await vi.waitFor(() => expect(useSyncStatus.getState().error).toBe('network'));
    expect(await readLastSynced(db)).toBe('2026-11-19T07:05:00.000Z');
  });
});

describe('the sync scheduler', () => {
  let db: AppDb;
  let stop = () => {};
  beforeEach(async () => {
    db = new AppDb(`test-${newId()}`);
    await saveSession(db, { token: session.token, expiresAt: session.expiresAt, me: session.me });
  });
  afterEach(async () => {
    stop();
    await db.delete();
  });

  const aMark = () =>
    writeChange(
      db,
      {
        entity: 'marks',
        sessionId: newId(),
        learnerId: newId(),
        changes: { status: 'present', note: '', markedBy: userId, markedAt: stamp, deleted: false },
      },
      centreId,
    );

  it('sends a change made during a round shortly after it, not a whole period later', async () => {
    const pushed: number[][] = [];
    let pulls = 0;
    const server: Transport = async ({ path, body }) => {
      if (path === '/api/sync/push') {
        const { mutations } = body as PushRequest;
        pushed.push(mutations.map((m) => m.seq));
        return {
          status: 200,
          body: {
            protocolVersion: PROTOCOL_VERSION,
            lastSeq: mutations.at(-1)!.seq,
            results: mutations.map((m) => ({ seq: m.seq, outcome: 'applied' })),
          },
        };
      }
      // The instructor marks someone while the round pulls, after its push; the round ends once the unsynced count
      // has moved with that change.
      pulls += 1;
      if (pulls === 1) await aMark();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        status: 200,
        body: { protocolVersion: PROTOCOL_VERSION, cursor: 0, hasMore: false, changes: {} },
      };
    };
    // Someone looks at the app, so a round ends by planning the periodic one.
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    await aMark();
    stop = startSyncScheduler(db, server);

    // A few seconds, where the periodic sync would come after a minute.
    await vi.waitFor(() => expect(pushed).toEqual([[1], [2]]), { timeout: 5000 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('when the server says the app is too old, stops trying and fetches the new version for the update prompt', async () => {
    const update = vi.fn(async () => {});
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { getRegistration: async () => ({ update }) },
    });
    let requests = 0;
    const newerServer: Transport = async () => {
      requests += 1;
      return { status: 426, body: { error: 'clientTooOld' } };
    };
    await aMark();
    try {
      stop = startSyncScheduler(db, newerServer);
      await vi.waitFor(() => expect(update).toHaveBeenCalledOnce());
      expect(useSyncStatus.getState().error).toBe('clientTooOld');
      expect(requests).toBe(1);
      expect(await db.outbox.count()).toBe(1);
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });
});
