/**
 * A QR code as a matrix of dark modules, for the sign's link to the site's privacy page. The
 * encoding is qrcode-generator's (MIT, no dependencies); we only draw the modules.
 */
import qrcode from 'qrcode-generator';

/** Rows of modules, true = dark; without the quiet zone (renderers add four modules of margin). */
export type QrMatrix = readonly (readonly boolean[])[];

/**
 * Level M (15 % recoverable) survives a scuffed or smudged print on a door; the smallest version
 * that holds the text is chosen. The URL is normalised first, so only ASCII goes into byte mode.
 */
export const qrMatrix = (url: string): QrMatrix => {
  const qr = qrcode(0, 'M');
  qr.addData(new URL(url).href, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
};
