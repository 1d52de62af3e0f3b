/** The residents' page's shareable URL: what it writes, it reads back; malformed parts are ignored. */
import { describe, expect, it } from 'vitest';
import { parseShareHash, shareHash } from '../../src/public/share-hash';

describe('share hash', () => {
  it('round-trips a compound, a point, the elderly speed and English', () => {
    const compound = {
      place: { type: 'compound' as const, id: '金地 #1' },
      elderly: true,
      lang: 'en' as const,
    };
    expect(parseShareHash(shareHash(compound))).toEqual(compound);
    const point = {
      place: { type: 'point' as const, lngLat: [117.230115, 31.795021] as [number, number] },
      elderly: false,
      lang: 'zh' as const,
    };
    expect(shareHash(point)).toBe('#p=117.230115,31.795021');
    expect(parseShareHash(shareHash(point))).toEqual(point);
    expect(shareHash({ place: null, elderly: false, lang: 'zh' })).toBe('');
  });

  it('ignores what it cannot read', () => {
    expect(parseShareHash('#p=abc,1').place).toBeNull();
    expect(parseShareHash('#p=200,31').place).toBeNull();
    expect(parseShareHash('#lang=fr&speed=fast')).toEqual({ place: null, elderly: false, lang: 'zh' });
  });
});
