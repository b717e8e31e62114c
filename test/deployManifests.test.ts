import { DOMAIN_NAMES, DOMAINS, GATEWAY_PORT, SETTING_FAMILIES, SETTINGS } from '@govhub/shared';
import { unknownFieldsChecker } from './support/kubernetes/fields';
import { connectionAllowed, egressToAddressAllowed, type PodEndpoint } from './support/kubernetes/networkPolicies';
import { kubectlSkipped, renderOverlay, type KubeObject } from './support/kubernetes/render';
import { schemaProblems } from './support/kubernetes/schemas';
import { environmentOf, find, podsOf, templateOf, workloads } from './support/kubernetes/workloads';

/**
 * The manifests under deploy/ as kustomize renders each overlay: valid against the Kubernetes schemas, and
 * holding what the hub needs to run on a cluster (probes, resources, security, drain, scaling), with network
 * policies evaluated pod to pod rather than merely present. Nothing is applied to a cluster here.
 */
const OVERLAYS = ['dev', 'production'] as const;
type Overlay = (typeof OVERLAYS)[number];
const NAMESPACES: Record<Overlay, string> = { dev: 'govhub-dev', production: 'govhub' };

const rendered = new Map<Overlay, KubeObject[]>();
const objectsOf = (overlay: Overlay): KubeObject[] => {
  if (!rendered.has(overlay)) rendered.set(overlay, renderOverlay(overlay));
  return rendered.get(overlay) as KubeObject[];
};

type Container = any;
const containersOf = (workload: KubeObject): Container[] => templateOf(workload).spec.containers;
const isHubImage = (container: Container) => /(^|\/)govhub(:|@|$)/.test(container.image);
const hubDeployments = (objects: KubeObject[]) =>
  workloads(objects).filter((workload) => workload.kind === 'Deployment' && containersOf(workload).some(isHubImage));
const subgraphDeployment = (objects: KubeObject[], name: string) => find(objects, 'Deployment', `subgraph-${name}`);

/** The container port a probe or Service names (by name or number). */
function portNumber(container: Container, port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((candidate: { name: string }) => candidate.name === port)?.containerPort;
}

/** How long a preStop hook waits: `node -e "setTimeout(() => {}, MS)"`, or the sleep action. */
function preStopSeconds(container: Container): number {
  const hook = container.lifecycle?.preStop;
  if (hook?.sleep) return hook.sleep.seconds;
  const [program, flag, script] = hook?.exec?.command ?? [];
  const ms = program === 'node' && flag === '-e' ? /^setTimeout\(\(\) => \{\}, (\d+)\)$/.exec(script)?.[1] : undefined;
  if (!ms) throw new Error(`no preStop pause in ${container.name}`);
  return Number(ms) / 1000;
}

function decodedSecretValues(secret: KubeObject): [string, string][] {
  return [
    ...Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')] as [string, string]),
    ...Object.entries(secret.stringData ?? {}),
  ];
}

/** A value that may be committed: a placeholder to replace, or a URL without a password (a dev service). */
function isNotSecret(value: string): boolean {
  if (value.includes('REPLACE-ME')) return !/"d"\s*:/.test(value);
  try {
    return new URL(value).password === '';
  } catch {
    return false;
  }
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

/** CloudNativePG's Cluster has no models package (schemaProblems checks its fields). */
const hasModel = (object: KubeObject) => object.apiVersion !== 'postgresql.cnpg.io/v1';
let unknownFields: ((object: KubeObject) => string[]) | undefined;
/** One compiler run for both overlays' kinds: reading the declarations takes a second or two. */
const unknownFieldsOf = (object: KubeObject) => {
  unknownFields ??= unknownFieldsChecker(OVERLAYS.flatMap(objectsOf).filter(hasModel));
  return unknownFields(object);
};

const describeWithKubectl = kubectlSkipped() ? describe.skip : describe;

describeWithKubectl.each(OVERLAYS)('deploy/overlays/%s', (overlay) => {
  const objects = () => objectsOf(overlay);

  it('renders only objects that are valid against their schemas, all in the overlay namespace', () => {
    expect(objects().length).toBeGreaterThan(30);
    expect(objects().flatMap(schemaProblems)).toEqual([]);
    expect(objects().filter(hasModel).flatMap(unknownFieldsOf)).toEqual([]);
    const namespaced = objects().filter((object) => object.kind !== 'Namespace');
    expect(namespaced.filter((object) => object.metadata.namespace !== NAMESPACES[overlay]).map((object) => object.metadata.name)).toEqual([]);
  });

  it('runs the gateway, each of the eight subgraphs and the migrate Job with their commands', () => {
    expect(containersOf(find(objects(), 'Deployment', 'gateway'))[0].args).toEqual(['gateway']);
    for (const name of DOMAIN_NAMES)
      expect(containersOf(subgraphDeployment(objects(), name))[0].args).toEqual(['subgraph', 'serve', name, '--no-migrate']);
    expect(containersOf(find(objects(), 'Job', 'migrate'))[0].args).toEqual(['migrate']);
    expect(hubDeployments(objects())).toHaveLength(1 + DOMAIN_NAMES.length);
  });

  it('probes every hub process on its own port: startup and liveness on /healthz, readiness on /readyz', () => {
    const expectedPort = (workload: KubeObject) =>
      workload.metadata.name === 'gateway' ? GATEWAY_PORT : DOMAINS[workload.metadata.labels?.['govhub/domain'] as keyof typeof DOMAINS].port;
    for (const workload of hubDeployments(objects())) {
      const [container] = containersOf(workload);
      const port = expectedPort(workload);
      for (const [probe, path] of [
        ['startupProbe', '/healthz'],
        ['livenessProbe', '/healthz'],
        ['readinessProbe', '/readyz'],
      ] as const) {
        expect({
          workload: workload.metadata.name,
          probe,
          path: container[probe]?.httpGet?.path,
          port: portNumber(container, container[probe]?.httpGet?.port),
        }).toEqual({
          workload: workload.metadata.name,
          probe,
          path,
          port,
        });
      }
      expect(templateOf(workload).metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      });
    }
  });

  it('gives every container resource requests and limits, and runs it as UID 10001 without privileges on a read-only root', () => {
    for (const workload of workloads(objects())) {
      const pod = templateOf(workload).spec;
      expect({ workload: workload.metadata.name, pod: pod.securityContext }).toMatchObject({
        workload: workload.metadata.name,
        pod: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
      });
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect({ container: container.name, resources: container.resources }).toMatchObject({
          container: container.name,
          resources: {
            requests: { cpu: expect.any(String), memory: expect.any(String) },
            limits: { cpu: expect.any(String), memory: expect.any(String) },
          },
        });
        expect({ container: container.name, securityContext: container.securityContext }).toEqual({
          container: container.name,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            runAsGroup: 10001,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        });
        const tmp = container.volumeMounts?.find((mount: { mountPath: string }) => mount.mountPath === '/tmp');
        if (isHubImage(container)) expect(pod.volumes.find((volume: { name: string }) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    }
  });

  it('gives every hub container the contract environment: no telemetry, listening beyond loopback, nothing written into the image', () => {
    const hubContainers = workloads(objects()).flatMap(containersOf).filter(isHubImage);
    expect(hubContainers).toHaveLength(2 + DOMAIN_NAMES.length);
    for (const container of hubContainers) {
      expect(environmentOf(objects(), container)).toMatchObject({
        HUB_ENV: overlay === 'production' ? 'production' : 'development',
        APOLLO_TELEMETRY_DISABLED: '1',
        HOST: '0.0.0.0',
        GOVHUB_DATA_DIR: '/tmp/govhub',
      });
      const secretRefs = (container.env ?? [])
        .filter((variable: Container) => variable.valueFrom?.secretKeyRef)
        .map((variable: Container) => variable.name);
      expect(secretRefs).toContain('DATABASE_URL');
    }
  });

  it('sets only settings the hub has, with values its configuration accepts', () => {
    for (const container of workloads(objects()).flatMap(containersOf).filter(isHubImage)) {
      const fromSecrets = (container.env ?? []).filter((variable: Container) => variable.valueFrom).map((variable: Container) => variable.name);
      const problems = [
        ...Object.entries(environmentOf(objects(), container)).flatMap(([name, value]) => settingProblems(name, value)),
        ...fromSecrets.flatMap((name: string) => settingProblems(name, undefined)),
      ];
      expect({ container: container.name, problems }).toEqual({ container: container.name, problems: [] });
    }
  });

  it('gives every subgraph a Service on its domain port, and the gateway the routing URL of that Service', () => {
    const gateway = containersOf(find(objects(), 'Deployment', 'gateway'))[0];
    const gatewayEnvironment = environmentOf(objects(), gateway);
    for (const name of DOMAIN_NAMES) {
      const deployment = subgraphDeployment(objects(), name);
      const services = objects().filter(
        (object) =>
          object.kind === 'Service' &&
          Object.entries(object.spec.selector ?? {}).every(([key, value]) => templateOf(deployment).metadata.labels[key] === value) &&
          Object.keys(object.spec.selector ?? {}).length > 0,
      );
      expect(services.map((service) => service.metadata.name)).toEqual([`subgraph-${name}`]);
      const [port] = services[0].spec.ports;
      expect({ name, port: port.port, target: portNumber(containersOf(deployment)[0], port.targetPort) }).toEqual({
        name,
        port: DOMAINS[name].port,
        target: DOMAINS[name].port,
      });
      expect(gatewayEnvironment[`GOVHUB_SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(`http://subgraph-${name}:${DOMAINS[name].port}/graphql`);
      expect(gatewayEnvironment.GOVHUB_ALLOWED_SUBGRAPH_HOSTS.split(',')).toContain(`subgraph-${name}`);
    }
    expect(find(objects(), 'Service', 'gateway').spec.ports[0]).toMatchObject({ port: GATEWAY_PORT, targetPort: 'http' });
  });

  it('drains the gateway: rolling updates never go below the replicas, preStop pauses, and the grace period outlasts the drain', () => {
    const gateway = find(objects(), 'Deployment', 'gateway');
    expect(gateway.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    const [container] = containersOf(gateway);
    const deadlineSeconds = Number(environmentOf(objects(), container).GOVHUB_REQUEST_DEADLINE_MS) / 1000;
    expect(deadlineSeconds).toBeGreaterThan(0);
    expect(preStopSeconds(container)).toBeGreaterThanOrEqual(5);
    expect(templateOf(gateway).spec.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds(container) + deadlineSeconds);
    for (const name of DOMAIN_NAMES) {
      const deployment = subgraphDeployment(objects(), name);
      expect(templateOf(deployment).spec.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds(containersOf(deployment)[0]));
    }
  });

  it('commits no secret value: every Secret holds a placeholder or a password-free URL', () => {
    const secrets = objects().filter((object) => object.kind === 'Secret');
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const values = secrets.flatMap((secret) => decodedSecretValues(secret).map(([key, value]) => ({ secret: secret.metadata.name, key, value })));
    expect(values.filter(({ value }) => !isNotSecret(value))).toEqual([]);
  });

  it('allows only what the hub needs between pods, evaluated selector by selector', () => {
    const policies = objects().filter((object) => object.kind === 'NetworkPolicy');
    const pods = podsOf(objects());
    const pod = (predicate: (labels: Record<string, string>) => boolean) => pods.filter((candidate) => predicate(candidate.labels));
    const stranger = (namespace: string, labels: Record<string, string> = { app: 'stranger' }): PodEndpoint => ({
      name: 'stranger',
      namespace,
      labels,
      ports: [],
    });
    const allowed = (from: PodEndpoint, to: PodEndpoint, port: number, protocol = 'TCP') => connectionAllowed(policies, from, to, port, protocol);

    const gateway = pod((labels) => labels['app.kubernetes.io/component'] === 'gateway')[0];
    const subgraphs = pod((labels) => labels['app.kubernetes.io/component'] === 'subgraph');
    const migrate = pod((labels) => labels['app.kubernetes.io/component'] === 'migrate')[0];
    const databases = pod((labels) => labels['app.kubernetes.io/component'] === 'database');
    const namespace = NAMESPACES[overlay];
    const inNamespace = stranger(namespace);
    const elsewhere = stranger('default');
    const prometheus = stranger('monitoring', { 'app.kubernetes.io/name': 'prometheus' });
    const dns: PodEndpoint = {
      name: 'coredns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [{ containerPort: 53, protocol: 'UDP' }],
    };
    expect(subgraphs).toHaveLength(DOMAIN_NAMES.length);
    expect(databases.length).toBeGreaterThan(0);

    for (const subgraph of subgraphs) {
      const port = DOMAINS[subgraph.labels['govhub/domain'] as keyof typeof DOMAINS].port;
      expect({ to: subgraph.name, gateway: allowed(gateway, subgraph, port), prometheus: allowed(prometheus, subgraph, port) }).toEqual({
        to: subgraph.name,
        gateway: true,
        prometheus: true,
      });
      const refused = [...subgraphs.filter((other) => other !== subgraph), migrate, inNamespace, elsewhere, ...databases].filter((from) =>
        allowed(from, subgraph, port),
      );
      expect({ to: subgraph.name, refused: refused.map((from) => from.name) }).toEqual({ to: subgraph.name, refused: [] });
    }
    for (const database of databases) {
      const hubPods = [gateway, migrate, ...subgraphs];
      expect({ to: database.name, from: hubPods.filter((from) => !allowed(from, database, 5432)).map((from) => from.name) }).toEqual({
        to: database.name,
        from: [],
      });
      expect([inNamespace, elsewhere, prometheus].filter((from) => allowed(from, database, 5432))).toEqual([]);
    }
    expect({
      anyone: allowed(elsewhere, gateway, GATEWAY_PORT),
      otherPort: allowed(elsewhere, { ...gateway, ports: [{ containerPort: 9229 }] }, 9229),
    }).toEqual({
      anyone: true,
      otherPort: false,
    });
    expect([gateway, migrate, ...subgraphs].filter((from) => !allowed(from, dns, 53, 'UDP'))).toEqual([]);
    // Beyond the cluster: the gateway reaches an identity provider over HTTPS, never the cloud metadata address.
    expect(egressToAddressAllowed(policies, gateway, '203.0.113.10', 443)).toBe(true);
    expect(egressToAddressAllowed(policies, gateway, '169.254.169.254', 80)).toBe(false);
    expect(egressToAddressAllowed(policies, gateway, '169.254.169.254', 443)).toBe(false);
    expect([migrate, ...subgraphs].filter((from) => egressToAddressAllowed(policies, from, '203.0.113.10', 443))).toEqual([]);

    const redis = pod((labels) => labels['app.kubernetes.io/component'] === 'redis')[0];
    if (redis) {
      expect(allowed(gateway, redis, 6379)).toBe(true);
      expect([migrate, ...subgraphs, inNamespace, elsewhere].filter((from) => allowed(from, redis, 6379))).toEqual([]);
    }
  });
});

describeWithKubectl('deploy/overlays/production', () => {
  const objects = () => objectsOf('production');

  it('scales the gateway with a CPU autoscaler and keeps it available with a disruption budget', () => {
    const gateway = find(objects(), 'Deployment', 'gateway');
    // The autoscaler owns the count, so an apply does not reset it.
    expect(gateway.spec.replicas).toBeUndefined();
    const hpa = find(objects(), 'HorizontalPodAutoscaler', 'gateway');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics).toContainEqual({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
    });
    const pdb = find(objects(), 'PodDisruptionBudget', 'gateway');
    expect(Object.entries(pdb.spec.selector.matchLabels).every(([key, value]) => templateOf(gateway).metadata.labels[key] === value)).toBe(true);
    expect(pdb.spec.maxUnavailable ?? hpa.spec.minReplicas - pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });

  it('pins the image, runs PostgreSQL on CloudNativePG and reads Redis from a secret', () => {
    const images = workloads(objects())
      .flatMap(containersOf)
      .map((container) => container.image);
    expect(images.every((image) => /^[\w.-]+(\/[\w.-]+)+:\d+\.\d+\.\d+$|@sha256:[0-9a-f]{64}$/.test(image))).toBe(true);
    const cluster = find(objects(), 'Cluster', 'govhub-database');
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
    for (const container of workloads(objects()).flatMap(containersOf)) {
      const databaseUrl = container.env.find((variable: Container) => variable.name === 'DATABASE_URL');
      // The operator's generated secret: <cluster>-app, key uri.
      expect(databaseUrl.valueFrom.secretKeyRef).toEqual({ name: 'govhub-database-app', key: 'uri' });
    }
    const gateway = containersOf(find(objects(), 'Deployment', 'gateway'))[0];
    const redisRef = gateway.env.find((variable: Container) => variable.name === 'REDIS_URL').valueFrom.secretKeyRef;
    expect(decodedSecretValues(find(objects(), 'Secret', redisRef.name))).toEqual([
      [redisRef.key, expect.stringMatching(/^rediss:\/\/.*REPLACE-ME/)],
    ]);
    expect(environmentOf(objects(), gateway).GOVHUB_JWKS_URL).toMatch(/^https:\/\//);
  });
});

describeWithKubectl('deploy/overlays/dev', () => {
  const objects = () => objectsOf('dev');

  it('runs one replica of each process with PostgreSQL and Redis inside the namespace, without autoscaler or budget', () => {
    expect(hubDeployments(objects()).map((deployment) => deployment.spec.replicas)).toEqual(Array(1 + DOMAIN_NAMES.length).fill(1));
    expect(objects().filter((object) => object.kind === 'HorizontalPodAutoscaler' || object.kind === 'PodDisruptionBudget')).toEqual([]);
    expect(find(objects(), 'StatefulSet', 'postgres').spec.replicas).toBe(1);
    expect(find(objects(), 'Deployment', 'redis').spec.replicas).toBe(1);
  });
});
