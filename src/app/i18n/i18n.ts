// i18next set-up: Vietnamese by default, English on request; the choice is remembered on the device and mirrored
// into <html lang> for screen readers. Only the words of the first screens come with the first load: English, and
// the words of the screens loaded on first use (namespace `screens`, looked up when a key is not in the first
// ones), load when first wanted. The service worker keeps them all for offline.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'diem-danh.language';
const SCREENS = 'screens';

function rememberedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

async function firstWords(language: string) {
  return language === 'en' ? (await import('./en.ts')).en : vi;
}

async function screenWords(language: string) {
  return language === 'en'
    ? (await import('./en-screens.ts')).enScreens
    : (await import('./vi-screens.ts')).viScreens;
}

export async function initI18n(language: Language = rememberedLanguage()) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    defaultNS: 'translation',
    fallbackNS: SCREENS,
    resources: { vi: { translation: vi }, [language]: { translation: await firstWords(language) } },
    interpolation: { escapeValue: false },
  });
  instance.on('languageChanged', (lng) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}

async function addWords(instance: i18n, language: string, screens: boolean): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation'))
    instance.addResourceBundle(language, 'translation', await firstWords(language));
  if (screens && !instance.hasResourceBundle(language, SCREENS))
    instance.addResourceBundle(language, SCREENS, await screenWords(language));
}

/** Loads the words of the screens loaded on first use (a screen awaits this before it first shows). */
export const loadScreenWords = (instance: i18n): Promise<void> => addWords(instance, instance.language, true);

/** Changes the interface language, loading its words first if this is the first time. */
export async function switchLanguage(instance: i18n, language: string): Promise<void> {
  await addWords(instance, language, instance.hasResourceBundle(instance.language, SCREENS));
  await instance.changeLanguage(language);
}
