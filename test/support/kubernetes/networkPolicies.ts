import type { KubeObject } from './render';

/** A pod as network policies see it: its namespace, its labels and its containers' ports. */
export interface PodEndpoint {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ports: { name?: string; containerPort: number; protocol?: string }[];
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyPort {
  protocol?: string;
  port?: number | string;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PolicyPort[];
}

/** Whether labels satisfy a label selector (an empty selector selects everything). */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    byLabels &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      if (operator === 'In') return key in labels && values.includes(labels[key]);
      if (operator === 'NotIn') return !(key in labels && values.includes(labels[key]));
      if (operator === 'Exists') return key in labels;
      return !(key in labels);
    })
  );
}

/** A namespace's labels: those of its rendered Namespace, and the name label the API server sets. */
function namespaceLabels(objects: KubeObject[], namespace: string): Record<string, string> {
  const declared = objects.find((object) => object.kind === 'Namespace' && object.metadata.name === namespace);
  return { ...declared?.metadata.labels, 'kubernetes.io/metadata.name': namespace };
}

function policyTypes(policy: KubeObject): string[] {
  return policy.spec.policyTypes ?? ['Ingress', ...(policy.spec.egress ? ['Egress'] : [])];
}

/** A peer of a policy in `namespace` matches an in-cluster pod (an ipBlock is taken to name addresses outside it). */
function peerMatchesPod(objects: KubeObject[], peer: Peer, namespace: string, pod: PodEndpoint): boolean {
  if (peer.ipBlock) return false;
  const inNamespace = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels(objects, pod.namespace)) : pod.namespace === namespace;
  return inNamespace && selects(peer.podSelector, pod.labels);
}

/** A rule's port matches the destination's port; a named port is the destination container's port of that name. */
function portMatches(ports: PolicyPort[] | undefined, destination: PodEndpoint | null, port: number, protocol: string): boolean {
  if (!ports?.length) return true;
  return ports.some((rule) => {
    if ((rule.protocol ?? 'TCP') !== protocol) return false;
    if (rule.port === undefined) return true;
    if (typeof rule.port === 'number') return rule.port === port;
    return destination?.ports.some((candidate) => candidate.name === rule.port && candidate.containerPort === port) ?? false;
  });
}

/** The policies of a pod's namespace that select it for one direction. */
function policiesFor(objects: KubeObject[], pod: PodEndpoint, direction: 'Ingress' | 'Egress'): KubeObject[] {
  return objects.filter(
    (policy) =>
      policy.kind === 'NetworkPolicy' &&
      policy.metadata.namespace === pod.namespace &&
      policyTypes(policy).includes(direction) &&
      selects(policy.spec.podSelector, pod.labels),
  );
}

/**
 * Whether the policies selecting `pod` in one direction let the connection through: a pod no policy isolates
 * allows everything; otherwise one rule must match the other side (`peer`: an in-cluster pod) and the port.
 */
function directionAllows(
  objects: KubeObject[],
  pod: PodEndpoint,
  direction: 'Ingress' | 'Egress',
  peerMatches: (peer: Peer, namespace: string) => boolean,
  destination: PodEndpoint | null,
  port: number,
  protocol: string,
): boolean {
  const isolating = policiesFor(objects, pod, direction);
  return (
    isolating.length === 0 ||
    isolating.some((policy) =>
      ((direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? []).some((rule: Rule) => {
        const peers = direction === 'Ingress' ? rule.from : rule.to;
        return (
          (!peers?.length || peers.some((peer) => peerMatches(peer, policy.metadata.namespace as string))) &&
          portMatches(rule.ports, destination, port, protocol)
        );
      }),
    )
  );
}

/**
 * Whether a pod may open a connection to another pod's port: the source's egress and the destination's ingress.
 * `objects` holds the network policies and namespaces of every namespace involved.
 */
export function connectionAllowed(objects: KubeObject[], from: PodEndpoint, to: PodEndpoint, port: number, protocol = 'TCP'): boolean {
  if (!to.ports.some((candidate) => candidate.containerPort === port && (candidate.protocol ?? 'TCP') === protocol)) return false;
  return (
    directionAllows(objects, from, 'Egress', (peer, namespace) => peerMatchesPod(objects, peer, namespace, to), to, port, protocol) &&
    directionAllows(objects, to, 'Ingress', (peer, namespace) => peerMatchesPod(objects, peer, namespace, from), to, port, protocol)
  );
}

/** Whether a pod may connect to an address outside the cluster (only ipBlock peers, or a rule with no peers, allow it). */
export function egressToAddressAllowed(objects: KubeObject[], from: PodEndpoint, address: string, port: number, protocol = 'TCP'): boolean {
  const inBlock = (peer: Peer) =>
    !!peer.ipBlock && inCidr(address, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(address, cidr));
  return directionAllows(objects, from, 'Egress', inBlock, null, port, protocol);
}

function ipv4(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function inCidr(address: string, cidr: string): boolean {
  const [network, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(network) / size);
}
