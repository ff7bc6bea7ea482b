// A note being typed on the roll is kept beside the database as it is typed, so a reload, a closed tab or an
// accepted update leaves it half typed where it was instead of gone. localStorage, because a keystroke's write must
// be done before the page can go (an IndexedDB transaction may not be); a note is a line, never much. Saving or
// cancelling the note drops its draft, and so does signing out (the next person on the phone is someone else).
const PREFIX = 'diem-danh.note-draft:';

const draftKey = (sessionId: string, learnerId: string) => `${PREFIX}${sessionId}:${learnerId}`;

/** The drafts of one session's roll, by learner. */
export function readNoteDrafts(sessionId: string, storage: Storage = localStorage): Map<string, string> {
  const prefix = draftKey(sessionId, '');
  const drafts = new Map<string, string>();
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) drafts.set(key.slice(prefix.length), storage.getItem(key) ?? '');
  }
  return drafts;
}

/** `text` null: the note was saved or given up, so its draft goes. */
export function keepNoteDraft(
  sessionId: string,
  learnerId: string,
  text: string | null,
  storage: Storage = localStorage,
): void {
  try {
    if (text === null) storage.removeItem(draftKey(sessionId, learnerId));
    else storage.setItem(draftKey(sessionId, learnerId), text);
  } catch {
    // Storage full or refused: the note still saves normally; only its draft is not kept.
  }
}

export function dropAllNoteDrafts(storage: Storage = localStorage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
  for (const key of keys) if (key.startsWith(PREFIX)) storage.removeItem(key);
}
