/** @baton/server: start Baton in-process (tests, benchmark) or read its configuration. */
export { createBatonServer } from './app/create-baton-server';
export type { BatonServer, BatonServerOptions } from './app/create-baton-server';
export { loadConfig, ConfigError, DEFAULT_LIMITS } from './config';
export type { BatonConfig, LogLevel, RequestLimits } from './config';
export { openSqliteStore } from './store/sqlite/open-sqlite-store';
export type { BatonStore } from './store/baton-store';
export { BatonError } from './baton-error';
export type { Logger, LoggerOptions } from './logger';
export { createLogger, silentLogger } from './logger';
