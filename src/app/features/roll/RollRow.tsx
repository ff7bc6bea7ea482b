// One learner on the roll. Memoised on plain values: a tap re-renders the row it changed, not all 150.
import { memo } from 'react';
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
  onMark(learner: Learner, status: MarkStatus): void;
  onNote(learner: Learner, note: string): Promise<void>;
}

export const RollRow = memo(function RollRow({
  learner,
  status,
  note,
  unsent,
  walkIn,
  locked,
  labels,
  onMark,
  onNote,
}: RollRowProps) {
  return (
    <li className="roll-row" data-learner={learner.id}>
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
            aria-pressed={status === s}
            disabled={locked}
            onClick={() => onMark(learner, s)}
          >
            {labels.status[s]}
          </button>
        ))}
      </fieldset>
      {locked ? (
        note && <p className="note">{note}</p>
      ) : (
        <NoteEditor
          label={labels.noteFor(learner.fullName)}
          value={note}
          words={labels.note}
          onSave={(text) => onNote(learner, text)}
        />
      )}
    </li>
  );
});
