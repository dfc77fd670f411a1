interface ImportMetaEnv {
  /** package.json's "version", injected by the build. */
  readonly VITE_APP_VERSION?: string;
}
