import type { AppContext } from '../context.js';
import type { Engine, EngineStatus } from '../engines/engine.js';
import { monthOf, usageForMonth } from './usage.js';

const messages = {
  noStatus: 'This engine does not report a status',
  timeout: (ms: number) => `No answer within ${ms / 1000} s`,
  failed: (reason: string) => `Status check failed: ${reason}`,
};

/** How long the engines page waits for a provider: a slow provider must not hold the page. */
export const STATUS_TIMEOUT_MS = 3000;

export interface EngineOverview {
  id: string;
  label: string;
  sendsDataToThirdParty: boolean;
  maxBatch: number;
  default: boolean;
  /** `reachable` is null when the engine has no way to tell. */
  status: { reachable: boolean | null; quotaLeft?: number; detail?: string };
  usage: { month: string; billedCharacters: number; segments: number };
}

/** Asks an engine for its status with a time limit; never throws. */
export async function engineStatus(engine: Engine, timeoutMs = STATUS_TIMEOUT_MS): Promise<EngineOverview['status']> {
  if (!engine.status) return { reachable: null, detail: messages.noStatus };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<EngineStatus>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false, detail: messages.timeout(timeoutMs) }), timeoutMs);
  });
  try {
    return await Promise.race([engine.status(), timeout]);
  } catch (err) {
    return { reachable: false, detail: messages.failed(err instanceof Error ? err.message : String(err)) };
  } finally {
    clearTimeout(timer);
  }
}

/** Every configured engine with its status and this month's usage: the engines page and GET /api/v1/engines. */
export async function describeEngines(ctx: AppContext, options: { month?: string; timeoutMs?: number } = {}): Promise<EngineOverview[]> {
  const month = options.month ?? monthOf();
  const engines = ctx.engines.list();
  const [usage, statuses] = await Promise.all([
    usageForMonth(ctx.db, month),
    Promise.all(engines.map((e) => engineStatus(e, options.timeoutMs))),
  ]);
  return engines.map((e, i) => {
    const used = usage.engines.find((u) => u.engine === e.id);
    return {
      id: e.id,
      label: e.label,
      sendsDataToThirdParty: e.sendsDataToThirdParty,
      maxBatch: e.maxBatch,
      default: e.id === ctx.config.TANDEM_DEFAULT_ENGINE,
      status: statuses[i]!,
      usage: { month, billedCharacters: used?.billedCharacters ?? 0, segments: used?.segments ?? 0 },
    };
  });
}
