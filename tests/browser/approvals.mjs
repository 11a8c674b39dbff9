// Approvals made outside the app, for the browser tests: an approver with an Ed25519 key
// (Node's crypto), their key card, and a file approved and signed exactly as
// docs/schema.md ("Signed decisions", "A key card") says, written here independently
// of the app's code. A test that imports such a file and sees "Signed by a trusted
// approver" checks the documented bytes as well as the app.
import crypto from 'node:crypto';
import { canonicalJson, digestOf } from './file-helpers.mjs';
import { exportOf } from './register-files.mjs';

const APPROVAL_ANSWERS = ['sign-off.approved-name', 'sign-off.approved-role', 'sign-off.approved-date'];

/** An approver: a fresh Ed25519 key, and the key card for `name`, `role`, `organisation`. */
export function makeApprover({ name, role = '', organisation = '' }) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const key = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64');
  const identity = { algorithm: 'Ed25519', key, name, organisation, role };
  const fingerprint = crypto
    .createHash('sha256')
    .update(canonicalJson(identity), 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('hex')
    .toUpperCase()
    .match(/.{4}/g)
    .join(' ');
  const card = { format: 'lia-approver-key', version: 1, name, role, organisation, algorithm: 'Ed25519', key, fingerprint };
  return { card, privateKey, identity };
}

/** The key card as a file to choose. */
export function cardFile(approver, name = 'lia-approver-key-test.json') {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(approver.card, null, 2)) };
}

/** The digest of the content an approval approves (docs/schema.md, "The hand-over"). */
export function contentDigest(assessment) {
  const content = structuredClone(assessment);
  content.id = '';
  content.status = 'draft';
  delete content.review_log;
  delete content.handover;
  for (const q of APPROVAL_ANSWERS) delete content.answers[q];
  return digestOf(content);
}

/**
 * `assessment` (the value of an export's "assessment") approved by `approver` on `date`
 * (yyyy-mm-dd): sent in a new round unless its last round is waiting, then decided and
 * signed.
 */
export function approve(assessment, approver, date) {
  const a = structuredClone(assessment);
  a.handover ??= [];
  const last = a.handover.at(-1);
  if (!last || last.decision) a.handover.push({ sent: date, content: contentDigest(a) });
  const index = a.handover.length - 1;
  const round = a.handover[index];
  const { name, role, organisation } = approver.card;
  const earlier = digestOf(a.handover.slice(0, index).map(({ as_returned, ...r }) => r));
  const message = canonicalJson({
    approver: approver.identity,
    by_author: false,
    comments: [],
    content: round.content,
    date,
    earlier,
    format: 'lia-decision',
    note: '',
    round: index + 1,
    sent: round.sent,
    verdict: 'approved',
    version: 1,
  });
  const value = crypto.sign(null, Buffer.from(message, 'utf8'), approver.privateKey).toString('base64');
  round.decision = {
    verdict: 'approved',
    name,
    role,
    ...(organisation ? { organisation } : {}),
    date,
    signature: { algorithm: 'Ed25519', key: approver.card.key, value },
  };
  a.answers['sign-off.approved-name'] = name;
  a.answers['sign-off.approved-role'] = role;
  a.answers['sign-off.approved-date'] = date;
  a.status = 'approved';
  return a;
}

/** An export file (JSON) of `assessment` approved by `approver`. */
export function approvedFile(assessment, approver, date, name = 'approved.json') {
  return { name, mimeType: 'application/json', buffer: Buffer.from(exportOf(approve(assessment, approver, date))) };
}

/** The assessment a downloaded export or report carries. */
export function assessmentOf(text) {
  if (text.trimStart().startsWith('{')) return JSON.parse(text).assessment;
  const match = text.match(/<script type="application\/json" id="lia-assessment">([\s\S]*?)<\/script>/);
  return JSON.parse(match[1]).assessment;
}
