// The centre's class kinds (loại lớp): name in both languages, system, and the attendance threshold a new class of the
// kind starts from. A centre adds its own kinds next to the usual ones; their order is the reports' order.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassCategory, ClassType } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import { nfc } from '../../../domain/vietnamese-text.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassKinds } from '../../db/office-hooks.ts';
import { formatPercent } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { CategoryOptions } from '../../ui/CategoryOptions.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { WideTable } from '../../ui/WideTable.tsx';
import { Field, RefusedFields } from './form-fields.tsx';
import { saveRecord } from './record-form.ts';

export const ClassKindsPage = staffScreen(ClassKinds);

function ClassKinds({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const kinds = useClassKinds();
  const [editing, setEditing] = useState<ClassType | 'new' | null>(null);
  if (!kinds) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{t('kinds.title')}</h1>
      {editing ? (
        <KindForm
          key={editing === 'new' ? 'new' : editing.id}
          kind={editing === 'new' ? null : editing}
          centre={session.me.centre}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('kinds.add')}
        </button>
      )}
      <WideTable
        headings={[t('kinds.nameVi'), t('reports.system'), t('kinds.threshold'), t('users.actions')]}
        testId="class-kinds"
      >
        {kinds.map((k) => (
          <tr key={k.id}>
            <th scope="row" className="name">
              {k.nameVi}
              {k.nameEn && <span className="muted"> · {k.nameEn}</span>}
            </th>
            <td>{t(`category.${k.category}`)}</td>
            <td className="num">{formatPercent(k.defaultThreshold, i18n.language)}</td>
            <td>
              <button type="button" className="secondary" onClick={() => setEditing(k)}>
                {t('kinds.edit')}
              </button>
            </td>
          </tr>
        ))}
      </WideTable>
    </AppShell>
  );
}

function KindForm({
  kind,
  centre,
  onDone,
}: {
  kind: ClassType | null;
  centre: StoredSession['me']['centre'];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const [refused, setRefused] = useState<Set<string>>(new Set());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const percent = Number(String(data.get('defaultThreshold') ?? '').replace(',', '.'));
    const fields = {
      nameVi: nfc(String(data.get('nameVi') ?? '').trim()),
      nameEn: String(data.get('nameEn') ?? '').trim(),
      category: String(data.get('category')) as ClassCategory,
      // A percentage on screen, a ratio in the record; 0 % would make everyone qualify, so it is refused too.
      defaultThreshold: percent > 0 ? percent / 100 : Number.NaN,
    };
    const problems = await saveRecord(db, centre.id, 'classTypes', kind?.id ?? newId(), kind, fields);
    setRefused(problems);
    if (problems.size === 0) onDone();
  }

  return (
    <form
      className="account-form"
      onSubmit={submit}
      aria-label={kind ? t('kinds.edit') : t('kinds.add')}
      noValidate
    >
      <Field
        label={t('kinds.nameVi')}
        name="nameVi"
        refused={refused}
        defaultValue={kind?.nameVi}
        maxLength={200}
      />
      <Field
        label={t('kinds.nameEn')}
        name="nameEn"
        refused={refused}
        defaultValue={kind?.nameEn}
        maxLength={200}
      />
      <label>
        {t('reports.system')}
        <select name="category" defaultValue={kind?.category ?? 'party'}>
          <CategoryOptions />
        </select>
      </label>
      <Field
        label={t('kinds.thresholdPercent')}
        name="defaultThreshold"
        refused={refused}
        inputMode="decimal"
        defaultValue={String(Math.round((kind?.defaultThreshold ?? centre.settings.defaultThreshold) * 100))}
      />
      <RefusedFields refused={refused} words="kinds.field" />
      <div className="row-actions">
        <button type="submit">{t('users.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('roll.cancel')}
        </button>
      </div>
    </form>
  );
}
