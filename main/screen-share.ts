import type { ScreenSource } from '../shared/ipc/contract';

/** How long a listed source may be chosen, and a choice waits for the page's getDisplayMedia(). */
const VALID_MS = 60_000;

/** What desktopCapturer gives for one source, as far as the picker needs it. */
export interface CapturerSource {
  id: string;
  name: string;
  thumbnail: { isEmpty(): boolean; toDataURL(): string };
}

export function toScreenSource(source: CapturerSource): ScreenSource {
  const thumbnail = source.thumbnail.isEmpty() ? '' : source.thumbnail.toDataURL();
  return {
    id: source.id,
    name: source.name.slice(0, 300),
    kind: source.id.startsWith('screen:') ? 'screen' : 'window',
    // An oversized thumbnail is dropped rather than refused: the name still tells the source.
    thumbnail: thumbnail.length <= 400_000 && thumbnail.startsWith('data:image/png;base64,') ? thumbnail : '',
  };
}

/**
 * The renderer picks what to share from the sources main listed; main then answers the page's next
 * getDisplayMedia() with that source, once. A page can only choose among sources it was shown moments ago, and a
 * getDisplayMedia() without a fresh choice is refused, so nothing is captured that the person did not pick.
 */
export class ScreenChoice {
  private listed = new Map<string, number>();
  private chosen: { id: string; at: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  offered(ids: readonly string[]): void {
    const at = this.now();
    this.listed = new Map(ids.map((id) => [id, at]));
  }

  choose(id: string): boolean {
    const listedAt = this.listed.get(id);
    if (listedAt === undefined || this.now() - listedAt > VALID_MS) return false;
    this.chosen = { id, at: this.now() };
    return true;
  }

  /** The chosen source for this getDisplayMedia(), at most once. */
  take(): string | null {
    const chosen = this.chosen;
    this.chosen = null;
    if (!chosen || this.now() - chosen.at > VALID_MS) return null;
    return chosen.id;
  }
}

/**
 * The source to answer a page's getDisplayMedia() with: the one the person just picked, if it is still there. Null
 * refuses the capture. Sources are only listed once a pick exists, so an unasked capture never enumerates the screen.
 */
export async function sourceForCapture<S extends { id: string }>(
  choice: ScreenChoice,
  listSources: () => Promise<readonly S[]>,
): Promise<{ source: S } | { refused: string }> {
  const id = choice.take();
  if (id === null) return { refused: 'nobody picked a source for it' };
  let sources: readonly S[];
  try {
    sources = await listSources();
  } catch (error) {
    return { refused: `the sources could not be listed (${(error as Error).message})` };
  }
  const source = sources.find((candidate) => candidate.id === id);
  return source === undefined ? { refused: `the picked source ${id} is gone` } : { source };
}
