import type { PodEndpoint } from './networkPolicies';
import type { KubeObject } from './render';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);

export type PodTemplate = { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: any };

export function workloads(objects: KubeObject[]): KubeObject[] {
  return objects.filter((object) => WORKLOAD_KINDS.has(object.kind));
}

export function templateOf(workload: KubeObject): PodTemplate {
  return workload.spec.template;
}

export function find(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return found;
}

/** The pods each workload runs, and the instances of each CloudNativePG cluster, as network policies see them. */
export function podsOf(objects: KubeObject[]): PodEndpoint[] {
  const fromWorkloads = workloads(objects).map((workload) => ({
    name: workload.metadata.name,
    namespace: workload.metadata.namespace as string,
    labels: templateOf(workload).metadata.labels,
    ports: templateOf(workload).spec.containers.flatMap((container: { ports?: PodEndpoint['ports'] }) => container.ports ?? []),
  }));
  const databaseInstances = objects
    .filter((object) => object.kind === 'Cluster')
    .map((cluster) => ({
      name: `${cluster.metadata.name}-1`,
      namespace: cluster.metadata.namespace as string,
      labels: { ...cluster.spec.inheritedMetadata?.labels, 'cnpg.io/cluster': cluster.metadata.name },
      ports: [
        { name: 'postgresql', containerPort: 5432 },
        { name: 'status', containerPort: 8000 },
      ],
    }));
  return [...fromWorkloads, ...databaseInstances];
}

/** The environment a container sees: its env values and the ConfigMaps it loads whole (Secrets are not read). */
export function environmentOf(
  objects: KubeObject[],
  container: { env?: { name: string; value?: string }[]; envFrom?: { configMapRef?: { name: string } }[] },
) {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, find(objects, 'ConfigMap', source.configMapRef.name).data);
  }
  for (const variable of container.env ?? []) if (variable.value !== undefined) environment[variable.name] = variable.value;
  return environment;
}
