import { isDeepStrictEqual } from 'node:util';
import { DOMAIN_NAMES, SETTING_FAMILIES, SETTINGS } from '@govhub/shared';
import type { KubeObject } from './render';
import { environmentOf, templateOf, workloads } from './workloads';

export type Container = any;

export const containersOf = (workload: KubeObject): Container[] => templateOf(workload).spec.containers;
export const isHubImage = (container: Container) => /(^|\/)govhub(-[a-z0-9-]+)?(:|@|$)/.test(container.image);
export const hubContainers = (objects: KubeObject[]) => workloads(objects).flatMap(containersOf).filter(isHubImage);

/** The container port a probe or Service names (by name or number). */
export function portNumber(container: Container, port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((candidate: { name: string }) => candidate.name === port)?.containerPort;
}

/** How long a preStop hook waits: `node -e "setTimeout(() => {}, MS)"`, or the sleep action. */
export function preStopSeconds(container: Container): number {
  const hook = container.lifecycle?.preStop;
  if (hook?.sleep) return hook.sleep.seconds;
  const [program, flag, script] = hook?.exec?.command ?? [];
  const ms = program === 'node' && flag === '-e' ? /^setTimeout\(\(\) => \{\}, (\d+)\)$/.exec(script)?.[1] : undefined;
  if (!ms) throw new Error(`no preStop pause in ${container.name}`);
  return Number(ms) / 1000;
}

/** A hub process's probes: startup and liveness on /healthz, readiness on /readyz, all on its own port. */
export function probeProblems(workload: KubeObject, port: number): string[] {
  const [container] = containersOf(workload);
  const expected = { startupProbe: '/healthz', livenessProbe: '/healthz', readinessProbe: '/readyz' } as const;
  const problems = Object.entries(expected).flatMap(([probe, path]) => {
    const get = container[probe]?.httpGet;
    return get?.path === path && portNumber(container, get.port) === port
      ? []
      : [`${workload.metadata.name}: ${probe} is not GET ${path} on ${port}`];
  });
  const annotations = templateOf(workload).metadata.annotations ?? {};
  if (
    annotations['prometheus.io/scrape'] !== 'true' ||
    annotations['prometheus.io/port'] !== String(port) ||
    annotations['prometheus.io/path'] !== '/metrics'
  )
    problems.push(`${workload.metadata.name}: no Prometheus annotations for /metrics on ${port}`);
  return problems;
}

const CONTAINER_SECURITY = {
  runAsNonRoot: true,
  runAsUser: 10001,
  runAsGroup: 10001,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Every pod and container: non-root UID 10001, no privileges, read-only root (hub images: /tmp on an emptyDir), resources bounded. */
export function safetyProblems(objects: KubeObject[]): string[] {
  return workloads(objects).flatMap((workload) => {
    const pod = templateOf(workload).spec;
    const name = workload.metadata.name;
    const problems: string[] = [];
    const podSecurity = pod.securityContext ?? {};
    if (podSecurity.runAsNonRoot !== true || podSecurity.runAsUser !== 10001 || podSecurity.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${name}: the pod's securityContext`);
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const { requests = {}, limits = {} } = container.resources ?? {};
      if (!requests.cpu || !requests.memory || !limits.cpu || !limits.memory)
        problems.push(`${name}/${container.name}: requests and limits of cpu and memory`);
      if (!isDeepStrictEqual(container.securityContext, CONTAINER_SECURITY))
        problems.push(`${name}/${container.name}: the container's securityContext`);
      const tmp = container.volumeMounts?.find((mount: { mountPath: string }) => mount.mountPath === '/tmp');
      if (isHubImage(container) && !pod.volumes?.find((volume: { name: string }) => volume.name === tmp?.name)?.emptyDir)
        problems.push(`${name}/${container.name}: no emptyDir on /tmp`);
    }
    return problems;
  });
}

/** What is wrong with one environment variable of a hub container: not a catalogued setting, or a value it refuses. */
function settingProblems(name: string, value: string | undefined): string[] {
  // The one variable the hub reads that is not a setting: Apollo's own switch, which the hub sets itself too.
  if (name === 'APOLLO_TELEMETRY_DISABLED') return value === '1' ? [] : [`${name} must be 1`];
  const setting =
    SETTINGS.find((candidate) => candidate.env === name) ??
    SETTING_FAMILIES.find((family) => DOMAIN_NAMES.some((domain) => family.env(domain) === name));
  if (!setting) return [`${name} is not a setting of docs/configuration.md`];
  const checked = value === undefined ? null : setting.check.safeParse(value);
  return checked && !checked.success ? [`${name}=${value}: ${checked.error.issues[0]?.message}`] : [];
}

/** Every variable a hub container is given names a setting, with a value the hub's configuration accepts. */
export function environmentProblems(objects: KubeObject[]): string[] {
  return hubContainers(objects).flatMap((container) => {
    const fromSecrets = (container.env ?? []).filter((variable: Container) => variable.valueFrom).map((variable: Container) => variable.name);
    return [
      ...Object.entries(environmentOf(objects, container)).flatMap(([name, value]) => settingProblems(name, value)),
      ...fromSecrets.flatMap((name: string) => settingProblems(name, undefined)),
    ].map((problem) => `${container.name}: ${problem}`);
  });
}

export function decodedSecretValues(secret: KubeObject): [string, string][] {
  return [
    ...Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')] as [string, string]),
    ...Object.entries(secret.stringData ?? {}),
  ];
}

/** A value that may be committed: a placeholder to replace (holding no private key), or a URL without a password. */
function isNotSecret(value: string): boolean {
  if (value.includes('REPLACE-ME')) return !/"d"\s*:/.test(value);
  try {
    return new URL(value).password === '';
  } catch {
    return false;
  }
}

export function secretProblems(objects: KubeObject[]): string[] {
  return objects
    .filter((object) => object.kind === 'Secret')
    .flatMap((secret) =>
      decodedSecretValues(secret)
        .filter(([, value]) => !isNotSecret(value))
        .map(([key]) => `${secret.metadata.name}: ${key} holds a real value`),
    );
}
