// The roll of one session: counts always in view, "everyone remaining present" in one tap, then the exceptions;
// QR check-in, walk-ins, search that ignores diacritics; each learner's unsent mark flagged. A past session opens
// read-only until the instructor confirms a correction. Every tap is a local write: no network needed.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sessionCounts } from '../../../domain/attendance.ts';
import { type Learner, type MarkStatus, MarkStatuses } from '../../../domain/entities.ts';
import { matchesSearch } from '../../../domain/vietnamese-text.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { type RollData, useClassMarks, useRoll } from '../../db/hooks.ts';
import { keepNoteDraft, readNoteDrafts } from '../../db/note-drafts.ts';
import { formatDate, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { QrScanner } from '../checkin/QrScanner.tsx';
import { signal } from '../checkin/signal.ts';
import { EvidencePhotos } from './EvidencePhotos.tsx';
import { ROW_STATUSES, RollRow, type RowLabels } from './RollRow.tsx';
import { addWalkIn, checkIn, markLearners, noteLearner, type ScanOutcome, undo } from './roll-actions.ts';
import { useRollUndo } from './roll-undo.ts';
import { SessionSummary } from './SessionSummary.tsx';
import { WalkInForm } from './WalkInForm.tsx';

export function RollPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const db = useDb();
  const { sessionId = '' } = useParams();
  const roll = useRoll(sessionId);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<'scanner' | 'walkIn' | null>(null);
  const [scanned, setScanned] = useState<{ ok: boolean; text: string } | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const remember = useRollUndo((s) => s.remember);
  const user = session.me.user;
  // The rows' handlers stay the same functions across renders (so memoised rows stay put) and read the latest roll.
  const current = useRef({ roll, remember });
  current.current = { roll, remember };

  const labels = useMemo<RowLabels>(
    () => ({
      status: Object.fromEntries(MarkStatuses.map((s) => [s, t(`markStatus.${s}`)])) as Record<
        MarkStatus,
        string
      >,
      notOnServer: t('sync.notOnServer'),
      walkIn: t('walkIn.flag'),
      noteFor: (name) => t('roll.noteFor', { name }),
      note: {
        note: t('roll.note'),
        addNote: t('roll.addNote'),
        placeholder: t('roll.notePlaceholder'),
        save: t('roll.saveNote'),
        cancel: t('roll.cancel'),
      },
    }),
    [t],
  );
  const onMark = useCallback(
    async (learner: Learner, status: MarkStatus) => {
      const { roll: now, remember: keep } = current.current;
      if (!now) return;
      const ctx = { session: now.session, userId: user.id, centreId: session.me.centre.id };
      try {
        const done = await markLearners(db, ctx, [learner.id], status, now.marks);
        // The label is made after the write, from the labels made once: nothing but the write in the tap's task.
        keep(`${learner.fullName}: ${labels.status[status]}`, done);
        setSaveFailed(false);
      } catch (err) {
        setSaveFailed(true);
        throw err;
      }
    },
    [db, user.id, session.me.centre.id, labels],
  );
  const onNote = useCallback(
    async (learner: Learner, note: string) => {
      const { roll: now, remember: keep } = current.current;
      if (!now) return;
      const ctx = { session: now.session, userId: user.id, centreId: session.me.centre.id };
      keep(
        t('roll.noteSaved', { name: learner.fullName }),
        await noteLearner(db, ctx, learner.id, note, now.marks),
      );
    },
    [db, user.id, session.me.centre.id, t],
  );
  // Read once per roll: a row's draft only matters when it is first shown.
  const noteDrafts = useMemo(() => readNoteDrafts(sessionId), [sessionId]);
  const onNoteDraft = useCallback(
    (learner: Learner, text: string | null) => keepNoteDraft(sessionId, learner.id, text),
    [sessionId],
  );

  const onScan = useCallback(
    async (text: string) => {
      if (!roll) return;
      const ctx = { session: roll.session, userId: user.id, centreId: session.me.centre.id };
      const outcome: ScanOutcome = await checkIn(db, ctx, text, roll.marks);
      const name = 'learner' in outcome ? (outcome.learner?.fullName ?? t('checkIn.someone')) : '';
      if (outcome.kind === 'marked') remember(t('checkIn.markedAction', { name }), outcome.undo);
      signal(outcome.kind === 'marked' || outcome.kind === 'already' ? 'ok' : 'refused');
      setScanned({
        ok: outcome.kind === 'marked' || outcome.kind === 'already',
        text: t(`checkIn.${outcome.kind}`, { name }),
      });
    },
    [db, roll, user.id, session.me.centre.id, remember, t],
  );

  const learners = roll?.learners;
  const visible = useMemo(
    () => (learners ? learners.filter((l) => matchesSearch(l.fullName, query)) : []),
    [learners, query],
  );

  if (roll === undefined) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (roll === null) {
    return (
      <AppShell session={session}>
        <p>{t('roll.notOnDevice')}</p>
        <Link to="/">{t('roll.back')}</Link>
      </AppShell>
    );
  }

  const ctx = { session: roll.session, userId: user.id, centreId: session.me.centre.id };
  const { counts, unmarked } = sessionCounts(
    roll.marks.values(),
    roll.learners.map((l) => l.id),
  );
  const locked = roll.session.date < localToday() && !correcting;

  async function mark(learnerIds: string[], status: MarkStatus, label: string) {
    if (!roll) return;
    remember(label, await markLearners(db, ctx, learnerIds, status, roll.marks));
  }

  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>
        {roll.cls.code} · {formatDate(roll.session.date)} · {t(`partOfDay.${roll.session.partOfDay}`)}
      </h1>
      <p className="muted">{roll.session.topic}</p>
      {locked && (
        <div className="notice" role="note">
          <p>{t('roll.pastSession', { date: formatDate(roll.session.date) })}</p>
          <button type="button" className="secondary" onClick={() => setCorrecting(true)}>
            {t('roll.correct')}
          </button>
        </div>
      )}
      {saveFailed && (
        <p className="banner" role="alert">
          {t('roll.saveFailed')}
        </p>
      )}
      <div className="roll-counts" aria-live="polite" data-testid="roll-counts">
        {ROW_STATUSES.map((s) => (
          <span key={s} className={`count ${s}`}>
            {t(`markStatus.${s}`)}: <strong>{counts[s]}</strong>
          </span>
        ))}
        {counts.leftEarly > 0 && (
          <span className="count leftEarly">
            {t('markStatus.leftEarly')}: <strong>{counts.leftEarly}</strong>
          </span>
        )}
        <span className="count unmarked">
          {t('roll.unmarked')}: <strong>{unmarked.length}</strong>
        </span>
      </div>
      <div className="roll-actions">
        <button
          type="button"
          disabled={locked || unmarked.length === 0}
          onClick={() => void mark(unmarked, 'present', t('roll.allPresentDone', { count: unmarked.length }))}
        >
          {t('roll.allPresent', { count: unmarked.length })}
        </button>
        <UndoButton centreId={session.me.centre.id} />
      </div>
      <div className="roll-tools">
        <button
          type="button"
          className="secondary"
          disabled={locked}
          aria-expanded={panel === 'scanner'}
          onClick={() => setPanel(panel === 'scanner' ? null : 'scanner')}
        >
          {t('checkIn.open')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={locked}
          aria-expanded={panel === 'walkIn'}
          onClick={() => setPanel(panel === 'walkIn' ? null : 'walkIn')}
        >
          {t('walkIn.open')}
        </button>
        <Link className="button secondary" to={`/buoi/${roll.session.id}/in`}>
          {t('signInSheet.open')}
        </Link>
      </div>
      {panel === 'scanner' && <QrScanner onCode={onScan} onClose={() => setPanel(null)} />}
      {scanned && (
        <p className={scanned.ok ? 'scan-result ok' : 'scan-result refused'} role="status">
          {scanned.text}
        </p>
      )}
      {panel === 'walkIn' && (
        <WalkInForm
          onClose={() => setPanel(null)}
          onAdd={async (walkIn) => {
            const added = await addWalkIn(db, ctx, walkIn);
            remember(t('walkIn.added', { name: walkIn.fullName.trim() }), added.undo);
          }}
        />
      )}
      <label htmlFor="roll-search" className="visually-hidden">
        {t('roll.search')}
      </label>
      <input
        id="roll-search"
        type="search"
        className="roll-search"
        placeholder={t('roll.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="roll">
        {visible.map((learner) => {
          const mark = roll.marks.get(learner.id);
          return (
            <RollRow
              key={learner.id}
              learner={learner}
              status={mark?.status}
              note={mark?.note ?? ''}
              unsent={roll.unsent.has(learner.id)}
              walkIn={roll.enrollments.get(learner.id)?.walkIn ?? false}
              locked={locked}
              labels={labels}
              noteDraft={noteDrafts.get(learner.id)}
              onMark={onMark}
              onNote={onNote}
              onNoteDraft={onNoteDraft}
            />
          );
        })}
      </ul>
      <RollSummary roll={roll} excusedCounts={session.me.centre.settings.excusedCounts} />
      <EvidencePhotos ctx={ctx} token={session.token} />
    </AppShell>
  );
}

/**
 * The after-session summary. Folded while the roll is being taken (it reads the class's whole record, which every tap
 * changes, and would slow each tap down); open by itself on a past session.
 */
function RollSummary({ roll, excusedCounts }: { roll: RollData; excusedCounts: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(roll.session.date < localToday());
  return (
    <details className="summary-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('summary.show')}</summary>
      {open && <ClassRecordSummary roll={roll} excusedCounts={excusedCounts} />}
    </details>
  );
}

function ClassRecordSummary({ roll, excusedCounts }: { roll: RollData; excusedCounts: boolean }) {
  const record = useClassMarks(roll.cls.id);
  if (!record) return null;
  return (
    <SessionSummary
      session={roll.session}
      cls={roll.cls}
      learners={roll.learners}
      sessions={record.sessions}
      marks={record.marks}
      excusedCounts={excusedCounts}
    />
  );
}

/** Undo of the last roll action; on its own so that remembering an action does not re-render the whole roll. */
function UndoButton({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const { last, clear } = useRollUndo();
  if (!last) return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={async () => {
        await undo(db, last.changes, centreId);
        clear();
      }}
    >
      {t('roll.undo', { action: last.label })}
    </button>
  );
}
