import type { Reason } from '@campus/common';

/**
 * The kinds of evidence file accepted, by extension, with the bytes each must start with. The
 * declared content type is not trusted: the extension and the file's own first bytes must agree.
 */
const zip = [0x50, 0x4b, 0x03, 0x04];
const ole = [0xd0, 0xcf, 0x11, 0xe0];

interface FileType { contentType: string; magic: number[][]; inline: boolean }

/** By extension, in a Map: an extension a client names ("constructor", "__proto__") is only ever a key. */
const acceptedFileTypes: ReadonlyMap<string, FileType> = new Map(Object.entries({
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]], inline: true },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]], inline: true },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]], inline: true },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]], inline: true },
  webp: { contentType: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]], inline: true },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [zip], inline: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [zip], inline: false },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [zip], inline: false },
  doc: { contentType: 'application/msword', magic: [ole], inline: false },
  xls: { contentType: 'application/vnd.ms-excel', magic: [ole], inline: false },
  ppt: { contentType: 'application/vnd.ms-powerpoint', magic: [ole], inline: false },
} satisfies Record<string, FileType>));

/** The accepted type of a file extension (lower case, without the dot), or undefined. */
export function fileTypeOf(ext: string): FileType | undefined {
  return acceptedFileTypes.get(ext);
}

export function detectFileType(fileName: string, head: Buffer): { ext: string; contentType: string } | { error: Reason } {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = acceptedFileTypes.get(ext);
  if (!type || !fileName.includes('.')) {
    return { error: { code: 'file_type_refused', params: { accepted: [...acceptedFileTypes.keys()] } } };
  }
  const matches = type.magic.some((m) => m.every((b, i) => head[i] === b));
  if (!matches) return { error: { code: 'file_content_mismatch', params: { ext } } };
  return { ext, contentType: type.contentType };
}
