import type { MediaType } from './entities/material.entity';

/**
 * A material's type, from its bytes (never from what the client declares): PDF, JPEG and PNG by
 * their signatures, OFD (GB/T 33190-2016, China's fixed-layout format) as a ZIP package whose
 * central directory lists the entry file OFD.xml at its root.
 */

/** Bytes needed to tell the signatures apart. */
export const SNIFF_BYTES = 8;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What the first bytes say: a media type, 'zip' (an OFD candidate), or null for anything else. */
export function sniff(head: Buffer): Exclude<MediaType, 'application/ofd'> | 'zip' | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG)) return 'image/png';
  if (head.length >= 4 && head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return 'zip';
  return null;
}

/** The end-of-central-directory record is at most this far from the end (22 bytes + a 65,535-byte comment). */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;

/**
 * Whether a ZIP package of `size` bytes lists `entry` in its central directory. `tail` holds its
 * last bytes (at least ZIP_TAIL_BYTES, or all of it); `read` fetches any other range (the central
 * directory of a large package may start before the tail). ZIP64 packages are not OFD documents
 * of this size and are reported as not listing it.
 */
export async function zipListsEntry(
  tail: Buffer,
  size: number,
  read: (offset: number, length: number) => Promise<Buffer>,
  entry: string,
): Promise<boolean> {
  const tailStart = size - tail.length;
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const entries = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return false;
  const directory =
    directoryOffset >= tailStart
      ? tail.subarray(directoryOffset - tailStart, directoryOffset - tailStart + directorySize)
      : await read(directoryOffset, directorySize);
  let at = 0;
  for (let n = 0; n < entries && at + 46 <= directory.length; n += 1) {
    if (directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) return false;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name === entry) return true;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return false;
}

/** The file extension for a media type (download file names). */
export function extensionOf(mediaType: MediaType): string {
  return { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'application/ofd': 'ofd' }[mediaType];
}
