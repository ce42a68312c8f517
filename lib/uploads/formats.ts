// What uploads accept. Shared by the browser (file pickers, early checks) and the server (sniffing).

export type UploadKind = 'audio' | 'artwork';
export const UPLOAD_KINDS = ['audio', 'artwork'] as const satisfies readonly UploadKind[];

/** What an upload is for: a track's audio or artwork, or a member's own avatar (an image too). */
export type UploadPurpose = UploadKind | 'avatar';
export const UPLOAD_PURPOSES = ['audio', 'artwork', 'avatar'] as const satisfies readonly UploadPurpose[];

/** The content a purpose accepts. */
export function contentKindOf(purpose: UploadPurpose): UploadKind {
  return purpose === 'avatar' ? 'artwork' : purpose;
}

/** An avatar is cropped and re-encoded in the browser (512 px square, tens of KB): far below this. */
export const AVATAR_LIMIT_BYTES = 5 * 1024 * 1024;

export type AudioFormat = 'mp3' | 'wav' | 'aiff' | 'flac' | 'm4a';
export type ImageFormat = 'png' | 'jpeg' | 'webp';
export type UploadFormat = AudioFormat | ImageFormat;

interface FormatInfo {
  kind: UploadKind;
  label: string;
  contentType: string;
  extensions: readonly string[];
}

export const FORMATS: Readonly<Record<UploadFormat, FormatInfo>> = {
  mp3: { kind: 'audio', label: 'MP3', contentType: 'audio/mpeg', extensions: ['.mp3'] },
  wav: { kind: 'audio', label: 'WAV', contentType: 'audio/wav', extensions: ['.wav', '.wave'] },
  aiff: { kind: 'audio', label: 'AIFF', contentType: 'audio/aiff', extensions: ['.aif', '.aiff', '.aifc'] },
  flac: { kind: 'audio', label: 'FLAC', contentType: 'audio/flac', extensions: ['.flac'] },
  m4a: { kind: 'audio', label: 'M4A', contentType: 'audio/mp4', extensions: ['.m4a', '.mp4', '.aac'] },
  png: { kind: 'artwork', label: 'PNG', contentType: 'image/png', extensions: ['.png'] },
  jpeg: { kind: 'artwork', label: 'JPEG', contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  webp: { kind: 'artwork', label: 'WebP', contentType: 'image/webp', extensions: ['.webp'] },
};

export function formatsOf(kind: UploadKind): UploadFormat[] {
  return (Object.keys(FORMATS) as UploadFormat[]).filter((format) => FORMATS[format].kind === kind);
}

/** "MP3, WAV, AIFF, FLAC or M4A" */
export function describeFormats(kind: UploadKind): string {
  const labels = formatsOf(kind).map((format) => FORMATS[format].label);
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** For `<input type=file accept>`: a hint for the picker, never a check (the server sniffs). */
export function acceptAttribute(kind: UploadKind): string {
  return formatsOf(kind)
    .flatMap((format) => [FORMATS[format].contentType, ...FORMATS[format].extensions])
    .join(',');
}

/** A dropped file's likely kind from its name or declared type, to sort a mixed drop. */
export function guessKind(file: { name: string; type: string }): UploadKind | null {
  const name = file.name.toLowerCase();
  for (const info of Object.values(FORMATS)) {
    if (info.extensions.some((extension) => name.endsWith(extension))) return info.kind;
  }
  if (file.type.startsWith('audio/')) return 'audio';
  if (file.type.startsWith('image/')) return 'artwork';
  return null;
}

/** The default file size limit (UPLOAD_LIMIT_MB). */
export const DEFAULT_UPLOAD_LIMIT_MB = 100;
