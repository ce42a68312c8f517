import { describe, expect, it } from 'vitest';
import { checkUploadContent, sniffFormat } from '@/lib/uploads/sniff';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const size4 = [0x10, 0, 0, 0];

describe('sniffFormat: the format from the first bytes', () => {
  it.each([
    ['ID3v2.4 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 10]), 'mp3'],
    ['MPEG-1 Layer III frame, 128 kbps, 44.1 kHz', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['MPEG-2 Layer III frame (the demo seed\'s 24 kHz)', bytes([0xff, 0xf3, 0x64, 0xc4]), 'mp3'],
    ['RIFF/WAVE', bytes('RIFF', size4, 'WAVEfmt '), 'wav'],
    ['FORM/AIFF', bytes('FORM', size4, 'AIFFCOMM'), 'aiff'],
    ['FORM/AIFC', bytes('FORM', size4, 'AIFCFVER'), 'aiff'],
    ['fLaC', bytes('fLaC', [0, 0, 0, 34]), 'flac'],
    ['ftyp M4A', bytes([0, 0, 0, 32], 'ftypM4A ', [0, 0, 0, 0]), 'm4a'],
    ['ftyp isom', bytes([0, 0, 0, 32], 'ftypisom', [0, 0, 2, 0]), 'm4a'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpeg'],
    ['WebP', bytes('RIFF', size4, 'WEBPVP8 '), 'webp'],
  ])('%s → %s', (_name, head, format) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it.each([
    ['plain text', bytes('hello, this is not audio')],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ')],
    ['a ZIP', bytes('PK', [3, 4, 20, 0, 0, 0])],
    ['RIFF that is AVI, not WAVE', bytes('RIFF', size4, 'AVI LIST')],
    ['ADTS AAC (sync but layer 0)', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['MPEG frame with the reserved version', bytes([0xff, 0xeb, 0x90, 0x64])],
    ['MPEG frame with a bad bitrate', bytes([0xff, 0xfb, 0xf0, 0x64])],
    ['MPEG frame with a reserved sample rate', bytes([0xff, 0xfb, 0x9c, 0x64])],
    ['ftyp of a QuickTime movie', bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0])],
    ['"ID3" with a bogus version', bytes('ID3', [9, 0, 0, 0, 0, 0, 10])],
    ['too short to tell', bytes('RI')],
    ['empty', new Uint8Array()],
  ])('%s → null', (_name, head) => {
    expect(sniffFormat(head)).toBeNull();
  });
});

describe('checkUploadContent: kind by content, with a reason', () => {
  it('accepts audio as audio and images as artwork, with the real content type', () => {
    expect(checkUploadContent('audio', bytes('fLaC', [0, 0, 0, 34]))).toEqual({ ok: true, format: 'flac', contentType: 'audio/flac' });
    expect(checkUploadContent('artwork', bytes([0xff, 0xd8, 0xff, 0xdb]))).toEqual({ ok: true, format: 'jpeg', contentType: 'image/jpeg' });
  });

  it('refuses a renamed text file, an image sent as audio, audio sent as artwork, an empty file', () => {
    const text = checkUploadContent('audio', bytes('this file is called track.mp3'));
    expect(text).toMatchObject({ ok: false });
    expect(!text.ok && text.reason).toMatch(/not an audio file we accept \(MP3, WAV, AIFF, FLAC or M4A\), whatever its name says/);
    const image = checkUploadContent('audio', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]));
    expect(!image.ok && image.reason).toBe('This file is PNG, not an audio file (MP3, WAV, AIFF, FLAC or M4A)');
    const audio = checkUploadContent('artwork', bytes('ID3', [4, 0, 0, 0, 0, 0, 10]));
    expect(!audio.ok && audio.reason).toBe('This file is MP3, not an image (PNG, JPEG or WebP)');
    expect(checkUploadContent('audio', new Uint8Array())).toEqual({ ok: false, reason: 'The file is empty' });
  });
});
