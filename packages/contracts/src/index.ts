export * from './auth';
export * from './enums';
export * from './errors';
export * from './money';
export * from './pagination';
export * from './session';
export * from './system';
export * from './admin';
