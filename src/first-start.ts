import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from './context.js';
import { importDocument } from './documents/service.js';
import { ensureInitialAdmin } from './auth/users.js';
import { resumeJobs } from './jobs/translate-job.js';
import { samplesDir } from './paths.js';

export const SAMPLE_ARTICLE = join(samplesDir, 'baku-defence-talks.ru.txt');

/**
 * What a start does before serving: the first admin on an empty database (its password printed once),
 * the sample article on an empty document list, and resumption of interrupted translation jobs.
 */
export async function prepareOnStart(ctx: AppContext): Promise<{ admin: { username: string; password: string } | null }> {
  const admin = await ensureInitialAdmin(ctx.db);
  await resumeJobs(ctx);
  if (ctx.config.TANDEM_IMPORT_SAMPLE) {
    const any = await ctx.db.selectFrom('documents').select('id').limit(1).executeTakeFirst();
    if (!any) {
      const system = { kind: 'user' as const, userId: null, name: 'system', role: 'admin' as const };
      const { document } = await importDocument(
        ctx,
        { bytes: readFileSync(SAMPLE_ARTICLE), filename: 'baku-defence-talks.ru.txt' },
        system,
      );
      ctx.logger.info(`imported the sample article as document ${document.id}; translating it with ${document.engine}`);
    }
  }
  return { admin };
}
