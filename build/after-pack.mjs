// electron-builder afterPack hook: burns Electron fuses into the packaged binary before it is signed, so the shipped
// app cannot be turned into a generic Node runtime or debugged through the command line or environment.
import path from 'node:path';
import fuses from '@electron/fuses';

const { flipFuses, FuseVersion, FuseV1Options } = fuses;

export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The console never uses file://, and has no custom V8 snapshot.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
};

// electron-builder's Arch enum value for arm64 (builder-util: ia32 0, x64 1, armv7l 2, arm64 3, universal 4).
const ARCH_ARM64 = 3;

/** Where the Electron binary that carries the fuse wire sits inside the packed app. */
export function electronBinaryPath({ appOutDir, electronPlatformName, packager }) {
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature that arm64 macOS requires; re-sign ad hoc (real signing follows).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARCH_ARM64,
    ...FUSES,
  });
  console.log(`  • fuses set on ${binary}`);
}
