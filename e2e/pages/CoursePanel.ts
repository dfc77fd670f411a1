import type { Locator, Page } from '@playwright/test';

export interface CourseFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The class screen's course panel: its pages, and the teacher's courseware uploads (picked or dropped). */
export class CoursePanel {
  readonly panel: Locator;
  readonly uploadButton: Locator;
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('course-panel');
    this.uploadButton = page.getByTestId('course-upload');
    this.entries = page.getByTestId('page-entry');
  }

  /** Chooses files in the "Add PDF or image" picker. */
  async pick(files: CourseFile[]): Promise<void> {
    await this.page.getByTestId('course-upload-input').setInputFiles(files);
  }

  /** Drags files from outside the page and drops them on the course panel. */
  async drop(files: CourseFile[]): Promise<void> {
    const encoded = files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
      }
      return transfer;
    }, encoded);
    await this.panel.dispatchEvent('dragenter', { dataTransfer });
    await this.panel.dispatchEvent('dragover', { dataTransfer });
    await this.panel.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  /** The upload entry of a file, by its name; `data-phase` says where it is (reading, uploading, added, failed). */
  upload(name: string): Locator {
    return this.page.locator(`[data-testid="upload-entry"][data-name="${name}"]`);
  }

  /**
   * Records every upload percentage the progress bar shows from now on, so a test can tell it moved; read them
   * with progressSeen().
   */
  async watchProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __uploadPercents: number[] }).__uploadPercents = seen;
      const record = () => {
        for (const bar of document.querySelectorAll<HTMLElement>('[data-testid="upload-progress"][data-percent]')) seen.push(Number(bar.dataset.percent));
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-percent'] });
    });
  }

  async progressSeen(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __uploadPercents?: number[] }).__uploadPercents ?? []);
  }

  entry(title: string): Locator {
    return this.entries.filter({ hasText: title });
  }

  async open(title: string): Promise<void> {
    await this.entry(title).getByTestId('page-open').click();
  }

  async next(): Promise<void> {
    await this.page.getByTestId('page-next').click();
  }

  /** The id of the page everyone is on. */
  async current(): Promise<string> {
    return (await this.page.getByTestId('page-list').getAttribute('data-current')) ?? '';
  }

  /** The course's pages, in order, by id. */
  async pageIds(): Promise<string[]> {
    return this.entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-page-id') ?? ''));
  }
}

/** The courseware layer of the board: the page's error, and the colour the page shows at a point of the canvas. */
export class BoardCourseware {
  readonly error: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.error = page.getByTestId('board-courseware-error');
    this.progress = page.getByTestId('board-courseware-progress');
  }

  /**
   * The RGB of the board's background (lower) canvas at CSS pixel (x, y) from its top left; by default 12 px into the
   * shown courseware page (which the board fits and centres), or into the canvas when there is none.
   */
  async colourAt(x?: number, y?: number): Promise<[number, number, number]> {
    const page = await this.page.evaluate(() => (window as unknown as { __board?: { pageRect(): { x: number; y: number } | null } }).__board?.pageRect() ?? null);
    const at = [x ?? (page ? page.x + 12 : 12), y ?? (page ? page.y + 12 : 12)];
    return this.page.getByTestId('board-canvas').locator('canvas').first().evaluate(
      (canvas, [cssX, cssY]) => {
        const element = canvas as HTMLCanvasElement;
        const scale = element.width / element.getBoundingClientRect().width;
        const [r, g, b] = element.getContext('2d')!.getImageData(Math.round(cssX! * scale), Math.round(cssY! * scale), 1, 1).data;
        return [r!, g!, b!] as [number, number, number];
      },
      at,
    );
  }
}
