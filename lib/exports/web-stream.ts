import type { Readable } from "node:stream";

// Wraps a Node Readable as a web ReadableStream for a Response, pulling one chunk per request so
// backpressure holds. Cancelling (the client went away) destroys the source, which ends the
// query that feeds it. (Readable.toWeb throws on client disconnect in Node 20.)
export function readableToWebStream(source: Readable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const toBytes = (chunk: unknown) => (typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk as Buffer));
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        return new Promise<void>((resolve) => {
          const cleanup = () => {
            source.off("readable", onReadable);
            source.off("end", onEnd);
            source.off("error", onError);
          };
          const onReadable = () => {
            const chunk = source.read();
            if (chunk === null) return; // 'end' follows
            cleanup();
            controller.enqueue(toBytes(chunk));
            resolve();
          };
          const onEnd = () => {
            cleanup();
            controller.close();
            resolve();
          };
          const onError = (error: Error) => {
            cleanup();
            controller.error(error);
            resolve();
          };
          if (source.readableEnded) return onEnd();
          if (source.errored) return onError(source.errored);
          source.on("readable", onReadable);
          source.on("end", onEnd);
          source.on("error", onError);
          onReadable();
        });
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
