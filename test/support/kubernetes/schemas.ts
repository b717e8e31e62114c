import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, ResourceRequirements, Secret, Service } from 'kubernetes-models/v1';
import type { KubeObject } from './render';

interface Validatable {
  validate(): void;
}

/** The Kubernetes kinds the manifests use, each with its model from the API's OpenAPI schema. */
const MODELS: Record<string, new (data: never) => Validatable> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/**
 * The problems of one rendered object against its kind's schema (an empty list when it is valid). The models
 * check types, required fields and formats, not unknown fields. CloudNativePG's Cluster has no models package:
 * the fields the production overlay uses are checked as the operator's API reference defines them.
 */
export function schemaProblems(object: KubeObject): string[] {
  const id = `${object.kind}/${object.metadata?.name}`;
  if (object.apiVersion === 'postgresql.cnpg.io/v1' && object.kind === 'Cluster')
    return clusterProblems(object).map((problem) => `${id}: ${problem}`);
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) return [`${id}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(asDecodedByTheApiServer(object) as never).validate();
    return [];
  } catch (error) {
    return [`${id}: ${(error as Error).message}`];
  }
}

/** kustomize wraps a Secret's base64 at 76 columns; the API server's decoder skips the line breaks, the schema's format does not. */
function asDecodedByTheApiServer(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  return { ...object, data: Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, value.replace(/\s+/g, '')])) };
}

const CLUSTER_FIELDS = new Set([
  'instances',
  'imageName',
  'primaryUpdateStrategy',
  'inheritedMetadata',
  'bootstrap',
  'postgresql',
  'storage',
  'resources',
  'affinity',
]);
const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

function clusterProblems(cluster: KubeObject): string[] {
  const spec = cluster.spec ?? {};
  const problems = Object.keys(spec)
    .filter((field) => !CLUSTER_FIELDS.has(field))
    .map((field) => `spec.${field} is not a field these manifests are checked for`);
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  expect(Number.isInteger(spec.instances) && spec.instances >= 1, 'spec.instances must be a whole number of 1 or more');
  expect(typeof spec.imageName === 'string' && /:[\w.-]+$/.test(spec.imageName), 'spec.imageName must name an image with a tag');
  expect(['unsupervised', 'supervised'].includes(spec.primaryUpdateStrategy), 'spec.primaryUpdateStrategy must be unsupervised or supervised');
  expect(isStringMap(spec.inheritedMetadata?.labels), 'spec.inheritedMetadata.labels must map names to strings');
  const initdb = spec.bootstrap?.initdb;
  expect(typeof initdb?.database === 'string' && typeof initdb?.owner === 'string', 'spec.bootstrap.initdb needs database and owner');
  expect(isStringMap(spec.postgresql?.parameters), 'spec.postgresql.parameters must map names to strings');
  expect(typeof spec.storage?.size === 'string' && QUANTITY.test(spec.storage.size), 'spec.storage.size must be a quantity');
  expect(
    typeof spec.affinity?.enablePodAntiAffinity === 'boolean' && typeof spec.affinity?.topologyKey === 'string',
    'spec.affinity needs enablePodAntiAffinity and topologyKey',
  );
  try {
    new ResourceRequirements(spec.resources).validate();
  } catch (error) {
    problems.push(`spec.resources: ${(error as Error).message}`);
  }
  return problems;
}

function isStringMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');
}
