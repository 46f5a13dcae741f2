// Writes a zip archive, byte for byte the same on every run (every date
// 1980-01-01, no extras): the WordPress plugin that scripts/pack builds
// (WordPress's plugin upload takes a zip, and no zip tool is needed on the
// machine that packs it), and the Word and OpenDocument files of the tests
// (tests/files/fixtures.mjs), hostile ones included.
import { crc32, deflateRawSync } from "node:zlib";

/**
 * A zip of `parts` ({ name, data, store, size }; names with "/"), as one
 * Buffer. `store` keeps a part uncompressed (an ODF mimetype must be);
 * `size` puts another uncompressed size in the headers than the true one,
 * as a zip bomb may.
 */
export function zip(parts) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, data, store = false, size } of parts) {
    const bytes = Buffer.from(data);
    const packed = store ? bytes : deflateRawSync(bytes, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    // The fields the local header and the central directory share, from
    // "version needed" on.
    const fields = (head) => {
      head.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
      head.writeUInt16LE(0x0800, 2); // flags: UTF-8 names
      head.writeUInt16LE(store ? 0 : 8, 4);
      head.writeUInt16LE(0, 6); // time: 00:00
      head.writeUInt16LE((1 << 5) | 1, 8); // date: 1980-01-01, the format's earliest
      head.writeUInt32LE(crc32(bytes), 10);
      head.writeUInt32LE(packed.length, 14);
      head.writeUInt32LE(size ?? bytes.length, 18);
      head.writeUInt16LE(nameBytes.length, 22);
      head.writeUInt16LE(0, 24);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local.subarray(4));
    locals.push(local, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    fields(entry.subarray(6));
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
