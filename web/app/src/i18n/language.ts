import type { Language } from './dictionary';

const STORAGE_KEY = 'govhub.language';

/** Thai first: English only when the citizen chose it before (remembered in this browser). */
export function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

/** Makes `language` the page's: its `lang` attribute (screen readers, fonts, hyphenation) and the remembered choice. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be off (private mode): the choice then lasts for this page only.
  }
}
