/**
 * Preload: exposes exactly one typed API, `window.chronolens`, derived from the IPC contract. The renderer never
 * sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, IPC_PREFIX, type ChronolensApi, type EventChannel } from '../shared/ipc/contract';

const api: ChronolensApi = {
  call: (channel, args) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, args),
  on: (channel, listener) => {
    if (!(EVENT_CHANNELS as readonly EventChannel[]).includes(channel)) throw new Error(`unknown event ${channel}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(`${IPC_PREFIX}${channel}`, wrapped);
    return () => void ipcRenderer.removeListener(`${IPC_PREFIX}${channel}`, wrapped);
  },
};

contextBridge.exposeInMainWorld('chronolens', api);
