// The bytes of attachments (photos of signed sign-in sheets). The record syncs through push and pull; its bytes come
// up here afterwards, once, and are read back by whoever may read the record. A body must match the record's type
// and size, so a half-sent or wrong file is refused rather than stored.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttachmentMime, MAX_ATTACHMENT_BYTES } from '../../domain/entities.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { attachments, files } from '../db/schema.ts';
import { logServerChange } from '../db/server-changes.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

const IdParams = z.strictObject({ id: z.uuid() });

export function registerFileRoutes(app: FastifyInstance, db: Db): void {
  app.addContentTypeParser(
    [...AttachmentMime.options],
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  addRoute(app, {
    method: 'PUT',
    url: '/api/files/:id',
    summary:
      "Upload an attachment's bytes (its record must already be on the server); repeating it is harmless",
    tag: 'files',
    auth: true,
    allow: { entity: 'attachments', action: 'write' },
    bytes: true,
    params: IdParams,
    status: 204,
    handler: async ({ user, params, req }) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw new ApiError(415, 'unsupportedMediaType');
      const [record] = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.id, params.id), visibleRows(db, user, 'attachments', 'write')));
      if (!record) throw notFound();
      if (record.mime !== req.headers['content-type']?.split(';')[0] || record.size !== body.length) {
        throw new ApiError(400, 'badRequest', {
          issues: [{ path: 'body', message: 'type or size differs from the attachment record' }],
        });
      }
      await db.transaction(async (tx) => {
        const stored = await tx
          .insert(files)
          .values({ attachmentId: record.id, bytes: body, uploadedBy: user.id, uploadedAt: new Date() })
          .onConflictDoNothing()
          .returning({ id: files.attachmentId });
        // A repeated upload changes nothing, so it is not a change to log.
        if (stored.length > 0) {
          await logServerChange(tx, user, {
            entity: 'attachments',
            recordId: record.id,
            changes: { file: [null, body.length] },
          });
        }
      });
      return null;
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/files/:id',
    summary: "An attachment's bytes, for those who may read its record (404 until they are uploaded)",
    tag: 'files',
    auth: true,
    allow: { entity: 'attachments', action: 'read' },
    params: IdParams,
    handler: async ({ user, params, reply }) => {
      const [row] = await db
        .select({ mime: attachments.mime, bytes: files.bytes })
        .from(attachments)
        .innerJoin(files, eq(files.attachmentId, attachments.id))
        .where(
          and(
            eq(attachments.id, params.id),
            eq(attachments.deleted, false),
            visibleRows(db, user, 'attachments'),
          ),
        );
      if (!row) throw notFound();
      // An attachment's bytes never change, so the device may keep them.
      reply.type(row.mime).header('cache-control', 'private, max-age=31536000, immutable');
      return Buffer.from(row.bytes);
    },
  });
}
