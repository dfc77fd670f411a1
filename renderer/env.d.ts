interface ImportMetaEnv {
  /** package.json's "version", injected by the build. */
  readonly VITE_APP_VERSION?: string;
  /** The commit and time of the build (electron.vite.config.ts), for the About box. */
  readonly VITE_BUILD_COMMIT?: string;
  readonly VITE_BUILD_DATE?: string;
}
