// @vitest-environment jsdom
// The instructor's home reads the device database: their classes and the next sessions, in Vietnamese, dd/mm/yyyy;
// the classes that have ended are folded below the others.
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { DbProvider } from '../../../src/app/db/DbProvider.tsx';
import { InstructorHome } from '../../../src/app/features/home/InstructorHome.tsx';
import { formatDate, localToday } from '../../../src/app/i18n/format.ts';
import { initI18n, loadScreenWords } from '../../../src/app/i18n/i18n.ts';
import { newId } from '../../../src/domain/ids.ts';

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('InstructorHome', () => {
  let db: AppDb;
  afterEach(() => db.delete());

  it('lists the instructor’s class and upcoming sessions, soonest first, but not other classes', async () => {
    db = new AppDb(`test-${newId()}`);
    const me = newId();
    const centreId = newId();
    const base = { centreId, updatedAt: '2026-11-20T01:00:00.000Z', deleted: false };
    const classOf = (code: string, instructorIds: string[]) => ({
      ...base,
      id: newId(),
      code,
      name: `Lớp ${code}`,
      classTypeId: newId(),
      year: 2026,
      commune: '',
      location: 'Hội trường xã Đăk Ruồng',
      startDate: localToday(),
      endDate: null,
      status: 'open' as const,
      threshold: 0.8,
      coordinatingBody: '',
      instructorIds,
    });
    const mine = classOf('NTVĐ-01', [me]);
    const ended = { ...classOf('SC-01/2021', [me]), status: 'closed' as const };
    const theirs = classOf('ĐVM-02', [newId()]);
    const session = (classId: string, date: string, topic: string) => ({
      ...base,
      id: newId(),
      classId,
      date,
      partOfDay: 'morning' as const,
      periods: 5,
      topic,
      instructorId: me,
      location: '',
      cancelled: false,
      replacesSessionId: null,
    });
    const later = addDays(localToday(), 3);
    const sooner = addDays(localToday(), 1);
    await db.classes.bulkPut([mine, ended, theirs]);
    await db.sessions.bulkPut([
      session(mine.id, later, 'Chuyên đề sau'),
      session(mine.id, sooner, 'Chuyên đề trước'),
      session(mine.id, addDays(localToday(), -5), 'Đã qua'),
      session(theirs.id, sooner, 'Lớp khác'),
    ]);

    const i18n = await initI18n('vi');

    await loadScreenWords(i18n);
    render(
      <I18nextProvider i18n={i18n}>
        <DbProvider db={db}>
          <MemoryRouter>
            <InstructorHome userId={me} />
          </MemoryRouter>
        </DbProvider>
      </I18nextProvider>,
    );

    expect(await screen.findByRole('heading', { name: 'Buổi học sắp tới' })).toBeInTheDocument();
    const topics = (await screen.findAllByText(/Chuyên đề/)).map((el) => el.textContent);
    expect(topics).toEqual(['Chuyên đề trước', 'Chuyên đề sau']);
    expect(screen.getByText(formatDate(sooner))).toBeInTheDocument();
    expect(screen.getByText('Lớp NTVĐ-01')).toBeInTheDocument();
    expect(screen.queryByText('Lớp khác')).toBeNull();
    expect(screen.queryByText('Lớp ĐVM-02')).toBeNull();

    const folded = screen.getByText('Lớp đã kết thúc hoặc đã hủy (1)');
    expect(folded.closest('details')?.open).toBe(false);
    expect(screen.queryByText('Lớp SC-01/2021')).toBeNull();
    fireEvent.click(folded);
    expect(await screen.findByText('Lớp SC-01/2021')).toBeInTheDocument();
  });
});
