import { DOMAIN_NAMES, DOMAINS, GATEWAY_PORT } from '@govhub/shared';
import {
  containersOf,
  decodedSecretValues,
  environmentProblems,
  hubContainers,
  isHubImage,
  portNumber,
  preStopSeconds,
  probeProblems,
  safetyProblems,
  secretProblems,
  type Container,
} from './support/kubernetes/checks';
import { unknownFieldsChecker } from './support/kubernetes/fields';
import { connectionAllowed, egressToAddressAllowed, type PodEndpoint } from './support/kubernetes/networkPolicies';
import { kubectlSkipped, renderKustomization, type KubeObject } from './support/kubernetes/render';
import { schemaProblems } from './support/kubernetes/schemas';
import { environmentOf, find, podsOf, templateOf, workloads } from './support/kubernetes/workloads';

/**
 * The manifests under deploy/ as kustomize renders them: valid against the Kubernetes schemas, and holding what
 * the hub needs to run on a cluster (probes, resources, security, drain, scaling), with network policies
 * evaluated pod to pod rather than merely present. Nothing is applied to a cluster here.
 */
const OVERLAYS = ['overlays/dev', 'overlays/production'] as const;
const AGENCY_EXAMPLE = 'examples/agency-subgraph';
const KUSTOMIZATIONS = [...OVERLAYS, AGENCY_EXAMPLE] as const;
type Kustomization = (typeof KUSTOMIZATIONS)[number];
const NAMESPACES: Record<Kustomization, string> = { 'overlays/dev': 'govhub-dev', 'overlays/production': 'govhub', [AGENCY_EXAMPLE]: 'education' };
/** The example agency subgraph's port, as `govhub subgraph new` gives the first one. */
const AGENCY_PORT = 4009;

const rendered = new Map<Kustomization, KubeObject[]>();
const objectsOf = (path: Kustomization): KubeObject[] => {
  if (!rendered.has(path)) rendered.set(path, renderKustomization(path));
  return rendered.get(path) as KubeObject[];
};

const hubDeployments = (objects: KubeObject[]) =>
  workloads(objects).filter((workload) => workload.kind === 'Deployment' && containersOf(workload).some(isHubImage));
const subgraphDeployment = (objects: KubeObject[], name: string) => find(objects, 'Deployment', `subgraph-${name}`);
const domainPort = (workload: KubeObject) =>
  workload.metadata.name === 'gateway'
    ? GATEWAY_PORT
    : (DOMAINS[workload.metadata.labels?.['govhub/domain'] as keyof typeof DOMAINS]?.port ?? AGENCY_PORT);

/** CloudNativePG's Cluster has no models package (schemaProblems checks its fields). */
const hasModel = (object: KubeObject) => object.apiVersion !== 'postgresql.cnpg.io/v1';
let unknownFields: ((object: KubeObject) => string[]) | undefined;
/** One compiler run for every kustomization's kinds: reading the declarations takes a second or two. */
const unknownFieldsOf = (object: KubeObject) => {
  unknownFields ??= unknownFieldsChecker(KUSTOMIZATIONS.flatMap(objectsOf).filter(hasModel));
  return unknownFields(object);
};

const describeWithKubectl = kubectlSkipped() ? describe.skip : describe;

describeWithKubectl.each(KUSTOMIZATIONS)('deploy/%s', (path) => {
  const objects = () => objectsOf(path);

  it('renders only objects valid against their schemas, with no unknown field, all in its namespace', () => {
    expect(objects().flatMap(schemaProblems)).toEqual([]);
    expect(objects().filter(hasModel).flatMap(unknownFieldsOf)).toEqual([]);
    const namespaced = objects().filter((object) => object.kind !== 'Namespace');
    expect(namespaced.filter((object) => object.metadata.namespace !== NAMESPACES[path]).map((object) => object.metadata.name)).toEqual([]);
  });

  it('probes every hub process on its own port: startup and liveness on /healthz, readiness on /readyz, /metrics annotated', () => {
    expect(hubDeployments(objects()).length).toBeGreaterThan(0);
    expect(hubDeployments(objects()).flatMap((workload) => probeProblems(workload, domainPort(workload)))).toEqual([]);
  });

  it('gives every container resource requests and limits, and runs it as UID 10001 without privileges on a read-only root', () => {
    expect(safetyProblems(objects())).toEqual([]);
  });

  it('gives every hub container the contract environment, with settings the hub has and values it accepts', () => {
    for (const container of hubContainers(objects())) {
      expect(environmentOf(objects(), container)).toMatchObject({
        HUB_ENV: path === 'overlays/dev' ? 'development' : 'production',
        APOLLO_TELEMETRY_DISABLED: '1',
        HOST: '0.0.0.0',
        GOVHUB_DATA_DIR: '/tmp/govhub',
      });
      expect((container.env ?? []).map((variable: Container) => variable.name)).toContain('DATABASE_URL');
    }
    expect(environmentProblems(objects())).toEqual([]);
  });

  it('commits no secret value: every Secret holds a placeholder or a password-free URL', () => {
    expect(objects().filter((object) => object.kind === 'Secret').length).toBeGreaterThanOrEqual(2);
    expect(secretProblems(objects())).toEqual([]);
  });
});

describeWithKubectl.each(OVERLAYS)('deploy/%s: the hub', (overlay) => {
  const objects = () => objectsOf(overlay);

  it('runs the gateway, each of the eight subgraphs and the migrate Job with their commands', () => {
    expect(containersOf(find(objects(), 'Deployment', 'gateway'))[0].args).toEqual(['gateway']);
    for (const name of DOMAIN_NAMES)
      expect(containersOf(subgraphDeployment(objects(), name))[0].args).toEqual(['subgraph', 'serve', name, '--no-migrate']);
    expect(containersOf(find(objects(), 'Job', 'migrate'))[0].args).toEqual(['migrate']);
    expect(hubDeployments(objects())).toHaveLength(1 + DOMAIN_NAMES.length);
    expect(hubContainers(objects())).toHaveLength(2 + DOMAIN_NAMES.length);
  });

  it('gives every subgraph a Service on its domain port, and the gateway the routing URL of that Service', () => {
    const gatewayEnvironment = environmentOf(objects(), containersOf(find(objects(), 'Deployment', 'gateway'))[0]);
    for (const name of DOMAIN_NAMES) {
      const deployment = subgraphDeployment(objects(), name);
      const services = objects().filter(
        (object) =>
          object.kind === 'Service' &&
          Object.keys(object.spec.selector ?? {}).length > 0 &&
          Object.entries(object.spec.selector).every(([key, value]) => templateOf(deployment).metadata.labels[key] === value),
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

  it('allows only what the hub needs between pods, evaluated selector by selector', () => {
    const pods = podsOf(objects());
    const pod = (component: string) => pods.filter((candidate) => candidate.labels['app.kubernetes.io/component'] === component);
    const stranger = (namespace: string, labels: Record<string, string> = { app: 'stranger' }): PodEndpoint => ({
      name: 'stranger',
      namespace,
      labels,
      ports: [],
    });
    const allowed = (from: PodEndpoint, to: PodEndpoint, port: number, protocol = 'TCP') => connectionAllowed(objects(), from, to, port, protocol);

    const [gateway] = pod('gateway');
    const subgraphs = pod('subgraph');
    const [migrate] = pod('migrate');
    const databases = pod('database');
    const inNamespace = stranger(NAMESPACES[overlay]);
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
    }).toEqual({ anyone: true, otherPort: false });
    expect([gateway, migrate, ...subgraphs].filter((from) => !allowed(from, dns, 53, 'UDP'))).toEqual([]);
    // Beyond the cluster: the gateway reaches an identity provider over HTTPS, never the cloud metadata address.
    expect(egressToAddressAllowed(objects(), gateway, '203.0.113.10', 443)).toBe(true);
    expect(egressToAddressAllowed(objects(), gateway, '169.254.169.254', 80)).toBe(false);
    expect(egressToAddressAllowed(objects(), gateway, '169.254.169.254', 443)).toBe(false);
    expect([migrate, ...subgraphs].filter((from) => egressToAddressAllowed(objects(), from, '203.0.113.10', 443))).toEqual([]);

    const [redis] = pod('redis');
    if (redis) {
      expect(allowed(gateway, redis, 6379)).toBe(true);
      expect([migrate, ...subgraphs, inNamespace, elsewhere].filter((from) => allowed(from, redis, 6379))).toEqual([]);
    }
  });
});

describeWithKubectl('deploy/overlays/production', () => {
  const objects = () => objectsOf('overlays/production');

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
    expect(images.filter((image) => !/^[\w.-]+(\/[\w.-]+)+:\d+\.\d+\.\d+$|@sha256:[0-9a-f]{64}$/.test(image))).toEqual([]);
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
  const objects = () => objectsOf('overlays/dev');

  it('runs one replica of each process with PostgreSQL and Redis inside the namespace, without autoscaler or budget', () => {
    expect(hubDeployments(objects()).map((deployment) => deployment.spec.replicas)).toEqual(Array(1 + DOMAIN_NAMES.length).fill(1));
    expect(objects().filter((object) => object.kind === 'HorizontalPodAutoscaler' || object.kind === 'PodDisruptionBudget')).toEqual([]);
    expect(find(objects(), 'StatefulSet', 'postgres').spec.replicas).toBe(1);
    expect(find(objects(), 'Deployment', 'redis').spec.replicas).toBe(1);
  });
});

describeWithKubectl('deploy/examples/agency-subgraph beside the production hub', () => {
  const agency = () => objectsOf(AGENCY_EXAMPLE);
  const both = () => [...objectsOf('overlays/production'), ...agency()];

  it("runs the agency's subgraph and its migrations on the agency's database, with a Service on its port", () => {
    const deployment = subgraphDeployment(agency(), 'education');
    expect(containersOf(deployment)[0].args).toEqual(['subgraph', 'serve', 'education', '--no-migrate']);
    expect(containersOf(find(agency(), 'Job', 'migrate-education'))[0].args).toEqual(['migrate', 'education']);
    expect(find(agency(), 'Service', 'subgraph-education').spec.ports[0]).toMatchObject({ port: AGENCY_PORT, targetPort: 'http' });
    for (const container of workloads(agency()).flatMap(containersOf)) {
      const { name } = container.env.find((variable: Container) => variable.name === 'DATABASE_URL').valueFrom.secretKeyRef;
      expect(name).toMatch(/^education-database-/);
    }
  });

  it("lets the hub's gateway alone call it, and keeps it away from the hub's subgraphs and database", () => {
    const hubPods = podsOf(objectsOf('overlays/production'));
    const [education] = podsOf(agency()).filter((pod) => pod.labels['app.kubernetes.io/component'] === 'subgraph');
    const [migrate] = podsOf(agency()).filter((pod) => pod.labels['app.kubernetes.io/component'] === 'migrate');
    const component = (name: string) => hubPods.filter((pod) => pod.labels['app.kubernetes.io/component'] === name);
    const [gateway] = component('gateway');
    expect(connectionAllowed(both(), gateway, education, AGENCY_PORT)).toBe(true);
    expect([...component('subgraph'), migrate].filter((from) => connectionAllowed(both(), from, education, AGENCY_PORT))).toEqual([]);
    for (const target of [...component('subgraph'), ...component('database')]) {
      for (const port of target.ports.map((candidate) => candidate.containerPort)) {
        expect({ target: target.name, port, allowed: connectionAllowed(both(), education, target, port) }).toEqual({
          target: target.name,
          port,
          allowed: false,
        });
      }
    }
    expect(egressToAddressAllowed(both(), education, '10.20.30.40', 5432)).toBe(true);
    expect(egressToAddressAllowed(both(), education, '203.0.113.10', 443)).toBe(false);
  });
});
