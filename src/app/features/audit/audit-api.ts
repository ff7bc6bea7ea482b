// The audit log is the server's (every device's changes meet there): read online, a page at a time.
import { AuditPage, type AuditQuery } from '../../../domain/audit.ts';
import { apiRequest } from '../../sync/http.ts';

export function fetchAuditPage(token: string, query: AuditQuery): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  return apiRequest(`/api/audit?${params}`, { token, schema: AuditPage });
}
