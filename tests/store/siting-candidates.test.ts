/** Suggest sites: candidates from a file (rejected rows kept), the districts offered, joint partners. */
import { describe, expect, it } from 'vitest';
import { importFacilities } from '../../src/core';
import { candidateFile } from '../../src/store/candidate-file';
import { estateDistricts } from '../../src/store/estate-districts';
import { jointPartner } from '../../src/store/joint-partner';
import { estate } from './fixtures';

describe('siting candidates in the store', () => {
  it('takes a file of 经度/纬度 rows as candidates (row number as id) and lists the bad row', () => {
    const data = '经度,纬度\n117.25,31.80\nabc,31.81\n117.27,31.82\n';
    const read = candidateFile(
      '候选.csv',
      importFacilities({ data, fileName: '候选.csv', defaultKind: 'nursery' }),
    );
    expect(read.candidates).toEqual([
      { id: '1', location: [117.25, 31.8] },
      { id: '3', location: [117.27, 31.82] },
    ]);
    expect(read.rowCount).toBe(3);
    expect(read.errors.map((e) => [e.file, e.row, e.field])).toEqual([['候选.csv', 2, '经度/纬度']]);
  });

  it('offers each district of the estates once, and a partner kind of the other care category', () => {
    const e = (id: string, district: string | null) => ({ ...estate(id), district });
    expect(estateDistricts([e('a', '乙区'), e('b', null), e('c', ' 乙区 '), e('d', '甲区')])).toHaveLength(2);
    expect(jointPartner('elderly-daycare')).toBe('nursery');
    expect(jointPartner('kindergarten-nursery')).toBe('elderly-daycare');
  });
});
