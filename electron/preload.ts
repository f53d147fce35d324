/** Exposes the typed API of api.ts as window.aqiqat, and nothing else (no ipcRenderer, no Node). */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, makeClient, type IpcResult } from './api.js';

contextBridge.exposeInMainWorld(
  'aqiqat',
  makeClient(
    (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<IpcResult<unknown>>,
    (error) => error,
  ),
);
