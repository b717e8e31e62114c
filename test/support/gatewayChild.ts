import { startGovhubChild, type GovhubChild } from './govhubChild';

export interface GatewayChild extends GovhubChild {
  /** The URL the gateway printed once it listened; rejects when it exits first (or not within the time). */
  listening: Promise<string>;
  kill(): Promise<void>;
}

/**
 * `govhub gateway ARGS` as its own process, with none of the test run's database in its environment: the gateway
 * must run without one.
 */
export function startGatewayChild(args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): GatewayChild {
  const { process: child, output, exited } = startGovhubChild(['gateway', ...args], { LOG_LEVEL: 'warn', ...env });
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening in ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    child.stdout.on('data', () => {
      const url = /govhub gateway listening at (\S+)/.exec(output())?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it listened:\n${output()}`));
    });
  });
  listening.catch(() => undefined);
  return {
    process: child,
    output,
    listening,
    exited,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}
