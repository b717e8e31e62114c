import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITIZEN_APP_MANIFEST, persistedDocumentsConfigFromEnv, SHIPPED_MANIFEST } from '../src/persisted/config';
import { TrustedDocuments } from '../src/persisted/documents';
import { manifestFromDocuments } from '@govhub/shared';
import { loadManifest } from '../src/persisted/manifest';
import { persistedQueryHash, resolveOperation } from '../src/persisted/resolve';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DASHBOARD = 'query Dashboard($code: ID!) { province(code: $code) { nameEn } }';
const GRANT = 'mutation Grant { grantConsent(agencyCode: "TAT", purpose: "P", datasets: []) { id } }';

function manifestFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govhub-manifest-')), 'manifest.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('the persisted query manifest', () => {
  it("is written in Apollo's format, each operation identified by its body's SHA-256", () => {
    expect(
      manifestFromDocuments([
        { name: 'Dashboard', body: DASHBOARD },
        { name: 'Grant', body: GRANT },
      ]),
    ).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: sha256(DASHBOARD), name: 'Dashboard', type: 'query', body: DASHBOARD },
        { id: sha256(GRANT), name: 'Grant', type: 'mutation', body: GRANT },
      ],
    });
  });

  it('refuses a document without the named operation', () => {
    expect(() => manifestFromDocuments([{ name: 'Other', body: `${DASHBOARD} ${GRANT}` }])).toThrow(/one named Other/);
  });

  it('loads what it writes, and the file the hub ships', () => {
    const written = manifestFromDocuments([{ name: 'Dashboard', body: DASHBOARD }]);
    expect(loadManifest(manifestFile(written))).toEqual(written);
    const shipped = loadManifest(SHIPPED_MANIFEST);
    expect(shipped.operations.map((operation) => operation.name)).toContain('ProvinceDashboard');
    for (const operation of shipped.operations) expect(operation.id).toBe(sha256(operation.body));
  });

  it.each([
    ['not JSON', '{"format":', /persisted documents .*manifest\.json: /],
    ['another format', { format: 'relay', version: 1, operations: [] }, /not an Apollo persisted query manifest/],
    [
      'an entry without a body',
      { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'a', name: 'A', type: 'query' }] },
      /operation 0 needs/,
    ],
    [
      'a repeated id',
      {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [
          { id: 'a', name: 'A', type: 'query', body: '{ a }' },
          { id: 'a', name: 'B', type: 'query', body: '{ b }' },
        ],
      },
      /operation 1 repeats the id a/,
    ],
  ])('stops the gateway at start on %s, naming the file', (_, content, message) => {
    expect(() => loadManifest(manifestFile(content))).toThrow(message);
  });
});

describe('persisted documents settings', () => {
  it('use the shipped manifest and safelist nobody by default', () => {
    expect(persistedDocumentsConfigFromEnv({})).toEqual({ manifestPaths: [SHIPPED_MANIFEST, CITIZEN_APP_MANIFEST], safelist: [] });
  });

  it('read a path or off, and client names or *', () => {
    expect(
      persistedDocumentsConfigFromEnv({ GOVHUB_PERSISTED_DOCUMENTS: '/etc/govhub/app.json', GOVHUB_SAFELIST_CLIENTS: 'citizen-app, kiosk' }),
    ).toEqual({ manifestPaths: ['/etc/govhub/app.json'], safelist: ['citizen-app', 'kiosk'] });
    expect(persistedDocumentsConfigFromEnv({ GOVHUB_PERSISTED_DOCUMENTS: 'off', GOVHUB_SAFELIST_CLIENTS: '*' })).toEqual({
      manifestPaths: [],
      safelist: '*',
    });
  });
});

describe('which operation a request runs', () => {
  const documents = new TrustedDocuments(manifestFromDocuments([{ name: 'Dashboard', body: DASHBOARD }]));
  const id = sha256(DASHBOARD);
  const other = '{ provinces { code } }';
  const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it.each([
    ['a free-form query', { query: other }, false, { kind: 'unchanged' }],
    ['a documentId', { documentId: id }, false, { kind: 'trusted', body: DASHBOARD }],
    ['a sha256: documentId, with a query beside it', { documentId: `sha256:${id}`, query: other }, false, { kind: 'trusted', body: DASHBOARD }],
    ['a manifest hash over APQ', { extensions: apq(id) }, false, { kind: 'trusted', body: DASHBOARD }],
    ['a manifest hash over APQ, from a GET', { extensions: JSON.stringify(apq(id)) }, false, { kind: 'trusted', body: DASHBOARD }],
    ['an unknown hash (left to APQ)', { extensions: apq(sha256(other)) }, false, { kind: 'unchanged' }],
    ['an APQ registration', { query: other, extensions: apq(sha256(other)) }, false, { kind: 'unchanged' }],
    ['an unknown documentId', { documentId: 'nope' }, false, { kind: 'refused', status: 400, code: 'PERSISTED_DOCUMENT_NOT_FOUND' }],
    ['a documentId that is not a string', { documentId: 7 }, false, { kind: 'refused', status: 400, code: 'BAD_REQUEST' }],
    ['safelisted: a free-form query', { query: other }, true, { kind: 'refused', status: 403, code: 'OPERATION_NOT_IN_SAFELIST' }],
    [
      'safelisted: an APQ registration',
      { query: other, extensions: apq(sha256(other)) },
      true,
      { kind: 'refused', status: 403, code: 'OPERATION_NOT_IN_SAFELIST' },
    ],
    ['safelisted: an unknown hash', { extensions: apq(sha256(other)) }, true, { kind: 'refused', status: 403, code: 'OPERATION_NOT_IN_SAFELIST' }],
    ['safelisted: a documentId', { documentId: id }, true, { kind: 'trusted', body: DASHBOARD }],
    ['safelisted: a manifest body as text', { query: DASHBOARD }, true, { kind: 'unchanged' }],
    ['safelisted: no operation at all (Apollo Server says so)', {}, true, { kind: 'unchanged' }],
  ])('%s', (_, params, safelisted, expected) => {
    expect(resolveOperation(params, documents, safelisted)).toEqual(expect.objectContaining(expected));
  });

  it('reads an APQ hash from an object or its JSON text, and nothing from anything else', () => {
    expect(persistedQueryHash(apq('abc'))).toBe('abc');
    expect(persistedQueryHash(JSON.stringify(apq('abc')))).toBe('abc');
    expect([persistedQueryHash('{not json'), persistedQueryHash(null), persistedQueryHash({ persistedQuery: { sha256Hash: 5 } })]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
