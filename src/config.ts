import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

/**
 * Every setting Tandem reads, with its doc and default. This is the only module that
 * reads process.env; the rest of the app receives a validated Config.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const settings = {
  PORT: {
    doc: 'TCP port the web app listens on.',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(65535).default(3000),
  },
  HOST: {
    doc: 'Interface to listen on; 0.0.0.0 serves other machines too.',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  TANDEM_DATA_DIR: {
    doc: 'Folder for the SQLite database and the generated session secret.',
    schema: z.string().min(1).default('./data'),
  },
  DATABASE_URL: {
    doc: 'PostgreSQL connection string; leave unset to use the embedded SQLite database.',
    schema: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')
      .optional(),
  },
  SESSION_SECRET: {
    doc: 'Secret for signing session and CSRF cookies (at least 32 characters). Generated into the data folder when unset.',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  },
  TANDEM_SESSION_HOURS: {
    doc: 'How long a browser session lasts without activity, in hours.',
    schema: z.coerce.number({ message: 'must be a number' }).positive('must be positive').max(24 * 30).default(12),
  },
  TANDEM_TRUST_PROXY: {
    doc: 'Set to true behind a reverse proxy that terminates HTTPS, so cookies are marked Secure.',
    schema: booleanFlag.default(false),
  },
  TANDEM_DEFAULT_ENGINE: {
    doc: 'Engine used when a document does not name one (offline needs no network).',
    schema: z.string().min(1).default('offline'),
  },
  TANDEM_IMPORT_SAMPLE: {
    doc: 'Import and translate the sample article on first start when the database is empty.',
    schema: booleanFlag.default(true),
  },
  TANDEM_MAX_UPLOAD_MB: {
    doc: 'Largest article accepted for import, in megabytes.',
    schema: z.coerce.number({ message: 'must be a number' }).positive('must be positive').max(50).default(2),
  },
  LOG_LEVEL: {
    doc: 'How much the server logs: error, warn, info or debug.',
    schema: z.enum(['error', 'warn', 'info', 'debug'], { message: 'must be error, warn, info or debug' }).default('info'),
  },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & {
  /** TANDEM_DATA_DIR resolved against the project root. */
  dataDir: string;
};

export class ConfigError extends Error {}

export const settingDocs: ReadonlyArray<{ name: string; doc: string }> = Object.entries(settings).map(([name, s]) => ({
  name,
  doc: s.doc,
}));

/** Reads the settings from `env` (default: process.env plus an optional .env file). Throws ConfigError naming the first bad variable. */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  const source = env ?? readProcessEnv();
  const out: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const raw = source[name];
    const parsed = setting.schema.safeParse(raw === '' ? undefined : raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is invalid';
      throw new ConfigError(`${name}=${JSON.stringify(raw)}: ${reason}`);
    }
    out[name] = parsed.data;
  }
  const config = out as Config;
  config.dataDir = isAbsolute(config.TANDEM_DATA_DIR) ? config.TANDEM_DATA_DIR : resolve(projectRoot, config.TANDEM_DATA_DIR);
  return config;
}

function readProcessEnv(): Record<string, string | undefined> {
  const dotenv = resolve(projectRoot, '.env');
  // Variables already set in the environment win over .env (loadEnvFile does not overwrite).
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  return process.env;
}
