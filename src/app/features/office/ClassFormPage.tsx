// Opening a class, or changing one (lớp): its kind, code and name, where and when, the attendance threshold (from the
// kind unless set), the body it is coordinated with, its instructors, and its state (planned, running, closed,
// cancelled). Saved on the device and synced like everything else.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Class, ClassStatus } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import { nfc } from '../../../domain/vietnamese-text.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useAccounts, useClassKinds, useClassRecord } from '../../db/office-hooks.ts';
import { localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { Field, RefusedFields } from './form-fields.tsx';
import { saveRecord } from './record-form.ts';

export const ClassFormPage = staffScreen(ClassFormScreen);

function ClassFormScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { classId } = useParams();
  const record = useClassRecord(classId ?? '');
  const kinds = useClassKinds();
  const accounts = useAccounts();
  const loading = !kinds || !accounts || (classId !== undefined && record === undefined);
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{classId ? t('classForm.edit') : t('classForm.new')}</h1>
      {loading ? (
        <p>{t('common.loading')}</p>
      ) : classId && !record ? (
        <p>{t('classRecord.notOnDevice')}</p>
      ) : (
        <ClassForm
          existing={record?.cls ?? null}
          kinds={kinds}
          instructors={accounts.users.filter((u) => u.role === 'instructor')}
          centre={session.me.centre}
        />
      )}
    </AppShell>
  );
}

function ClassForm({
  existing,
  kinds,
  instructors,
  centre,
}: {
  existing: Class | null;
  kinds: NonNullable<ReturnType<typeof useClassKinds>>;
  instructors: { id: string; displayName: string }[];
  centre: StoredSession['me']['centre'];
}) {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const [refused, setRefused] = useState<Set<string>>(new Set());
  const [kindId, setKindId] = useState(existing?.classTypeId ?? kinds[0]?.id ?? '');
  const kind = kinds.find((k) => k.id === kindId);
  // The threshold follows the kind until someone sets it for this class.
  const [threshold, setThreshold] = useState<string | null>(
    existing ? String(Math.round(existing.threshold * 100)) : null,
  );
  const shownThreshold =
    threshold ?? String(Math.round((kind?.defaultThreshold ?? centre.settings.defaultThreshold) * 100));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => nfc(String(data.get(name) ?? '').trim());
    const date = (name: string) => text(name) || null;
    const startDate = date('startDate');
    const endDate = date('endDate');
    const percent = Number(shownThreshold.replace(',', '.'));
    const fields = {
      classTypeId: kindId,
      code: text('code'),
      name: text('name'),
      year: Number(text('year')),
      commune: text('commune'),
      location: text('location'),
      startDate,
      endDate,
      status: String(data.get('status')) as Class['status'],
      threshold: percent > 0 ? percent / 100 : Number.NaN,
      coordinatingBody: text('coordinatingBody'),
      instructorIds: data.getAll('instructorIds').map(String),
    };
    // The schema cannot see that a class ends before it starts.
    const backwards = startDate !== null && endDate !== null && endDate < startDate;
    const id = existing?.id ?? newId();
    const problems = backwards
      ? new Set(['endDate'])
      : await saveRecord(db, centre.id, 'classes', id, existing, fields);
    setRefused(problems);
    if (problems.size === 0) navigate(`/lop/${id}/diem-danh`);
  }

  const statuses = ClassStatus.options;
  return (
    <form className="account-form" onSubmit={submit} noValidate aria-label={t('classForm.form')}>
      <label>
        {t('reports.kind')}
        <select name="classTypeId" value={kindId} onChange={(e) => setKindId(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.nameVi}
            </option>
          ))}
        </select>
      </label>
      <Field
        label={t('admin.code')}
        name="code"
        refused={refused}
        defaultValue={existing?.code}
        maxLength={40}
      />
      <Field
        label={t('admin.name')}
        name="name"
        refused={refused}
        defaultValue={existing?.name}
        maxLength={300}
      />
      <Field
        label={t('common.year')}
        name="year"
        refused={refused}
        inputMode="numeric"
        defaultValue={String(existing?.year ?? Number(localToday().slice(0, 4)))}
      />
      <Field
        label={t('classForm.commune')}
        name="commune"
        refused={refused}
        defaultValue={existing?.commune}
        maxLength={120}
      />
      <Field
        label={t('classForm.location')}
        name="location"
        refused={refused}
        defaultValue={existing?.location}
        maxLength={200}
      />
      <Field
        label={t('classForm.startDate')}
        name="startDate"
        refused={refused}
        type="date"
        defaultValue={existing?.startDate ?? ''}
      />
      <Field
        label={t('classForm.endDate')}
        name="endDate"
        refused={refused}
        type="date"
        defaultValue={existing?.endDate ?? ''}
      />
      <Field
        label={t('kinds.thresholdPercent')}
        name="threshold"
        refused={refused}
        inputMode="decimal"
        value={shownThreshold}
        onChange={(e) => setThreshold(e.target.value)}
      />
      <Field
        label={t('classForm.coordinatingBody')}
        name="coordinatingBody"
        refused={refused}
        defaultValue={existing?.coordinatingBody}
        maxLength={200}
      />
      <fieldset className="checks">
        <legend>{t('classForm.instructors')}</legend>
        {instructors.map((u) => (
          <label key={u.id}>
            <input
              type="checkbox"
              name="instructorIds"
              value={u.id}
              defaultChecked={existing?.instructorIds.includes(u.id)}
            />
            {u.displayName}
          </label>
        ))}
      </fieldset>
      <label>
        {t('classForm.status')}
        <select name="status" defaultValue={existing?.status ?? 'planned'}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`classStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <RefusedFields refused={refused} words="classForm.field" />
      <button type="submit">{t('users.save')}</button>
    </form>
  );
}
