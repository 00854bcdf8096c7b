import { DEEPL_TEST_KEY, type DeepLServer, startDeepLServer } from './deepl.js';
import type { FakeServer } from './fake-server.js';
import { GOOGLE_TEST_KEY, startGoogleV2Server } from './google-v2.js';
import { type GoogleV3Server, startGoogleV3Server } from './google-v3.js';
import { type OpenAiServer, startOpenAiServer } from './openai.js';

/** Every provider's stand-in, started together (the engine contract, the benchmark). Read the fields after start(). */
export function providerServers() {
  const started: Partial<{ deepl: DeepLServer; googleV3: GoogleV3Server; googleV2: FakeServer; openai: OpenAiServer }> = {};
  const need = <K extends keyof typeof started>(key: K) => {
    const server = started[key];
    if (!server) throw new Error('providerServers(): call start() first');
    return server as NonNullable<(typeof started)[K]>;
  };
  return {
    deeplKey: DEEPL_TEST_KEY,
    googleKey: GOOGLE_TEST_KEY,
    get deepl() {
      return need('deepl');
    },
    get googleV3() {
      return need('googleV3');
    },
    get googleV2() {
      return need('googleV2');
    },
    get openai() {
      return need('openai');
    },
    async start() {
      [started.deepl, started.googleV3, started.googleV2, started.openai] = await Promise.all([
        startDeepLServer(),
        startGoogleV3Server(),
        startGoogleV2Server(),
        startOpenAiServer(),
      ]);
    },
    async stop() {
      await Promise.all(Object.values(started).map((server) => server.close()));
    },
  };
}
