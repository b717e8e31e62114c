import { probedAddress } from '../src/cli/healthcheck';

const govhub = (...args: string[]) => ['node', 'gateway/dist/cli/govhub.js', ...args];

describe("the image's health check finds the port of the role its container runs", () => {
  it.each([
    ['the gateway', govhub('gateway'), {}, { host: '127.0.0.1', port: 4000 }],
    ['the gateway on PORT', govhub('gateway'), { PORT: '8080' }, { host: '127.0.0.1', port: 8080 }],
    ['a domain on its own port', govhub('subgraph', 'serve', 'water', '--no-migrate'), { HOST: '0.0.0.0' }, { host: '127.0.0.1', port: 4003 }],
    ['a domain on PORT', govhub('subgraph', 'serve', 'governance'), { PORT: '9001' }, { host: '127.0.0.1', port: 9001 }],
    ['--port over PORT', govhub('subgraph', 'serve', 'governance', '--port', '9002'), { PORT: '9001' }, { host: '127.0.0.1', port: 9002 }],
    ['--port=N', govhub('gateway', '--port=9003'), {}, { host: '127.0.0.1', port: 9003 }],
    ['an agency subgraph on PORT', govhub('subgraph', 'serve', 'landoffice'), { PORT: '4009' }, { host: '127.0.0.1', port: 4009 }],
    ['a process bound to one address', govhub('gateway'), { HOST: '10.0.0.7' }, { host: '10.0.0.7', port: 4000 }],
  ])('%s', (_, args, env, expected) => {
    expect(probedAddress(args, env)).toEqual(expected);
  });

  it('has nothing to probe for a migration job', () => {
    expect(probedAddress(govhub('migrate'), { PORT: '4000' })).toBeNull();
  });
});
