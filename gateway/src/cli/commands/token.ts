import { isProduction } from '@govhub/shared';
import { devSigningKey, mintToken } from '../../auth/devKeys';
import { UsageError } from '../output';

export interface TokenOptions {
  sub?: string;
  scope?: string;
  agency?: string;
  purpose?: string;
  ttl?: string;
}

/** A development token, alone on stdout (`$(npx govhub token ...)`). */
export async function tokenCommand(options: TokenOptions): Promise<number> {
  if (isProduction()) throw new UsageError('HUB_ENV=production: development tokens are off; tokens come from the identity provider');
  if (!options.sub) throw new UsageError('token needs --sub (a national ID for a citizen, an officer or agency code for an agency)');
  const jwt = await mintToken(await devSigningKey(), {
    sub: options.sub,
    scope: (options.scope ?? '').split(/[\s,]+/).filter(Boolean),
    agency: options.agency,
    purpose: options.purpose,
    ttl: options.ttl,
  });
  process.stdout.write(`${jwt}\n`);
  return 0;
}
