import type { SupergraphManager } from '@apollo/gateway';
import { composeSupergraph, type Logger, type SubgraphSource } from '@govhub/shared';
import { loadableSupergraph } from '../authorization/rules';

/**
 * A supergraph composed once, locally, from the subgraphs' SDL: no introspection at run time and no network
 * registry. Composition applies the hub's classification rule, so an unclassified field never goes live; the
 * authorization directives stay in the SDL (the hub enforces them) but lose `for: SECURITY` so the gateway loads it.
 */
export class StaticSupergraphManager implements SupergraphManager {
  constructor(
    private readonly subgraphs: readonly SubgraphSource[],
    private readonly logger: Logger,
  ) {}

  async initialize(): Promise<{ supergraphSdl: string }> {
    const { supergraphSdl, hints } = composeSupergraph(this.subgraphs);
    this.logger.info({ subgraphs: this.subgraphs.map((s) => s.name), hints: hints.length }, 'supergraph composed');
    return { supergraphSdl: loadableSupergraph(supergraphSdl) };
  }
}
