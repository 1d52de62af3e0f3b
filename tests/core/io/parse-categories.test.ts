import { describe, expect, it } from 'vitest';
import { parseEstateStatus, parseFacilityKind, parseFacilityStatus } from '../../../src/core/io';

describe('parseEstateStatus', () => {
  it('counts under construction and planned as new (issue #2)', () => {
    for (const t of ['新建', '在建', '规划', 'new', 'Under construction', 'under-construction'])
      expect(parseEstateStatus(t)).toBe('new');
  });
  it('reads built, current and old as existing', () => {
    for (const t of ['已建', '已建成', '现状', '老旧', 'existing', ' Existing '])
      expect(parseEstateStatus(t)).toBe('existing');
  });
  it('returns null for anything else', () => {
    expect(parseEstateStatus('拆迁中')).toBeNull();
  });
});

describe('parseFacilityStatus', () => {
  it('reads the three statuses', () => {
    expect(parseFacilityStatus('现状')).toBe('existing');
    expect(parseFacilityStatus('规划')).toBe('planned');
    expect(parseFacilityStatus('proposed')).toBe('proposed');
    expect(parseFacilityStatus('停业')).toBeNull();
  });
});

describe('parseFacilityKind', () => {
  it('reads kind words inside longer names', () => {
    expect(parseFacilityKind('社区日间照料中心')).toBe('elderly-daycare');
    expect(parseFacilityKind('日照中心')).toBe('elderly-daycare');
    expect(parseFacilityKind('社区养老服务站')).toBe('elderly-station');
    expect(parseFacilityKind('居家养老服务点')).toBe('elderly-station');
    expect(parseFacilityKind('养老驿站')).toBe('elderly-station');
    expect(parseFacilityKind('敬老院')).toBe('elderly-home');
    expect(parseFacilityKind('养老机构')).toBe('elderly-home');
    expect(parseFacilityKind('托育机构')).toBe('nursery');
    expect(parseFacilityKind('托儿所')).toBe('nursery');
  });
  it('reads a kindergarten class as kindergarten-nursery even though it says 托', () => {
    expect(parseFacilityKind('幼儿园托班')).toBe('kindergarten-nursery');
  });
  it('reads the English ids', () => {
    expect(parseFacilityKind('elderly-daycare')).toBe('elderly-daycare');
    expect(parseFacilityKind('Kindergarten nursery')).toBe('kindergarten-nursery');
  });
  it('returns null for unknown kinds', () => {
    expect(parseFacilityKind('社区食堂')).toBeNull();
  });
});
