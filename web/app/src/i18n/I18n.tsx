import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { isMessageKey, translate, type Language, type MessageKey } from './dictionary';
import { applyLanguage, rememberedLanguage } from './language';

export interface I18n {
  language: Language;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** An API enum value's words, e.g. `label('Hazard', 'FLOOD')`. */
  label(enumName: string, value: string): string;
  /** A name the API gives in both languages. */
  name(named: { nameTh: string; nameEn?: string | null }): string;
  /** A province as an address names it: จังหวัด before its Thai name, except Bangkok's. */
  province(province: { code: string; nameTh: string; nameEn: string }): string;
  setLanguage(language: Language): void;
}

// Bangkok is not a จังหวัด (province) but a special administrative area: its name takes no prefix.
const BANGKOK = '10';

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const remembered = rememberedLanguage();
    applyLanguage(remembered);
    return remembered;
  });
  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: (key, values) => translate(language, key, values),
      label: (enumName, value) => {
        const key = `${enumName}.${value}`;
        return isMessageKey(key) ? translate(language, key) : value;
      },
      name: (named) => (language === 'en' && named.nameEn ? named.nameEn : named.nameTh),
      province: (province) => (language === 'en' ? province.nameEn : province.code === BANGKOK ? province.nameTh : `จังหวัด${province.nameTh}`),
      setLanguage: (next) => {
        applyLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
