export * from './addresses';
export * from './signin';
