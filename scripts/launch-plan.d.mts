export const DEFAULT_WEB_PORT: number;

export interface StartOptions {
  web: boolean;
  port: number | undefined;
  help: boolean;
}
export function parseArgs(argv: readonly string[]): StartOptions;

export interface Machine {
  resolveElectron(): string;
  exists(path: string): boolean;
  probe(path: string): { ok: boolean; detail: string };
  platform: string;
  env: Record<string, string | undefined>;
  uid: number | undefined;
}
/** `missing`: the binary was never downloaded (npm start then tries to download it). */
export type ElectronCheck = { usable: true; path: string } | { usable: false; missing?: true; reason: string; fix: string };
export function checkElectron(machine: Machine): ElectronCheck;
export function thisMachine(root: string): Machine;

export type Mode = 'web' | 'electron';
export function buildInputs(mode: Mode): { outputs: string[]; sources: string[]; configs: string[] };
export interface Staleness {
  stale: boolean;
  reason: string;
}
export function buildStaleness(outputs: readonly { path: string; mtimeMs: number | null }[], sources: readonly { path: string; mtimeMs: number }[]): Staleness;
export function buildStatus(root: string, mode: Mode): Staleness;
