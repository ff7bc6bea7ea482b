// Pieces the office's forms share: a labelled field marked when the schema refused it, and the line that names the
// refused fields in words.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export function Field({
  label,
  refused,
  ...input
}: { label: string; refused: Set<string>; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label}
      <input {...input} aria-invalid={refused.has(input.name)} />
    </label>
  );
}

/** "Not saved: check …", each refused field named through `words` (an i18n key prefix). */
export function RefusedFields({ refused, words }: { refused: Set<string>; words: string }) {
  const { t } = useTranslation();
  if (refused.size === 0) return null;
  return (
    <p className="field-error" role="alert">
      {t('kinds.invalid', {
        fields: [...refused].map((f) => t(`${words}.${f}`, { defaultValue: f })).join(', '),
      })}
    </p>
  );
}
