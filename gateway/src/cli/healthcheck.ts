import { readFileSync } from 'node:fs';
// Only the domains' table: a health check runs every few seconds and must not load the whole hub.
import { DOMAINS, GATEWAY_PORT, isDomainName } from '@govhub/shared/dist/domains';

/**
 * The container image's HEALTHCHECK (`node gateway/dist/cli/healthcheck.js`): GET /healthz of the process this
 * container runs, exit 0 when it answers 200. The port is the one that process listens on: its `--port`, else
 * `PORT`, else its role's default, read from the command line of the container's first process (the same
 * image serves every role). A migration job serves nothing, so it is healthy while it runs.
 */
export function probedAddress(args: readonly string[], env: NodeJS.ProcessEnv): { host: string; port: number } | null {
  if (args.includes('migrate')) return null;
  const flag = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const port = flag < 0 ? env.PORT : args[flag].startsWith('--port=') ? args[flag].slice('--port='.length) : args[flag + 1];
  const served = args[args.indexOf('serve') + 1] ?? '';
  const role = args.includes('gateway') ? GATEWAY_PORT : args.includes('serve') && isDomainName(served) ? DOMAINS[served].port : null;
  if (!port && role === null) return null;
  // A process listening on every address answers on loopback; one bound to a single address answers only there.
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  return { host, port: Number(port ?? role) };
}

async function main(): Promise<number> {
  const args = readFileSync('/proc/1/cmdline', 'utf8').split('\0').filter(Boolean);
  const address = probedAddress(args, process.env);
  if (!address) return 0;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  const response = await fetch(`http://${host}:${address.port}/healthz`, { signal: AbortSignal.timeout(2_000) });
  return response.status === 200 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    () => process.exit(1),
  );
}
