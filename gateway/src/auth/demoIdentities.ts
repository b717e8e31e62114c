import { Scope } from '@govhub/shared';
import type { TokenRequest } from './devKeys';

/**
 * The demo agency callers of README "Demo identities", by name: the IDE's token picker and the docs' examples ask as
 * them, and development mints their tokens (`POST /dev/tokens {"identity": ...}`); citizens are the demo people.
 */
export const DEMO_AGENCY_CALLERS = {
  dopaWelfare: {
    sub: 'dopa-officer-7',
    agency: 'DOPA',
    purpose: 'WELFARE_ELIGIBILITY',
    scope: [Scope.AGENCY, Scope.PERSONAL_READ, Scope.SENSITIVE_READ],
  },
  agency: { sub: 'tat-1', agency: 'TAT', purpose: 'TOURISM_LICENSING', scope: [Scope.AGENCY, Scope.PERSONAL_READ] },
  nscSecurity: { sub: 'nsc-analyst', agency: 'NSC', purpose: 'NATIONAL_SECURITY', scope: [Scope.AGENCY, Scope.SECURITY_NEED_TO_KNOW] },
} as const satisfies Record<string, TokenRequest>;

export type DemoAgencyCaller = keyof typeof DEMO_AGENCY_CALLERS;

export const isDemoAgencyCaller = (name: unknown): name is DemoAgencyCaller => typeof name === 'string' && Object.hasOwn(DEMO_AGENCY_CALLERS, name);

/** The `npm run token` command that mints a caller's token, as the docs print it. */
export function tokenCommand(request: TokenRequest): string {
  const scope = request.scope?.length ? ` --scope ${request.scope.length > 1 ? `"${request.scope.join(' ')}"` : request.scope[0]}` : '';
  return `npm run token -- --sub ${request.sub}${request.agency ? ` --agency ${request.agency}` : ''}${request.purpose ? ` --purpose ${request.purpose}` : ''}${scope}`;
}
