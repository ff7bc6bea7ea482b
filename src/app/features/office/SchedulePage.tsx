// A class's timetable (lịch học): its sessions with topic, instructor and place; many added at once ("5 ngày, sáng
// và chiều"), one cancelled or brought back, or moved to another day. Learners and instructors see it after a sync.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PartOfDay, Session } from '../../../domain/entities.ts';
import { MAX_SESSIONS_AT_ONCE, planSessions } from '../../../domain/schedule.ts';
import { compareSessions } from '../../../domain/sessions.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { type ClassRecord, useAccounts, useClassRecord } from '../../db/office-hooks.ts';
import { formatDate } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { WideTable } from '../../ui/WideTable.tsx';
import { Field } from './form-fields.tsx';
import { addSessions, moveSession, setCancelled } from './schedule-actions.ts';

const PARTS: PartOfDay[] = ['morning', 'afternoon', 'evening'];

export const SchedulePage = staffScreen(ScheduleScreen);

function ScheduleScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const record = useClassRecord(classId);
  const accounts = useAccounts();
  if (record === undefined || !accounts) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (record === null)
    return (
      <AppShell session={session}>
        <p>{t('classRecord.notOnDevice')}</p>
      </AppShell>
    );
  const instructors = accounts.users.filter((u) => u.role === 'instructor');
  const names = new Map(instructors.map((u) => [u.id, u.displayName]));
  const sessions = [...record.sessions].sort(compareSessions);
  // A session with marks has been held: it stays where it was (moving it would move its roll).
  const marked = new Set(record.marks.filter((m) => !m.deleted).map((m) => m.sessionId));
  const dates = new Map(sessions.map((s) => [s.id, s.date]));
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{t('schedule.title', { code: record.cls.code })}</h1>
      <p>{record.cls.name}</p>
      <AddSessions record={record} instructors={instructors} />
      <WideTable
        headings={[
          t('schedule.date'),
          t('schedule.topic'),
          t('classForm.instructors'),
          t('classForm.location'),
          t('users.actions'),
        ]}
        testId="schedule"
      >
        {sessions.map((s) => (
          <SessionRow
            key={s.id}
            session={s}
            instructor={s.instructorId ? names.get(s.instructorId) : undefined}
            movable={!s.cancelled && !marked.has(s.id)}
            replaces={s.replacesSessionId ? dates.get(s.replacesSessionId) : undefined}
          />
        ))}
      </WideTable>
    </AppShell>
  );
}

function AddSessions({
  record,
  instructors,
}: {
  record: ClassRecord;
  instructors: { id: string; displayName: string }[];
}) {
  const { t } = useTranslation();
  const db = useDb();
  const { cls } = record;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [refused, setRefused] = useState<Set<string>>(new Set());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '') || from;
    const periods = Number(data.get('periods'));
    const parts = data.getAll('parts').map(String) as PartOfDay[];
    const bad = new Set<string>();
    if (!from) bad.add('from');
    if (to < from) bad.add('to');
    if (parts.length === 0) bad.add('parts');
    if (!Number.isInteger(periods) || periods < 1 || periods > 12) bad.add('periods');
    const planned =
      bad.size === 0
        ? planSessions({
            from,
            to,
            parts,
            includeSaturdays: data.get('saturdays') === 'on',
            topics: String(data.get('topics') ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          })
        : [];
    if (bad.size === 0 && (planned.length === 0 || planned.length > MAX_SESSIONS_AT_ONCE)) bad.add('to');
    setRefused(bad);
    if (bad.size > 0) {
      setMessage({ ok: false, text: t('schedule.invalid', { max: MAX_SESSIONS_AT_ONCE }) });
      return;
    }
    const { added, skipped } = await addSessions(db, cls, record.sessions, planned, {
      instructorId: String(data.get('instructorId') ?? '') || null,
      location: String(data.get('location') ?? '').trim(),
      periods,
    });
    form.reset();
    setMessage({ ok: true, text: t('schedule.added', { added, skipped }) });
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-label={t('schedule.add')}>
      <h2>{t('schedule.add')}</h2>
      <Field label={t('schedule.from')} name="from" type="date" refused={refused} />
      <Field label={t('schedule.to')} name="to" type="date" refused={refused} />
      <fieldset className="checks" aria-invalid={refused.has('parts')}>
        <legend>{t('schedule.parts')}</legend>
        {PARTS.map((p) => (
          <label key={p}>
            <input type="checkbox" name="parts" value={p} defaultChecked={p !== 'evening'} />
            {t(`partOfDay.${p}`)}
          </label>
        ))}
        <label>
          <input type="checkbox" name="saturdays" />
          {t('schedule.saturdays')}
        </label>
      </fieldset>
      <label>
        {t('schedule.topics')}
        <textarea name="topics" rows={4} />
      </label>
      <label>
        {t('classForm.instructors')}
        <select name="instructorId" defaultValue={cls.instructorIds[0] ?? ''}>
          <option value="">{t('schedule.noInstructor')}</option>
          {instructors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </label>
      <Field
        label={t('classForm.location')}
        name="location"
        refused={refused}
        defaultValue={cls.location}
        maxLength={200}
      />
      <Field
        label={t('schedule.periods')}
        name="periods"
        refused={refused}
        inputMode="numeric"
        defaultValue="5"
      />
      <button type="submit">{t('schedule.addButton')}</button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'field-error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function SessionRow({
  session,
  instructor,
  movable,
  replaces,
}: {
  session: Session;
  instructor: string | undefined;
  movable: boolean;
  /** The date of the session this one replaces (moved, or a make-up session). */
  replaces: string | undefined;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const [moving, setMoving] = useState(false);
  const when = `${formatDate(session.date)} · ${t(`partOfDay.${session.partOfDay}`)}`;
  return (
    <tr data-cancelled={session.cancelled}>
      <th scope="row" className="name">
        {when}
        {session.cancelled && <span className="pill cancelled">{t('instructor.cancelled')}</span>}
        {replaces && (
          <span className="pill moved">{t('instructor.replaces', { date: formatDate(replaces) })}</span>
        )}
      </th>
      <td>{session.topic}</td>
      <td>{instructor ?? ''}</td>
      <td>{session.location}</td>
      <td>
        {moving ? (
          <form
            className="inline-form"
            aria-label={t('schedule.moveTo', { when })}
            onSubmit={async (e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const date = String(data.get('date') ?? '');
              if (!date) return;
              await moveSession(db, session, date, String(data.get('part')) as PartOfDay);
              setMoving(false);
            }}
          >
            <input
              type="date"
              name="date"
              required
              defaultValue={session.date}
              aria-label={t('schedule.date')}
            />
            <select name="part" defaultValue={session.partOfDay} aria-label={t('schedule.parts')}>
              {PARTS.map((p) => (
                <option key={p} value={p}>
                  {t(`partOfDay.${p}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t('users.save')}</button>
            <button type="button" className="secondary" onClick={() => setMoving(false)}>
              {t('roll.cancel')}
            </button>
          </form>
        ) : (
          <div className="row-actions">
            {movable && (
              <button type="button" className="secondary" onClick={() => setMoving(true)}>
                {t('schedule.move')}
              </button>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => setCancelled(db, session, !session.cancelled)}
            >
              {session.cancelled ? t('schedule.restore') : t('schedule.cancel')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
