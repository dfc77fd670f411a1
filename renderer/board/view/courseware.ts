/// <reference types="vite/client" />
import type { CoursePage, TelemetryEvent } from '../../../shared/protocol';
import type { CoursewareSource } from '../contract';
import type * as PdfJs from 'pdfjs-dist';

/** The width a courseware page is rendered to, in board units; the board's coordinates follow it. */
export const PAGE_WIDTH = 1280;

export type PageRender = { ok: true; image: HTMLCanvasElement } | { ok: false; error: string };

type PdfModule = typeof PdfJs;
type PdfDocument = Awaited<ReturnType<PdfModule['getDocument']>['promise']>;

let pdfModule: Promise<PdfModule> | null = null;

/** pdf.js is loaded the first time a PDF page is shown, never with the console itself. */
function loadPdf(): Promise<PdfModule> {
  pdfModule ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfModule;
}

/**
 * Courseware pages rendered to bitmaps: downloads each asset once (reporting progress), renders pages on demand and
 * keeps them, so neighbouring pages can be prepared before they are shown. A broken page fails on its own.
 */
export class CoursewareRenderer {
  private readonly assets = new Map<string, Promise<ArrayBuffer>>();
  private readonly documents = new Map<string, Promise<PdfDocument>>();
  private readonly pages = new Map<string, Promise<PageRender>>();

  constructor(
    private readonly source: CoursewareSource,
    private readonly report: (event: TelemetryEvent) => void,
    private readonly progress: (assetId: string, fraction: number) => void,
  ) {}

  /** Forgets an asset (its download, document and rendered pages), so the next render fetches it afresh. */
  forget(assetId: string): void {
    this.assets.delete(assetId);
    this.documents.delete(assetId);
    for (const key of [...this.pages.keys()]) if (key.startsWith(`${assetId}#`)) this.pages.delete(key);
  }

  render(page: CoursePage): Promise<PageRender> | null {
    if (page.kind === 'blank' || !page.asset) return null;
    const key = `${page.asset}#${page.page}`;
    let result = this.pages.get(key);
    if (!result) {
      result = this.renderNow(page);
      this.pages.set(key, result);
    }
    return result;
  }

  private async renderNow(page: CoursePage): Promise<PageRender> {
    const started = performance.now();
    try {
      const image = page.kind === 'pdf' ? await this.renderPdf(page) : await this.renderImage(page);
      this.report({ type: 'courseware', asset: page.asset, page: page.page, ok: true, ms: Math.round(performance.now() - started) });
      return { ok: true, image };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report({ type: 'courseware', asset: page.asset, page: page.page, ok: false, ms: Math.round(performance.now() - started), error: message.slice(0, 300) });
      // A failed page may work later (the asset store was briefly down): forget it so showing it again retries.
      this.pages.delete(`${page.asset}#${page.page}`);
      return { ok: false, error: message };
    }
  }

  private asset(assetId: string): Promise<ArrayBuffer> {
    let data = this.assets.get(assetId);
    if (!data) {
      data = this.source.fetchAsset(assetId, (f) => this.progress(assetId, f));
      data.catch(() => this.assets.delete(assetId));
      this.assets.set(assetId, data);
    }
    return data;
  }

  private document(assetId: string): Promise<PdfDocument> {
    let doc = this.documents.get(assetId);
    if (!doc) {
      doc = Promise.all([loadPdf(), this.asset(assetId)]).then(([pdfjs, data]) => pdfjs.getDocument({ data: new Uint8Array(data.slice(0)) }).promise);
      doc.catch(() => this.documents.delete(assetId));
      this.documents.set(assetId, doc);
    }
    return doc;
  }

  private async renderPdf(page: CoursePage): Promise<HTMLCanvasElement> {
    const doc = await this.document(page.asset);
    if (page.page > doc.numPages) throw new Error(`page ${page.page} does not exist (the file has ${doc.numPages})`);
    const pdfPage = await doc.getPage(page.page);
    const base = pdfPage.getViewport({ scale: 1 });
    const viewport = pdfPage.getViewport({ scale: PAGE_WIDTH / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await pdfPage.render({ canvas, viewport }).promise;
    return canvas;
  }

  private async renderImage(page: CoursePage): Promise<HTMLCanvasElement> {
    const data = await this.asset(page.asset);
    const bitmap = await createImageBitmap(new Blob([data]));
    const scale = PAGE_WIDTH / bitmap.width;
    const canvas = document.createElement('canvas');
    canvas.width = PAGE_WIDTH;
    canvas.height = Math.ceil(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas;
  }
}
