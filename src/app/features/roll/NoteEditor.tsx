// A learner's note on the roll (why late or excused, or anything the instructor wants the centre to know):
// collapsed to one line, saved as a local write when the instructor presses Save.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function NoteEditor({
  label,
  value,
  onSave,
}: {
  label: string;
  value: string;
  onSave(note: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(value);

  async function save(e: FormEvent) {
    e.preventDefault();
    await onSave(draft.trim());
    setOpen(false);
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
        {value ? `${t('roll.note')}: ${value}` : t('roll.addNote')}
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
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('roll.notePlaceholder')}
        />
      </label>
      <button type="submit" className="small">
        {t('roll.saveNote')}
      </button>
      <button type="button" className="secondary small" onClick={() => setOpen(false)}>
        {t('roll.cancel')}
      </button>
    </form>
  );
}
