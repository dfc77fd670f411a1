/**
 * UTF-8 text coding. TextEncoder and TextDecoder exist in every runtime this code runs in (browsers, workers, Node,
 * Electron), but `shared/` is compiled without DOM or Node typings, so they are reached through `globalThis` here.
 */
interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
interface Utf8Encoder {
  encode(input: string): Uint8Array;
}
const runtime = globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean }) => Utf8Decoder;
  TextEncoder: new () => Utf8Encoder;
};

const decoder = new runtime.TextDecoder('utf-8', { fatal: true });
const encoder = new runtime.TextEncoder();

/** Decodes strict UTF-8; throws on invalid byte sequences. */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}
