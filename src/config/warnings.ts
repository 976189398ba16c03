import type { Logger } from './logger.js';

/**
 * Node's process warnings go through the logger. @prisma/adapter-pg overlaps queries on one
 * pg client inside transactions, which pg 8 queues correctly but warns about; that one is
 * noise to users and is dropped.
 */
export function routeWarnings(log: Logger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'DeprecationWarning' && warning.message.includes('client is already executing a query')) return;
    log.warn({ warning: warning.message, kind: warning.name }, 'runtime warning');
  });
}
