import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSigningKey, gatewaySigningKey } from '@govhub/gateway';
import { startGatewayChild, type GatewayChild } from './gatewayChild';
import { startTestHub, type TestHub, type TestHubOptions } from './hub';
import { startRoundRobinProxy, type RoundRobinProxy } from './roundRobinProxy';

export interface Replica {
  /** Its `/graphql` URL on 127.0.0.1. */
  url: string;
  child: GatewayChild;
}

export interface ReplicaSet {
  /** The eight subgraphs and the database, with the in-process gateway that registered the built-ins. */
  hub: TestHub;
  replicas: Replica[];
  proxy: RoundRobinProxy;
  stop(): Promise<void>;
}

/**
 * Gateway replicas as an operator runs them: each `govhub gateway` a process of its own on the hub's database (the
 * registry's supergraph, the agreements, the exchange log), with `REDIS_URL` when the run has one, all holding the
 * same keys (the subgraphs trust one forwarded-identity key, and one identity provider signs every token), behind a
 * round-robin proxy. The subgraphs run once.
 */
export async function startReplicaSet(count: number, env: Record<string, string> = {}, hubOptions: TestHubOptions = {}): Promise<ReplicaSet> {
  const dir = await mkdtemp(join(tmpdir(), 'govhub-replicas-'));
  await chmod(dir, 0o755);
  const keysDir = join(dir, 'keys');
  const [tokenKey, identityKey] = await Promise.all([devSigningKey(keysDir), gatewaySigningKey(keysDir)]);
  const hub = await startTestHub({ ...hubOptions, tokenKey, identityKey });
  const children = Array.from({ length: count }, () =>
    startGatewayChild(['--port', '0'], { DATABASE_URL: hub.databaseUrl, GOVHUB_KEYS_DIR: keysDir, ...env }),
  );
  const stopAll = async () => {
    await Promise.all(children.map((child) => child.kill()));
    await hub.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // The gateway listens on 127.0.0.1 only, and `localhost` may resolve to ::1 first.
    const urls = (await Promise.all(children.map((child) => child.listening))).map((url) => url.replace('//localhost:', '//127.0.0.1:'));
    const proxy = await startRoundRobinProxy(urls);
    return {
      hub,
      replicas: urls.map((url, index) => ({ url, child: children[index] })),
      proxy,
      stop: async () => {
        await proxy.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
