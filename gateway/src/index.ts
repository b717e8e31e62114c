import './noTelemetry';

export * from './server';
export * from './context';
export * from './supergraph/builtInSubgraphs';
export * from './supergraph/staticSupergraph';
