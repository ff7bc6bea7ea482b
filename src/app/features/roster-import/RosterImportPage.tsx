// "Nhập danh sách" (/lop/:classId/nhap-danh-sach): centre staff download the template, pick a filled-in .xlsx or
// CSV, see every row with what will happen to it and every problem, and save the whole list at once or not at all.
import { type ChangeEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canImport, countPreview, previewRosterImport } from '../../../domain/roster-import.ts';
import type { ClassRoster } from '../../db/class-roster.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassRoster } from '../../db/hooks.ts';
import { localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { saveFile } from '../../ui/save-file.ts';
import { importRoster } from './import-roster.ts';
import { RosterPreviewTable } from './RosterPreviewTable.tsx';
import { type FileRead, readRosterFile } from './read-roster-file.ts';
import { buildRosterTemplate, TEMPLATE_FILE_NAME } from './roster-template.ts';

const ACCEPTED =
  '.xlsx,.csv,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

export const RosterImportPage = staffScreen(RosterImportScreen);

function RosterImportScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const roster = useClassRoster(classId);
  const body =
    roster === undefined ? (
      <p>{t('common.loading')}</p>
    ) : roster === null ? (
      <p>{t('rosterImport.notOnDevice')}</p>
    ) : (
      <RosterImport roster={roster} centreId={session.me.centre.id} />
    );
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('rosterImport.back')}
      </Link>
      {body}
    </AppShell>
  );
}

type Saving = { kind: 'saving' } | { kind: 'saved'; created: number; enrolled: number } | { kind: 'failed' };

function RosterImport({ roster, centreId }: { roster: ClassRoster; centreId: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const [file, setFile] = useState<FileRead | null>(null);
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState<Saving | null>(null);
  const today = localToday();
  const { cls } = roster;
  // Made again whenever the device's learners change (a sync, or this import saved): saved rows then show as
  // already in the class.
  const preview = useMemo(
    () => (file?.ok ? previewRosterImport(file.rows, roster, today) : null),
    [file, roster, today],
  );
  const fileProblem = file && !file.ok ? file.problem : preview && !preview.ok ? preview.problem : null;
  const counts = preview?.ok ? countPreview(preview.rows) : null;

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again after fixing it
    if (!chosen) return;
    setSaving(null);
    setReading(true);
    try {
      setFile(await readRosterFile(chosen));
    } catch {
      // The browser could not read the file at all (moved, or a cloud file not downloaded).
      setFile({ ok: false, problem: 'notSpreadsheet' });
    } finally {
      setReading(false);
    }
  }

  async function save() {
    if (!file?.ok) return;
    setSaving({ kind: 'saving' });
    try {
      const outcome = await importRoster(db, { classId: cls.id, centreId, today }, file.rows);
      setSaving(outcome.saved ? { kind: 'saved', ...outcome } : null);
    } catch {
      setSaving({ kind: 'failed' });
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('rosterImport.title')}</h1>
      <p className="card-title">
        <span className="code">{cls.code}</span> {cls.name}
      </p>
      <p className="hint">{t('rosterImport.intro')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          onClick={async () => saveFile(await buildRosterTemplate(), TEMPLATE_FILE_NAME)}
        >
          {t('rosterImport.template')}
        </button>
        <label className="button">
          {t('rosterImport.pick')}
          <input type="file" accept={ACCEPTED} className="visually-hidden" onChange={picked} />
        </label>
      </div>
      <p className="hint">{t('rosterImport.templateHint')}</p>
      {reading && <p>{t('rosterImport.reading')}</p>}
      {fileProblem && (
        <p className="error" role="alert">
          {t(`rosterImport.fileProblem.${fileProblem}`)}
        </p>
      )}
      {preview?.ok && counts && (
        <>
          <p className="import-summary">
            {t('rosterImport.summary', { rows: preview.rows.length, ...counts })}
          </p>
          {counts.invalid > 0 && (
            <p className="error" role="alert">
              {t('rosterImport.mustFix')}
            </p>
          )}
          {counts.invalid === 0 && counts.new + counts.matched === 0 && saving?.kind !== 'saved' && (
            <p className="hint">{t('rosterImport.nothingToAdd')}</p>
          )}
          <button type="button" disabled={!canImport(preview) || saving?.kind === 'saving'} onClick={save}>
            {saving?.kind === 'saving'
              ? t('rosterImport.saving')
              : t('rosterImport.commit', { count: counts.new + counts.matched })}
          </button>
          {saving?.kind === 'saved' && (
            <p className="synced" role="status">
              {t('rosterImport.saved', { created: saving.created, enrolled: saving.enrolled })}
            </p>
          )}
          {saving?.kind === 'failed' && (
            <p className="error" role="alert">
              {t('rosterImport.saveFailed')}
            </p>
          )}
          <RosterPreviewTable rows={preview.rows} />
        </>
      )}
    </section>
  );
}
