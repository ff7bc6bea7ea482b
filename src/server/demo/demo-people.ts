// Makes the demo learners: a name nobody else in the centre has (after folding tone placement), a birth date, a
// post and unit that fit the kind of class they are summoned to, a phone number, and a party status.
import type { Gender, Learner, PartyStatus } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { foldTonePlacement, type NameParts, nfc, splitFullName } from '../../domain/vietnamese-text.ts';
import {
  ETHNIC_GIVEN_NAMES,
  ETHNIC_NAME_SHARE,
  ETHNIC_PREFIX,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  PHONE_PREFIXES,
} from './demo-names.ts';
import { COMMUNES, type LearnerProfile } from './demo-tables.ts';
import type { Rng } from './prng.ts';

export interface FixedPerson {
  fullName: string;
  gender: Gender;
  birthDate: string;
  position: string;
  unit: string;
  phone: string;
  partyStatus: PartyStatus;
}

export interface PeopleFactory {
  /** A new learner fitting the profile, of an age that fits it in `year`. */
  create(profile: LearnerProfile, year: number, updatedAt: string): Learner;
  /** A learner with given details (the demo learner). */
  createFixed(person: FixedPerson, updatedAt: string): Learner;
  /** Keeps a name (a staff member's, say) from being given to a learner. */
  reserveName(fullName: string): void;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Name parts. "A Thuấn" / "Y Hương" have no family name: "A" (men) and "Y" (women) are kept as the middle name so
 * that the parts still spell the full name and sorting goes by the given name, as for "Thị".
 */
export function nameParts(fullName: string): NameParts {
  const words = nfc(fullName).split(' ');
  const [first, second] = words;
  if (words.length === 2 && (first === ETHNIC_PREFIX.male || first === ETHNIC_PREFIX.female)) {
    return { familyName: '', middleName: first, givenName: second! };
  }
  return splitFullName(fullName);
}

export function createPeopleFactory(rng: Rng, centreId: string): PeopleFactory {
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const keyOf = (fullName: string) => foldTonePlacement(nfc(fullName));

  const drawName = (gender: Gender): string => {
    for (;;) {
      const name = rng.chance(ETHNIC_NAME_SHARE)
        ? `${ETHNIC_PREFIX[gender]} ${rng.pick(ETHNIC_GIVEN_NAMES[gender])}`
        : `${rng.weighted(FAMILY_NAMES)} ${rng.weighted(MIDDLE_NAMES[gender])} ${rng.pick(GIVEN_NAMES[gender])}`;
      if (!usedNames.has(keyOf(name))) {
        usedNames.add(keyOf(name));
        return name;
      }
    }
  };

  const drawPhone = (): string => {
    for (;;) {
      const phone = `${rng.weighted(PHONE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };

  const drawPost = (profile: LearnerProfile, gender: Gender): { position: string; unit: string } => {
    const roles = profile.roles.filter(([, , , only]) => only === undefined || only === gender);
    const [position, unit] = rng.weighted(roles.map((r) => [r, r[2]] as const));
    const commune = rng.pick(COMMUNES);
    const fill = (template: string) =>
      template
        .replace('{village}', `${commune.villageWord} ${rng.int(1, commune.villages)}`)
        .replace('{commune}', commune.name)
        .replace('{villageHead}', commune.villageHead);
    return { position: fill(position), unit: fill(unit) };
  };

  const learner = (person: FixedPerson, updatedAt: string): Learner => ({
    id: newId(),
    centreId,
    updatedAt,
    deleted: false,
    fullName: nfc(person.fullName),
    ...nameParts(person.fullName),
    birthDate: person.birthDate,
    gender: person.gender,
    position: person.position,
    unit: person.unit,
    phone: person.phone,
    partyStatus: person.partyStatus,
  });

  return {
    create(profile, year, updatedAt) {
      const gender: Gender = rng.chance(profile.femaleShare) ? 'female' : 'male';
      const fullName = drawName(gender);
      const birthYear = year - rng.int(profile.ages[0], profile.ages[1]);
      const birthDate = `${birthYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
      // A few learners gave no phone number on the summons list.
      const phone = rng.chance(0.04) ? '' : drawPhone();
      const partyStatus = rng.weighted(profile.partyStatus);
      return learner(
        { fullName, gender, birthDate, phone, partyStatus, ...drawPost(profile, gender) },
        updatedAt,
      );
    },
    createFixed(person, updatedAt) {
      usedNames.add(keyOf(person.fullName));
      usedPhones.add(person.phone);
      return learner(person, updatedAt);
    },
    reserveName(fullName) {
      usedNames.add(keyOf(fullName));
    },
  };
}
