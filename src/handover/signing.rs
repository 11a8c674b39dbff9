//! Exactly what an approver signs. The signature (Ed25519, made by WebCrypto in the
//! approver's browser) is over the UTF-8 bytes of the canonical JSON (as for the
//! export's digest) of this object:
//!
//! ```text
//! {"approver":{"algorithm","key","name","organisation","role"},
//!  "by_author":…, "comments":[{"section","text"},…], "content":…, "date":…,
//!  "earlier":…, "format":"lia-decision", "note":…, "round":…, "sent":…,
//!  "verdict":…, "version":1}
//! ```
//!
//! - `content`: the digest of the content decided on (the round's `content`);
//! - `round`: its position in the hand-over (1 for the first), and `sent`: its day;
//! - `earlier`: the SHA-256 of the canonical JSON of the rounds before it as recorded
//!   (with their decisions, signatures and the author's replies; without `as_returned`,
//!   a copy that `content` already binds), so the conversation the approver saw is
//!   covered too;
//! - the decision itself: `verdict`, `by_author`, `date`, `note` and `comments`;
//! - `approver`: who signs, as on their key card (the key included).
//!
//! Everything shown of a decision is in it, so changing any of it (the approver's
//! name, the date, a comment, the round, the content) makes the signature fail.

use crate::json::Value;

use crate::assessment::canonical::{canonical_json, digest_hex};
use crate::assessment::write::{object, text};
use crate::assessment::{Decision, Round};

use super::keycard::Signer;

/// What the signed object's `format` says.
pub const FORMAT: &str = "lia-decision";
/// The version of the signed object's form.
pub const VERSION: u32 = 1;

/// The digest of the rounds before a decision (see the module documentation).
pub fn earlier_digest(earlier: &[Round]) -> String {
    let rounds: Vec<Value> = earlier
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_returned = None;
            crate::assessment::write::round(&r)
        })
        .collect();
    digest_hex(&Value::Array(rounds))
}

/// The bytes signed for `decision` on round `index` of `rounds` (0-based), by `signer`.
/// `None` if there is no such round.
pub fn message(
    rounds: &[Round],
    index: usize,
    decision: &Decision,
    signer: &Signer,
) -> Option<Vec<u8>> {
    let round = rounds.get(index)?;
    let comments = decision
        .comments
        .iter()
        .map(|c| object([("section", text(c.section.key())), ("text", text(&c.text))]))
        .collect();
    let value = object([
        ("approver", signer.identity()),
        ("by_author", Value::Bool(decision.by_author)),
        ("comments", Value::Array(comments)),
        ("content", text(&round.content)),
        ("date", text(&decision.date)),
        ("earlier", text(&earlier_digest(&rounds[..index]))),
        ("format", text(FORMAT)),
        ("note", text(&decision.note)),
        ("round", Value::from(index + 1)),
        ("sent", text(&round.sent)),
        ("verdict", text(decision.verdict.key())),
        ("version", VERSION.into()),
    ]);
    Some(canonical_json(&value).into_bytes())
}

/// Who signed a decision, as it records them (`None` if it is not signed).
pub fn signer_of(decision: &Decision) -> Option<Signer> {
    let signature = decision.signature.as_ref()?;
    Some(Signer {
        name: decision.name.clone(),
        role: decision.role.clone(),
        organisation: decision.organisation.clone(),
        algorithm: signature.algorithm.clone(),
        key: signature.key.clone(),
    })
}
