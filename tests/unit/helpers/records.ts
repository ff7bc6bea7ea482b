// Records for app tests, shaped as staff would enter them: only what a test cares about is given.
import type { Learner } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { splitFullName } from '../../../src/domain/vietnamese-text.ts';

/** A learner with the name parts split the Vietnamese way and everything else blank, unless `fields` says. */
export function learnerNamed(
  fullName: string,
  fields: Pick<Learner, 'centreId' | 'updatedAt'> & Partial<Learner>,
): Learner {
  return {
    id: newId(),
    deleted: false,
    fullName,
    ...splitFullName(fullName),
    birthDate: null,
    gender: null,
    position: '',
    unit: '',
    phone: '',
    partyStatus: 'none',
    ...fields,
  };
}
