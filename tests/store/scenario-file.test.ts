/** Scenario GeoJSON export → import is lossless (property test), and bad files get clear errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS, lngLat, RuleProfileError, type Estate, type Facility } from '../../src/core';
import { getProfile } from '../../src/profiles';
import { duplicateProfile } from '../../src/ui/app/profile-file';
import { scenarioFromGeoJson, scenarioToGeoJson, ScenarioFileError } from '../../src/store/scenario-file';
import type { Scenario } from '../../src/store/types';
import { scenario } from './fixtures';

// JSON cannot carry -0, NaN or Infinity; a scenario never holds them (the importer rejects them).
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const lng = fc.double({ min: 73, max: 135, noNaN: true });
const lat = fc.double({ min: 18, max: 53, noNaN: true });

const estateArb: fc.Arbitrary<Estate> = fc.record({
  id: fc.string({ minLength: 1 }),
  row: fc.nat(),
  name: fc.string(),
  location: fc.tuple(lng, lat).map(([x, y]) => lngLat(x, y)),
  geometry: fc.constant(null),
  households: maybe(fc.nat(30000)),
  residents: maybe(fc.nat(100000)),
  status: fc.constantFrom('new' as const, 'existing' as const, null),
  elderlyCareFloorArea: maybe(finite),
  elderlyCareFacilityAreas: maybe(fc.array(finite, { maxLength: 3 })),
  nurseryPlaces: maybe(fc.nat(500)),
  childcareFloorArea: maybe(finite),
  district: maybe(fc.string()),
  properties: fc.dictionary(
    fc.string().filter((k) => k !== '__proto__'),
    fc.oneof(fc.string(), fc.nat()),
  ),
});

const facilityArb: fc.Arbitrary<Facility> = fc.record({
  id: fc.string({ minLength: 1 }),
  row: fc.nat(),
  name: fc.string(),
  kind: fc.constantFrom(...FACILITY_KINDS),
  location: fc.tuple(lng, lat).map(([x, y]) => lngLat(x, y)),
  status: fc.constantFrom('existing' as const, 'planned' as const, 'proposed' as const),
  capacity: fc.record({ places: maybe(fc.nat(500)), beds: maybe(fc.nat(500)), floorArea: maybe(finite) }),
  properties: fc.constant({}),
});

const roundTrip = (s: Scenario) =>
  scenarioFromGeoJson(JSON.parse(JSON.stringify(scenarioToGeoJson(s))), 'x.geojson');

describe('scenario file', () => {
  it('export then import gives back the same estates, facilities and settings', () => {
    fc.assert(
      fc.property(
        fc.array(estateArb, { maxLength: 8 }),
        fc.array(facilityArb, { maxLength: 8 }),
        (estates, facilities) => {
          const s: Scenario = { ...scenario(), estates, facilities, overrides: { personsPerHousehold: 3 } };
          const back = roundTrip(s);
          expect(back.estates).toEqual(estates);
          expect(back.facilities).toEqual(facilities);
          expect(back).toMatchObject({ profileId: s.profileId, overrides: s.overrides, name: s.name });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the network reference so the same browser finds the graph it built', () => {
    const s: Scenario = {
      ...scenario(),
      network: { source: 'file', fileName: 'roads.osm', key: 'file:roads.osm:1', report: null },
    };
    expect(roundTrip(s).network).toEqual({
      source: 'file',
      fileName: 'roads.osm',
      key: 'file:roads.osm:1',
      report: null,
    });
  });

  it('keeps polygon footprints and the representative point separately', () => {
    const s = scenario();
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [117.23, 31.79],
          [117.24, 31.79],
          [117.24, 31.8],
          [117.23, 31.79],
        ],
      ],
    };
    s.estates = [{ ...s.estates[0]!, geometry: polygon }];
    expect(roundTrip(s).estates[0]).toEqual(s.estates[0]);
  });

  it('names the feature and field when a file is not a scenario or is damaged', () => {
    expect(() => scenarioFromGeoJson({ type: 'FeatureCollection', features: [] }, 'a.geojson')).toThrow(
      /a\.geojson: not a LifeCircle scenario/,
    );
    const file = scenarioToGeoJson(scenario());
    (file.features[2]!.properties as Record<string, unknown>).kind = 'hospital';
    expect(() => scenarioFromGeoJson(file, 'b.geojson')).toThrow(ScenarioFileError);
    expect(() => scenarioFromGeoJson(file, 'b.geojson')).toThrow(/b\.geojson, feature 3: field "kind"/);
  });

  // Found by tests/core/io/fuzz-readers.test.ts (issue #13): these ended in a TypeError.
  it('names the feature when it is not an object or its Point has no coordinates', () => {
    const file = scenarioToGeoJson(scenario());
    const facility = file.features.findIndex((f) => f.properties?.layer === 'facility');
    const broken = JSON.parse(JSON.stringify(file)) as { features: unknown[] };
    (broken.features[facility] as { geometry: Record<string, unknown> }).geometry = { type: 'Point' };
    expect(() => scenarioFromGeoJson(broken, 'c.geojson')).toThrow(
      new RegExp(
        `c\\.geojson, feature ${facility + 1}: geometry must be a Point with two finite coordinates`,
      ),
    );
    broken.features[0] = null;
    expect(() => scenarioFromGeoJson(broken, 'c.geojson')).toThrow(
      /feature 1: expected a GeoJSON Feature object/,
    );
  });

  it('carries user profiles, each read back as a profile file is', () => {
    const user = duplicateProfile(getProfile('hefei')!, []);
    const edited = {
      ...user,
      rules: user.rules.map((r, k) =>
        k === 0 ? { ...r, threshold: 42, appliesTo: ['new' as const, 'existing' as const] } : r,
      ),
    };
    const s: Scenario = { ...scenario(), profileId: edited.id, userProfiles: [edited] };
    const back = roundTrip(s);
    expect(back.profileId).toBe('hefeiuser');
    expect(back.userProfiles).toEqual([edited]);
    expect(back.userProfiles[0]!.rules[0]).toMatchObject({ threshold: 42, appliesTo: ['new', 'existing'] });
    // A file from before user profiles has none.
    const old = scenarioToGeoJson(scenario());
    delete old.lifecircle.userProfiles;
    expect(scenarioFromGeoJson(old, 'old.geojson').userProfiles).toEqual([]);
  });

  it('names the file, the profile, the rule and the field of a damaged user profile', () => {
    const user = duplicateProfile(getProfile('hefei')!, []);
    const file = JSON.parse(JSON.stringify(scenarioToGeoJson({ ...scenario(), userProfiles: [user] })));
    file.lifecircle.userProfiles[0].rules[1].threshold = 'twenty';
    expect(() => scenarioFromGeoJson(file, 'd.geojson')).toThrow(RuleProfileError);
    expect(() => scenarioFromGeoJson(file, 'd.geojson')).toThrow(
      /d\.geojson, lifecircle\.userProfiles\[0\]: rule .*hefeiuser\.elderly-area-existing.*field "threshold"/,
    );
    const builtin = JSON.parse(JSON.stringify(scenarioToGeoJson(scenario())));
    builtin.lifecircle.userProfiles = [getProfile('henan')];
    expect(() => scenarioFromGeoJson(builtin, 'e.geojson')).toThrow(/id "henan" is a built-in profile's/);
  });
});
