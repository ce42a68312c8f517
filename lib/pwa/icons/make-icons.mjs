#!/usr/bin/env node
// Renders the console's icons from icon.svg (`npm run pwa:icons`); the PNGs are committed.
//  public/icons/icon-192.png, icon-512.png     purpose "any" (web manifest)
//  public/icons/icon-maskable-512.png          purpose "maskable": the mark scaled into the central
//                                              80 % safe zone, background to the edges
//  public/apple-touch-icon.png                 180x180, opaque (iOS paints transparency black)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const here = import.meta.dirname;
const root = path.resolve(here, '..', '..', '..');
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
// The mark spans a 416 px circle of 512: 0.78 keeps it inside the 409.6 px maskable safe circle.
const maskable = svg.replace('<g id="mark">', '<g id="mark" transform="translate(256 256) scale(0.78) translate(-256 -256)">');

async function render(source, size, file) {
  const out = path.join(root, file);
  const info = await sharp(Buffer.from(source), { density: (72 * size) / 512 })
    .resize(size, size)
    .flatten({ background: '#0b0b10' })
    .png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 })
    .toFile(out);
  console.log(`${file}: ${info.width}x${info.height}, ${(info.size / 1024).toFixed(1)} KiB`);
}

await render(svg, 192, 'public/icons/icon-192.png');
await render(svg, 512, 'public/icons/icon-512.png');
await render(maskable, 512, 'public/icons/icon-maskable-512.png');
await render(svg, 180, 'public/apple-touch-icon.png');
