// One learner on the roll. Memoised on plain values: a tap re-renders the row it changed, not all 150. A tapped
// status shows at once, while its write commits (a few milliseconds later); the mark on the device takes over as soon
// as it arrives, and a write that fails puts the button back.
import { memo, useEffect, useMemo, useState } from 'react';
import type { Learner, MarkStatus } from '../../../domain/entities.ts';
import { NoteEditor, type NoteWords } from './NoteEditor.tsx';

/** The statuses offered as buttons on each row, in tapping order. */
export const ROW_STATUSES: MarkStatus[] = ['present', 'late', 'excused', 'absent'];

/** Words the rows share, translated once per language rather than once per row and render. */
export interface RowLabels {
  status: Record<MarkStatus, string>;
  notOnServer: string;
  walkIn: string;
  noteFor(name: string): string;
  note: NoteWords;
}

export interface RollRowProps {
  learner: Learner;
  status: MarkStatus | undefined;
  note: string;
  unsent: boolean;
  walkIn: boolean;
  locked: boolean;
  labels: RowLabels;
  /** A note half typed before the roll was last closed. */
  noteDraft: string | undefined;
  onMark(learner: Learner, status: MarkStatus): Promise<void>;
  onNote(learner: Learner, note: string): Promise<void>;
  onNoteDraft(learner: Learner, text: string | null): void;
}

export const RollRow = memo(function RollRow({
  learner,
  status,
  note,
  unsent,
  walkIn,
  locked,
  labels,
  noteDraft,
  onMark,
  onNote,
  onNoteDraft,
}: RollRowProps) {
  const [tapped, setTapped] = useState<MarkStatus | null>(null);
  useEffect(() => {
    if (tapped === status) setTapped(null);
  }, [tapped, status]);
  const shown = tapped ?? status;
  // Translated once per row, not again on each tap's render: i18next's interpolation was ~5% of a tap's script.
  const noteLabel = useMemo(() => labels.noteFor(learner.fullName), [labels, learner.fullName]);
  return (
    <li className="roll-row" data-learner={learner.id} aria-busy={tapped !== null}>
      <div className="roll-name">
        <span className="name">{learner.fullName}</span>
        {unsent && <span className="pill unsent">{labels.notOnServer}</span>}
        {walkIn && <span className="pill walk-in">{labels.walkIn}</span>}
        <span className="unit">{learner.unit}</span>
      </div>
      <fieldset className="roll-buttons">
        <legend className="visually-hidden">{learner.fullName}</legend>
        {ROW_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`status ${s}`}
            aria-pressed={shown === s}
            disabled={locked}
            onClick={() => {
              setTapped(s);
              onMark(learner, s).catch(() => setTapped(null));
            }}
          >
            {labels.status[s]}
          </button>
        ))}
      </fieldset>
      {locked ? (
        note && <p className="note">{note}</p>
      ) : (
        <NoteEditor
          label={noteLabel}
          value={note}
          words={labels.note}
          kept={noteDraft}
          onDraft={(text) => onNoteDraft(learner, text)}
          onSave={(text) => onNote(learner, text)}
        />
      )}
    </li>
  );
});
