// Recognition of equivalent training: a dossier counts in the period of its decision (pending ones in the period they
// were received), the seed's sentence, the register's list and the rules across fields.
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/entities.ts';
import {
  dossierProblem,
  equivalenceFigures,
  equivalenceSentence,
  registerOf,
} from '../../../src/domain/equivalence.ts';
import { newId } from '../../../src/domain/ids.ts';
import { SEED_001_EQUIVALENCE } from '../../fixtures/seed-001.ts';

const YEAR_2021 = { from: '2021-01-01', to: '2021-12-31' };

function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    id: newId(),
    centreId: newId(),
    updatedAt: '2021-05-14T08:00:00.000Z',
    deleted: false,
    fullName: 'Nguyễn Văn An',
    learnerId: null,
    unit: 'UBND xã Đăk Ruồng',
    level: 'elementary',
    receivedDate: '2021-03-02',
    decisionDate: '2021-05-14',
    outcome: 'recognised',
    decisionRef: '08-QĐ/TTCT',
    note: '',
    ...over,
  };
}

const many = (n: number, over: Partial<Dossier>) => Array.from({ length: n }, () => dossier(over));

describe('equivalenceFigures', () => {
  it('gives seed 001: 196 considered, 151 recognised, 45 not, in its words', () => {
    const figures = equivalenceFigures(
      [...many(151, { outcome: 'recognised' }), ...many(45, { outcome: 'notRecognised' })],
      YEAR_2021,
    );
    expect(figures).toMatchObject({
      considered: 196,
      recognised: 151,
      notRecognised: 45,
      pendingReceived: 0,
    });
    expect(equivalenceSentence(figures)).toBe(SEED_001_EQUIVALENCE.sentence);
  });

  it('counts a dossier in the period of its decision, both ends included, not of its receipt', () => {
    const figures = equivalenceFigures(
      [
        dossier({ receivedDate: '2020-12-01', decisionDate: '2021-01-01' }),
        dossier({ decisionDate: '2021-12-31', outcome: 'notRecognised' }),
        dossier({ receivedDate: '2021-12-01', decisionDate: '2022-01-03' }),
        dossier({ deleted: true }),
      ],
      YEAR_2021,
    );
    expect(figures).toMatchObject({ considered: 2, recognised: 1, notRecognised: 1 });
  });

  it('counts pending dossiers received in the period apart, and separates the levels', () => {
    const figures = equivalenceFigures(
      [
        dossier({ outcome: 'pending', decisionDate: null, receivedDate: '2021-11-30' }),
        dossier({ outcome: 'pending', decisionDate: null, receivedDate: '2020-11-30' }),
        dossier({ level: 'intermediate' }),
        dossier({ level: 'intermediate', outcome: 'notRecognised' }),
        dossier({}),
      ],
      YEAR_2021,
    );
    expect(figures).toMatchObject({ considered: 3, recognised: 2, notRecognised: 1, pendingReceived: 1 });
    expect(figures.byLevel).toEqual([
      { level: 'elementary', considered: 1, recognised: 1, notRecognised: 0, pendingReceived: 1 },
      { level: 'intermediate', considered: 2, recognised: 1, notRecognised: 1, pendingReceived: 0 },
    ]);
    expect(equivalenceSentence(figures)).toBe(
      'tổ chức xét công nhận trình độ lý luận chính trị tương đương Sơ cấp lý luận chính trị với tổng số hồ sơ ' +
        'được xét là 01 bộ (trong đó có 01 hồ sơ được công nhận đạt); tổ chức xét công nhận trình độ lý luận ' +
        'chính trị tương đương Trung cấp lý luận chính trị với tổng số hồ sơ được xét là 02 bộ (trong đó có 01 ' +
        'hồ sơ được công nhận đạt, 01 hồ sơ không được công nhận đạt)',
    );
  });

  it('writes thousands with a dot, and nothing when no dossier was decided', () => {
    const figures = equivalenceFigures(many(1394, {}), YEAR_2021);
    expect(equivalenceSentence(figures)).toContain(
      'là 1.394 bộ (trong đó có 1.394 hồ sơ được công nhận đạt)',
    );
    expect(
      equivalenceSentence(
        equivalenceFigures([dossier({ outcome: 'pending', decisionDate: null })], YEAR_2021),
      ),
    ).toBe('');
  });
});

describe('registerOf', () => {
  it('lists the period’s decided dossiers and the pending ones received by its end, by date then Vietnamese name', () => {
    const an = dossier({ fullName: 'Trần Thị Bình', receivedDate: '2021-03-02' });
    const binh = dossier({ fullName: 'Nguyễn Văn An', receivedDate: '2021-03-02', outcome: 'notRecognised' });
    const early = dossier({ fullName: 'Lê Văn Cường', receivedDate: '2021-03-01' });
    const stillPending = dossier({ receivedDate: '2020-10-01', decisionDate: null, outcome: 'pending' });
    const laterYear = dossier({ decisionDate: '2022-02-01' });
    const receivedLater = dossier({ receivedDate: '2022-01-05', decisionDate: null, outcome: 'pending' });
    const all = [an, binh, early, stillPending, laterYear, receivedLater];
    expect(registerOf(all, YEAR_2021)).toEqual([stillPending, early, binh, an]);
    expect(registerOf(all, YEAR_2021, 'notRecognised')).toEqual([binh]);
  });
});

describe('dossierProblem', () => {
  it('wants a decision date on or after receipt for a decided dossier, and none while pending', () => {
    expect(dossierProblem(dossier())).toBeNull();
    expect(dossierProblem(dossier({ decisionDate: null }))).toBe('decisionDateMissing');
    expect(dossierProblem(dossier({ decisionDate: '2021-03-01' }))).toBe('decisionBeforeReceived');
    expect(dossierProblem(dossier({ outcome: 'pending' }))).toBe('decisionDateOnPending');
    expect(dossierProblem(dossier({ outcome: 'pending', decisionDate: null }))).toBeNull();
  });
});
