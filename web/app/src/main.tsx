import { render } from 'preact';
import { App } from './App';
import { completeOidcSignIn } from './auth/oidcSignIn';
import { storeToken } from './auth/tokenStore';
import { loadConfig, type AppConfig } from './config';
import { I18nProvider } from './i18n/I18n';
import './styles.css';

/** Reads how this hub signs in, finishes a sign-in the provider redirected back from, then shows the app. */
async function start(): Promise<void> {
  let config: AppConfig | null = null;
  let startupProblem: string | null = null;
  try {
    config = await loadConfig();
    const token = config.oidc ? await completeOidcSignIn(config.oidc) : null;
    if (token) storeToken(token);
  } catch (error) {
    startupProblem = (error as Error).message;
  }
  render(
    <I18nProvider>
      <App config={config} startupProblem={startupProblem} />
    </I18nProvider>,
    document.getElementById('root')!,
  );
}

void start();
