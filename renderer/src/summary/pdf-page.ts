import type * as PdfJs from 'pdfjs-dist';

/**
 * Draws page one of a PDF with pdf.js. The library (~1 MB with its worker) loads on first use only, so
 * it stays out of the bundle every other screen waits for. The worker is a file of the app's own origin
 * (script-src 'self' covers it), and eval stays off, as the CSP requires.
 */
let loading: Promise<typeof PdfJs> | null = null;
/** One worker for every preview while the dialog is open; a document of its own would start a new one each time. */
let worker: PdfJs.PDFWorker | null = null;

function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
    (caught: unknown) => {
      loading = null; // a failed chunk load may work next time
      throw caught;
    },
  );
  return loading;
}

function sharedWorker(pdfjs: typeof PdfJs): PdfJs.PDFWorker {
  if (worker === null || worker.destroyed) worker = new pdfjs.PDFWorker();
  return worker;
}

/** Ends the shared worker (the dialog closed); the next preview starts a new one. */
export function releasePdfWorker(): void {
  worker?.destroy();
  worker = null;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export interface RenderedPage {
  /** A detached canvas holding the page at its CSS size × devicePixelRatio. */
  canvas: HTMLCanvasElement;
  cssWidth: number;
  cssHeight: number;
}

/** The CSS pixels the page may take; it is scaled to fit inside both. */
export interface FitBox {
  width: number;
  height: number;
}

export interface PageRender {
  promise: Promise<RenderedPage>;
  /** Stops the work (a newer preview arrived, or the dialog closed); the promise then rejects. */
  cancel: () => void;
}

/** Renders page one of `pdfBase64`, as large as fits in `box`, into a fresh, detached canvas. */
export function renderFirstPage(pdfBase64: string, box: FitBox, pixelRatio: number): PageRender {
  let cancelled = false;
  let task: PdfJs.PDFDocumentLoadingTask | null = null;
  let renderTask: PdfJs.RenderTask | null = null;

  const promise = (async () => {
    const pdfjs = await loadPdfJs();
    if (cancelled) throw new Error('cancelled');
    const loadingTask = pdfjs.getDocument({ data: base64ToBytes(pdfBase64), isEvalSupported: false, worker: sharedWorker(pdfjs) });
    task = loadingTask;
    try {
      const document = await loadingTask.promise;
      const page = await document.getPage(1);
      const natural = page.getViewport({ scale: 1 });
      const scale = Math.min(box.width / natural.width, box.height / natural.height);
      const viewport = page.getViewport({ scale: scale * pixelRatio });
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      if (cancelled) throw new Error('cancelled');
      renderTask = page.render({ canvas, viewport });
      await renderTask.promise;
      return { canvas, cssWidth: viewport.width / pixelRatio, cssHeight: viewport.height / pixelRatio };
    } finally {
      // The document lives only as long as this drawing; the shared worker stays for the next one.
      void loadingTask.destroy();
    }
  })();

  return {
    promise,
    cancel: () => {
      cancelled = true;
      renderTask?.cancel();
      void task?.destroy();
    },
  };
}
