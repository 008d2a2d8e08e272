// The Electron transport: one ClientSession per window's webContents, reached through a handful of
// fixed ipcMain channels. The preload turns these into one method per contract key.
import { ipcMain, type WebContents } from 'electron';
import { mergeByteRuns } from '../shared/protocol';
import { ClientSession } from './client-session';
import type { EventBus } from './event-bus';
import type { Router } from './router';

export const ipcChannels = {
  invoke: 'berth:invoke',
  streamOpen: 'berth:stream-open',
  streamWrite: 'berth:stream-write',
  streamResize: 'berth:stream-resize',
  streamAck: 'berth:stream-ack',
  streamClose: 'berth:stream-close',
  message: 'berth:message',
} as const;

export function installElectronTransport(router: Router, bus: EventBus, isTrusted: (contents: WebContents) => boolean): void {
  const sessions = new Map<number, ClientSession>();

  const sessionFor = (contents: WebContents): ClientSession => {
    let session = sessions.get(contents.id);
    if (!session) {
      const created = new ClientSession(router, bus, (message) => {
        if (contents.isDestroyed()) return;
        // Bytes (terminal output) cross as Uint8Array (structured clone); a batch's runs go as one array each.
        contents.send(ipcChannels.message, message.t === 'stream.data' ? { ...message, chunks: mergeByteRuns(message.chunks) } : message);
      });
      sessions.set(contents.id, created);
      const onNavigation = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
        // Hash routes, pushState and subframes keep the page (and its streams); a reload or new page does not.
        if (details.isMainFrame && !details.isSameDocument) dispose();
      };
      const dispose = () => {
        // Unhook both listeners: a window reloaded many times must not pile up listeners of dead sessions.
        contents.off('did-start-navigation', onNavigation);
        contents.off('destroyed', dispose);
        created.dispose();
        if (sessions.get(contents.id) === created) sessions.delete(contents.id);
      };
      // A reload or a closed window ends the renderer's streams and exec sessions.
      contents.once('destroyed', dispose);
      contents.on('did-start-navigation', onNavigation);
      session = created;
    }
    return session;
  };

  const guard = (contents: WebContents) => {
    if (!isTrusted(contents)) throw new Error('IPC from an untrusted page was refused');
    return sessionFor(contents);
  };

  ipcMain.handle(ipcChannels.invoke, (event, name: string, payload: unknown) => guard(event.sender).invoke(name, payload));
  ipcMain.handle(ipcChannels.streamOpen, (event, sid: string, name: string, payload: unknown) =>
    guard(event.sender).openStream(sid, name, payload),
  );
  ipcMain.on(ipcChannels.streamWrite, (event, sid: string, data: string) => guard(event.sender).write(sid, data));
  ipcMain.on(ipcChannels.streamResize, (event, sid: string, cols: number, rows: number) =>
    guard(event.sender).resize(sid, cols, rows),
  );
  ipcMain.on(ipcChannels.streamAck, (event, sid: string, bytes: number) => guard(event.sender).ack(sid, bytes));
  ipcMain.on(ipcChannels.streamClose, (event, sid: string) => guard(event.sender).closeStream(sid));
}
