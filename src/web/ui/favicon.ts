import { deflateSync } from 'node:zlib';

/**
 * The site icon: a white ring on Origo's dark blue, drawn here as a 32×32 PNG and wrapped in an
 * ICO container (ICO files may hold PNG images), so /favicon.ico answers with a real icon and
 * nothing is fetched from elsewhere. The same PNG is linked from the UI page.
 */
const SIZE = 32;
const BLUE = [0x12, 0x35, 0x5b];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function drawPng(): Buffer {
  // RGBA rows, each led by filter byte 0: a rounded blue square with a white ring in the middle.
  const rows: number[] = [];
  const c = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y++) {
    rows.push(0);
    for (let x = 0; x < SIZE; x++) {
      const d = Math.hypot(x - c, y - c);
      // Rounded corners (radius 5): outside the quarter circles the pixel is transparent.
      const dx = Math.abs(x - c) - (c - 5);
      const dy = Math.abs(y - c) - (c - 5);
      const corner = dx > 0 && dy > 0 && Math.hypot(dx, dy) > 5;
      const ring = d >= 7 && d <= 11.5;
      const colour = ring ? WHITE : BLUE;
      rows.push(colour[0], colour[1], colour[2], corner ? 0 : 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function wrapIco(png: Buffer): Buffer {
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(0, 0); // reserved
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(1, 4); // one image
  dir[6] = SIZE;
  dir[7] = SIZE;
  dir.writeUInt16LE(1, 10); // colour planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(png.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, png]);
}

export const FAVICON_PNG = drawPng();
export const FAVICON_ICO = wrapIco(FAVICON_PNG);
