export const RETRY_AFTER_MS: number;
export type DownloadDecision = { attempt: boolean; why: string };
export function downloadDecision(input: { env: Record<string, string | undefined>; lastFailure: { at: number; reason: string } | null; now: number }): DownloadDecision;
export function failureReason(output: string): string;
export function downloadElectron(root: string, isThere: () => boolean): { attempted: boolean; why: string };
