// Switches the interface between Vietnamese and English; i18n remembers the choice.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../i18n/i18n.ts';

const LABELS = { vi: 'Tiếng Việt', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('common.language')}</span>
      <select value={i18n.language} onChange={(e) => void switchLanguage(i18n, e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LABELS[lng]}
          </option>
        ))}
      </select>
    </label>
  );
}
