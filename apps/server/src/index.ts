export { createApp } from './app';
export { type AppConfig, ConfigError, loadConfig, loadProcessConfig } from './config';
export { createLogger } from './logger';
export { createMetrics } from './metrics';
export { closeDeps, createDeps, findWebDist } from './runtime';
export { type RunningServer, startServer } from './server';
