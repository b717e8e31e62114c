import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { resources } from './index';

void runSubgraphMain(resources);
