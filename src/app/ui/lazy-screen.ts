// A screen loaded on first use, with its words: the first load carries neither (the service worker keeps both for
// offline use), and the screen shows only once both are here.
import { type ComponentType, lazy } from 'react';
import { getI18n } from 'react-i18next';
import { loadScreenWords } from '../i18n/i18n.ts';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [Screen] = await Promise.all([load(), loadScreenWords(getI18n())]);
    return { default: Screen };
  });
}
