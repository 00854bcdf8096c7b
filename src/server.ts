import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp } from './app.js';
import { createContext, sessionSecret } from './boot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { prepareOnStart } from './first-start.js';

const messages = {
  inUse: (c: Config) => `PORT=${c.PORT}: already in use on ${c.HOST}; stop the program using it or set PORT to a free port`,
  denied: (c: Config) => `PORT=${c.PORT}: not allowed to listen on ${c.HOST} (ports below 1024 need privileges); set PORT to 1024 or above`,
  noHost: (c: Config) => `HOST=${c.HOST}: not an address of this machine`,
};

/** Resolves once the port is bound; a port that cannot be bound stops start-up with one line naming the setting. */
function listen(app: Express, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.PORT, config.HOST, (err?: Error) => {
      if (!err) return resolve(server);
      const code = (err as NodeJS.ErrnoException).code;
      const message = code === 'EADDRINUSE' ? messages.inUse : code === 'EACCES' ? messages.denied : code === 'EADDRNOTAVAIL' ? messages.noHost : null;
      reject(message ? new ConfigError(message(config)) : err);
    });
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  const app = createApp(ctx, sessionSecret(config));
  // Bind first: a start that cannot serve must not create the admin and show its only copy of the password.
  const server = await listen(app, config);
  const { admin } = await prepareOnStart(ctx);
  if (admin) {
    console.log('\n  First start: created the administrator account.');
    console.log(`    username: ${admin.username}`);
    console.log(`    password: ${admin.password}`);
    console.log('  It is shown only this once. Sign in and add users at /admin.\n');
  }
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  ctx.logger.info(`Tandem is serving http://${host}:${(server.address() as AddressInfo).port}`);
  const stop = (signal: string) => {
    ctx.logger.info(`${signal}: shutting down`);
    // Unfinished translation jobs resume on the next start, so there is no need to wait for them.
    server.close(() => {
      void ctx.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // A bad setting is one line naming the variable; anything else keeps its stack for the log.
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
