import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { water } from './index';

void runSubgraphMain(water);
