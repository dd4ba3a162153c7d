import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { ResolvedProxy } from './proxy';
import { timedConnector } from './timing';
import type { TlsSettings } from './tls-options';

const MAX_DISPATCHERS = 32;

/**
 * One undici Agent (or ProxyAgent) per distinct set of connection options, so keep-alive
 * connections are shared between requests and nothing is built on the send path.
 */
export class DispatcherCache {
  private readonly dispatchers = new Map<string, Dispatcher>();

  get(connectTimeoutMs: number, tls: TlsSettings, proxy: ResolvedProxy | undefined): Dispatcher {
    const key = `${connectTimeoutMs}\n${tls.signature}\n${proxy?.url ?? ''}`;
    let dispatcher = this.dispatchers.get(key);
    if (dispatcher) return dispatcher;
    const common = { headersTimeout: 0, bodyTimeout: 0 };
    dispatcher = proxy
      ? new ProxyAgent({
          ...common,
          uri: proxy.url,
          proxyTls: { timeout: connectTimeoutMs },
          requestTls: { timeout: connectTimeoutMs, ...tls.connect },
        })
      : new Agent({ ...common, connect: timedConnector({ timeout: connectTimeoutMs, ...tls.connect }) });
    this.dispatchers.set(key, dispatcher);
    if (this.dispatchers.size > MAX_DISPATCHERS) {
      // Maps keep insertion order: the first is the oldest. close() lets its requests finish.
      const [oldestKey, oldest] = this.dispatchers.entries().next().value ?? [];
      if (oldestKey !== undefined) this.dispatchers.delete(oldestKey);
      void oldest?.close().catch(() => undefined);
    }
    return dispatcher;
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((dispatcher) => dispatcher.close().catch(() => undefined)));
  }
}
