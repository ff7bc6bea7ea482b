// The change log (staff, /nhat-ky): every change on the server, newest first — who, when, from which device, each
// field old → new — narrowed to a class, a session, a learner, a user, a kind of data or a range of days. The filters
// live in the address (`/nhat-ky?classId=…`), so other screens can link to a class's or a learner's log. The log is
// on the server, so it needs a connection; names come from the records on the device.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AuditEntry, type AuditQuery, SECRET_SET } from '../../../domain/audit.ts';
import { type EntityName, entityNames } from '../../../domain/entities.ts';
import { compareVietnameseNames } from '../../../domain/vietnamese-text.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { type CentreDirectory, useCentreDirectory } from '../../db/office-hooks.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ApiRequestError } from '../../sync/http.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { useOnline } from '../../ui/useOnline.ts';
import { WideTable } from '../../ui/WideTable.tsx';
import { fetchAuditPage } from './audit-api.ts';
import { deviceWords, sessionWords, subjectWords, valueWords, type Words } from './audit-words.ts';

export const AuditLogPage = staffScreen(AuditLogScreen);

const FILTERS = ['classId', 'sessionId', 'learnerId', 'userId', 'entity', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const filtersOf = (params: URLSearchParams): Filters =>
  Object.fromEntries(FILTERS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])));

interface Loaded {
  /** The filters these entries answer (the address's query), so a change of filters never shows stale ones. */
  key: string;
  entries: AuditEntry[];
  nextCursor: string | null;
}

function AuditLogScreen({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const directory = useCentreDirectory(session.me.centre.id);
  const online = useOnline();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(key)), [key]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // An answer to filters since replaced is dropped, whichever order the answers come in.
  const latest = useRef(key);
  latest.current = key;

  async function load(cursor: string | null) {
    setBusy(true);
    setFailure(null);
    try {
      const page = await fetchAuditPage(session.token, {
        ...(filters as AuditQuery),
        ...(cursor && { cursor }),
      });
      setLoaded((before) => ({
        key,
        entries: cursor && before?.key === key ? [...before.entries, ...page.entries] : page.entries,
        nextCursor: page.nextCursor,
      }));
    } catch (err) {
      setFailure(err instanceof ApiRequestError ? t(`errors.${err.code}`) : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  // New filters (or coming back online) read the first page again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` reads the filters this key stands for
  useEffect(() => {
    if (online) void load(null);
  }, [key, online]);

  const shown = loaded?.key === key ? loaded : null;
  if (!directory) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  const words: Words = { t, language: i18n.language, directory };
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <AuditFilters
        directory={directory}
        words={words}
        filters={filters}
        onChange={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)))}
      />
      {!online && <p className="banner">{t('audit.offline')}</p>}
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {online && !shown && !failure && <p role="status">{t('audit.loading')}</p>}
      {shown && <AuditTable entries={shown.entries} words={words} />}
      {shown?.nextCursor && (
        <button type="button" disabled={busy || !online} onClick={() => load(shown.nextCursor)}>
          {t('audit.more')}
        </button>
      )}
    </AppShell>
  );
}

function AuditFilters({
  directory,
  words,
  filters,
  onChange,
}: {
  directory: CentreDirectory;
  words: Words;
  filters: Filters;
  onChange(filters: Filters): void;
}) {
  const { t } = words;
  const [draft, setDraft] = useState<Filters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof Filters, value: string) =>
    setDraft((d) => ({
      ...d,
      [key]: value,
      // A session belongs to one class: another class's sessions are not offered.
      ...(key === 'classId' && { sessionId: '' }),
    }));

  const classes = [...directory.classes.values()]
    .filter((c) => !c.deleted)
    .sort((a, b) => b.year - a.year || a.code.localeCompare(b.code, 'vi'));
  const sessions = [...directory.sessions.values()]
    .filter((s) => s.classId === draft.classId && !s.deleted)
    .sort((a, b) => a.date.localeCompare(b.date) || a.partOfDay.localeCompare(b.partOfDay));
  const enrolled = new Set(
    directory.enrollments.filter((e) => e.classId === draft.classId).map((e) => e.learnerId),
  );
  const learners = [...directory.learners.values()]
    .filter((l) => !l.deleted && (!draft.classId || enrolled.has(l.id)))
    .sort(compareVietnameseNames);
  const users = [...directory.users.values()]
    .filter((u) => !u.deleted)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(draft);
  }

  const select = (key: keyof Filters, label: string, options: [string, string][], disabled = false) => (
    <label>
      {label}
      <select value={draft[key] ?? ''} disabled={disabled} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('audit.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="report-filters audit-filters" onSubmit={submit} aria-label={t('audit.filters')}>
      {select(
        'classId',
        t('audit.class'),
        classes.map((c) => [c.id, `${c.code} — ${c.name}`]),
      )}
      {select(
        'sessionId',
        t('audit.session'),
        sessions.map((s) => [s.id, `${sessionWords(words, s)}${s.topic ? ` — ${s.topic}` : ''}`]),
        !draft.classId,
      )}
      {select(
        'learnerId',
        t('audit.learner'),
        learners.map((l) => [l.id, l.fullName]),
      )}
      {select(
        'userId',
        t('audit.user'),
        users.map((u) => [u.id, `${u.displayName} (${u.username})`]),
      )}
      {select(
        'entity',
        t('audit.entity'),
        entityNames.map((e: EntityName) => [e, t(`sync.entity.${e}`)]),
      )}
      <label>
        {t('audit.from')}
        <input type="date" value={draft.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        {t('audit.to')}
        <input type="date" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      <button type="submit">{t('audit.show')}</button>
    </form>
  );
}

function AuditTable({ entries, words }: { entries: AuditEntry[]; words: Words }) {
  const { t, language } = words;
  if (entries.length === 0) return <p>{t('audit.empty')}</p>;
  return (
    <WideTable
      headings={[
        t('audit.at'),
        t('audit.who'),
        t('audit.device'),
        t('audit.record'),
        t('audit.changes'),
        t('audit.outcome'),
      ]}
      className="audit-log"
      testId="audit-log"
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td>{formatDateTime(entry.at, language)}</td>
          <td>{entry.userName ?? '—'}</td>
          <td className="audit-device">{deviceWords(words, entry)}</td>
          <th scope="row" className="name">
            <span className="audit-entity">{t(`sync.entity.${entry.entity}`)}</span>{' '}
            {subjectWords(words, entry)}
          </th>
          <td>
            <FieldList
              entity={entry.entity}
              // A device sends a record's fields again when it marks or saves it; only changed ones are news.
              rows={Object.entries(entry.changes)
                .filter(([, [before, after]]) => before === SECRET_SET || !sameValue(before, after))
                .map(([field, [before, after]]) => ({ field, before: { value: before }, after }))}
              words={words}
            />
            {Object.keys(entry.lost).length > 0 && (
              <>
                <p className="audit-lost">{t('audit.lost')}</p>
                <FieldList
                  entity={entry.entity}
                  rows={Object.entries(entry.lost).map(([field, after]) => ({ field, after }))}
                  words={words}
                />
              </>
            )}
          </td>
          <td>
            {t(`audit.outcomes.${entry.outcome}`)}
            {entry.reason &&
              `: ${t(`sync.reason.${entry.reason.split(':')[0]}`, { defaultValue: entry.reason })}`}
          </td>
        </tr>
      ))}
    </WideTable>
  );
}

/** An empty text and no value read the same ("—"). */
const sameValue = (a: unknown, b: unknown) =>
  (a ?? '') === (b ?? '') || JSON.stringify(a) === JSON.stringify(b);

interface FieldRow {
  field: string;
  /** Absent for a value that lost a conflict: it has no old value of its own. */
  before?: { value: unknown };
  after: unknown;
}

/** Field: old → new, one per line. */
function FieldList({ entity, rows, words }: { entity: EntityName; rows: FieldRow[]; words: Words }) {
  const { t } = words;
  if (rows.length === 0) return null;
  const value = (field: string, v: unknown) => valueWords(words, entity, field, v);
  return (
    <ul className="audit-changes">
      {rows.map(({ field, before, after }) => (
        <li key={field}>
          <span className="audit-field">{t(`audit.field.${field}`, { defaultValue: field })}</span>:{' '}
          {before && `${value(field, before.value)} → `}
          {value(field, after)}
        </li>
      ))}
    </ul>
  );
}
