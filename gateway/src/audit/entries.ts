import type { Identity } from '@govhub/shared';
import type { ExchangeLogEntry } from './exchangeLog';
import type { Release } from './releases';

/**
 * One log entry per subject, dataset and basis of a response, listing the fields released. Security-domain data
 * (SECRET) is logged but withheld from the subject's own view of the log.
 */
export function exchangeLogEntries(releases: readonly Release[], identity: Identity, requestId: string, at: Date = new Date()): ExchangeLogEntry[] {
  const grouped = new Map<string, { release: Release; fields: Set<string> }>();
  for (const release of releases) {
    const key = JSON.stringify([release.subject ?? release.subjectRef, release.dataset, release.basis, release.agreementId]);
    const group = grouped.get(key) ?? { release, fields: new Set<string>() };
    group.fields.add(release.coordinate);
    grouped.set(key, group);
  }
  return [...grouped.values()].map(({ release, fields }) => ({
    at: at.toISOString(),
    requestId,
    consumer: identity.agency,
    officer: identity.sub,
    purpose: identity.purpose,
    basis: release.basis,
    agreementId: release.agreementId,
    subject: release.subject,
    subjectRef: release.subjectRef,
    dataset: release.dataset,
    classification: release.classification,
    fields: [...fields].sort(),
    withheldFromSubject: release.classification === 'SECRET',
  }));
}
