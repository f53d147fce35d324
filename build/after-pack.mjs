// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed.
// A fuse is burnt into the binary, so no command-line switch or environment variable can
// turn the feature back on: the packaged app cannot be used as a plain Node (RUN_AS_NODE), nor be
// injected into with NODE_OPTIONS or --inspect, and it only loads its own, integrity-checked app.asar.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // fail the build if an Electron upgrade adds a fuse nobody decided on
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // macOS and Windows check app.asar against the hash electron-builder embeds; Linux ignores it
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The file that holds the fuse wire in the packaged app electron-builder just laid out. */
export function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

export default async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // flipping fuses breaks the ad-hoc signature of an unsigned macOS build: re-sign it ad hoc
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: darwin });
}
