import { createApp } from './app.js';
import { createContext, sessionSecret } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { prepareOnStart } from './first-start.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const ctx = await createContext(config);
  const { admin } = await prepareOnStart(ctx);
  if (admin) {
    console.log('\n  First start: created the administrator account.');
    console.log(`    username: ${admin.username}`);
    console.log(`    password: ${admin.password}`);
    console.log('  It is shown only this once. Sign in and add users at /admin.\n');
  }
  const app = createApp(ctx, sessionSecret(config));
  const server = app.listen(config.PORT, config.HOST, () => {
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    ctx.logger.info(`Tandem is serving http://${host}:${config.PORT}`);
  });
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
