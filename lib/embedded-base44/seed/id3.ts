/** A small ID3v2.4 tag (UTF-8 text frames) so players show the demo track's title and artist. */
export function id3Tag(frames: Readonly<Record<string, string>>): Uint8Array {
  const encoder = new TextEncoder();
  const parts = Object.entries(frames).map(([id, text]) => {
    const body = new Uint8Array([3, ...encoder.encode(text)]);
    return concat([encoder.encode(id), synchsafe(body.length), new Uint8Array([0, 0]), body]);
  });
  const content = concat(parts);
  return concat([encoder.encode('ID3'), new Uint8Array([4, 0, 0]), synchsafe(content.length), content]);
}

function synchsafe(size: number): Uint8Array {
  return new Uint8Array([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
