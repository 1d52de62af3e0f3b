/** Coverage options per kind follow the profile's parameters (checked against Hefei's JSON by hand). */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/profiles';
import { coverageOptionsForKind as coverageOptions } from '../../src/core';

describe('coverageOptions', () => {
  const p = getProfile('hefei')!.parameters;
  it('uses the kind’s service minutes, the walking speed and the matching demand rate', () => {
    expect(coverageOptions('nursery', p)).toMatchObject({
      minutes: p.serviceMinutes.nursery,
      speedMps: p.walkingSpeed,
      kinds: ['nursery'],
      capacity: { field: 'places', perResident: p.nurseryPlacesPer1000Residents / 1000 },
    });
    expect(coverageOptions('elderly-station', p).capacity).toEqual({
      field: 'floorArea',
      perHousehold: p.elderlyCareM2Per100Households / 100,
    });
    expect(coverageOptions('elderly-home', p).capacity).toEqual({
      field: 'beds',
      perResident: (p.bedsPer1000Elderly / 1000) * p.elderlyShare,
    });
  });
});
