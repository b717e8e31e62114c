import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { security } from './index';

void runSubgraphMain(security);
