import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

const dataDescriptorAndUtf8Flags = 0x0008 | 0x0800;
const deflateMethod = 8;
// 1980-01-01 00:00 in MS-DOS form: entries carry no meaningful time, and output stays reproducible.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;
// Classic ZIP counts sizes in 32 bits; past that an entry would need ZIP64, which this writer does not do.
const maxSize = 0xffffffff;

/**
 * A ZIP archive written entry by entry, each deflated as it streams, so a large entry is never held
 * uncompressed. Sizes and checksums follow each entry in a data descriptor, as streaming writers do.
 */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }

  /** Adds an entry whose content arrives in pieces; text is written as UTF-8. */
  async add(name: string, content: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, compressedSize: 0, size: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(dataDescriptorAndUtf8Flags, 6);
    header.writeUInt16LE(deflateMethod, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt16LE(entry.name.length, 26);
    this.push(header);
    this.push(entry.name);

    const deflate = createDeflateRaw();
    deflate.on('data', (chunk: Buffer) => {
      entry.compressedSize += chunk.length;
      this.push(chunk);
    });
    for await (const piece of content) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await finished(deflate);
    if (entry.size > maxSize || entry.compressedSize > maxSize) throw new Error(`${name} is too large for a ZIP without ZIP64.`);

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.push(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory and answers the whole archive. */
  finish(): Buffer {
    const directoryOffset = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(dataDescriptorAndUtf8Flags, 8);
      record.writeUInt16LE(deflateMethod, 10);
      record.writeUInt16LE(dosTime, 12);
      record.writeUInt16LE(dosDate, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      this.push(record);
      this.push(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - directoryOffset, 12);
    end.writeUInt32LE(directoryOffset, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }
}
