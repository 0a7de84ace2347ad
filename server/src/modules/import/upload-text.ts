import { badRequest } from '../../lib/errors.js';

/** The encodings an uploaded CSV is read in: UTF-8 (with or without BOM), and GBK as GB18030, its superset. */
export type UploadEncoding = 'utf-8' | 'gb18030';

const NEWLINE = 0x0a;
/** Bytes looked at, from the first non-ASCII byte on, before an encoding is chosen. */
const DETECT_WINDOW = 4096;
/** A line longer than this is decoded before its end arrives (only error positions get less exact). */
const MAX_HELD_LINE = 256 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * GB18030 when a Content-Type's charset names GBK (or GB2312, GB18030); otherwise undefined, and the
 * bytes decide (clients often declare a charset they did not use).
 */
export function declaredEncoding(contentType: string | undefined): UploadEncoding | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset && ['gbk', 'gb2312', 'gb18030', 'cp936', 'x-gbk', 'euc-cn'].includes(charset) ? 'gb18030' : undefined;
}

function readableAs(encoding: UploadEncoding, bytes: Uint8Array, final: boolean) {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

/** Whether at least half of the non-ASCII bytes form well-made UTF-8 sequences (GBK text: far fewer). */
function mostlyUtf8(bytes: Uint8Array) {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length || i + length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (!ok) continue;
    inSequences += length;
    high += length - 1;
    i += length - 1;
  }
  return high > 0 && inSequences * 2 >= high;
}

function countNewlines(bytes: Uint8Array) {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

/**
 * Bytes of an uploaded file to text, as they arrive. A byte-order mark says UTF-8 (UTF-16 is
 * refused); otherwise the first non-ASCII bytes decide between UTF-8 and GBK (ASCII reads the same
 * in both); bytes the chosen encoding cannot read are refused with a 400 naming their line, never
 * stored as replacement characters. Bytes are decoded in whole lines, so that a refusal names the
 * line and a character is never split between two decodes.
 */
export class UploadText {
  private decoder?: TextDecoder;
  private detected = false;
  /** The end of the last line that has not ended yet. */
  private partial: Buffer = EMPTY;
  /** Whole lines not decoded yet, while the encoding is undecided. */
  private undecided: Buffer = EMPTY;
  private atStart = true;
  /** Lines decoded so far: the line number of a refusal. */
  private lines = 0;

  constructor(declared?: UploadEncoding) {
    if (declared) this.decoder = new TextDecoder(declared, { fatal: true });
  }

  get encoding(): UploadEncoding | undefined {
    return this.decoder?.encoding === 'utf-8' ? 'utf-8' : this.decoder ? 'gb18030' : undefined;
  }

  /** The text of the lines completed by `chunk` ('' while a line or the encoding is pending). */
  write(chunk: Uint8Array): string {
    const data = this.partial.length ? Buffer.concat([this.partial, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const cut = data.lastIndexOf(NEWLINE) + 1;
    if (cut === 0 && data.length < MAX_HELD_LINE) {
      this.partial = data;
      return '';
    }
    const whole = cut === 0 ? data : data.subarray(0, cut);
    this.partial = cut === 0 ? EMPTY : Buffer.from(data.subarray(cut));
    return this.decode(whole, false);
  }

  /** The rest of the text, once the whole file has arrived. */
  end(): string {
    const rest = this.partial;
    this.partial = EMPTY;
    return this.decode(rest, true);
  }

  private decode(bytes: Buffer, final: boolean): string {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const line = this.lines + this.undecidedLines() + countNewlines(bytes.subarray(0, nul)) + 1;
      throw badRequest({ code: 'nul_bytes', params: { line } }, [{ row: line, field: 'file', code: 'not_utf8_or_gbk_short' }]);
    }
    let text = '';
    if (!this.decoder) {
      this.undecided = this.undecided.length ? Buffer.concat([this.undecided, bytes]) : bytes;
      const ready = this.choose(final);
      if (!ready) return '';
      text = ready.ascii;
      bytes = ready.rest;
      if (!this.decoder) return text;
    }
    try {
      text += this.decoder!.decode(bytes, { stream: !final });
    } catch {
      throw this.refusal(bytes);
    }
    this.lines += countNewlines(bytes);
    return text;
  }

  private undecidedLines() {
    return this.decoder ? 0 : countNewlines(this.undecided);
  }

  /**
   * Chooses the encoding once enough is known, or passes on the ASCII lines read so far. Returns the
   * ASCII text to emit and the bytes the decoder (when chosen) is still to read.
   */
  private choose(final: boolean): { ascii: string; rest: Buffer } | undefined {
    const held = this.undecided;
    if (this.atStart) {
      if (held.length < 3 && !final) return undefined;
      this.atStart = false;
      if (held[0] === 0xef && held[1] === 0xbb && held[2] === 0xbf) return this.chosen('utf-8', '', held);
      if ((held[0] === 0xff && held[1] === 0xfe) || (held[0] === 0xfe && held[1] === 0xff)) {
        throw badRequest('utf16_file', [{ row: 1, field: 'file', code: 'utf16_short' }]);
      }
    }
    const firstHigh = held.findIndex((b) => b >= 0x80);
    if (firstHigh === -1 || (!final && held.length - firstHigh < DETECT_WINDOW)) {
      // ASCII reads the same in both encodings: pass on the lines before the first non-ASCII one.
      const asciiEnd = firstHigh === -1 ? held.length : held.lastIndexOf(NEWLINE, firstHigh) + 1;
      const ascii = held.subarray(0, asciiEnd);
      this.undecided = Buffer.from(held.subarray(asciiEnd));
      this.lines += countNewlines(ascii);
      if (firstHigh === -1 && final) this.decoder = new TextDecoder('utf-8', { fatal: true });
      return ascii.length ? { ascii: ascii.toString('latin1'), rest: EMPTY } : undefined;
    }
    const asciiEnd = held.lastIndexOf(NEWLINE, firstHigh) + 1;
    const ascii = held.subarray(0, asciiEnd);
    const rest = held.subarray(asciiEnd);
    this.lines += countNewlines(ascii);
    // The lines of the window decide; a bad byte further on is then refused, not read in the other encoding.
    const windowEnd = Math.min(rest.length, rest.indexOf(NEWLINE, firstHigh - asciiEnd + DETECT_WINDOW) + 1 || rest.length);
    const sample = rest.subarray(0, windowEnd);
    const complete = final || sample[sample.length - 1] === NEWLINE;
    // GB18030 reads almost any bytes, also UTF-8 with a flaw: text that is mostly UTF-8 is taken as UTF-8.
    const encoding = readableAs('utf-8', sample, complete) || mostlyUtf8(sample) ? 'utf-8' : readableAs('gb18030', sample, complete) ? 'gb18030' : undefined;
    this.detected = true;
    if (!encoding) throw this.refusal(sample, null);
    return this.chosen(encoding, ascii.toString('latin1'), Buffer.from(rest));
  }

  private chosen(encoding: UploadEncoding, ascii: string, rest: Buffer) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
    this.detected = true;
    this.undecided = EMPTY;
    return { ascii, rest };
  }

  /**
   * A 400 naming the first line of `bytes` that cannot be read: by the chosen encoding, or (while
   * choosing, `encoding` null) by either of them.
   */
  private refusal(bytes: Buffer, encoding: UploadEncoding | null = this.encoding ?? null) {
    const fits = (line: Buffer) => (encoding ? readableAs(encoding, line, true) : readableAs('utf-8', line, true) || readableAs('gb18030', line, true));
    let line = this.lines + 1;
    for (let start = 0; start < bytes.length; line++) {
      const end = bytes.indexOf(NEWLINE, start);
      const stop = end === -1 ? bytes.length : end + 1;
      if (!fits(bytes.subarray(start, stop))) break;
      start = stop;
    }
    const encodings = !encoding ? ['UTF-8', 'GBK'] : [encoding === 'utf-8' ? 'UTF-8' : 'GBK'];
    // How the encoding was chosen: from the lines before (detected), from the request (declared), or not yet (either).
    const basis = !encoding ? 'either' : this.detected ? 'detected' : 'declared';
    return badRequest({ code: 'not_utf8_or_gbk', params: { line, encodings, basis } }, [{ row: line, field: 'file', code: 'not_utf8_or_gbk_short' }]);
  }
}
