// The register's two writes: a dossier received (pending), and its outcome with the decision. Each is one local
// write, refused whole (with a code the screen puts in words) when the dossier would break the domain's rules.
import { ZodError } from 'zod';
import type { Dossier } from '../../../domain/entities.ts';
import { type DossierProblem, dossierProblem } from '../../../domain/equivalence.ts';
import { newId } from '../../../domain/ids.ts';
import type { AppDb } from '../../db/app-db.ts';
import { writeChange } from '../../db/local-write.ts';

export type NewDossier = Pick<Dossier, 'fullName' | 'unit' | 'level' | 'receivedDate' | 'note'>;
export type Decision = Pick<Dossier, 'outcome' | 'decisionDate' | 'decisionRef'>;
/** `invalid`: a field the schema refuses (an empty name, a date that is not one). */
export type DossierError = DossierProblem | 'invalid';

async function write(save: () => Promise<void>): Promise<DossierError | null> {
  try {
    await save();
    return null;
  } catch (err) {
    if (err instanceof ZodError) return 'invalid';
    throw err;
  }
}

export function addDossier(db: AppDb, centreId: string, fields: NewDossier): Promise<DossierError | null> {
  const changes = {
    ...fields,
    learnerId: null,
    decisionDate: null,
    outcome: 'pending',
    decisionRef: '',
  } as const;
  return write(() => writeChange(db, { entity: 'dossiers', recordId: newId(), changes }, centreId));
}

export function recordOutcome(
  db: AppDb,
  centreId: string,
  dossier: Dossier,
  decision: Decision,
): Promise<DossierError | null> {
  const problem = dossierProblem({ ...dossier, ...decision });
  if (problem) return Promise.resolve(problem);
  return write(() =>
    writeChange(db, { entity: 'dossiers', recordId: dossier.id, changes: decision }, centreId),
  );
}
