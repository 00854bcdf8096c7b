import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
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

/** Names Express's `trust proxy` understands for whole address ranges. */
const proxyRanges = ['loopback', 'linklocal', 'uniquelocal'];

const isProxyAddress = (entry: string): boolean => {
  if (proxyRanges.includes(entry)) return true;
  const [address = '', prefix, ...extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * Which proxies may tell Tandem the client's address (X-Forwarded-For) and scheme: none, the
 * nearest N, or those at the listed addresses. `true` would trust whatever the client writes.
 */
const trustedProxies = z.string().transform((value, ctx): false | number | string[] => {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0' || v === 'no') return false;
  if (v === 'true' || v === 'yes') {
    ctx.addIssue({
      code: 'custom',
      message:
        'trusting every proxy lets any client choose its address; set the number of proxies in front of Tandem (e.g. 1) or their addresses (e.g. loopback or 10.0.0.5)',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${bad}" is not an IP address, a CIDR range or one of ${proxyRanges.join(', ')}` });
    return z.NEVER;
  }
  return entries;
});

const httpUrl = z.string().refine((v) => /^https?:\/\/[^/\s]+/.test(v), 'must be an http:// or https:// URL');

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
    doc: 'Reverse proxies whose X-Forwarded-For, -Proto and -Host Tandem believes (client address for sign-in limits; https for Secure cookies; the public origin for the Origin check): false (none), how many sit in front of it (e.g. 1), or their addresses (e.g. loopback,10.0.0.5,10.1.0.0/16).',
    schema: trustedProxies.default(false),
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
  TANDEM_SPELLING: {
    doc: 'English spelling of drafts and glossary terms: american or british (DeepL translates into EN-US or EN-GB accordingly).',
    schema: z.enum(['american', 'british'], { message: 'must be american or british' }).default('american'),
  },
  TANDEM_WORKERS: {
    doc: 'Worker threads that parse uploads and run the offline engine off the event loop; 0 means one per CPU core.',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(64).default(0),
  },
  TANDEM_WORKER_MEMORY_MB: {
    doc: 'Heap one worker thread may use, in MB; a file or a batch that needs more is stopped and refused (413).',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(64).max(16_384).default(512),
  },
  TANDEM_WORKER_TIMEOUT_MS: {
    doc: 'Longest one upload may take to read, or one batch of the offline engine to translate, in milliseconds (time waiting for a free worker included).',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(100).max(600_000).default(20_000),
  },
  TANDEM_WORKER_QUEUE: {
    doc: 'Tasks that may wait for a free worker thread; beyond it an upload is refused with 503 busy.',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(10_000).default(64),
  },
  DEEPL_AUTH_KEY: {
    doc: 'DeepL API key; setting it adds the deepl engine (a key ending in :fx is a Free-plan key).',
    schema: z.string().min(1).optional(),
  },
  DEEPL_SERVER_URL: {
    doc: 'DeepL API base URL, for a proxy or a test server; unset picks DeepL’s own from the key.',
    schema: httpUrl.optional(),
  },
  GOOGLE_PROJECT_ID: {
    doc: 'Google Cloud project; setting it adds the google engine (Cloud Translation v3).',
    schema: z.string().min(1).optional(),
  },
  GOOGLE_LOCATION: {
    doc: 'Google Cloud location for v3 requests; glossaries need a region such as us-central1.',
    schema: z.string().min(1).default('global'),
  },
  GOOGLE_APPLICATION_CREDENTIALS: {
    doc: 'Service-account key file for Google Cloud Translation v3; unset uses the machine’s default credentials.',
    schema: z.string().min(1).optional(),
  },
  GOOGLE_GLOSSARY_ID: {
    doc: 'Google v3 glossary to apply (its id, or its full projects/…/glossaries/… name).',
    schema: z.string().min(1).optional(),
  },
  GOOGLE_API_KEY: {
    doc: 'Google API key; setting it adds the google-v2 engine (Translation v2, the simple option).',
    schema: z.string().min(1).optional(),
  },
  GOOGLE_API_ENDPOINT: {
    doc: 'Base URL standing in for Google’s API (a self-hosted proxy or a test server), for both v3 and v2.',
    schema: httpUrl.optional(),
  },
  LLM_BASE_URL: {
    doc: 'Base URL of an OpenAI-compatible model server (llama.cpp, vLLM, Ollama), without /v1; setting it adds the llm engine.',
    schema: httpUrl.optional(),
  },
  LLM_MODEL: {
    doc: 'Model name the model server should use; required with LLM_BASE_URL.',
    schema: z.string().min(1).optional(),
  },
  LLM_API_KEY: {
    doc: 'Bearer token for the model server, when it asks for one.',
    schema: z.string().min(1).optional(),
  },
  TANDEM_MT_TIMEOUT_MS: {
    doc: 'How long one request to a translation provider may take, in milliseconds, before it counts as failed and is retried.',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(100).max(600_000).default(30_000),
  },
  TANDEM_MT_RETRIES: {
    doc: 'Retries of a provider request after a 429, a 5xx or a timeout (never after a quota or key error).',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(10).default(4),
  },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & {
  /** TANDEM_DATA_DIR resolved against the project root. */
  dataDir: string;
};

export class ConfigError extends Error {}

/** Settings that make no sense alone: [when this is set, this must be too, why]. */
const requiredTogether: ReadonlyArray<[keyof Settings, keyof Settings, string]> = [
  ['LLM_BASE_URL', 'LLM_MODEL', 'LLM_BASE_URL is set, so the llm engine needs a model name'],
  ['GOOGLE_GLOSSARY_ID', 'GOOGLE_PROJECT_ID', 'GOOGLE_GLOSSARY_ID is set, but the glossary belongs to a v3 project'],
];

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
  for (const [needs, name, reason] of requiredTogether) {
    if (config[needs] !== undefined && config[name] === undefined) throw new ConfigError(`${name} is not set: ${reason}`);
  }
  config.dataDir = isAbsolute(config.TANDEM_DATA_DIR) ? config.TANDEM_DATA_DIR : resolve(projectRoot, config.TANDEM_DATA_DIR);
  return config;
}

function readProcessEnv(): Record<string, string | undefined> {
  const dotenv = resolve(projectRoot, '.env');
  // Variables already set in the environment win over .env (loadEnvFile does not overwrite).
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  return process.env;
}
