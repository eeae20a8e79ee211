export * from './addresses';
export * from './holdings';
export * from './payments';
export * from './signin';
