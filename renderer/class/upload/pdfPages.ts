/// <reference types="vite/client" />
import type * as PdfJs from 'pdfjs-dist';

let pdfModule: Promise<typeof PdfJs> | null = null;

/** pdf.js loads the first time a teacher adds a PDF (the same lazy chunk the board renders pages with). */
function loadPdf(): Promise<typeof PdfJs> {
  pdfModule ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfModule;
}

/** How many pages a PDF has; rejects with pdf.js's reason when the file cannot be read as a PDF. */
export async function countPdfPages(data: ArrayBuffer): Promise<number> {
  const pdfjs = await loadPdf();
  const task = pdfjs.getDocument({ data: new Uint8Array(data) });
  try {
    const document = await task.promise;
    return document.numPages;
  } finally {
    await task.destroy();
  }
}
