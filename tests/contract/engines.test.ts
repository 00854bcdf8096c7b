import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll } from 'vitest';
import { createDeepLEngine } from '../../src/engines/deepl.js';
import { createGoogleV2Engine } from '../../src/engines/google-v2.js';
import { createGoogleEngine } from '../../src/engines/google.js';
import { createLlmEngine } from '../../src/engines/llm.js';
import { offlineEngine } from '../../src/engines/offline/index.js';
import { providerServers } from '../servers/all.js';
import { runEngineContract } from './engine.contract.js';

// Provider engines run the contract against their local stand-in servers (tests/servers/).
const servers = providerServers();
beforeAll(() => servers.start());
afterAll(() => servers.stop());
const policy = { timeoutMs: 5_000, retries: 0 };

runEngineContract('offline', () => offlineEngine);
runEngineContract('deepl', () => createDeepLEngine({ authKey: servers.deeplKey, serverUrl: servers.deepl.url, spelling: 'american', policy }));
runEngineContract('google', () =>
  createGoogleEngine({ projectId: servers.googleV3.project, location: servers.googleV3.location, connection: { apiEndpoint: '127.0.0.1', port: servers.googleV3.port, protocol: 'http', authClient: new PassThroughClient() }, policy }),
);
runEngineContract('google-v2', () => createGoogleV2Engine({ apiKey: servers.googleKey, endpoint: servers.googleV2.url, policy }));
runEngineContract('llm', () => createLlmEngine({ baseUrl: servers.openai.url, model: servers.openai.model, policy }));
