interface DrainableStream {
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
  destroyed: boolean;
}

/**
 * Resolves when a stream that refused a write can take more (true) or has closed (false). Both
 * listeners are removed either way: a backup waits here thousands of times, and listeners left behind
 * would pile up on the stream.
 */
export function drained(stream: DrainableStream): Promise<boolean> {
  if (stream.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onDrain = () => {
      stream.off('close', onClose);
      resolve(true);
    };
    const onClose = () => {
      stream.off('drain', onDrain);
      resolve(false);
    };
    stream.once('drain', onDrain);
    stream.once('close', onClose);
  });
}
