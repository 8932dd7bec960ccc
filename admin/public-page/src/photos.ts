import { fitWithin } from './format';

/**
 * Each photo's most as a data URL: three of them, the description and the rest stay under the API's 1 MB body
 * limit. A phone's 4000 px photo is 3–6 MB; at 1280 px and JPEG quality 0.8 it is usually 150–300 kB.
 */
export const PHOTO_BUDGET = 290_000;
const TRIES: [maxSide: number, quality: number][] = [
  [1280, 0.8],
  [1280, 0.6],
  [1024, 0.55],
  [800, 0.5],
];

/** A photo as a JPEG data URL at most 1280 px on its longer side, smaller still when it would not fit the budget. */
export async function shrinkPhoto(file: Blob): Promise<string> {
  const image = await loadImage(file);
  const canvas = document.createElement('canvas');
  let url = '';
  for (const [maxSide, quality] of TRIES) {
    const { width, height } = fitWithin(image.naturalWidth, image.naturalHeight, maxSide);
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    // A transparent PNG would turn black as a JPEG: white beneath it instead.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.drawImage(image, 0, 0, width, height);
    url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= PHOTO_BUDGET) break;
  }
  return url;
}

/** The browser decodes it (turned upright by its EXIF orientation, as browsers now do for images). */
function loadImage(file: Blob): Promise<HTMLImageElement> {
  const src = URL.createObjectURL(file);
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('unreadable image'));
    image.src = src;
  }).finally(() => URL.revokeObjectURL(src));
}
