import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencies, composeSupergraph, hubDatasets, lintClassification } from '@govhub/shared';

const sdl = (domain: string) => readFileSync(join(__dirname, '..', '..', domain, 'schema.graphql'), 'utf8');
const security = sdl('security');

describe('the security schema in the supergraph', () => {
  it('composes with governance, extending its Province and referencing its Agency', () => {
    const { supergraphSdl } = composeSupergraph([
      { name: 'governance', url: 'http://governance.invalid', sdl: sdl('governance') },
      { name: 'security', url: 'http://security.invalid', sdl: security },
    ]);
    const province = /type Province[^{]*\{([^}]*)\}/.exec(supergraphSdl)?.[1] ?? '';
    expect(province).toMatch(/nameTh: String!/);
    expect(province).toMatch(/securityIncidents\(first: Int = 20, offset: Int = 0\): \[SecurityIncident!\]!/);
    expect(supergraphSdl).toMatch(/identityRecord: IdentityRecord[^\n]*@classified\(level: SECRET, dataset: "nsc.national-identity"\)/);
  });

  it('classifies every field, and names a dataset for every personal field', () => {
    expect(lintClassification('security', security)).toEqual([]);
  });

  it('names only catalogue datasets, declared SECRET by agencies governance publishes', () => {
    const catalogue = new Map(hubDatasets().map((dataset) => [dataset.id, dataset]));
    const named = [...new Set([...security.matchAll(/dataset: "([^"]+)"/g)].map((match) => match[1]))];
    expect(named.length).toBeGreaterThanOrEqual(4);
    for (const id of named) expect(catalogue.has(id)).toBe(true);
    const codes = new Set(agencies().map((agency) => agency.code));
    for (const id of ['nsc.security-incidents', 'nsc.national-identity', 'isoc-r4f.citizen-tips']) {
      expect(catalogue.get(id)).toMatchObject({ classification: 'SECRET' });
      expect(codes.has(catalogue.get(id)?.owner ?? '')).toBe(true);
    }
  });
});
