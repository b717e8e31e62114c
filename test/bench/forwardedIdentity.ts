import '@govhub/shared/dist/noTelemetry';
import {
  createSigningKey,
  FORWARDED_IDENTITY_ALGORITHM,
  forwardedIdentityVerifier,
  personAt,
  signForwardedIdentity,
  type ForwardedIdentity,
} from '@govhub/shared';

/**
 * `npm run bench:identity`: what binding the forwarded identity to each subgraph call costs, signing at the gateway
 * and verifying at the subgraph (body digest and spent-id check included), per call.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

const identity: ForwardedIdentity = {
  kind: 'agency',
  sub: 'dopa-officer-7',
  agency: 'DOPA',
  purpose: 'WELFARE_ELIGIBILITY',
  scopes: new Set(['agency', 'personal:read', 'sensitive:read']),
  grants: {
    'dopa.civil-registry': { agreement: { id: 'AG-DOPA-1', fields: null } },
    'cgd.low-income-register': { sensitive: true, agreement: { id: 'AG-CGD-2', fields: ['LowIncomeRegistration.*'] } },
  },
};
const requests = Array.from({ length: CALLS }, (_, index) => ({
  query:
    'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { firstNameTh lowIncomeRegistration { status } } } }',
  variables: { representations: [{ __typename: 'Person', nationalId: personAt(index).nationalId }] },
}));

async function measure(): Promise<{ sign: number; verify: number }> {
  const key = await createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
  const verify = forwardedIdentityVerifier({ keys: [key.publicJwk] }, 'citizen');
  const started = performance.now();
  const tokens: string[] = [];
  for (const request of requests) tokens.push(await signForwardedIdentity(identity, key, { subgraph: 'citizen', request }));
  // What the subgraph parsed from the body, prepared outside the timing.
  const bodies = requests.map((request) => JSON.parse(JSON.stringify(request)) as object);
  const signed = performance.now();
  for (const [index, token] of tokens.entries()) await verify(token, bodies[index]);
  const verified = performance.now();
  return { sign: ((signed - started) * 1000) / CALLS, verify: ((verified - signed) * 1000) / CALLS };
}

async function main(): Promise<void> {
  await measure(); // warm-up
  const { sign, verify } = await measure();
  console.info(
    `${FORWARDED_IDENTITY_ALGORITHM}: sign ${sign.toFixed(0)} µs + verify ${verify.toFixed(0)} µs = ${(sign + verify).toFixed(0)} µs per subgraph call (${CALLS} calls)`,
  );
}

void main();
