import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { tourism } from './index';

void runSubgraphMain(tourism);
