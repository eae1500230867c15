import { useEffect, useRef, useState } from 'react';
import { Box, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useElementSize, useViewportSize } from '@mantine/hooks';
import type { PaperSize } from '../../../shared/progress-summary';
import { ErrorAlert } from '../components/ErrorAlert';
import { releasePdfWorker, renderFirstPage } from './pdf-page';

/** Height ÷ width of an empty page, so the column keeps its shape before the first preview arrives. */
const PAGE_RATIO: Record<PaperSize, number> = { A4: 297 / 210, Letter: 11 / 8.5 };
/** Room the dialog's title, headings and buttons take, so the whole page fits on screen. */
const CHROME_HEIGHT = 250;
const MIN_PAGE_HEIGHT = 360;

interface PagePreviewProps {
  /** The latest finished preview, or null before the first one. */
  pdfBase64: string | null;
  pageCount: number | null;
  paperSize: PaperSize;
  /** A newer preview is being made (the one shown, if any, is older). */
  pending: boolean;
  /** Why the latest preview could not be made. */
  error: string | null;
  /** Why no preview is asked for right now (the choices are not valid). */
  notice: string | null;
}

interface Drawn {
  pdf: string;
  box: string;
  width: number;
  height: number;
}

/** Page one of the summary, drawn whole to fit the column and the window, with the page count and state. */
export function PagePreview({ pdfBase64, pageCount, paperSize, pending, error, notice }: PagePreviewProps) {
  const { ref: columnRef, width } = useElementSize<HTMLDivElement>();
  const { height: viewportHeight } = useViewportSize();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);

  const boxWidth = Math.floor(width);
  const boxHeight = Math.max(MIN_PAGE_HEIGHT, Math.floor(viewportHeight - CHROME_HEIGHT));
  const boxKey = `${boxWidth}x${boxHeight}`;
  const drawing = pdfBase64 !== null && boxWidth > 0 && (drawn?.pdf !== pdfBase64 || drawn.box !== boxKey);

  useEffect(() => {
    if (pdfBase64 === null || boxWidth <= 0) return;
    // Drawn off screen and copied in when complete, so a half-drawn or cancelled page never shows.
    const render = renderFirstPage(pdfBase64, { width: boxWidth, height: boxHeight }, window.devicePixelRatio || 1);
    let current = true;
    render.promise.then(
      (page) => {
        const target = canvasRef.current;
        if (!current || !target) return;
        target.width = page.canvas.width;
        target.height = page.canvas.height;
        target.getContext('2d')?.drawImage(page.canvas, 0, 0);
        setDrawn({ pdf: pdfBase64, box: `${boxWidth}x${boxHeight}`, width: page.cssWidth, height: page.cssHeight });
        setDrawError(null);
      },
      () => {
        if (current) setDrawError('The preview could not be drawn. The exported file is not affected.');
      },
    );
    return () => {
      current = false;
      render.cancel();
    };
  }, [pdfBase64, boxWidth, boxHeight]);

  useEffect(() => releasePdfWorker, []);

  const busy = pending || (drawing && drawError === null);
  // A failed or impossible preview hides the older page: it no longer shows what would be exported.
  const shown = drawn !== null && error === null && notice === null;
  const placeholderWidth = Math.min(boxWidth, boxHeight / PAGE_RATIO[paperSize]);

  return (
    // Sticky below the modal's own sticky header (its min-height), so page one stays in view while the
    // options column scrolls.
    <Stack gap="xs" style={{ position: 'sticky', top: 'calc(3.75rem * var(--mantine-scale))' }}>
      <Group justify="space-between" mih={24}>
        <Text size="sm" fw={500}>
          Preview
        </Text>
        <Group gap={6} aria-live="polite">
          {busy && <Loader size="xs" aria-label="Updating the preview" />}
          {pageCount !== null && !busy && shown && (
            <Text size="sm" c="dimmed">
              {pageCount === 1 ? '1 page' : `${pageCount} pages`}
            </Text>
          )}
        </Group>
      </Group>
      <ErrorAlert message={error ?? drawError} />
      {notice && error === null && (
        <Text size="sm" c="dimmed">
          {notice}
        </Text>
      )}
      <Box ref={columnRef}>
        <Paper
          withBorder
          shadow="xs"
          radius={0}
          mx="auto"
          w={shown ? drawn.width : placeholderWidth || undefined}
          style={{ overflow: 'hidden', opacity: busy && shown ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          <canvas
            ref={canvasRef}
            role="img"
            aria-label="Preview of page 1"
            data-drawn={shown && !busy ? 'true' : 'false'}
            style={{
              display: shown ? 'block' : 'none',
              width: drawn ? `${drawn.width}px` : undefined,
              height: drawn ? `${drawn.height}px` : undefined,
            }}
          />
          {!shown && <Box h={placeholderWidth * PAGE_RATIO[paperSize] || undefined} bg="gray.0" aria-hidden />}
        </Paper>
      </Box>
    </Stack>
  );
}
