//! The hand-over for approval in the session: sending the open assessment, the
//! approver's review of a file sent to them (kept in memory, read-only, never saved in
//! the approver's browser), their signed decision, the author's replies to comments, and
//! a returned or approved file joining the author's saved record, only if it is on a
//! round the author sent. What each step decides is in `crate::handover`; here is what
//! it does to the open assessment and the store.

use super::import::{log_import, ImportStep};
use super::{ImportWarning, Notice, Session};
use crate::assessment::accepted::{accept, accepted_warnings, AcceptProblem, AcceptedWarning};
use crate::assessment::{lifecycle, Assessment, Evaluation, ReviewEntry, Section, Verdict};
use crate::compare::{check_chain, compare, Chain, Changes};
use crate::export::{DigestCheck, Imported};
use crate::handover::{
    self, Approver, DecisionForm, DecisionProblem, EarlierRound, Joined, Mismatch, NotJoined,
    ReplyProblem, SendRefusal, Signer, Stage, Trust, TrustSource, Unsigned,
};
use crate::storage::KeyValue;

/// What the approver's later round shows of the version they returned.
#[derive(Clone, Debug, PartialEq)]
pub enum SinceReturned {
    /// What changed from the version returned to this one.
    Changes(Changes),
    /// The file carries no copy of the version returned.
    NoCopy,
    /// The file's copy of the version returned is not what was returned.
    CopyChanged,
}

/// A file sent for approval, open for the approver: read-only, in memory only.
#[derive(Clone, Debug, PartialEq)]
pub struct Approving {
    /// The file's name, as chosen.
    pub file: String,
    /// The assessment as it is in the file.
    pub assessment: Assessment,
    /// Everything the read-only view shows (findings, rows, statuses), worked out once.
    pub evaluation: Evaluation,
    /// Whether the file's own export digest matched.
    pub digest: DigestCheck,
    /// Where the hand-over stands (a file changed since it was sent says so).
    pub stage: Stage,
    /// The approved version this one is a review of, if this browser has it saved: what
    /// the approver compares it with.
    pub earlier: Option<Assessment>,
    /// What changed from `earlier` to the file, and whether `earlier` is exactly the
    /// version the file reviews (the same comparison as "What changed" for an author).
    pub changes: Option<(Changes, Chain)>,
    /// The earlier rounds: the approver's comments, the author's replies, signatures.
    pub rounds: Vec<EarlierRound>,
    /// From the second round: what changed since the version returned.
    pub since_returned: Option<SinceReturned>,
    /// The warnings the author accepted, with their reasons.
    pub accepted: Vec<AcceptedWarning>,
    /// The record is saved in this browser: the author deciding on their own.
    pub author_here: bool,
    /// Opened by its author from "Check your answers" to approve it themselves (where
    /// the organisation allows it): the decision joins their record directly.
    pub own: bool,
    /// A decision made, waiting for its signature.
    pub unsigned: Option<Unsigned>,
    /// Once decided and signed: the file to give back.
    pub decided: Option<Assessment>,
}

impl<K: KeyValue> Session<K> {
    /// Records that the open assessment is sent for approval (saved at once) and returns
    /// it as it is to be written to the file. `None` if nothing is open.
    pub fn send_for_approval(&mut self, now: f64) -> Option<Result<Assessment, SendRefusal>> {
        let open = self.open.as_mut()?;
        let rounds = open.handover.len();
        if let Err(refusal) = handover::send(open, self.today) {
            return Some(Err(refusal));
        }
        if open.handover.len() != rounds {
            self.dirty = true;
        }
        let sent = open.clone();
        self.save_now(now);
        Some(Ok(sent))
    }

    /// The approvers whose signatures count, as the shell read them (the host page's
    /// list and this browser's).
    pub fn set_trust(&mut self, trust: Trust) {
        self.trust = trust;
    }

    pub fn trust(&self) -> &Trust {
        &self.trust
    }

    /// Whether the organisation lets authors approve their own assessments.
    pub fn self_approval(&self) -> bool {
        self.defaults.self_approval
    }

    /// Opens a file waiting for a decision for the approver. Nothing is saved.
    pub(super) fn review_for_approval(&mut self, imported: Imported, file: &str) -> ImportStep {
        let author_here = self
            .summaries
            .iter()
            .any(|s| s.id == imported.assessment.id);
        self.approving = Some(self.approving_of(imported, file, author_here, false));
        ImportStep::ForApproval
    }

    fn approving_of(
        &self,
        imported: Imported,
        file: &str,
        author_here: bool,
        own: bool,
    ) -> Approving {
        let assessment = imported.assessment;
        let earlier = assessment
            .review_of
            .as_ref()
            .and_then(|id| self.store.load(id).ok())
            .map(|record| record.assessment)
            .filter(Assessment::is_read_only);
        let changes = earlier.as_ref().map(|earlier| {
            (
                compare(earlier, &assessment, Some(self.today)),
                check_chain(&assessment, earlier),
            )
        });
        let since_returned = handover::as_returned(&assessment).map(|copy| match copy {
            Ok(returned) => {
                // Both as content: what the hand-over itself changes is not a change.
                let now = crate::assessment::digest::content(&assessment);
                SinceReturned::Changes(compare(returned, &now, Some(self.today)))
            }
            Err(()) => SinceReturned::CopyChanged,
        });
        let rounds = handover::earlier_rounds(&assessment, &self.trust, self.today);
        let since_returned = since_returned.or_else(|| {
            rounds
                .iter()
                .any(|r| r.decision.verdict == Verdict::Returned)
                .then_some(SinceReturned::NoCopy)
        });
        let settings = self.defaults.settings.as_deref();
        let evaluation =
            crate::organisation::evaluate::evaluation(&assessment, settings, Some(self.today));
        Approving {
            file: file.to_string(),
            accepted: accepted_warnings(&assessment, &evaluation.outcome.findings),
            evaluation,
            changes,
            rounds,
            since_returned,
            stage: handover::stage(&assessment),
            digest: imported.digest,
            assessment,
            earlier,
            author_here,
            own,
            unsigned: None,
            decided: None,
        }
    }

    /// The author approves their own assessment (only where the organisation allows
    /// it): it is sent (a round is recorded) and opened in the approver's step, where
    /// they sign the decision like any approver; it joins their record directly.
    pub fn approve_own(&mut self, now: f64) -> Result<(), String> {
        if !self.defaults.self_approval {
            return Err(DecisionProblem::OwnAssessment.message());
        }
        if self.holding_unsaved(now) {
            return Err("Your changes could not be saved yet, so it cannot be approved.".into());
        }
        let sent = match self.send_for_approval(now) {
            Some(Ok(sent)) => sent,
            Some(Err(refusal)) => return Err(refusal.to_string()),
            None => return Err("There is no assessment open.".into()),
        };
        let imported = Imported {
            assessment: sent,
            digest: DigestCheck::Matches,
            migrated_from: None,
            kind: crate::export::FileKind::Json,
            exported_at: None,
        };
        self.approving = Some(self.approving_of(imported, "this browser", true, true));
        Ok(())
    }

    /// The approver's decision on the file being reviewed, signed by `signer` (the key
    /// in this browser; `None` if there is none yet). On success, the bytes the shell
    /// must sign with that key; the signature is then given to `signed`.
    pub fn decide(
        &mut self,
        form: &DecisionForm,
        signer: Option<&Signer>,
    ) -> Result<Vec<u8>, Vec<DecisionProblem>> {
        let today = self.today;
        let self_approval = self.defaults.self_approval;
        let Some(approving) = self.approving.as_mut() else {
            return Err(vec![DecisionProblem::NotWaiting]);
        };
        let findings = crate::organisation::evaluate::findings_under(
            &approving.assessment,
            self.defaults.settings.as_deref(),
            Some(today),
        );
        let approver = Approver {
            signer,
            author_here: approving.author_here,
            self_approval,
            findings: &findings,
        };
        let unsigned = handover::decide(&approving.assessment, form, &approver, today)?;
        let message = unsigned.message.clone();
        approving.unsigned = Some(unsigned);
        Ok(message)
    }

    /// The signature the approver's key made over the bytes `decide` gave: the decision
    /// becomes the file to give back (`approving.decided`), once the signature is shown
    /// to match. The author's own approval joins their record at once.
    pub fn signed(&mut self, signature: &[u8], now: f64) -> Result<(), Mismatch> {
        let Some(approving) = self.approving.as_mut() else {
            return Err(Mismatch::Altered);
        };
        let unsigned = approving.unsigned.take().ok_or(Mismatch::Altered)?;
        let decided = handover::attach(unsigned, signature)?;
        approving.decided = Some(decided.clone());
        if approving.own {
            let imported = Imported {
                assessment: decided,
                digest: DigestCheck::Matches,
                migrated_from: None,
                kind: crate::export::FileKind::Json,
                exported_at: None,
            };
            self.approving = None;
            // Made a moment ago in this browser, on what it sent: it joins whether or not
            // the author's key is on the trusted list (which is still what it shows).
            let mut trust = self.trust.clone();
            let _ = trust.add(approving_signer(&imported.assessment), TrustSource::Browser);
            if let Some(step) =
                self.adopt_decision_with(&imported, "your own approval", "", now, &trust)
            {
                if step == ImportStep::Opened {
                    return Ok(());
                }
            }
            return Err(Mismatch::Altered);
        }
        Ok(())
    }

    /// The approver is done with the file (nothing of it is kept).
    pub fn close_approval(&mut self) {
        self.approving = None;
    }

    /// The file under review opened as an assessment of this browser instead (for an
    /// author checking what they sent): an ordinary import.
    pub fn import_instead(&mut self, new_id: String, now: f64) -> ImportStep {
        let Some(approving) = self.approving.take() else {
            return ImportStep::Refused;
        };
        let imported = Imported {
            assessment: approving.assessment,
            digest: approving.digest,
            migrated_from: None,
            kind: crate::export::FileKind::Json,
            exported_at: None,
        };
        self.import_file(imported, &approving.file, new_id, now)
    }

    /// The author's reply to a comment of the return (`section` `None`: the comment on
    /// the whole assessment), kept with the record and sent with the next round.
    pub fn reply(
        &mut self,
        section: Option<Section>,
        text: &str,
        now: f64,
    ) -> Result<(), ReplyProblem> {
        let open = self.open.as_ref().ok_or(ReplyProblem::NotReturned)?;
        let mut replied = open.clone();
        handover::set_reply(&mut replied, section, text)?;
        if replied.handover != open.handover {
            self.edit(|a| a.handover = replied.handover, now);
        }
        Ok(())
    }

    /// A returned or approved file whose assessment is saved here as a draft. If its
    /// decision is on a round this browser sent (`handover::join`), it joins the saved
    /// record: a return's comments show beside the questions and the author's work since
    /// is kept; an approval makes the record the approved version (the author's changes
    /// since sending are kept as a review of it). If not, it opens as a separate copy
    /// with a warning, and the record is left as it is. `None` if this is not such a
    /// file (it is then imported as usual).
    pub(super) fn adopt_decision(
        &mut self,
        imported: &Imported,
        file: &str,
        new_id: &str,
        now: f64,
    ) -> Option<ImportStep> {
        let trust = self.trust.clone();
        self.adopt_decision_with(imported, file, new_id, now, &trust)
    }

    fn adopt_decision_with(
        &mut self,
        imported: &Imported,
        file: &str,
        new_id: &str,
        now: f64,
        trust: &Trust,
    ) -> Option<ImportStep> {
        let decided = imported
            .assessment
            .handover
            .last()
            .is_some_and(|r| r.decision.is_some());
        let id = imported.assessment.id.clone();
        if !decided || !self.summaries.iter().any(|s| s.id == id) {
            return None;
        }
        if self.holding_unsaved(now) {
            return Some(ImportStep::Refused);
        }
        let saved = self.store.load(&id).ok()?;
        if saved.assessment.is_read_only() {
            return None;
        }
        match handover::join(&saved.assessment, &imported.assessment, trust, self.today) {
            Ok(joined) => Some(self.keep_joined(joined, saved, imported, file, new_id, now)),
            Err(why) => {
                Some(self.separate_copy(imported, file, &saved.assessment, &why, new_id, now))
            }
        }
    }

    fn keep_joined(
        &mut self,
        joined: Joined,
        saved: crate::storage::Record,
        imported: &Imported,
        file: &str,
        new_id: &str,
        now: f64,
    ) -> ImportStep {
        let id = saved.assessment.id.clone();
        let Joined {
            mut record,
            decision,
            changed_since,
            ..
        } = joined;
        let warnings = self.log_import_here(&mut record, imported, file);
        let approved = decision.verdict == Verdict::Approved;
        let mut note = format!(" {}", handover::log_note(&decision, file));
        if changed_since && !approved {
            note.push_str(" It had been changed here since it was sent: the comments are about the version sent.");
        }
        if let Some(entry) = record.review_log.last_mut() {
            entry.note.push_str(&note);
        }
        if approved && changed_since {
            // The approved version is what was sent; the author's later changes become
            // the next version, a review of it, saved beside it.
            let review = self.later_changes_as_review(&saved.assessment, &record, new_id);
            let version = review.version;
            if let Err(e) = self.store.save(&review, None, now) {
                self.notice = Some(Notice::CannotOpen(e));
                return ImportStep::Refused;
            }
            self.notice = Some(Notice::LaterChangesKept { version });
        } else {
            self.notice = None;
        }
        self.replace_open(record, Some(saved.revision));
        self.dirty = true;
        self.save_now(now);
        self.import_warnings = (id, warnings);
        self.refresh_lists();
        ImportStep::Opened
    }

    /// A decision that is not on a round this browser sent: opened beside the record, as
    /// a copy with its own id, with a warning that says why; the record is untouched.
    fn separate_copy(
        &mut self,
        imported: &Imported,
        file: &str,
        mine: &Assessment,
        why: &NotJoined,
        new_id: &str,
        now: f64,
    ) -> ImportStep {
        let mut copy = imported.assessment.clone();
        let mut warnings = self.log_import_here(&mut copy, imported, file);
        let warning = ImportWarning::NotYourRound {
            file: file.to_string(),
            title: mine.title().to_string(),
            why: why.describe(),
        };
        if let Some(entry) = copy.review_log.last_mut() {
            entry.note.push(' ');
            entry.note.push_str(&warning.to_string());
        }
        warnings.insert(0, warning);
        copy.id = new_id.to_string();
        if !self.start(copy, now) {
            return ImportStep::Refused;
        }
        self.import_warnings = (new_id.to_string(), warnings);
        ImportStep::Opened
    }

    fn log_import_here(
        &self,
        a: &mut Assessment,
        imported: &Imported,
        file: &str,
    ) -> Vec<ImportWarning> {
        log_import(
            a,
            imported,
            file,
            self.today,
            &self.trust,
            self.defaults.settings.as_deref(),
        )
    }

    /// The author's record as it is now, made a review of the approved version.
    fn later_changes_as_review(
        &self,
        mine: &Assessment,
        approved: &Assessment,
        new_id: &str,
    ) -> Assessment {
        let mut base = mine.clone();
        base.status = approved.status;
        base.version = approved.version;
        base.review_of = approved.review_of.clone();
        for q in crate::assessment::digest::APPROVAL_ANSWERS {
            match approved.answers.get(q) {
                Some(a) => base.answers.set(q, a.clone()),
                None => base.answers.clear(q),
            }
        }
        let mut review = lifecycle::start_review(&base, new_id, self.today);
        review.review_log.push(ReviewEntry {
            date: self.today.to_string(),
            note: format!(
                "The changes made to version {} after it was sent for approval, kept as a review of the version approved.",
                approved.version
            ),
        });
        review
    }
}

impl<K: KeyValue> Session<K> {
    /// Accepts the open assessment's warning `rule` (with `detail`, for a rule that
    /// finds several things) with a written reason. Only a warning found now can be.
    pub fn accept_warning(
        &mut self,
        rule: &str,
        detail: Option<&str>,
        reason: &str,
        now: f64,
    ) -> Result<(), AcceptProblem> {
        let open = self.open.as_ref().ok_or(AcceptProblem::ReadOnly)?;
        let settings = self.defaults.settings.as_deref();
        let finding = crate::organisation::evaluate::outcome(open, settings, Some(self.today))
            .findings
            .into_iter()
            .find(|f| f.id == rule && f.detail.as_deref() == detail)
            .ok_or(AcceptProblem::NotAWarning)?;
        let mut accepted = open.clone();
        accept(&mut accepted, &finding, reason, self.today)?;
        self.edit(|a| a.accepted = accepted.accepted, now);
        Ok(())
    }

    /// Withdraws the acceptance of a warning: it counts as open again.
    pub fn withdraw_acceptance(&mut self, rule: &str, detail: Option<&str>, now: f64) -> bool {
        let Some(open) = self.open.as_ref() else {
            return false;
        };
        let detail = detail.unwrap_or("");
        if open.is_read_only()
            || !open
                .accepted
                .iter()
                .any(|e| e.rule == rule && e.detail == detail)
        {
            return false;
        }
        self.edit(
            |a| {
                a.accepted
                    .retain(|e| !(e.rule == rule && e.detail == detail))
            },
            now,
        )
    }
}

/// The key card of whoever signed the last decision of `a` (a card that fails its
/// checks is simply not added to a trust list).
fn approving_signer(a: &Assessment) -> crate::handover::KeyCard {
    a.handover
        .last()
        .and_then(|r| r.decision.as_ref())
        .and_then(handover::signing::signer_of)
        .map(|s| s.card())
        .unwrap_or_else(|| {
            Signer {
                name: String::new(),
                role: String::new(),
                organisation: String::new(),
                algorithm: String::new(),
                key: String::new(),
            }
            .card()
        })
}

impl<K: KeyValue> Session<K> {
    /// Seals `text` with the passphrase's key under `label` (the approver's key and the
    /// list of trusted approvers, kept in IndexedDB where every page opened from a file
    /// could read them). `None` unless a passphrase is set and given.
    pub fn seal_secret(&mut self, label: &str, text: &str) -> Option<String> {
        if self.protection != super::Protection::On {
            return None;
        }
        let sealed = self.store.kv_mut().inner_mut();
        let nonce = sealed.next_nonce();
        let key = sealed.take_key()?;
        let out = key.seal(label, text, 0, nonce);
        sealed.set_key(Some(key));
        Some(out)
    }

    /// Opens what `seal_secret` sealed under `label`; `None` if there is no passphrase
    /// given, or it was sealed with another (or changed since, or planted).
    pub fn open_secret(&mut self, label: &str, value: &str) -> Option<String> {
        if self.protection != super::Protection::On {
            return None;
        }
        let sealed = self.store.kv_mut().inner_mut();
        let key = sealed.take_key()?;
        let out = key.open(label, value).ok().map(|(text, _)| text);
        sealed.set_key(Some(key));
        out
    }
}
