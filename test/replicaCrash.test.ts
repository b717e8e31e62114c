import { verifyChain } from '@govhub/gateway';
import { CALLERS } from './support/hub';
import { startPersonalReads, untilReleased } from './support/personalReads';
import { startReplicaSet, type ReplicaSet } from './support/replicas';

/**
 * Two gateway replicas writing the exchange log at once while agencies read personal records through the proxy,
 * then `kill -9` of one: the other replica serves every request the dead one did not hold, and every answer that
 * carried personal data has its exchange-log entry, in one intact hash chain.
 */
let set: ReplicaSet;
beforeAll(async () => {
  set = await startReplicaSet(2);
}, 120_000);
afterAll(() => set?.stop());

it('keeps the exchange log one hash chain while both replicas write it at once', async () => {
  const dopa = (await set.hub.as(CALLERS.dopaWelfare)).authorization;
  const reads = startPersonalReads(set.proxy.url, dopa, 8);
  await untilReleased(reads, 100);
  await reads.stop();
  const logged = await set.hub.subgraphs.governance.db.query<{ count: string; requests: string }>(
    'SELECT count(*) AS count, count(DISTINCT request_id) AS requests FROM governance.exchange_log WHERE request_id = ANY($1)',
    [reads.released],
  );
  const verified = await verifyChain(set.hub.subgraphs.governance.db);
  console.info(
    `${reads.released.length} personal answers through the proxy (${JSON.stringify(set.proxy.counts.answeredBy)}): ` +
      `${logged[0].count} exchange-log entries; chain of ${verified.entries} entries ${verified.brokenAt ? 'BROKEN' : 'intact'}`,
  );
  expect({ failed: reads.failed, refused: reads.refused }).toEqual({ failed: 0, refused: {} });
  expect(Object.values(set.proxy.counts.answeredBy).every((answered) => answered > 25)).toBe(true);
  // One person and one dataset (the civil registry) a request: one entry each.
  expect(logged[0]).toEqual({ count: String(reads.released.length), requests: String(reads.released.length) });
  expect(verified.brokenAt).toBeNull();
}, 30_000);

it('loses only the requests in flight on a replica killed with kill -9 under load, and logs every release', async () => {
  const [a] = set.replicas;
  const originOfA = new URL(a.url).origin;
  const reads = startPersonalReads(set.proxy.url, (await set.hub.as(CALLERS.dopaWelfare)).authorization, 8);
  await untilReleased(reads, 60);
  // Read in the same turn of the event loop as the kill: no request can reach A in between.
  const inFlightOnA = set.proxy.inFlight[originOfA];
  a.child.process.kill('SIGKILL');
  const releasedBeforeKill = reads.released.length;
  await a.child.exited;
  await untilReleased(reads, releasedBeforeKill + 120);
  await reads.stop();

  const unanswered = reads.failed + Object.values(reads.refused).reduce((sum, count) => sum + count, 0);
  const logged = await set.hub.subgraphs.governance.db.query<{ request_id: string }>(
    'SELECT DISTINCT request_id FROM governance.exchange_log WHERE request_id = ANY($1)',
    [reads.released],
  );
  const verified = await verifyChain(set.hub.subgraphs.governance.db);
  console.info(
    `kill -9 of replica A with ${inFlightOnA} requests in flight on it: ${reads.sent} sent, ${reads.released.length} released ` +
      `(${releasedBeforeKill} before the kill), ${unanswered} unanswered; proxy ${JSON.stringify(set.proxy.counts)}; ` +
      `${logged.length} released answers logged; chain of ${verified.entries} entries ${verified.brokenAt ? 'BROKEN' : 'intact'}`,
  );
  // After the kill the proxy still sends every other request to A first: each is refused and goes on to B.
  expect(set.proxy.counts.refused).toBeGreaterThan(0);
  // What no replica answered is what the proxy could not take elsewhere: only requests A held when it died (a query reset
  // there is tried again on B; only an answer cut short, or a reset mutation, is lost).
  expect(unanswered).toBe(set.proxy.counts.cut + set.proxy.counts.failed);
  const [heldByA, heldByB] = set.replicas.map((replica) => set.proxy.counts.brokenBy[new URL(replica.url).origin]);
  expect(unanswered).toBeLessThanOrEqual(heldByA);
  expect(heldByB).toBe(0);
  expect(new Set(logged.map((row) => row.request_id))).toEqual(new Set(reads.released));
  expect(verified.brokenAt).toBeNull();
}, 60_000);
