// `npm start`: Berth on the local engine. Electron where its binary (and a display) exists; otherwise the
// headless bridge, which prints "Berth is ready at http://127.0.0.1:PORT/#token=…".
// BERTH_HEADLESS=1 forces headless; BERTH_PORT picks the headless port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, electronBinary, ensureDependencies, ensureLocalEngine, log, root } from './lib.mjs';

ensureDependencies();
await ensureLocalEngine();
build();

const electron = electronBinary();
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = process.env.BERTH_HEADLESS === '1' || !electron || !hasDisplay;

let child;
if (headless) {
  if (!electron) log("Electron's binary is not installed here: starting headless (open the URL below in a browser)");
  else if (!hasDisplay) log('no display: starting headless (open the URL below in a browser)');
  child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js')], { cwd: root, stdio: 'inherit' });
} else {
  child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
