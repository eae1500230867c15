// Renders build/icon.svg into every icon file electron-builder looks for in build/:
//
//   build/icon.png         1024 px, the master raster (and what the packaging test checks)
//   build/icons/NxN.png    the Linux set for AppImage and deb (hicolor sizes)
//   build/icon.icns        macOS (PNG-compressed members)
//   build/icon.ico         Windows and the NSIS installer (BMP members up to 128 px, PNG at 256 px)
//
// electron-builder can derive icns/ico/set from one PNG, but only with an icon tool it downloads from
// GitHub at packaging time; shipping the finished files keeps packaging from needing that download.
//
// The SVG is rasterized by Chromium (Playwright, already a dev dependency, driving Debian's chromium
// or CHROMIUM_PATH), at each size separately so small icons are drawn for their size rather than
// shrunk. Run after editing the SVG: node scripts/render-icons.mjs
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// Type codes from Apple's icns format; each member holds a PNG of the given pixel size.
const ICNS_MEMBERS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

function systemChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Straight (not premultiplied) RGBA pixels of the SVG drawn at size × size. */
async function rasterize(page, svg, size) {
  /* global Image, document -- the callback below runs inside Chromium */
  const pixels = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      return Array.from(context.getImageData(0, 0, size, size).data);
    },
    { svg, size },
  );
  return Buffer.from(pixels);
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit ICO bitmap: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit transparency mask. */
function encodeIcoBitmap(rgba, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  const maskStride = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function encodeIco(images) {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    directory[entry] = size >= 256 ? 0 : size; // 0 means 256
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.data)]);
}

function encodeIcns(members) {
  const parts = members.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: systemChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_MEMBERS.map(([, size]) => size), 1024])];
  const rgbaBySize = new Map();
  for (const size of sizes) rgbaBySize.set(size, await rasterize(page, svg, size));
  const png = (size) => encodePng(rgbaBySize.get(size), size);

  writeFileSync(path.join(buildDir, 'icon.png'), png(1024));
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(path.join(buildDir, 'icon.icns'), encodeIcns(ICNS_MEMBERS.map(([type, size]) => [type, png(size)])));
  writeFileSync(
    path.join(buildDir, 'icon.ico'),
    encodeIco(
      // Windows and NSIS read bitmaps everywhere; PNG is only expected for the 256 px member.
      ICO_SIZES.map((size) => ({ size, data: size >= 256 ? png(size) : encodeIcoBitmap(rgbaBySize.get(size), size) })),
    ),
  );
  console.log(`Rendered build/icon.png, build/icons/ (${LINUX_SIZES.join(', ')} px), build/icon.icns and build/icon.ico.`);
} finally {
  await browser.close();
}
