import type { Prng } from './prng';

/** A 600×600 SVG cover: a two-colour gradient, a few rings and the title's initials. */
export function coverSvg(title: string, subtitle: string, random: Prng): string {
  const hue = random.int(0, 359);
  const second = (hue + random.int(60, 160)) % 360;
  const rings = Array.from({ length: 4 }, (_, i) => {
    const r = 60 + i * 55 + random.int(0, 20);
    return `<circle cx="${random.int(180, 420)}" cy="${random.int(180, 420)}" r="${r}" fill="none" stroke="#fff" stroke-opacity="${(0.08 + i * 0.04).toFixed(2)}" stroke-width="${random.int(2, 10)}"/>`;
  }).join('');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">',
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 45%)"/><stop offset="1" stop-color="hsl(${second} 75% 18%)"/></linearGradient></defs>`,
    '<rect width="600" height="600" fill="url(#g)"/>',
    rings,
    `<text x="300" y="340" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="150" font-weight="700" fill="#fff">${escapeXml(initials(title))}</text>`,
    `<text x="300" y="540" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="28" fill="#fff" fill-opacity="0.85">${escapeXml(subtitle)}</text>`,
    '</svg>',
  ].join('');
}

export function initials(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
