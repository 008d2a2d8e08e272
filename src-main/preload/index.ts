// Sandboxed preload: exposes window.berth, one method per contract key, and nothing else of ipcRenderer.
// Built as a single CommonJS file (sandboxed preloads cannot load ES modules).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { invokeNames, streamNames } from '../shared/contract';
import type { BerthBridge } from '../shared/bridge';
import type { ServerMessage } from '../shared/protocol';

// Channel names are repeated from ipc/electron-transport.ts because the preload may not import main code.
const channel = {
  invoke: 'berth:invoke',
  streamOpen: 'berth:stream-open',
  streamWrite: 'berth:stream-write',
  streamResize: 'berth:stream-resize',
  streamAck: 'berth:stream-ack',
  streamClose: 'berth:stream-close',
  message: 'berth:message',
} as const;

const bridge: BerthBridge = {
  invoke: Object.fromEntries(
    invokeNames.map((name) => [name, (payload: unknown) => ipcRenderer.invoke(channel.invoke, name, payload)]),
  ) as BerthBridge['invoke'],
  openStream: Object.fromEntries(
    streamNames.map((name) => [
      name,
      (sid: string, payload: unknown) => ipcRenderer.invoke(channel.streamOpen, sid, name, payload),
    ]),
  ) as BerthBridge['openStream'],
  streamWrite: (sid, data) => ipcRenderer.send(channel.streamWrite, sid, data),
  streamResize: (sid, cols, rows) => ipcRenderer.send(channel.streamResize, sid, cols, rows),
  streamAck: (sid, bytes) => ipcRenderer.send(channel.streamAck, sid, bytes),
  streamClose: (sid) => ipcRenderer.send(channel.streamClose, sid),
  onMessage: (listener) => {
    const wrapped = (_event: IpcRendererEvent, message: ServerMessage) => listener(message);
    ipcRenderer.on(channel.message, wrapped);
    return () => ipcRenderer.removeListener(channel.message, wrapped);
  },
};

contextBridge.exposeInMainWorld('berth', bridge);
