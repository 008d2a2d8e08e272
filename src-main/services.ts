// The main-process services, built once and shared by both shells (Electron and headless): the engine
// registry, the event bus, and the router over them.
import { EventBus } from './ipc/event-bus';
import { allHandlers, allProducers } from './ipc/handlers';
import { Router } from './ipc/router';
import { EngineRegistry, defaultEngineDefinitions, type EngineDefinition } from './engine/registry';

export interface Services {
  engines: EngineRegistry;
  bus: EventBus;
}

export interface Berth {
  services: Services;
  router: Router;
  start(): Promise<void>;
  stop(): void;
}

export function createBerth(definitions: EngineDefinition[] = defaultEngineDefinitions()): Berth {
  const bus = new EventBus();
  const engines = new EngineRegistry(definitions, {
    onStatus: (status) => bus.emit('engines.status', status),
    onContainersPatch: (patch) => bus.emit('containers.patch', patch),
  });
  const services: Services = { engines, bus };
  const router = new Router(allHandlers(services), allProducers(services));
  return {
    services,
    router,
    start: () => engines.start(),
    stop: () => engines.stop(),
  };
}
