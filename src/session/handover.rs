//! The hand-over for approval in the session: sending the open assessment, the
//! approver's review of a file sent to them (kept in memory, read-only, never saved in
//! the approver's browser), and adopting a returned or approved file into the author's
//! saved record. What each step decides is in `crate::handover`; here is what it does
//! to the open assessment and the store.

use super::import::{log_import, ImportStep};
use super::{Notice, Session};
use crate::assessment::{content_digest, lifecycle, Assessment, Evaluation, ReviewEntry};
use crate::compare::{check_chain, compare, Chain, Changes};
use crate::export::{DigestCheck, Imported};
use crate::handover::{self, merge_rounds, DecisionForm, DecisionProblem, SendRefusal, Stage};
use crate::storage::KeyValue;

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
    /// Once decided: the file to give back.
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

    /// Opens a file waiting for a decision for the approver. Nothing is saved.
    pub(super) fn review_for_approval(&mut self, imported: Imported, file: &str) -> ImportStep {
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
        self.approving = Some(Approving {
            file: file.to_string(),
            evaluation: Evaluation::of(&assessment, Some(self.today)),
            changes,
            stage: handover::stage(&assessment),
            digest: imported.digest,
            assessment,
            earlier,
            decided: None,
        });
        ImportStep::ForApproval
    }

    /// The approver's decision on the file being reviewed: on success the file to give
    /// back is `approving.decided`.
    pub fn decide(&mut self, form: &DecisionForm) -> Result<(), Vec<DecisionProblem>> {
        let today = self.today;
        let Some(approving) = self.approving.as_mut() else {
            return Err(vec![DecisionProblem::NotWaiting]);
        };
        let decided = handover::decide(&approving.assessment, form, today)?;
        approving.decided = Some(decided);
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

    /// A returned or approved file whose assessment is saved here as a draft: the
    /// decision joins the saved record. Returned: its comments show beside the questions
    /// and the author's work since is kept. Approved: the record becomes the approved
    /// version; if the author changed it after sending, those changes are kept as a
    /// review of it. `None` if this is not such a file (it is then imported as usual:
    /// not saved here, approved here already, or changed after its approval).
    pub(super) fn adopt_decision(
        &mut self,
        imported: &Imported,
        file: &str,
        new_id: &str,
        now: f64,
    ) -> Option<ImportStep> {
        let stage = handover::stage(&imported.assessment);
        let decision = match &stage {
            Stage::Returned { decision, .. } => decision.clone(),
            Stage::Approved { decision, .. } if !stage.approval_broken() => decision.clone(),
            _ => return None,
        };
        let id = imported.assessment.id.clone();
        if !self.summaries.iter().any(|s| s.id == id) {
            return None;
        }
        if self.holding_unsaved(now) {
            return Some(ImportStep::Refused);
        }
        let saved = self.store.load(&id).ok()?;
        if saved.assessment.is_read_only() {
            return None;
        }
        let sent = imported.assessment.handover.last()?.content.clone();
        let unchanged = content_digest(&saved.assessment) == sent;
        let rounds = merge_rounds(&saved.assessment.handover, &imported.assessment.handover);
        let mut record = match stage {
            Stage::Approved { .. } => {
                let mut approved = imported.assessment.clone();
                approved.review_log = saved.assessment.review_log.clone();
                approved
            }
            _ => saved.assessment.clone(),
        };
        record.handover = rounds;
        let warnings = log_import(&mut record, imported, file, self.today);
        let mut note = format!(" {}", handover::log_note(&decision, file));
        let approved = matches!(stage, Stage::Approved { .. });
        if !unchanged && !approved {
            note.push_str(" It had been changed here since it was sent: the comments are about the version sent.");
        }
        if let Some(entry) = record.review_log.last_mut() {
            entry.note.push_str(&note);
        }
        if approved && !unchanged {
            // The approved version is what was sent; the author's later changes become
            // the next version, a review of it, saved beside it.
            let review = self.later_changes_as_review(&saved.assessment, &record, new_id);
            let version = review.version;
            if let Err(e) = self.store.save(&review, None, now) {
                self.notice = Some(Notice::CannotOpen(e));
                return Some(ImportStep::Refused);
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
        Some(ImportStep::Opened)
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
