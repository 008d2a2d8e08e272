// Headless Berth: the same main-process services as the Electron app, behind the WebSocket bridge,
// serving the built renderer to any browser on this machine.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBerth } from './services';
import { startWsTransport } from './ipc/ws-transport';

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.BERTH_RENDERER_DIR ?? resolve(here, '../renderer');
  const portText = process.env.BERTH_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`BERTH_PORT must be a port number (0-65535), not "${portText}"`);
    process.exit(2);
  }
  const berth = createBerth();
  const transport = await startWsTransport({ router: berth.router, bus: berth.services.bus, rendererDir, port });
  // Engines connect in the background: the UI shows "connecting"/"disconnected" until they answer.
  void berth.start();
  console.log(`Berth is ready at ${transport.url}`);
  const shutdown = () => {
    berth.stop();
    void transport.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(`Berth could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
