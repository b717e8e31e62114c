import type { DemoCitizen } from './auth/demoSignIn';
import type { OidcSettings } from './auth/oidcSignIn';

/** How this hub signs citizens in (`GET /app/config.json`). */
export interface AppConfig {
  signIn: 'demo' | 'oidc' | 'none';
  demoCitizens?: DemoCitizen[];
  oidc?: OidcSettings;
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as AppConfig;
}
