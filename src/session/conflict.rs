//! Another tab or window: what its changes to storage mean for the open assessment. A
//! save that meets its newer version merges the two against the version both started
//! from (`merge.rs`): edits to different questions are both kept without asking; only
//! edits to the same question wait for the user's choice (keep mine, use theirs, keep
//! both), and the version not kept is offered as a download. Nothing already saved is
//! overwritten without the user's choice, and nothing typed here is replaced.

use super::merge::merge;
use super::{Notice, Problem, SaveStatus, Session};
use crate::assessment::{Assessment, ReviewEntry};
use crate::storage::{Change, Conflict, KeyValue, StoreError, Theirs};

/// How many times in a row a merge is written over a version that keeps changing,
/// before the user is asked instead.
const MERGE_ATTEMPTS: usize = 3;

impl<K: KeyValue> Session<K> {
    /// Another tab changed `key` of storage (`None`: storage was cleared).
    pub fn external_change(&mut self, key: Option<&str>, now: f64) {
        let Some(change) = self.store.change(key) else {
            return;
        };
        self.refresh_lists();
        let Some(open_id) = self.open.as_ref().map(|a| a.id.clone()) else {
            return;
        };
        let concerns_open = match change {
            Change::Assessment(id) => id == open_id,
            Change::Everything => true,
            _ => false,
        };
        if !concerns_open {
            return;
        }
        if self.dirty {
            // Saving now meets the other tab's revision and asks which to keep.
            self.save_now(now);
            return;
        }
        match self.store.load(&open_id) {
            Ok(theirs) => {
                let changed = self.open.as_ref() != Some(&theirs.assessment);
                // In place: the fields show the new answers, and keep the keyboard.
                self.update_open(theirs.assessment, theirs.revision);
                if changed {
                    self.notice = Some(Notice::ChangedElsewhere);
                }
            }
            Err(StoreError::NotFound { .. }) => {
                self.base_revision = None;
                self.dirty = true;
                self.notice = Some(Notice::DeletedElsewhere);
            }
            Err(e) => self.status = SaveStatus::NotSaved(Problem::Store(e)),
        }
    }

    /// A save met a version saved elsewhere. A version this tab's can be merged with is
    /// merged and written at once when nothing clashes; otherwise the user is asked.
    pub(super) fn met_another_version(&mut self, mut conflict: Conflict, now: f64) {
        for _ in 0..MERGE_ATTEMPTS {
            let Some(merged) = self.merge_with(&conflict) else {
                break;
            };
            if !merged.clashes.is_empty() {
                self.clashes = merged.clashes;
                break;
            }
            match self.write_settled(merged.keeping_mine, &conflict, now) {
                Ok(()) => {
                    self.notice = Some(Notice::MergedFromElsewhere);
                    return;
                }
                // Saved again meanwhile: merge with that.
                Err(newer) => conflict = *newer,
            }
        }
        self.status = SaveStatus::NotSaved(Problem::Store(StoreError::Conflict(Box::new(
            conflict.clone(),
        ))));
        self.conflict = Some(conflict);
    }

    /// The merge of this tab's version with the other's, when both come from the
    /// version this tab last loaded or saved.
    fn merge_with(&self, conflict: &Conflict) -> Option<super::Merged> {
        let (Theirs::Changed(theirs), Some(base), Some(mine)) =
            (&conflict.theirs, &self.base_copy, &self.open)
        else {
            return None;
        };
        merge(base, mine, &theirs.assessment)
    }

    /// Writes a settled version over the one the conflict showed, and shows it here in
    /// place. `Err` with the newer conflict if storage changed again meanwhile; other
    /// failures are reported in the status and the work kept.
    fn write_settled(
        &mut self,
        settled: Assessment,
        conflict: &Conflict,
        now: f64,
    ) -> Result<(), Box<Conflict>> {
        if let Theirs::Changed(theirs) = &conflict.theirs {
            if theirs.assessment == settled {
                // Nothing of this tab's is left to add: their version stands as saved.
                self.conflict = None;
                self.clashes.clear();
                self.update_open(settled, theirs.revision);
                return Ok(());
            }
        }
        match self.store.keep_mine(&settled, conflict, now) {
            Ok(saved) => {
                self.conflict = None;
                self.clashes.clear();
                self.open = Some(settled);
                self.saved(saved.revision);
                Ok(())
            }
            Err(StoreError::Conflict(newer)) => Err(newer),
            Err(e @ StoreError::ReadOnly { .. }) => {
                self.conflict = None;
                self.clashes.clear();
                self.status = SaveStatus::NotSaved(Problem::Store(e));
                self.approved_elsewhere = true;
                Ok(())
            }
            Err(e) => {
                self.conflict = None;
                self.clashes.clear();
                self.status = SaveStatus::NotSaved(Problem::Store(e));
                self.save_due = Some(now + super::RETRY_DELAY_MS);
                Ok(())
            }
        }
    }

    /// Shows `assessment`, stored as `revision`, in place of the open one without
    /// replacing the page (no unsaved changes here are lost: there are none).
    pub(super) fn update_open(&mut self, mut assessment: Assessment, revision: u64) {
        assessment.renumber_duplicate_impacts();
        self.open = Some(assessment);
        self.base_revision = Some(revision);
        self.base_copy = self.open.clone();
        self.dirty = false;
        self.status = self.in_store_status();
    }

    /// Settles a clash: `mine` keeps this tab's answers where both changed the same
    /// thing, otherwise the other tab's. Edits that did not clash are kept either way,
    /// and the version not kept is offered as a download.
    fn settle(&mut self, mine: bool, now: f64) {
        let Some(conflict) = self.conflict.clone() else {
            return;
        };
        let Some(merged) = self.merge_with(&conflict) else {
            return self.settle_unmerged(mine, conflict, now);
        };
        let not_kept = match &conflict.theirs {
            Theirs::Changed(theirs) if mine => theirs.assessment.clone(),
            _ => self
                .open
                .clone()
                .unwrap_or_else(|| merged.keeping_mine.clone()),
        };
        let settled = if mine {
            merged.keeping_mine
        } else {
            merged.keeping_theirs
        };
        match self.write_settled(settled, &conflict, now) {
            Ok(()) => self.not_kept = Some(not_kept),
            // Changed yet again: merge with that, and ask again if it still clashes.
            Err(newer) => self.met_another_version(*newer, now),
        }
    }

    /// Keep mine or use theirs when the versions cannot be merged: the other tab's is
    /// not a version of what this tab loaded, was deleted, or is damaged.
    fn settle_unmerged(&mut self, mine: bool, conflict: Conflict, now: f64) {
        if mine {
            let Some(open) = self.open.as_ref() else {
                return;
            };
            let theirs = match &conflict.theirs {
                Theirs::Changed(record) => Some(record.assessment.clone()),
                _ => None,
            };
            match self.store.keep_mine(open, &conflict, now) {
                Ok(saved) => {
                    self.conflict = None;
                    self.not_kept = theirs;
                    self.saved(saved.revision);
                }
                Err(StoreError::Conflict(newer)) => self.met_another_version(*newer, now),
                Err(e @ StoreError::ReadOnly { .. }) => {
                    self.conflict = None;
                    self.status = SaveStatus::NotSaved(Problem::Store(e));
                    self.approved_elsewhere = true;
                }
                Err(e) => {
                    self.conflict = None;
                    self.status = SaveStatus::NotSaved(Problem::Store(e));
                    self.save_due = Some(now + super::RETRY_DELAY_MS);
                }
            }
            return;
        }
        let mine_before = self.open.clone();
        self.conflict = None;
        match &conflict.theirs {
            Theirs::Changed(_) => match self.store.load(&conflict.id) {
                Ok(latest) => {
                    self.not_kept = mine_before;
                    self.replace_open(latest.assessment, Some(latest.revision));
                }
                Err(e) => self.notice = Some(Notice::CannotOpen(e)),
            },
            Theirs::Deleted => {
                self.not_kept = mine_before;
                self.clear_open();
                self.refresh_lists();
            }
            // Nothing readable to use: keeping mine sets the damaged text aside first.
            Theirs::Damaged { .. } => {
                self.conflict = Some(conflict.clone());
                self.settle_unmerged(true, conflict, now);
            }
        }
    }

    /// "Keep my version": where both tabs changed the same thing, this tab's answer
    /// stands; everything else the other tab saved is kept.
    pub fn keep_mine(&mut self, now: f64) {
        self.settle(true, now);
    }

    /// "Use the other version": where both tabs changed the same thing, the other tab's
    /// answer stands; this tab's other edits are kept. Returns whether an assessment is
    /// still open (not when the other tab deleted it and the user let it go).
    pub fn use_theirs(&mut self, now: f64) -> bool {
        self.settle(false, now);
        self.open.is_some()
    }

    /// While a clash waits, this tab's edits may add or remove clashes.
    pub(super) fn refresh_clashes(&mut self) {
        if let Some(conflict) = &self.conflict {
            if let Some(merged) = self.merge_with(conflict) {
                self.clashes = merged.clashes;
            }
        }
    }

    /// "Keep both": the other tab's version stays as it is stored, and this tab's
    /// version is saved as a separate assessment under `new_id`, which stays open.
    pub fn keep_both(&mut self, new_id: String, now: f64) {
        let (Some(mine), Some(_)) = (self.open.as_ref(), self.conflict.as_ref()) else {
            return;
        };
        let mut copy = mine.clone();
        copy.review_log.push(ReviewEntry {
            date: self.today.to_string(),
            note: format!(
                "Saved as a separate copy of “{}” (id {}), which was changed in another tab or window at the same time.",
                mine.title(),
                mine.id
            ),
        });
        copy.id = new_id;
        self.replace_open(copy, None);
        self.save_now(now);
        self.notice = Some(Notice::KeptBoth);
    }
}
