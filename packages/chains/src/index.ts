export * from './addresses';
export * from './holdings';
export * from './signin';
