import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr.js';

// jsqr is CommonJS with an `exports.default`: imported from ESM, the function is one level down.
const jsQR = jsqr.default;

/** The matrix as RGBA pixels, `scale` pixels a module, with the four-module quiet zone. */
const raster = (m: readonly (readonly boolean[])[], scale = 4) => {
  const size = (m.length + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  m.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y += 1)
        for (let x = 0; x < scale; x += 1) {
          const i = (((r + 4) * scale + y) * size + (c + 4) * scale + x) * 4;
          data.set([0, 0, 0, 255], i);
        }
    }),
  );
  return { data, size };
};

describe('qrMatrix', () => {
  it('encodes a site page address that reads back exactly', () => {
    const url =
      'https://privacy.lindewaard.example/api/public/sites/a0d64f26-ee98-4e87-b160-bc5b880d7e76/privacy';
    const m = qrMatrix(url);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const { data, size } = raster(m);
    expect(jsQR(data, size, size)?.data).toBe(url);
  });

  it('percent-encodes what is not ASCII, so the phone opens the same address', () => {
    const { data, size } = raster(qrMatrix('https://gemeente.example/privé/kamer'));
    expect(jsQR(data, size, size)?.data).toBe('https://gemeente.example/priv%C3%A9/kamer');
  });

  it('refuses what is not an address', () => {
    expect(() => qrMatrix('niet een adres')).toThrow();
  });
});
