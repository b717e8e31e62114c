import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { governance } from './index';

void runSubgraphMain(governance);
