/**
 * The Electron IPC adapter: the only place (with preload) that touches ipcMain. Every call is checked for its
 * sender frame (our own app:// renderer only), then dispatched, which parses the arguments with zod.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNELS, IPC_PREFIX } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { callSchemas } from '../../shared/ipc/schemas';
import type { AppServices } from '../app-services';
import { isAppUrl } from '../security/policy';
import { dispatch } from './dispatch';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

/** Binds every call channel; returns the function that unbinds them (and the event forwarding). */
export function registerIpc(ipcMain: IpcMain, services: AppServices, target: () => WebContents | null): () => void {
  const channels = Object.keys(callSchemas);
  for (const channel of channels) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, args: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', 'IPC from an untrusted frame');
      return dispatch(services.handlers, channel, args);
    });
  }
  const forwarders = EVENT_CHANNELS.map((channel) => {
    const listener = (payload: unknown): void => {
      const wc = target();
      if (wc && !wc.isDestroyed()) wc.send(`${IPC_PREFIX}${channel}`, payload);
    };
    services.events.on(channel, listener);
    return () => services.events.off(channel, listener);
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(`${IPC_PREFIX}${channel}`);
    forwarders.forEach((off) => off());
  };
}
