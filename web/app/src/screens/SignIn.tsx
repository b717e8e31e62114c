import { useState } from 'preact/hooks';
import { demoToken } from '../auth/demoSignIn';
import { beginOidcSignIn } from '../auth/oidcSignIn';
import type { AppConfig } from '../config';
import { formatNationalId } from '../i18n/format';
import { useI18n } from '../i18n/I18n';

/** Development: pick a demo citizen (the hub mints the token). Production: the configured OpenID Connect provider. */
export function SignIn({ config, notice, onSignedIn }: { config: AppConfig; notice: string | null; onSignedIn(token: string): void }) {
  const { t, language } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const signInAsDemo = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return setProblem(t('signIn.choose'));
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await demoToken(chosen));
    } catch (error) {
      setProblem(t('signIn.failed', { reason: (error as Error).message }));
      setBusy(false);
    }
  };

  const signInWithProvider = () => {
    setBusy(true);
    beginOidcSignIn(config.oidc!).catch((error: Error) => {
      setProblem(t('signIn.failed', { reason: error.message }));
      setBusy(false);
    });
  };

  return (
    <div class="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {notice && (
        <p class="notice notice-warning" role="alert">
          {notice}
        </p>
      )}
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {config.demoCitizens && (
        <form onSubmit={signInAsDemo}>
          <fieldset>
            <legend>{t('signIn.demoLegend')}</legend>
            {config.demoCitizens.map((citizen) => (
              <label class="choice" key={citizen.nationalId}>
                <input
                  type="radio"
                  name="citizen"
                  value={citizen.nationalId}
                  checked={chosen === citizen.nationalId}
                  onChange={() => setChosen(citizen.nationalId)}
                />
                <span class="choice-text">
                  <strong lang="th">{citizen.nameTh}</strong>
                  <span>
                    {t('signIn.nationalId')}: <span class="nowrap">{formatNationalId(citizen.nationalId)}</span>
                  </span>
                  <span>{language === 'en' ? citizen.provinceNameEn : citizen.provinceNameTh}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      )}
      {config.oidc && (
        <button type="button" class="primary" disabled={busy} onClick={signInWithProvider}>
          {t('signIn.oidc', { issuer: new URL(config.oidc.issuer).host })}
        </button>
      )}
      {config.signIn === 'none' && <p class="notice notice-warning">{t('signIn.none')}</p>}
    </div>
  );
}
