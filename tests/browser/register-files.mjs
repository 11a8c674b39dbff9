// Record files for the register tests and the benchmark, made here in Node: each an
// export envelope with the assessment's digest computed independently (file-helpers),
// reviews with the digest of the version they review (its assessment without the review
// log), review dates set relative to a given day.
import { digestOf } from './file-helpers.mjs';
import { SCHEMA_VERSION, EXPORT_FORMAT } from '../../scripts/app-facts.mjs';

/** The JSON export of an assessment, as the tool writes it (pretty-printed). */
export function exportOf(assessment) {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      schema_version: SCHEMA_VERSION,
      app_version: 'test',
      exported_at: '2026-11-22T10:00:00Z',
      assessment,
      digest: { algorithm: 'sha256', value: digestOf(assessment) },
    },
    null,
    2,
  );
}

/** The digest a review records of the version it reviews: without its review log. */
export function reviewedDigest(assessment) {
  const { review_log: _log, ...rest } = assessment;
  return digestOf(rest);
}

/** `yyyy-mm-dd` for `days` after `today` (itself `yyyy-mm-dd`). */
export function addDays(today, days) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * An assessment with the answers a register shows: title, organisation, the decision,
 * the approver and dates; `review` is days from today (null for none).
 */
export function record(today, i, { title, status = 'draft', review = null, organisation, approver, filler = '' } = {}) {
  const answers = {
    'about.title': title ?? `Assessment ${String(i).padStart(3, '0')}`,
    'about.organisation': organisation ?? `Organisation ${i % 7}`,
    'about.description': `Processing number ${i}. ${filler}`,
    'decision.rely': ['yes', 'no', 'undecided'][i % 3],
  };
  if (review !== null) answers['sign-off.review-date'] = addDays(today, review);
  if (status === 'approved') {
    answers['sign-off.approved-name'] = approver ?? `Approver ${i % 5}`;
    answers['sign-off.approved-date'] = addDays(today, -400 - i);
  }
  return { id: `rec-${i}`, version: 1, status, answers, impacts: [] };
}

/** The digest of what an approval approves (docs/schema.md, "The hand-over for approval"). */
export function contentDigest(assessment) {
  const { review_log: _log, handover: _rounds, ...rest } = structuredClone(assessment);
  for (const key of ['sign-off.approved-name', 'sign-off.approved-role', 'sign-off.approved-date']) delete rest.answers[key];
  return digestOf({ ...rest, id: '', status: 'draft' });
}

/**
 * The five files a DPO keeps of one assessment's first version, as the hand-over writes
 * them: the draft, the copy sent for approval, the copy returned with a comment, the copy
 * sent again after a change, and the approval. Each `{ name, assessment }`.
 */
export function lifeOfOne(today) {
  const draft = record(today, 300, { title: 'Staff emergency contacts', review: 120 });
  const sent = structuredClone(draft);
  sent.handover = [{ sent: today, content: contentDigest(draft) }];
  const returned = structuredClone(sent);
  returned.handover[0].decision = { verdict: 'returned', name: 'Sam Patel', role: 'DPO', date: today, note: 'Say more about the benefit.' };
  const resent = structuredClone(returned);
  resent.answers['purpose.benefit'] = 'Staff safety: someone close hears quickly.';
  resent.handover.push({ sent: today, content: contentDigest(resent) });
  const approved = structuredClone(resent);
  approved.status = 'approved';
  Object.assign(approved.answers, { 'sign-off.approved-name': 'Sam Patel', 'sign-off.approved-role': 'DPO', 'sign-off.approved-date': today });
  approved.handover[1].decision = { verdict: 'approved', name: 'Sam Patel', role: 'DPO', date: today };
  return [
    { name: 'contacts-draft.json', assessment: draft },
    { name: 'contacts-sent.json', assessment: sent },
    { name: 'contacts-returned.json', assessment: returned },
    { name: 'contacts-resent.json', assessment: resent },
    { name: 'contacts-approved.json', assessment: approved },
  ];
}
