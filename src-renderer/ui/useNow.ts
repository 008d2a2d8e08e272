// A shared clock for live relative times and countdowns: one interval per period for the whole page,
// however many cells show "5 min ago", and none at all when nothing is subscribed.
import { useCallback, useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
}

const tickers = new Map<number, Ticker>();

function tickerFor(periodMs: number): Ticker {
  let ticker = tickers.get(periodMs);
  if (!ticker) tickers.set(periodMs, (ticker = { now: Date.now(), listeners: new Set() }));
  return ticker;
}

function subscribe(periodMs: number, listener: () => void): () => void {
  const ticker = tickerFor(periodMs);
  ticker.listeners.add(listener);
  if (!ticker.timer) {
    ticker.now = Date.now();
    ticker.timer = setInterval(() => {
      ticker.now = Date.now();
      for (const l of ticker.listeners) l();
    }, periodMs);
  }
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0 && ticker.timer) {
      clearInterval(ticker.timer);
      ticker.timer = undefined;
    }
  };
}

/** The current time in ms, refreshed every `periodMs`. */
export function useNow(periodMs: number): number {
  const subscribeToPeriod = useCallback((listener: () => void) => subscribe(periodMs, listener), [periodMs]);
  return useSyncExternalStore(subscribeToPeriod, () => tickerFor(periodMs).now);
}
