import { routingUrlProblem } from '../src/registry/routingUrl';

describe('routing URL validation (no request is ever sent)', () => {
  it.each([
    'https://api.example.go.th/graphql',
    'http://203.0.113.10:8080/graphql',
    'https://[2001:db8::1]/graphql',
  ])('accepts %s', (url) => expect(routingUrlProblem(url, [])).toBeNull());

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
