//! Which assessment is open: opening a saved one, starting a new one, closing, and the
//! record's life (review; approval is the approver's, in `handover.rs`). Work that could
//! not be saved is never replaced: it stays open until it is saved or the user chooses
//! another copy.

use super::{Notice, Session};
use crate::assessment::lifecycle;
use crate::assessment::{Assessment, QuestionId};
use crate::compare::{check_chain, compare, Chain, Changes};
use crate::register::Row;
use crate::storage::KeyValue;

impl<K: KeyValue> Session<K> {
    /// True, with a notice, when the open assessment has changes that could not be
    /// saved (saving them is tried first): it must not be replaced yet.
    pub(super) fn holding_unsaved(&mut self, now: f64) -> bool {
        if self.protection == super::Protection::Locked {
            // Nothing may be opened or written before the passphrase is given.
            self.notice = Some(Notice::Locked);
            return true;
        }
        self.save_now(now);
        let Some(open) = self.open.as_ref().filter(|_| self.dirty) else {
            return false;
        };
        self.notice = Some(Notice::HoldingUnsaved {
            title: open.title().to_string(),
        });
        true
    }

    /// Opens a saved assessment. False, with a notice, if it cannot be read, or if the
    /// open one has changes that could not be saved (unless it is that one).
    pub fn open_saved(&mut self, id: &str, now: f64) -> bool {
        if self.holding_unsaved(now) {
            return self.open.as_ref().is_some_and(|a| a.id == id);
        }
        match self.store.load(id) {
            Ok(record) => {
                self.notice = None;
                self.replace_open(record.assessment, Some(record.revision));
                true
            }
            Err(e) => {
                self.notice = Some(Notice::CannotOpen(e));
                false
            }
        }
    }

    /// Opens a new assessment and saves it at once. A blank one gets what the host page
    /// set (the organisation, the approver's usual role). False if the open one has
    /// changes that could not be saved.
    pub fn start(&mut self, mut assessment: Assessment, now: f64) -> bool {
        if self.holding_unsaved(now) {
            return false;
        }
        if assessment.answers.is_empty() {
            if let Some(organisation) = &self.defaults.organisation {
                assessment.set_text(QuestionId::AboutOrganisation, organisation.clone());
            }
            if let Some(role) = &self.defaults.approver_role {
                assessment.set_text(QuestionId::SignOffApprovedRole, role.clone());
            }
            if let Some(settings) = &self.defaults.settings {
                crate::organisation::answering::start_under(&mut assessment, settings);
            }
        }
        self.notice = None;
        self.replace_open(assessment, None);
        self.save_now(now);
        true
    }

    /// Back to the list: anything unsaved is saved first. Work that cannot be saved
    /// stays open in memory (the start page offers to return to it or download it).
    pub fn close(&mut self, now: f64) {
        self.save_now(now);
        if !self.dirty && !self.blocked() {
            self.clear_open();
        }
        self.refresh_lists();
    }

    /// Starts a review of the open (approved) assessment as a new linked draft with the
    /// id `new_id`.
    pub fn start_review(&mut self, new_id: String, now: f64) -> bool {
        let Some(approved) = self.open.as_ref().filter(|a| a.is_read_only()) else {
            return false;
        };
        let review = lifecycle::start_review(approved, new_id, self.today);
        self.start(review, now)
    }

    /// After an approval elsewhere: keeps this tab's changes as a review of the approved
    /// record (a new linked version with the id `new_id`).
    pub fn save_as_review(&mut self, new_id: String, now: f64) -> bool {
        let Some(mine) = self.open.clone() else {
            return false;
        };
        let approved = match self.store.load(&mine.id) {
            Ok(record) => record.assessment,
            Err(e) => {
                self.notice = Some(Notice::CannotOpen(e));
                return false;
            }
        };
        // The changes, on top of the approved record's identity and approval.
        let mut base = mine;
        base.status = approved.status;
        base.version = approved.version;
        base.review_of = approved.review_of.clone();
        base.reviewed = approved.reviewed.clone();
        if let Some(date) = approved.answers.get(QuestionId::SignOffApprovedDate) {
            base.answers
                .set(QuestionId::SignOffApprovedDate, date.clone());
        }
        let mut review = lifecycle::start_review(&base, new_id, self.today);
        // The chain records the approved record as it is, not this tab's changes.
        if let Some(reviewed) = review.reviewed.as_mut() {
            reviewed.digest = crate::assessment::reviewed_digest(&approved);
        }
        self.discard_changes();
        self.start(review, now)
    }

    /// After an approval elsewhere: shows the approved record instead, dropping this
    /// tab's changes.
    pub fn use_approved(&mut self) -> bool {
        let Some(id) = self.open.as_ref().map(|a| a.id.clone()) else {
            return false;
        };
        self.discard_changes();
        match self.store.load(&id) {
            Ok(record) => {
                self.replace_open(record.assessment, Some(record.revision));
                true
            }
            Err(e) => {
                self.notice = Some(Notice::CannotOpen(e));
                false
            }
        }
    }
}

impl<K: KeyValue> Session<K> {
    /// The saved version the open assessment reviews (by its `review_of`), if it is
    /// saved here and can be read: what "What changed" and the report's appendix compare
    /// it with.
    pub fn previous_version(&self) -> Option<Assessment> {
        let of = self.open.as_ref()?.review_of.as_deref()?;
        self.store.load(of).ok().map(|record| record.assessment)
    }

    /// A saved assessment as the register shows it (its row on the start page), worked
    /// out from its record today; `None` if it cannot be read.
    pub fn saved_row(&self, id: &str) -> Option<Row> {
        let record = self.store.load(id).ok()?;
        Some(Row::under(
            &record.assessment,
            self.today,
            &self.trust,
            self.defaults.settings.as_deref(),
        ))
    }

    /// Every assessment saved here that can be read, for the register, and how many
    /// could not be (the start page lists those and says why).
    pub fn saved_assessments(&self) -> (Vec<Assessment>, usize) {
        let mut readable = Vec::with_capacity(self.summaries.len());
        let mut unreadable = 0;
        for summary in &self.summaries {
            match self.store.load(&summary.id) {
                Ok(record) => readable.push(record.assessment),
                Err(_) => unreadable += 1,
            }
        }
        (readable, unreadable)
    }

    /// What changed since the version the open assessment reviews, and whether that saved
    /// copy is exactly the version reviewed; `None` if it is not a review or that version
    /// is not saved here.
    pub fn changes_since_previous(&self) -> Option<(Changes, Chain)> {
        let open = self.open.as_ref()?;
        let previous = self.previous_version()?;
        Some((
            compare(&previous, open, Some(self.today)),
            check_chain(open, &previous),
        ))
    }
}
