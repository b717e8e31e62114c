import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './ide.css';

/** The demo identities the hub mints development tokens for (`POST /dev/tokens`). */
const IDENTITIES = [
  { id: 'anonymous', label: 'Anonymous (public data)' },
  { id: 'citizen:1101700203450', label: 'Citizen 1101700203450 (Bangkok)' },
  { id: 'citizen:5601200333441', label: 'Citizen 5601200333441 (Phayao)' },
  { id: 'citizen:8410100555669', label: 'Citizen 8410100555669 (Surat Thani)' },
  { id: 'dopaWelfare', label: 'DOPA officer, welfare eligibility' },
  { id: 'agency', label: 'TAT officer (no agreement)' },
  { id: 'nscSecurity', label: 'NSC analyst (need-to-know)' },
] as const;

async function tokenFor(identity: string): Promise<string | null> {
  if (identity === 'anonymous') return null;
  const body = identity.startsWith('citizen:') ? { nationalId: identity.slice('citizen:'.length) } : { identity };
  const response = await fetch('/dev/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`the hub did not mint a token (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

/** Picks who the IDE asks as: the hub mints a short-lived token, which goes into the headers editor. */
function Ide() {
  const [headers, setHeaders] = useState('{}');
  const [status, setStatus] = useState('anonymous: public data only');
  const choose = async (identity: string) => {
    try {
      const token = await tokenFor(identity);
      setHeaders(JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2));
      setStatus(token ? 'token set in the headers' : 'no token');
    } catch (error) {
      setStatus((error as Error).message);
    }
  };
  return (
    <div className="govhub-ide">
      <header className="govhub-bar">
        <strong>govhub</strong>
        <label className="govhub-token-picker">
          <span>Ask as</span>
          <select defaultValue="anonymous" onChange={(event) => void choose(event.currentTarget.value)}>
            {IDENTITIES.map(({ id, label }) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <output aria-live="polite">{status}</output>
        <a href="/docs/">Docs</a>
      </header>
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={DEFAULT_QUERY}
        query={params.get('query') ?? undefined}
        variables={params.get('variables') ?? undefined}
        headers={headers}
        shouldPersistHeaders={false}
      />
    </div>
  );
}

const DEFAULT_QUERY =
  '# govhub: one query across the committees\' data.\n{\n  province(code: "56") { nameTh nameEn waterSituation { floodStatus } activeWarnings { hazard } }\n}\n';
const params = new URLSearchParams(window.location.search);
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('ide')!).render(<Ide />);
