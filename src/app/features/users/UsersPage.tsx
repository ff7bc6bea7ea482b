// The centre's accounts (staff only): who can sign in, with what role; create an account for an instructor or a
// learner, reset a forgotten password, sign out the devices of a lost phone. These need the server: offline the
// list still shows, the actions wait for a connection.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Role, Roles, type User } from '../../../domain/entities.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useAccounts } from '../../db/office-hooks.ts';
import { ApiRequestError } from '../../sync/http.ts';
import { useSyncStatus } from '../../sync/sync-status.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { useOnline } from '../../ui/useOnline.ts';
import { WideTable } from '../../ui/WideTable.tsx';
import { createAccount, resetPassword, revokeDevices } from './user-actions.ts';

/** The words for a failed call: a taken user name is the one refusal a person can act on directly. */
function useFailureWords() {
  const { t } = useTranslation();
  return (err: unknown) =>
    err instanceof ApiRequestError
      ? t(err.code === 'conflict' ? 'users.taken' : `errors.${err.code}`)
      : t('errors.network');
}

export const UsersPage = staffScreen(UsersPageScreen);

function UsersPageScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const online = useOnline();
  if (!accounts) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{t('users.title')}</h1>
      {!online && <p className="banner">{t('users.offline')}</p>}
      <NewAccountForm token={session.token} learners={accounts.learnersWithoutAccount} online={online} />
      <WideTable
        headings={[t('users.displayName'), t('users.username'), t('users.role'), t('users.actions')]}
        className="users-table"
        testId="accounts"
      >
        {accounts.users.map((u) => (
          <AccountRow
            key={u.id}
            user={u}
            token={session.token}
            online={online}
            isMe={u.id === session.me.user.id}
          />
        ))}
      </WideTable>
    </AppShell>
  );
}

function NewAccountForm({
  token,
  learners,
  online,
}: {
  token: string;
  learners: { id: string; fullName: string; unit: string }[];
  online: boolean;
}) {
  const { t } = useTranslation();
  const failure = useFailureWords();
  const syncNow = useSyncStatus((s) => s.syncNow);
  const [role, setRole] = useState<Role>('instructor');
  const [learnerId, setLearnerId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => String(new FormData(form).get(name) ?? '').trim();
    setBusy(true);
    try {
      const created = await createAccount(token, {
        role,
        username: field('username').toLowerCase(),
        displayName: field('displayName'),
        password: String(new FormData(form).get('password') ?? ''),
        learnerId: role === 'learner' ? learnerId || null : null,
      });
      form.reset();
      setLearnerId('');
      setMessage({ ok: true, text: t('users.created', { username: created.username }) });
      // The account is a record like any other: the next sync brings it to this list and the other devices.
      syncNow();
    } catch (err) {
      setMessage({ ok: false, text: failure(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="account-form" onSubmit={submit} aria-labelledby="new-account">
      <h2 id="new-account">{t('users.new')}</h2>
      <label>
        {t('users.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {Roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'learner' && (
        <label>
          {t('users.learner')}
          <select required value={learnerId} onChange={(e) => setLearnerId(e.target.value)}>
            <option value="">{t('users.chooseLearner')}</option>
            {learners.map((l) => (
              <option key={l.id} value={l.id}>
                {l.fullName}
                {l.unit ? ` — ${l.unit}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('users.displayName')}
        <input name="displayName" required maxLength={120} autoComplete="off" />
      </label>
      <label>
        {t('users.username')}
        <input
          name="username"
          required
          minLength={3}
          maxLength={64}
          pattern="[a-zA-Z0-9._\-]+"
          title={t('users.usernameHint')}
          autoComplete="off"
        />
      </label>
      <NewPasswordInput label={t('users.password')} shown />
      <button type="submit" disabled={!online || busy}>
        {t('users.create')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'field-error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function AccountRow({
  user,
  token,
  online,
  isMe,
}: {
  user: User;
  token: string;
  online: boolean;
  isMe: boolean;
}) {
  const { t } = useTranslation();
  const failure = useFailureWords();
  const [resetting, setResetting] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function act(action: () => Promise<string>) {
    try {
      setMessage({ ok: true, text: await action() });
    } catch (err) {
      setMessage({ ok: false, text: failure(err) });
    }
  }

  return (
    <tr>
      <th scope="row" className="name">
        {user.displayName}
      </th>
      <td>{user.username}</td>
      <td>{t(`roles.${user.role}`)}</td>
      <td>
        {resetting ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const password = String(new FormData(e.currentTarget).get('password') ?? '');
              void act(async () => {
                await resetPassword(token, user.id, password);
                setResetting(false);
                return t('users.passwordReset');
              });
            }}
          >
            <NewPasswordInput label={t('users.newPasswordFor', { name: user.displayName })} />
            <button type="submit" disabled={!online}>
              {t('users.save')}
            </button>
            <button type="button" className="secondary" onClick={() => setResetting(false)}>
              {t('roll.cancel')}
            </button>
          </form>
        ) : (
          <div className="row-actions">
            <button type="button" className="secondary" disabled={!online} onClick={() => setResetting(true)}>
              {t('users.resetPassword')}
            </button>
            {!isMe && (
              <button
                type="button"
                className="secondary"
                disabled={!online}
                onClick={() =>
                  act(async () =>
                    t('users.revoked', { count: (await revokeDevices(token, user.id)).revoked }),
                  )
                }
              >
                {t('users.revoke')}
              </button>
            )}
          </div>
        )}
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'field-error'}>
            {message.text}
          </p>
        )}
      </td>
    </tr>
  );
}

/** A new password field, with the server's length rule (domain NewPassword); its label shown or only spoken. */
function NewPasswordInput({ label, shown = false }: { label: string; shown?: boolean }) {
  const id = useId();
  const input = (
    <input
      id={id}
      name="password"
      type="password"
      required
      minLength={8}
      maxLength={200}
      autoComplete="new-password"
      aria-label={shown ? undefined : label}
    />
  );
  return shown ? (
    <>
      <label htmlFor={id}>{label}</label>
      {input}
    </>
  ) : (
    input
  );
}
