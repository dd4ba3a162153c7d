import { startHttpbin } from '../test-support/processes';

/** One real httpbin for the whole run; its URL reaches the workers through the environment. */
export default async function globalSetup() {
  const httpbin = await startHttpbin();
  process.env.HTTPBIN_URL = httpbin.url;
  return async () => httpbin.stop();
}
