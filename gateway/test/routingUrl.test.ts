import { resolvedRoutingUrlProblem, routingUrlProblem, type HostLookup } from '../src/registry/routingUrl';

describe('routing URL validation (no request is ever sent)', () => {
  it.each(['https://api.example.go.th/graphql', 'http://203.0.113.10:8080/graphql', 'https://[2001:db8::1]/graphql'])('accepts %s', (url) =>
    expect(routingUrlProblem(url, [])).toBeNull(),
  );

  it.each([
    ['ftp://example.go.th/x', 'protocol'],
    ['file:///etc/passwd', 'protocol'],
    ['https://user:pass@example.go.th/', 'credentials'],
    ['http://127.0.0.1:4001/', 'loopback'],
    ['http://localhost:4001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.20.0.5/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fd00::1]/', 'private'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://0.0.0.0/', 'unspecified'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (url, reason) => expect(routingUrlProblem(url, [])).toContain(reason));

  it('lets an allow-list name a host, as development does for loopback', () => {
    expect(routingUrlProblem('http://127.0.0.1:4009/', ['127.0.0.1'])).toBeNull();
    expect(routingUrlProblem('http://10.1.2.3/', ['127.0.0.1'])).toContain('private');
  });
});

describe('routing URL host names are resolved (an injected resolver: no DNS traffic)', () => {
  const resolver =
    (addresses: Record<string, string[]>): HostLookup =>
    async (host) => {
      if (!addresses[host]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return addresses[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  const names = resolver({
    'api.example.go.th': ['203.0.113.10', '2001:db8::1'],
    'rebind.example.go.th': ['203.0.113.10', '10.0.0.5'],
    'metadata.example.go.th': ['169.254.169.254'],
    'v6.example.go.th': ['fd00::7'],
    'mapped.example.go.th': ['::ffff:127.0.0.1'],
  });

  it('accepts a name whose every address is public', async () => {
    expect(await resolvedRoutingUrlProblem('https://api.example.go.th/graphql', [], names)).toBeNull();
  });

  it.each([
    ['https://rebind.example.go.th/', 'resolves to private address 10.0.0.5'],
    ['https://metadata.example.go.th/', 'resolves to link-local (cloud metadata) address 169.254.169.254'],
    ['https://v6.example.go.th/', 'resolves to private (unique local) address fd00::7'],
    ['https://mapped.example.go.th/', 'resolves to loopback address ::ffff:127.0.0.1'],
    ['https://missing.example.go.th/', 'does not resolve (ENOTFOUND)'],
  ])('refuses %s (%s)', async (url, reason) => expect(await resolvedRoutingUrlProblem(url, [], names)).toContain(reason));

  it('keeps the literal checks, and lets the allow-list name a host without resolving it', async () => {
    const never: HostLookup = async () => {
      throw new Error('must not resolve');
    };
    expect(await resolvedRoutingUrlProblem('http://10.1.2.3/', [], never)).toContain('private address 10.1.2.3');
    expect(await resolvedRoutingUrlProblem('http://internal.example.go.th/', ['internal.example.go.th'], never)).toBeNull();
    expect(await resolvedRoutingUrlProblem('http://localhost:4001/', [], never)).toContain('loopback');
  });

  it('judges localhost by its name, never asking the resolver', async () => {
    expect(await resolvedRoutingUrlProblem('http://app.localhost:4001/', [])).toContain('loopback');
    expect(await resolvedRoutingUrlProblem('http://localhost:4001/', ['localhost'])).toBeNull();
  });
});
