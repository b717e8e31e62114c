import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { disaster } from './index';

void runSubgraphMain(disaster);
