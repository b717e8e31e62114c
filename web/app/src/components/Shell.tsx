import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/I18n';
import { navigate, pathOf, type Page } from '../router';

const PAGES: ReadonlyArray<[Page, 'nav.dashboard' | 'nav.access' | 'nav.consents']> = [
  ['dashboard', 'nav.dashboard'],
  ['access', 'nav.access'],
  ['consents', 'nav.consents'],
];

/** The frame of every screen: skip link, header (menu when signed in, language switch), main content, footer. */
export function Shell({ page, onSignOut, children }: { page?: Page; onSignOut?: () => void; children: ComponentChildren }) {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'th' ? 'en' : 'th';
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <div class="brand">
          <span class="brand-title">{t('app.title')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </div>
        <button type="button" class="language" lang={other} aria-label={t('language.switchLabel')} onClick={() => setLanguage(other)}>
          {t('language.switch')}
        </button>
        {page && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {PAGES.map(([target, label]) => (
                <li key={target}>
                  <a
                    href={pathOf(target)}
                    aria-current={page === target ? 'page' : undefined}
                    onClick={(event) => {
                      // A modified click opens a new tab as usual.
                      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      navigate(target);
                    }}
                  >
                    {t(label)}
                  </a>
                </li>
              ))}
              <li>
                <button type="button" class="link" onClick={onSignOut}>
                  {t('nav.signOut')}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="bottom">
        <p>{t('app.synthetic')}</p>
      </footer>
    </>
  );
}
