// The Electron shell, kept thin: window lifecycle and security settings. Everything else is the shared
// services (services.ts), reached through the Electron transport.
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installElectronTransport } from './ipc/electron-transport';
import { createBerth } from './services';

const here = dirname(fileURLToPath(import.meta.url));
const rendererUrl = process.env.ELECTRON_RENDERER_URL; // electron-vite dev server, in development only
const rendererFile = join(here, '../renderer/index.html');

function isOwnPage(url: string): boolean {
  if (rendererUrl && url.startsWith(rendererUrl)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && decodeURIComponent(parsed.pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

/** Published ports and docs open in the user's browser — only http(s), never file: or custom schemes. */
function openExternally(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') void shell.openExternal(parsed.toString());
  } catch {
    // Not a URL: ignore.
  }
}

function createWindow(route = ''): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 520,
    show: false,
    title: 'Berth',
    backgroundColor: '#16181d',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (rendererUrl) void window.loadURL(`${rendererUrl}${route ? `#${route}` : ''}`);
  else void window.loadFile(rendererFile, route ? { hash: route } : undefined);
  return window;
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Pop-out views (logs, terminals) are our own page at another route; everything else goes outside.
    if (isOwnPage(url)) {
      const hash = new URL(url).hash.replace(/^#/, '');
      createWindow(hash);
    } else {
      openExternally(url);
    }
    return { action: 'deny' };
  });
}

app.whenReady().then(async () => {
  const berth = createBerth();
  installElectronTransport(berth.router, berth.services.bus, (contents) => isOwnPage(contents.getURL()));
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  void berth.start();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => berth.stop());
});
