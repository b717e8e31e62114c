import { personAt } from '@govhub/shared';

export interface PersonalReads {
  /** Request ids (the gateway's `x-request-id`) of the answers that carried a person's data. */
  released: string[];
  /** Answers without the person's data (an error, a 502 from the proxy), by HTTP status. */
  refused: Record<number, number>;
  /** Requests that got no answer at all (the connection failed or the answer was cut short). */
  failed: number;
  sent: number;
  /** Lets each client finish the request it is on, then resolves. */
  stop(): Promise<void>;
}

/** Concurrent clients, each reading one person's name after another (the first `people` seeded) until stopped. */
export function startPersonalReads(url: string, authorization: string, clients: number, people = 300): PersonalReads {
  const reads: PersonalReads = { released: [], refused: {}, failed: 0, sent: 0, stop: async () => undefined };
  let stopping = false;
  const client = async () => {
    while (!stopping) {
      const nationalId = personAt(reads.sent++ % people).nationalId;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', variables: { id: nationalId } }),
        });
        const body = (await response.json().catch(() => ({}))) as { data?: { person?: { firstNameTh?: string } | null } };
        if (body.data?.person?.firstNameTh) reads.released.push(response.headers.get('x-request-id') as string);
        else reads.refused[response.status] = (reads.refused[response.status] ?? 0) + 1;
      } catch {
        reads.failed++;
      }
    }
  };
  const running = Array.from({ length: clients }, () => client());
  reads.stop = async () => {
    stopping = true;
    await Promise.all(running);
  };
  return reads;
}

/** Resolves once `reads` released at least `count` answers. */
export async function untilReleased(reads: PersonalReads, count: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (reads.released.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${reads.released.length} of ${count} answers released in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
