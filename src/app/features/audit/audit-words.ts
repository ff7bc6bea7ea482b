// How the audit log reads on screen: what each entry is about (a learner's mark in a session, a class, an account…)
// named from the records on the device, and each field's old and new values in words — statuses translated, dates
// day first, ids as the names they stand for, a password only as "set".
import type { TFunction } from 'i18next';
import { type AuditEntry, SECRET_SET } from '../../../domain/audit.ts';
import type { EntityName, Session } from '../../../domain/entities.ts';
import type { CentreDirectory } from '../../db/office-hooks.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../i18n/format.ts';

/** Enumerated values and the i18n keys that word them, by entity and field. */
const VALUE_WORDS: Partial<Record<EntityName, Record<string, string>>> = {
  centres: { level: 'audit.centreLevel' },
  users: { role: 'roles' },
  classTypes: { category: 'category' },
  classes: { status: 'classStatus' },
  learners: { gender: 'rosterImport.gender', partyStatus: 'audit.partyStatus' },
  enrollments: { status: 'audit.enrollmentStatus' },
  sessions: { partOfDay: 'partOfDay' },
  marks: { status: 'markStatus' },
  attachments: { kind: 'audit.attachmentKind' },
  dossiers: { outcome: 'dossiers.outcomes', level: 'dossiers.levels' },
};

const RATIO_FIELDS = new Set(['threshold', 'defaultThreshold']);
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const shortId = (id: string) => id.slice(-8);

export interface Words {
  t: TFunction;
  language: string;
  directory: CentreDirectory;
}

export function sessionWords({ t, directory }: Words, session: Session): string {
  const cls = directory.classes.get(session.classId);
  const when = `${formatDate(session.date)} ${t(`partOfDay.${session.partOfDay}`)}`;
  return cls ? `${cls.code}, ${when}` : when;
}

/** The name of whatever record an id points at, or the id's end when the device does not hold it. */
function nameOf(words: Words, id: string): string {
  const { directory } = words;
  const session = directory.sessions.get(id);
  if (session) return sessionWords(words, session);
  return (
    directory.users.get(id)?.displayName ??
    directory.learners.get(id)?.fullName ??
    directory.classes.get(id)?.code ??
    directory.classTypes.get(id)?.nameVi ??
    directory.dossiers.get(id)?.fullName ??
    `…${shortId(id)}`
  );
}

/** One value of a field, in words. */
export function valueWords(words: Words, entity: EntityName, field: string, value: unknown): string {
  const { t, language } = words;
  if (value === null || value === undefined || value === '') return '—';
  if (value === SECRET_SET) return t('audit.secretSet');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.map((v) => valueWords(words, entity, field, v)).join(', ');
  if (typeof value === 'number') {
    if (RATIO_FIELDS.has(field)) return formatPercent(value, language);
    if (field === 'file') return t('audit.bytes', { count: value });
    return formatNumber(value, language);
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  const wordsKey = VALUE_WORDS[entity]?.[field];
  if (wordsKey) return t(`${wordsKey}.${value}`, { defaultValue: value });
  if (ISO_DATE.test(value)) return formatDate(value);
  if (ISO_DATE_TIME.test(value)) return formatDateTime(value, language);
  if (UUID.test(value)) return nameOf(words, value);
  return value;
}

/** What an entry is about, e.g. "Nguyễn Thị Hoà — NT1, 05/01/2026 Sáng" for a mark. */
export function subjectWords(words: Words, entry: AuditEntry): string {
  const { t, directory } = words;
  const session = entry.sessionId ? directory.sessions.get(entry.sessionId) : undefined;
  const learner = entry.learnerId ? directory.learners.get(entry.learnerId)?.fullName : undefined;
  const cls = entry.classId ? directory.classes.get(entry.classId) : undefined;
  const when = session ? sessionWords(words, session) : undefined;
  const parts: (string | undefined)[] = (() => {
    switch (entry.entity) {
      case 'marks':
        return [learner, when];
      case 'enrollments':
        return [learner, cls?.code];
      case 'sessions':
        return [when];
      case 'attachments':
        return [when && t('audit.photoOf', { session: when })];
      case 'classes':
        return [cls && `${cls.code} — ${cls.name}`];
      case 'planItems': {
        const item = directory.planItems.get(entry.recordId);
        return [item && `${item.year} — ${nameOf(words, item.classTypeId)}`];
      }
      case 'centres':
        return [directory.centre?.name];
      default:
        return [nameOf(words, entry.recordId)];
    }
  })();
  const known = parts.filter((p): p is string => Boolean(p));
  return known.length > 0 ? known.join(' — ') : `…${shortId(entry.recordId)}`;
}

/** The device an entry came from: the name a signed-in device gave, or the end of its id. */
export const deviceWords = ({ t }: Words, entry: AuditEntry): string =>
  entry.deviceName || t('audit.deviceShort', { id: shortId(entry.deviceId) });
