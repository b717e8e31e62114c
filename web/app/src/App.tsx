import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SessionContext, type Session } from './auth/Session';
import { forgetToken, storedToken, storeToken } from './auth/tokenStore';
import { FailureNotice } from './components/Notices';
import { Shell } from './components/Shell';
import type { AppConfig } from './config';
import type { MessageKey } from './i18n/dictionary';
import { useI18n } from './i18n/I18n';
import { usePage, type Page } from './router';
import { AccessTimeline } from './screens/AccessTimeline';
import { Consents } from './screens/Consents';
import { Dashboard } from './screens/dashboard/Dashboard';
import { SignIn } from './screens/SignIn';

const TITLES: Record<Page, MessageKey> = { dashboard: 'app.title', access: 'access.title', consents: 'consents.title' };

/**
 * Signed out: the sign-in screen (saying why, after a refused token). Signed in: the page in the address bar, each
 * loading its own data with the citizen's token.
 */
export function App({ config, startupProblem }: { config: AppConfig | null; startupProblem: string | null }) {
  const { t } = useI18n();
  const page = usePage();
  const [token, setToken] = useState<string | null>(storedToken);
  // Kept as a message key, so it follows a language switch.
  const [notice, setNotice] = useState<{ key: MessageKey; reason?: string } | null>(
    startupProblem ? { key: 'signIn.failed', reason: startupProblem } : null,
  );
  const main = useRef<string | null>(null);

  const session = useMemo<Session | null>(
    () =>
      token
        ? {
            token,
            expire: () => {
              forgetToken();
              setToken(null);
              setNotice({ key: 'signIn.expired' });
            },
          }
        : null,
    [token],
  );

  useEffect(() => {
    document.title = `${t(session ? TITLES[page] : 'signIn.title')} · govhub`;
    // After moving to another page, a screen reader starts reading at the new content, not at the top.
    if (main.current !== null && main.current !== page) document.getElementById('main')?.focus();
    main.current = page;
  }, [page, session, t]);

  if (!config) {
    return (
      <Shell>
        <FailureNotice failure={{ kind: 'unreachable' }} retry={() => location.reload()} />
      </Shell>
    );
  }
  if (!session) {
    return (
      <Shell>
        <SignIn
          config={config}
          notice={notice && t(notice.key, { reason: notice.reason ?? '' })}
          onSignedIn={(signedIn) => {
            storeToken(signedIn);
            setNotice(null);
            setToken(signedIn);
          }}
        />
      </Shell>
    );
  }
  const signOut = () => {
    forgetToken();
    setToken(null);
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell page={page} onSignOut={signOut}>
        {page === 'access' ? <AccessTimeline /> : page === 'consents' ? <Consents /> : <Dashboard />}
      </Shell>
    </SessionContext.Provider>
  );
}
