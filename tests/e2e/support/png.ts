/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
export function readPngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature) throw new Error('Not a PNG');
  if (png.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
