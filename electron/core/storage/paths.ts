/**
 * Where the archive lives by default: the app's user-data folder (as Electron's app.getPath('userData')
 * computes it for productName "Aqiqat") + /archive, so the CLI and the app open the same archive.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Aqiqat';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export const defaultArchiveDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.AQIQAT_ARCHIVE && env.AQIQAT_ARCHIVE.trim() !== ''
    ? path.resolve(env.AQIQAT_ARCHIVE)
    : path.join(userDataDir(env), 'archive');
