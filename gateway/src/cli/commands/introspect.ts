import { printResult, type Format } from '../output';

/**
 * A running subgraph's SDL (Rover's `subgraph introspect URL`), read with the federation `_service { sdl }` query.
 * The hub's own subgraphs answer only the gateway's signed requests; an agency introspects its subgraph before
 * publishing it.
 */
export async function introspectCommand(url: string, format: Format): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  }).catch((error: Error) => {
    throw new Error(`cannot reach ${url} (${error.message})`);
  });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] } | null;
  const sdl = body?.data?._service?.sdl;
  printResult(
    format,
    body,
    () => sdl ?? `no SDL from ${url}: HTTP ${response.status} ${body?.errors?.map((error) => error.message).join('; ') ?? ''}`,
  );
  return sdl ? 0 : 1;
}
