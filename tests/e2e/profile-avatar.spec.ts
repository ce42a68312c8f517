import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { pngFrom } from './support/audio-fixtures';

// A member's photo: picked, cropped to a square in the browser, uploaded through /api/uploads
// (kind=avatar, sniffed and size-checked like artwork), saved as the profile's avatar, shown in the
// header and on the profile after a reload. And the profile form's refusals are red, outlined and
// focused.

const RED: [number, number, number] = [220, 30, 30];
const BLUE: [number, number, number] = [30, 60, 220];
const NOT_AN_IMAGE = 'This file is not an image we accept (PNG, JPEG or WebP), whatever its name says';

async function openProfile(page: Page): Promise<void> {
  await page.goto('/profile');
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible();
}

/** The colour of a drawn image at (fx, fy), fractions of its size, read back through a canvas. */
async function colourAt(image: Locator, fx: number, fy: number): Promise<[number, number, number]> {
  return image.evaluate((element, [x, y]) => {
    const img = element as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(Math.floor(x! * (img.naturalWidth - 1)), Math.floor(y! * (img.naturalHeight - 1)), 1, 1).data;
    return [data[0]!, data[1]!, data[2]!] as [number, number, number];
  }, [fx, fy]);
}

function expectRed([r, g, b]: [number, number, number]): void {
  expect(r).toBeGreaterThan(170);
  expect(g).toBeLessThan(90);
  expect(b).toBeLessThan(90);
}

test('a member picks a photo, crops it, saves it and sees it in the header and on the profile after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUpThroughApi(page.request, uniqueEmail('avatar'));
  await openProfile(page);
  const headerAvatar = page.getByTestId('profile-link').locator('img');
  await expect(headerAvatar).toHaveCount(0);
  await expect(page.getByLabel('Avatar URL')).toHaveCount(0);

  // 300 x 200: the left half red, the right half blue. The crop starts on the centred 200 x 200
  // square (both colours); dragged right to the image's left edge and zoomed in 2x, it is red only.
  const photo = pngFrom(300, 200, (x) => (x < 150 ? RED : BLUE));
  await page.getByTestId('avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo });
  const dialog = page.getByRole('dialog', { name: 'Crop your photo' });
  await expect(dialog).toBeVisible();
  const crop = dialog.getByTestId('avatar-crop');
  const box = (await crop.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await dialog.getByTestId('avatar-zoom').fill('2');
  // The preview is the crop as it will be stored: red from edge to edge now.
  const previewRed = await dialog.getByTestId('avatar-preview').evaluate((canvas) => {
    const data = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 128, 128).data;
    return [data[0], data[2], data[(64 * 128 + 127) * 4], data[(64 * 128 + 127) * 4 + 2]];
  });
  expect(previewRed[0]).toBeGreaterThan(170);
  expect(previewRed[1]).toBeLessThan(90);
  expect(previewRed[2]).toBeGreaterThan(170);
  expect(previewRed[3]).toBeLessThan(90);

  const uploaded = page.waitForResponse((res) => res.url().includes('/api/uploads?kind=avatar') && res.request().method() === 'POST');
  await dialog.getByTestId('avatar-save').click();
  expect((await uploaded).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(headerAvatar).toBeVisible();

  await page.reload();
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible();
  const me = (await (await page.request.get('/api/me')).json()) as { id: string; avatarUrl: string };
  expect(me.avatarUrl).toMatch(new RegExp(`^/api/users/${me.id}/avatar\\?v=[0-9a-z]+$`));
  await expect(headerAvatar).toHaveAttribute('src', me.avatarUrl);
  await expect(headerAvatar).toHaveJSProperty('complete', true);
  const profileAvatar = page.getByTestId('avatar-drop').locator('img');
  await expect(profileAvatar).toHaveAttribute('src', me.avatarUrl);
  await expect.poll(() => profileAvatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // What was stored is the square crop: 100 x 100 source pixels, red from edge to edge.
  expect(await profileAvatar.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])).toEqual([100, 100]);
  expectRed(await colourAt(profileAvatar, 0.05, 0.5));
  expectRed(await colourAt(profileAvatar, 0.95, 0.5));
});

test('a file that is not an image is refused with its reason, in the browser and by the upload route', async ({ page }) => {
  await signUpThroughApi(page.request, uniqueEmail('avatar'));
  await openProfile(page);
  await page.getByTestId('avatar-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('just some text, renamed\n'.repeat(10)) });
  await expect(page.getByTestId('avatar-error')).toHaveText(`photo.png: ${NOT_AN_IMAGE}`);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The route checks the same way, whatever a client sends.
  const refused = await page.request.post('/api/uploads?kind=avatar', {
    headers: { Origin: E2E.consoleUrl },
    multipart: { file: { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('just some text, renamed\n'.repeat(10)) } },
  });
  expect(refused.status()).toBe(415);
  expect(await refused.json()).toEqual({ error: { code: 'unsupported_media_type', message: NOT_AN_IMAGE } });
  // A receipt this member never got is not an avatar.
  const forged = await page.request.patch('/api/me', { headers: { Origin: E2E.consoleUrl }, data: { avatarUpload: 'not-a-receipt' } });
  expect(forged.status()).toBe(400);
  expect(((await forged.json()) as { error: { message: string } }).error.message).toBe('This photo upload has expired or is not yours: choose the photo again');
  expect(((await (await page.request.get('/api/me')).json()) as { avatarUrl: string | null }).avatarUrl).toBeNull();
  // Any member may upload a photo for themselves, but track artwork stays for producers.
  const artwork = await page.request.post('/api/uploads?kind=artwork', {
    headers: { Origin: E2E.consoleUrl },
    multipart: { file: { name: 'cover.png', mimeType: 'image/png', buffer: pngFrom(8, 8, () => RED) } },
  });
  expect(artwork.status()).toBe(403);
});

test("a producer's artwork receipt is not an avatar: receipts are bound to what they were uploaded for", async ({ playwright }) => {
  const producer = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
  await signInThroughApi(producer, 'producer@spynners.local', E2E.demoPassword);
  const before = ((await (await producer.get('/api/me')).json()) as { avatarUrl: string | null }).avatarUrl;
  const artwork = await producer.post('/api/uploads?kind=artwork', {
    headers: { Origin: E2E.consoleUrl },
    multipart: { file: { name: 'cover.png', mimeType: 'image/png', buffer: pngFrom(8, 8, () => BLUE) } },
  });
  expect(artwork.status()).toBe(200);
  const { receipt } = (await artwork.json()) as { receipt: string };
  const swapped = await producer.patch('/api/me', { headers: { Origin: E2E.consoleUrl }, data: { avatarUpload: receipt } });
  expect(swapped.status()).toBe(400);
  expect(((await (await producer.get('/api/me')).json()) as { avatarUrl: string | null }).avatarUrl).toBe(before);
  await producer.dispose();
});

test('the profile form shows each refusal in red beside its field, outlines the field and focuses the first one', async ({ page }) => {
  await signUpThroughApi(page.request, uniqueEmail('profile'));
  await openProfile(page);
  const form = page.getByRole('form', { name: 'Profile' });
  await form.getByLabel('Name', { exact: true }).fill('');
  await form.getByLabel('SoundCloud').fill('not a link');
  await form.getByRole('button', { name: 'Save profile' }).click();

  const name = form.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('SoundCloud')).toHaveAttribute('aria-invalid', 'true');
  const nameError = form.locator('#fullName-error');
  await expect(nameError).toHaveText('Enter your name');
  await expect(nameError).toHaveCSS('color', 'rgb(248, 113, 113)');
  await expect(name).toHaveCSS('border-top-color', 'rgb(248, 113, 113)');
  await expect(form.locator('#soundcloudUrl-error')).toHaveCSS('color', 'rgb(248, 113, 113)');
  await expect(page.getByTestId('profile-status')).toHaveText('Not saved: 2 fields need a change (outlined in red)');

  // Fixed, the form saves and the outlines go.
  await name.fill('Fixed Name');
  await form.getByLabel('SoundCloud').fill('https://soundcloud.com/fixed');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-status')).toHaveText('Saved');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
});
