import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { business } from './index';

void runSubgraphMain(business);
