export * from './addresses';
export * from './holdings';
export * from './mint';
export * from './payments';
export * from './signin';
export { traceRpcCalls } from './tracing';
