// Pure adjustments applied to a finished report before any renderer sees it, so every format
// gets them alike: branding for the cover, and redaction for reports that leave the room.
import type { Report } from './model.js';

export interface Branding {
  client?: string;
  engagement?: string;
  assessor?: string;
  /** A data: URI of the logo image. */
  logo?: string;
}

export function applyBranding(report: Report, b: Branding): Report {
  const m = report.metadata;
  return {
    ...report,
    metadata: {
      ...m,
      client: b.client ?? m.client,
      engagement: b.engagement ?? m.engagement,
      assessor: b.assessor ?? m.assessor,
      logo: b.logo ?? m.logo,
    },
  };
}

/**
 * Drops notes, evidence and people's names. Notes and evidence are free text that routinely name
 * people, tickets and internal links, so they go whole rather than being scrubbed.
 */
const roleLabelOf = (report: Report, role: string): string => report.respondents.find((r) => r.role === role)?.roleLabel ?? role;

export function redact(report: Report): Report {
  return {
    ...report,
    redacted: true,
    answers: { ...report.answers, file: 'redacted', path: 'redacted' },
    metadata: { ...report.metadata, assessor: null },
    questions: report.questions.map((q) => ({
      ...q,
      note: null,
      evidence: [],
      accepted: q.accepted ? { ...q.accepted, owner: 'redacted' } : null,
      responses: q.responses.map((x) => ({ ...x, name: roleLabelOf(report, x.role) })),
    })),
    // An accepted risk's owner is a person.
    accepted: report.accepted.map((a) => ({ ...a, owner: 'redacted' })),
    // Respondents keep their role and lose their name.
    respondents: report.respondents.map((r) => ({ ...r, name: r.roleLabel, file: 'redacted' })),
    divergent: {
      ...report.divergent,
      items: report.divergent.items.map((d) => ({ ...d, responses: d.responses.map((x) => ({ ...x, name: roleLabelOf(report, x.role) })) })),
    },
  };
}
