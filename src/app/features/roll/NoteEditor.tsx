// A learner's note on the roll (why late or excused, or anything the instructor wants the centre to know):
// collapsed to one line, saved as a local write when the instructor presses Save. What is typed before that is
// kept as a draft (note-drafts.ts): a roll opened with one shows it open, half typed.
// Its words come translated from the roll (once for all rows), not through a translation hook in each of 150 rows.
import { type FormEvent, useState } from 'react';

export interface NoteWords {
  note: string;
  addNote: string;
  placeholder: string;
  save: string;
  cancel: string;
}

export function NoteEditor({
  label,
  value,
  words,
  kept,
  onDraft,
  onSave,
}: {
  label: string;
  value: string;
  words: NoteWords;
  /** A draft left from before (a reload, a closed tab). */
  kept: string | undefined;
  /** What is typed, as it is typed; null once it is saved or given up. */
  onDraft(text: string | null): void;
  onSave(note: string): Promise<void>;
}) {
  const [open, setOpen] = useState(kept !== undefined);
  const [draft, setDraft] = useState(kept ?? value);

  // Saved or given up: either way the draft has served.
  function close() {
    onDraft(null);
    setOpen(false);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    await onSave(draft.trim());
    close();
  }

  if (!open) {
    return (
      <button
        type="button"
        className="note-toggle"
        onClick={() => {
          setDraft(value);
          setOpen(true);
        }}
      >
        {value ? `${words.note}: ${value}` : words.addNote}
      </button>
    );
  }
  return (
    <form className="note-form" onSubmit={save}>
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          value={draft}
          maxLength={500}
          onChange={(e) => {
            setDraft(e.target.value);
            onDraft(e.target.value);
          }}
          placeholder={words.placeholder}
        />
      </label>
      <button type="submit" className="small">
        {words.save}
      </button>
      <button type="button" className="secondary small" onClick={close}>
        {words.cancel}
      </button>
    </form>
  );
}
