import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { citizen } from './index';

void runSubgraphMain(citizen);
