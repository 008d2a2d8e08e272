// Main-process events fan out to every connected client (Electron windows and WebSocket sessions).
import type { EventName, EventPayload } from '../shared/contract';

type Listener = (name: string, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
