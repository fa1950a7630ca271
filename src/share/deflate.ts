import { fail, type ShareFailure } from './errors';

// Input is fed in steps: deflate expands at most about 1032×, so one step adds at most ~270 KB of output
// before the count can stop it (a stream transforms each written chunk whole, whatever is read).
const STEP = 256;

/** Inflated bytes, or why inflating stopped. */
export type Inflated = { ok: true; bytes: Uint8Array<ArrayBuffer> } | ShareFailure;

// Browsers without CompressionStream (Safari before 16.4) or without its 'deflate-raw' format (Chrome
// before 103, which throws on the format name) use fflate, loaded only then.
function nativeStream(kind: 'compress' | 'decompress'): CompressionStream | DecompressionStream | undefined {
  try {
    if (kind === 'compress') {
      return typeof CompressionStream === 'function' ? new CompressionStream('deflate-raw') : undefined;
    }
    return typeof DecompressionStream === 'function' ? new DecompressionStream('deflate-raw') : undefined;
  } catch {
    return undefined;
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

async function feed(writer: WritableStreamDefaultWriter<BufferSource>, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  for (let at = 0; at < bytes.length; at += STEP) await writer.write(bytes.subarray(at, at + STEP));
  await writer.close();
}

// Reads a transform's output chunk by chunk and cancels it as soon as the total passes the limit,
// so a decompression bomb is never expanded further than that.
async function pump(
  stream: CompressionStream | DecompressionStream,
  bytes: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Inflated> {
  const writer = stream.writable.getWriter();
  // Damaged data surfaces on the reading side; this only keeps the writer's own rejection handled.
  feed(writer, bytes).catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      total += read.value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return fail('tooLarge', `over ${limit} bytes unpacked`);
      }
      chunks.push(read.value);
    }
  } catch (e) {
    return fail('corrupt', `bad deflate data: ${String(e)}`);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/** Compresses bytes with raw deflate: CompressionStream where the browser has it, else fflate. */
export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = nativeStream('compress');
  if (!stream) return (await import('fflate')).deflateSync(bytes, { level: 9 });
  const out = await pump(stream, bytes, Number.POSITIVE_INFINITY);
  if (!out.ok) throw new Error(`compression failed: ${out.detail ?? out.error}`);
  return out.bytes;
}

/** Expands raw deflate data, stopping as soon as the output passes `limit` bytes. */
export async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Inflated> {
  const stream = nativeStream('decompress');
  return stream ? pump(stream, bytes, limit) : inflateFallback(bytes, limit);
}

async function inflateFallback(bytes: Uint8Array, limit: number): Promise<Inflated> {
  // fflate reads no input as an empty stream; a deflate stream has at least one block.
  if (bytes.length === 0) return fail('corrupt', 'no deflate data');
  const { Inflate } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += STEP) {
      inflater.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
      if (total > limit) return fail('tooLarge', `over ${limit} bytes unpacked`);
    }
  } catch (e) {
    return fail('corrupt', `bad deflate data: ${String(e)}`);
  }
  return { ok: true, bytes: concat(chunks, total) };
}
