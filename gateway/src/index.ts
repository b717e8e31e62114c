import './noTelemetry';

export * from './server';
export * from './context';
export * from './config';
export * from './auth/devKeys';
export * from './auth/tokens';
export * from './authorization/agreements';
export * from './authorization/decide';
export * from './authorization/rules';
export * from './authorization/policyFiles';
export * from './plugins/authorization';
export * from './supergraph/builtInSubgraphs';
export * from './supergraph/staticSupergraph';
export * from './audit/exchangeLog';
