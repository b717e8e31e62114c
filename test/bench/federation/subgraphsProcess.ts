import { startBenchSubgraphs } from './subgraphs';

/**
 * The four subgraphs in a process of their own, so that their work neither slows the load driver's clock nor counts
 * as the driver's CPU. Reports `{ subgraphs: [{ name, url, sdl }] }` over IPC; exits when its parent goes.
 */
async function main(): Promise<void> {
  const { subgraphs, stop } = await startBenchSubgraphs({
    basePort: process.env.BENCH_SUBGRAPH_PORT ? Number(process.env.BENCH_SUBGRAPH_PORT) : undefined,
  });
  process.send?.({ subgraphs: subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })) });
  process.once('disconnect', () => void stop().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
