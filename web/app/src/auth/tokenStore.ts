/**
 * The citizen's token lives in this tab's sessionStorage (it survives a reload, not the tab) and in memory; never
 * in a URL, a cookie or localStorage.
 */
const KEY = 'govhub.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Without storage the token lives in memory only: a reload signs the citizen out.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
