import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Principal } from './auth/principal.js';
import { createToken, listTokens, revokeToken } from './auth/tokens.js';
import { createUser, disableUser, enableUser, listUsers, setUserPassword } from './auth/users.js';
import { generatePassword } from './auth/passwords.js';
import { createContext } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { decodeText } from './documents/decode.js';
import { importDocument } from './documents/service.js';
import { AppError } from './errors.js';
import { exportVersion } from './exports/service.js';
import { findTerms, termsTable } from './glossary/find-terms.js';
import { getJob, startTranslation } from './jobs/translate-job.js';

const usage = `Usage: tandem <command>

  import FILE [--title T] [--engine E] [--no-translate]   import an article and machine-translate it
  translate ID [--engine E]                               machine-translate document ID again
  export ID --version N [--format json|html|txt|xliff] [--out PATH]
  terms FILE [--json]                                     list the glossary terms found in a text file
  user add NAME --role translator|editor|admin [--password P]
  user passwd NAME [--password P]                         set a new password (random when not given); ends NAME's sessions
  user disable NAME                                       no sign-in; ends NAME's sessions, revokes the tokens NAME made
  user enable NAME
  user list
  token create --role publisher|translator|editor|admin [--name N]
  token list
  token revoke ID

Settings come from the environment and .env, as for the server (see .env.example).`;

/** The CLI acts with admin rights, as the person at the server's console. */
const console_: Principal = { kind: 'user', userId: null, name: 'cli', role: 'admin' };

class UsageError extends Error {}

const need = (value: string | undefined, what: string): string => {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
};
const positiveInt = (value: string | undefined, what: string): number => {
  const n = need(value, what);
  if (!/^[1-9][0-9]*$/.test(n) || !Number.isSafeInteger(Number(n))) throw new UsageError(`${what} must be a positive whole number, not "${n}"`);
  return Number(n);
};

async function waitForJob(ctx: AppContext, jobId: number): Promise<void> {
  await ctx.jobs.idle();
  const job = await getJob(ctx, jobId);
  if (job.state === 'failed') throw new AppError(`translation failed: ${job.error ?? 'unknown error'}`, 500, 'job_failed');
  console.log(`translated ${job.done}/${job.total} segments with ${job.engine}`);
}

export async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: command === 'user' || command === 'token' ? rest : argv.slice(1),
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      engine: { type: 'string' },
      'no-translate': { type: 'boolean' },
      version: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!command || values.help) {
    console.log(usage);
    return;
  }
  const ctx = await createContext(loadConfig());
  try {
    switch (command) {
      case 'import': {
        const file = need(positionals[0], 'FILE');
        const { document, job } = await importDocument(
          ctx,
          { bytes: readFileSync(file), filename: basename(file), title: values.title, engine: values.engine, translate: !values['no-translate'] },
          console_,
        );
        console.log(`imported document ${document.id}: ${document.title}`);
        if (job) await waitForJob(ctx, job.id);
        return;
      }
      case 'translate': {
        const job = await startTranslation(ctx, positiveInt(positionals[0], 'ID'), { engine: values.engine }, console_);
        await waitForJob(ctx, job.id);
        return;
      }
      case 'export': {
        const file = await exportVersion(ctx, positiveInt(positionals[0], 'ID'), positiveInt(values.version, '--version'), values.format ?? 'json');
        if (values.out) {
          writeFileSync(values.out, file.body);
          console.log(`wrote ${values.out}`);
        } else {
          process.stdout.write(file.body);
        }
        return;
      }
      case 'terms': {
        const matches = await findTerms(ctx, decodeText(readFileSync(need(positionals[0], 'FILE'))));
        console.log(values.json ? JSON.stringify({ matches }, null, 2) : termsTable(matches));
        return;
      }
      case 'user': {
        if (sub === 'list') {
          for (const u of await listUsers(ctx.db)) console.log(`${u.id}\t${u.username}\t${u.role}${u.disabled_at ? '\tdisabled' : ''}`);
          return;
        }
        if (sub === 'passwd') {
          const password = values.password ?? generatePassword();
          const user = await setUserPassword(ctx, { username: need(positionals[0], 'NAME') }, password, console_);
          console.log(`set a new password for ${user.username}${values.password ? '' : `: ${password}`}`);
          return;
        }
        if (sub === 'disable') {
          const user = await disableUser(ctx, { username: need(positionals[0], 'NAME') }, console_);
          console.log(`disabled ${user.username}`);
          return;
        }
        if (sub === 'enable') {
          const user = await enableUser(ctx, { username: need(positionals[0], 'NAME') }, console_);
          console.log(`enabled ${user.username}`);
          return;
        }
        if (sub !== 'add') throw new UsageError(`unknown user command "${sub ?? ''}"`);
        const password = values.password ?? generatePassword();
        const user = await createUser(ctx.db, { username: need(positionals[0], 'NAME'), password, role: need(values.role, '--role') as never });
        console.log(`created ${user.role} ${user.username}${values.password ? '' : ` with password ${password}`}`);
        return;
      }
      case 'token': {
        if (sub === 'list') {
          for (const t of await listTokens(ctx.db)) console.log(`${t.id}\t${t.name}\t${t.role}\t${t.revoked_at ? 'revoked' : 'active'}`);
          return;
        }
        if (sub === 'revoke') {
          await revokeToken(ctx.db, positiveInt(positionals[0], 'ID'));
          console.log('revoked');
          return;
        }
        if (sub !== 'create') throw new UsageError(`unknown token command "${sub ?? ''}"`);
        const role = need(values.role, '--role');
        const token = await createToken(ctx.db, { name: values.name ?? `${role} token`, role });
        console.log(token.token);
        console.error(`created ${token.role} token ${token.id} "${token.name}"; it is shown only once`);
        return;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await ctx.jobs.idle();
    await ctx.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`tandem: ${err.message}\n\n${usage}`);
  else if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else if (err instanceof AppError) console.error(`tandem: ${err.message}`);
  else if (err instanceof Error && 'code' in err && err.code === 'ENOENT') console.error(`tandem: ${err.message}`);
  else console.error(err);
  process.exitCode = 1;
});
