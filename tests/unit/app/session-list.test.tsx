// @vitest-environment jsdom
// What learners and instructors see of a change of timetable: a cancelled session flagged, and the session replacing
// it flagged with the day it replaces.
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionList } from '../../../src/app/features/home/SessionList.tsx';
import { initI18n } from '../../../src/app/i18n/i18n.ts';
import type { Class, Session } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';

const base = { centreId: newId(), updatedAt: '2026-11-25T01:00:00.000Z', deleted: false };
const cls = { ...base, id: newId(), code: 'CĐS-01/2026', location: 'Hội trường xã' } as Class;
const session = (date: string, topic: string, extra: Partial<Session> = {}): Session => ({
  ...base,
  id: newId(),
  classId: cls.id,
  date,
  partOfDay: 'morning',
  periods: 5,
  topic,
  instructorId: null,
  location: '',
  cancelled: false,
  replacesSessionId: null,
  ...extra,
});

describe('SessionList', () => {
  it('flags a cancelled session, and the one replacing it with the day it replaces', async () => {
    const moved = session('2026-12-07', 'Chuyển đổi số là gì', { cancelled: true });
    const replacement = session('2026-12-10', 'Chuyển đổi số là gì', { replacesSessionId: moved.id });
    const elsewhere = session('2026-12-11', 'Học bù', { replacesSessionId: newId() });
    const i18n = await initI18n('vi');
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <SessionList
            sessions={[moved, replacement, elsewhere].map((s) => ({ session: s, cls }))}
            today="2026-11-25"
          />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Đã hủy');
    expect(items[1]).toHaveTextContent('Đổi lịch, thay buổi 07/12/2026');
    expect(items[1]).not.toHaveTextContent('Đã hủy');
    // The session it replaces is not in the list: still flagged.
    expect(items[2]).toHaveTextContent('Buổi đổi lịch / học bù');
  });
});
