// The roll of one session: counts always in view, "everyone remaining present" in one tap, then the exceptions;
// search that ignores diacritics; each learner's unsent mark flagged. Every tap is a local write: no network needed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type MarkStatus, MarkStatuses } from '../../../domain/entities.ts';
import { markId } from '../../../domain/ids.ts';
import { matchesSearch } from '../../../domain/vietnamese-text.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useRoll } from '../../db/hooks.ts';
import { usePendingRecordIds } from '../../db/outbox.ts';
import { formatDate } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { markLearners, noteLearner, undo } from './roll-actions.ts';
import { useRollUndo } from './roll-undo.ts';

/** The statuses offered as buttons on each row, in tapping order. */
const ROW_STATUSES: MarkStatus[] = ['present', 'late', 'excused', 'absent'];

export function RollPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const db = useDb();
  const { sessionId = '' } = useParams();
  const roll = useRoll(sessionId);
  const pending = usePendingRecordIds();
  const [query, setQuery] = useState('');
  const { last, remember, clear } = useRollUndo();
  const user = session.me.user;

  const visible = useMemo(
    () => (roll ? roll.learners.filter((l) => matchesSearch(l.fullName, query)) : []),
    [roll, query],
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
  const counts = Object.fromEntries(MarkStatuses.map((s) => [s, 0])) as Record<MarkStatus, number>;
  for (const l of roll.learners) {
    const m = roll.marks.get(l.id);
    if (m) counts[m.status]++;
  }
  const unmarked = roll.learners.filter((l) => !roll.marks.has(l.id));

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
          disabled={unmarked.length === 0}
          onClick={() =>
            void mark(
              unmarked.map((l) => l.id),
              'present',
              t('roll.allPresentDone', { count: unmarked.length }),
            )
          }
        >
          {t('roll.allPresent', { count: unmarked.length })}
        </button>
        {last && (
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await undo(db, last.changes, ctx.centreId);
              clear();
            }}
          >
            {t('roll.undo', { action: last.label })}
          </button>
        )}
      </div>
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
          const current = roll.marks.get(learner.id)?.status;
          const unsent = pending?.has(markId(roll.session.id, learner.id));
          return (
            <li key={learner.id} className="roll-row" data-learner={learner.id}>
              <div className="roll-name">
                <span className="name">{learner.fullName}</span>
                {unsent && <span className="pill unsent">{t('sync.notOnServer')}</span>}
                <span className="unit">{learner.unit}</span>
              </div>
              <fieldset className="roll-buttons">
                <legend className="visually-hidden">{learner.fullName}</legend>
                {ROW_STATUSES.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className={`status ${s}`}
                    aria-pressed={current === s}
                    onClick={() => void mark([learner.id], s, `${learner.fullName}: ${t(`markStatus.${s}`)}`)}
                  >
                    {t(`markStatus.${s}`)}
                  </button>
                ))}
              </fieldset>
              <NoteEditor
                label={t('roll.noteFor', { name: learner.fullName })}
                value={roll.marks.get(learner.id)?.note ?? ''}
                onSave={async (note) =>
                  remember(
                    t('roll.noteSaved', { name: learner.fullName }),
                    await noteLearner(db, ctx, learner.id, note, roll.marks),
                  )
                }
              />
            </li>
          );
        })}
      </ul>
    </AppShell>
  );
}
