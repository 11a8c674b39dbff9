//! Whether a decision, and a record's approval, can be relied on: a pure function of
//! the record's bytes, the list of trusted approvers and today. Worked out again
//! wherever a record is shown (the check page, an import, the register, the start page,
//! both reports), never taken from a file.
//!
//! Four outcomes, and only the first may be shown as "Approved" without a qualifier:
//! signed by a trusted approver; signed by a key not on the trusted list; the signature
//! does not match (with what is wrong); not signed.

use crate::assessment::text::same_person;
use crate::assessment::{
    content_digest, Answer, Assessment, Date, Decision, QuestionId, Status, Verdict,
};
use crate::base64;

use super::keycard::{check_card, CardProblem, Fingerprint, KeyCard, Signer};
use super::signing::{message, signer_of};

/// Where a trusted approver's key card comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrustSource {
    /// The organisation's list, passed by the host page.
    Organisation,
    /// Added in this browser by someone who checked its fingerprint.
    Browser,
}

/// One trusted approver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trusted {
    pub card: KeyCard,
    pub fingerprint: Fingerprint,
    pub source: TrustSource,
}

/// The approvers whose signatures count: the organisation's and this browser's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trust {
    list: Vec<Trusted>,
}

impl Trust {
    /// The lists, each card checked (a card that is not valid is left out, with why).
    pub fn new(
        organisation: &[KeyCard],
        browser: &[KeyCard],
    ) -> (Trust, Vec<(KeyCard, CardProblem)>) {
        let mut trust = Trust::default();
        let mut refused = Vec::new();
        for (cards, source) in [
            (organisation, TrustSource::Organisation),
            (browser, TrustSource::Browser),
        ] {
            for card in cards {
                match trust.add(card.clone(), source) {
                    Ok(()) => {}
                    Err(problem) => refused.push((card.clone(), problem)),
                }
            }
        }
        (trust, refused)
    }

    /// Adds a card (checked first); one already there is not added twice.
    pub fn add(&mut self, card: KeyCard, source: TrustSource) -> Result<(), CardProblem> {
        check_card(&card)?;
        let fingerprint = card.signer().fingerprint();
        if self.get(&fingerprint).is_none() {
            self.list.push(Trusted {
                card,
                fingerprint,
                source,
            });
        }
        Ok(())
    }

    pub fn get(&self, fingerprint: &Fingerprint) -> Option<&Trusted> {
        self.list.iter().find(|t| &t.fingerprint == fingerprint)
    }

    pub fn list(&self) -> &[Trusted] {
        &self.list
    }

    /// The cards added in this browser (what its list keeps).
    pub fn browser_cards(&self) -> Vec<KeyCard> {
        self.list
            .iter()
            .filter(|t| t.source == TrustSource::Browser)
            .map(|t| t.card.clone())
            .collect()
    }

    /// Takes a card added in this browser off the list (the organisation's stay).
    pub fn remove(&mut self, fingerprint: &Fingerprint) -> bool {
        let before = self.list.len();
        self.list
            .retain(|t| !(t.source == TrustSource::Browser && &t.fingerprint == fingerprint));
        self.list.len() != before
    }
}

/// What is wrong with a signature that does not match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The content is not what was signed: its digest is no longer the one signed.
    ContentChanged,
    /// The decision, the approver or the round were changed after signing.
    Altered,
    /// The signature of the decision of another round (1-based), copied here.
    Replayed {
        from_round: usize,
    },
    /// Dated after today.
    FutureDate(String),
    /// Its date is not a date.
    BadDate(String),
    /// Dated before the round was sent.
    BeforeSent(String),
    /// The sign-off's approver, role or approval date is not the decision's.
    SignOffAltered,
    UnknownAlgorithm(String),
    /// The public key is not a valid Ed25519 key.
    BadKey,
    /// The signature is not base64 of 64 bytes.
    BadSignature,
}

impl Mismatch {
    /// What is wrong, as the end of a sentence.
    pub fn describe(&self) -> String {
        match self {
            Mismatch::ContentChanged => "the assessment was changed after it was signed: its content is no longer what the approver signed".into(),
            Mismatch::Altered => "the decision, the approver's name, role or organisation, its date, its comments, its round or the content it was made on were changed after it was signed".into(),
            Mismatch::Replayed { from_round } => format!(
                "it is the signature of the decision of round {from_round}, copied into another round: a decision is valid only for the round and content it was made on"
            ),
            Mismatch::FutureDate(date) => format!(
                "it is dated {}, which is after today: a decision cannot be dated in the future",
                long(date)
            ),
            Mismatch::BeforeSent(date) => format!(
                "it is dated {}, before the assessment was sent for approval",
                long(date)
            ),
            Mismatch::BadDate(date) => format!(
                "its date, “{}”, is not a date",
                date.chars().take(40).collect::<String>()
            ),
            Mismatch::UnknownAlgorithm(alg) => format!(
                "it uses the signature algorithm “{}”, which this tool does not know (it uses Ed25519)",
                alg.chars().take(40).collect::<String>()
            ),
            Mismatch::SignOffAltered => "the approver's name, role or approval date in the sign-off section is not the one signed".into(),
            Mismatch::BadKey => "its public key is not a valid Ed25519 key".into(),
            Mismatch::BadSignature => "its signature is not an Ed25519 signature (64 bytes in base64)".into(),
        }
    }
}

/// Whether a decision's signature can be relied on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verification {
    /// Signed by a trusted approver: the signature matches, with a key on the list.
    Trusted {
        signer: Signer,
        fingerprint: Fingerprint,
        source: TrustSource,
    },
    /// The signature matches, but the key is not on the trusted list.
    NotTrusted {
        signer: Signer,
        fingerprint: Fingerprint,
    },
    /// The signature does not match.
    DoesNotMatch(Mismatch),
    /// No signature.
    NotSigned,
}

impl Verification {
    pub fn is_trusted(&self) -> bool {
        matches!(self, Verification::Trusted { .. })
    }

    /// The signature matches the decision and the key it names (trusted or not).
    pub fn matches(&self) -> bool {
        matches!(
            self,
            Verification::Trusted { .. } | Verification::NotTrusted { .. }
        )
    }

    /// The outcome in a few words, as a tag or a table cell shows it.
    pub fn label(&self) -> &'static str {
        match self {
            Verification::Trusted { .. } => "Signed by a trusted approver",
            Verification::NotTrusted { .. } => "Signed by a key not on the trusted list",
            Verification::DoesNotMatch(_) => "Signature does not match",
            Verification::NotSigned => "Not signed",
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            Verification::Trusted { .. } => "trusted",
            Verification::NotTrusted { .. } => "not-trusted",
            Verification::DoesNotMatch(_) => "does-not-match",
            Verification::NotSigned => "not-signed",
        }
    }

    /// The fingerprint of the key that signed, where the signature matches.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        match self {
            Verification::Trusted { fingerprint, .. }
            | Verification::NotTrusted { fingerprint, .. } => Some(*fingerprint),
            _ => None,
        }
    }
}

/// Verifies the decision of round `index` (0-based) of `a`. An approval must also be
/// for the content as it is now; a return is about the content as it was sent (the
/// author changes it afterwards), so only its signature is checked.
pub fn verify_decision(a: &Assessment, index: usize, trust: &Trust, today: Date) -> Verification {
    let Some(decision) = a.handover.get(index).and_then(|r| r.decision.as_ref()) else {
        return Verification::NotSigned;
    };
    let Some(signature) = &decision.signature else {
        return Verification::NotSigned;
    };
    let signer = signer_of(decision).expect("signed");
    let key_bytes = match signer.key_bytes() {
        Ok(bytes) => bytes,
        Err(CardProblem::UnknownAlgorithm(alg)) => {
            return Verification::DoesNotMatch(Mismatch::UnknownAlgorithm(alg))
        }
        Err(_) => return Verification::DoesNotMatch(Mismatch::BadKey),
    };
    let Some(signature_bytes) =
        base64::decode(&signature.value).and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return Verification::DoesNotMatch(Mismatch::BadSignature);
    };
    // The same signature as an earlier round's decision: copied from there.
    if let Some(k) = a.handover[..index].iter().position(|r| {
        r.decision
            .as_ref()
            .and_then(|d| d.signature.as_ref())
            .is_some_and(|s| s.value == signature.value)
    }) {
        return Verification::DoesNotMatch(Mismatch::Replayed { from_round: k + 1 });
    }
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&key_bytes) else {
        return Verification::DoesNotMatch(Mismatch::BadKey);
    };
    let sig = ed25519_dalek::Signature::from_bytes(&signature_bytes);
    let holds = |k: usize| {
        message(&a.handover, k, decision, &signer)
            .is_some_and(|m| key.verify_strict(&m, &sig).is_ok())
    };
    if !holds(index) {
        // Signed for another round of this record: a replay, named as such.
        return match (0..a.handover.len()).find(|&k| k != index && holds(k)) {
            Some(k) => Verification::DoesNotMatch(Mismatch::Replayed { from_round: k + 1 }),
            None => Verification::DoesNotMatch(Mismatch::Altered),
        };
    }
    match Date::parse(&decision.date) {
        None => return Verification::DoesNotMatch(Mismatch::BadDate(decision.date.clone())),
        Some(date) if date > today => {
            return Verification::DoesNotMatch(Mismatch::FutureDate(decision.date.clone()))
        }
        Some(date) if Date::parse(&a.handover[index].sent).is_some_and(|sent| date < sent) => {
            return Verification::DoesNotMatch(Mismatch::BeforeSent(decision.date.clone()))
        }
        Some(_) => {}
    }
    if decision.verdict == Verdict::Approved {
        if content_digest(a) != a.handover[index].content {
            return Verification::DoesNotMatch(Mismatch::ContentChanged);
        }
        // The sign-off repeats who approved it and when: it must say what was signed.
        let answer = |q: QuestionId| match a.answers.get(q) {
            Some(Answer::Text(t)) => t.trim(),
            _ => "",
        };
        if answer(QuestionId::SignOffApprovedName) != decision.name.trim()
            || answer(QuestionId::SignOffApprovedRole) != decision.role.trim()
            || answer(QuestionId::SignOffApprovedDate) != decision.date
        {
            return Verification::DoesNotMatch(Mismatch::SignOffAltered);
        }
    }
    let fingerprint = signer.fingerprint();
    match trust.get(&fingerprint) {
        Some(t) => Verification::Trusted {
            signer,
            fingerprint,
            source: t.source,
        },
        None => Verification::NotTrusted {
            signer,
            fingerprint,
        },
    }
}

/// A record's approval as it can be relied on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approval {
    /// The round approved (1-based); `None` for a record marked approved without the
    /// hand-over.
    pub round: Option<usize>,
    pub decision: Option<Decision>,
    pub verification: Verification,
    /// Approved by the person who wrote it: said so wherever it is shown.
    pub by_author: bool,
}

/// The approval `a` claims (its last round approved, or its status), verified; `None`
/// when it claims none.
pub fn approval(a: &Assessment, trust: &Trust, today: Date) -> Option<Approval> {
    let last = a.handover.len().checked_sub(1);
    let approved_round = last.filter(|&i| {
        a.handover[i]
            .decision
            .as_ref()
            .is_some_and(|d| d.verdict == Verdict::Approved)
    });
    match approved_round {
        Some(i) => {
            let decision = a.handover[i].decision.clone().expect("decided");
            Some(Approval {
                round: Some(i + 1),
                by_author: by_author(a, &decision),
                verification: verify_decision(a, i, trust, today),
                decision: Some(decision),
            })
        }
        None if a.status == Status::Approved => Some(Approval {
            round: None,
            decision: None,
            verification: Verification::NotSigned,
            by_author: false,
        }),
        None => None,
    }
}

/// Whether `decision` was made by the author of `a`: it says so, or the approver's name
/// is the name of who completed it.
pub fn by_author(a: &Assessment, decision: &Decision) -> bool {
    let author = match a.answers.get(QuestionId::SignOffCompletedName) {
        Some(Answer::Text(name)) => name.as_str(),
        _ => "",
    };
    decision.by_author || same_person(&decision.name, author)
}

impl Approval {
    /// Whether it may be shown as "Approved" without a qualifier.
    pub fn holds(&self) -> bool {
        self.verification.is_trusted()
    }

    /// The approval in a sentence or two, for the record, its import, both reports and
    /// the Word document: who, when, and whether the signature can be relied on.
    pub fn describe(&self) -> String {
        let who = self.decision.as_ref().map(|d| {
            if self.by_author {
                format!("by its author, {}, on {}", d.who(), d.date_long())
            } else {
                format!("by {} on {}", d.who(), d.date_long())
            }
        });
        match (&self.verification, who) {
            (Verification::Trusted { fingerprint, source, .. }, Some(who)) => format!(
                "Approved {who}{}. Signed by a trusted approver: the signature matches this content and decision, and the key (fingerprint {fingerprint}) is on {}.",
                if self.by_author { ", as the organisation's settings allow" } else { "" },
                match source {
                    TrustSource::Organisation => "the organisation's list of approvers",
                    TrustSource::Browser => "the list of trusted approvers kept in this browser",
                }
            ),
            (Verification::NotTrusted { fingerprint, .. }, Some(who)) => format!(
                "Marked approved {who}, signed by a key not on the trusted list (fingerprint {fingerprint}). The signature matches, but nothing here shows the key is theirs: check the fingerprint with them before relying on this approval."
            ),
            (Verification::DoesNotMatch(why), Some(who)) => format!(
                "Marked approved {who}, but the signature does not match: {}. Do not rely on it as the approved record.",
                why.describe()
            ),
            (_, Some(who)) => format!(
                "Marked approved {who}, but not signed: nothing shows who approved it, or that this is what they approved. Do not rely on it as the approved record."
            ),
            (_, None) => "Marked approved, but not signed and not approved through the hand-over: nothing shows who approved it, or that this is what they approved. Do not rely on it as the approved record.".into(),
        }
    }

    /// "Approved", "Approved by its author", or what stands in its way, for a status.
    pub fn status_label(&self) -> &'static str {
        match (&self.verification, self.by_author) {
            (Verification::Trusted { .. }, false) => "Approved",
            (Verification::Trusted { .. }, true) => "Approved by its author",
            (Verification::NotTrusted { .. }, _) => {
                "Approval signed by a key not on the trusted list"
            }
            (Verification::DoesNotMatch(Mismatch::ContentChanged), _) => "Changed after approval",
            (Verification::DoesNotMatch(_), _) => "Approval signature does not match",
            (Verification::NotSigned, _) => "Approval not signed",
        }
    }
}

fn long(date: &str) -> String {
    Date::parse(date).map_or_else(|| date.to_string(), Date::long)
}
