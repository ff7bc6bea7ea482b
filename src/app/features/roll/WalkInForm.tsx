// Adding someone who came without being summoned: a name is enough; unit, position and phone help the centre
// recognise them later (and merge them with an existing learner record if it is the same person).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalkIn } from './roll-actions.ts';

const EMPTY: WalkIn = { fullName: '', unit: '', position: '', phone: '' };

export function WalkInForm({ onAdd, onClose }: { onAdd(walkIn: WalkIn): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (draft.fullName.trim().split(/\s+/).length < 2) {
      setError(t('walkIn.nameRequired'));
      return;
    }
    try {
      await onAdd(draft);
      setDraft(EMPTY);
      setError('');
      onClose();
    } catch {
      setError(t('walkIn.failed'));
    }
  }

  const field = (name: keyof WalkIn, type = 'text') => (
    <label className="field">
      <span>{t(`walkIn.${name}`)}</span>
      <input
        type={type}
        name={name}
        value={draft[name]}
        autoComplete="off"
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        {...(name === 'fullName' && { required: true, autoFocus: true })}
      />
    </label>
  );

  return (
    <form className="walk-in" onSubmit={(e) => void submit(e)} aria-labelledby="walk-in-title">
      <h2 id="walk-in-title" className="panel-title">
        {t('walkIn.title')}
      </h2>
      <p className="muted">{t('walkIn.hint')}</p>
      {field('fullName')}
      {field('unit')}
      {field('position')}
      {field('phone', 'tel')}
      {error && <p role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit">{t('walkIn.add')}</button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('roll.cancel')}
        </button>
      </div>
    </form>
  );
}
