import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface Session {
  token: string;
  /** The hub refused the token: sign out and say why. */
  expire(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
