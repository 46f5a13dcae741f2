// The parts of a ZIP archive (a .docx or an .odt is one, of XML parts), read
// from its central directory and inflated by the browser (inflate.js): no
// library to download. Only the parts asked for are inflated, each stopped at
// a cap, so a ZIP bomb costs no more than the cap. The archive's own words
// about sizes are not trusted: inflating counts what comes out.
import { inflate, TooLarge } from "./inflate.js";

/** Why an archive or a part cannot be read: `reason` is "damaged", "encrypted" or "too large". */
export class ZipError extends Error {
  constructor(reason, detail) {
    super(detail);
    this.reason = reason;
  }
}

const damaged = (detail) => new ZipError("damaged", detail);

// The end-of-directory record is 22 bytes, then a comment of up to 65,535.
const END_SIZE = 22;
const COMMENT_MAX = 65_535;

/**
 * The archive's entries by name: `{ flags, method, compressedSize, size,
 * offset }`, as its central directory gives them. Throws a ZipError
 * ("damaged") when there is no directory or it runs past the bytes.
 */
export function entries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - END_SIZE; at >= Math.max(0, bytes.length - END_SIZE - COMMENT_MAX); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged("no central directory (the file is cut short or not a ZIP archive)");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  // ZIP64 marks its sizes 0xFFFFFFFF here: a document over 4 GB, which no page reads anyway
  if (at === 0xffffffff || count === 0xffff) throw new ZipError("too large", "a ZIP64 archive (over 4 GB)");
  const names = new TextDecoder(); // names are UTF-8 (flag 11) or, in old archives, CP437: the parts sought are ASCII either way
  const found = new Map();
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw damaged("its directory is damaged");
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw damaged("its directory is damaged");
    found.set(names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return found;
}

/**
 * The bytes of `entry` (one of entries()'), inflated; at most `cap` of them.
 * Throws a ZipError: "encrypted" (ZIP's own encryption), "too large" (past
 * `cap`, or said to be), "damaged" (a bad header, method or stream).
 */
export async function part(bytes, entry, cap) {
  if (entry.flags & 1) throw new ZipError("encrypted", "its parts are encrypted");
  if (entry.size > cap) throw new ZipError("too large", "its directory says so");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged("a part's header is damaged");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged("a part runs past the end of the file");
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > cap) throw new ZipError("too large", "a stored part is larger than the cap");
    return data;
  }
  if (entry.method !== 8) throw damaged(`a part is packed by method ${entry.method}, not DEFLATE`);
  try {
    return new Uint8Array(await inflate(data, cap, "deflate-raw"));
  } catch (error) {
    if (error instanceof TooLarge) throw new ZipError("too large", "inflating passed the cap");
    throw damaged(`a part cannot be inflated (${error.message})`);
  }
}
