//! Another tab or window: what its changes to storage mean for the open assessment, and
//! the three answers to a save that met its newer version (keep mine, use theirs, keep
//! both). Nothing already saved is overwritten without the user's choice.

use super::{Notice, Problem, SaveStatus, Session};
use crate::assessment::ReviewEntry;
use crate::storage::{Change, KeyValue, StoreError, Theirs};

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
                if self.open.as_ref() == Some(&theirs.assessment) {
                    self.base_revision = Some(theirs.revision);
                    return;
                }
                self.replace_open(theirs.assessment, Some(theirs.revision));
                self.notice = Some(Notice::ChangedElsewhere);
            }
            Err(StoreError::NotFound { .. }) => {
                self.base_revision = None;
                self.dirty = true;
                self.notice = Some(Notice::DeletedElsewhere);
            }
            Err(e) => self.status = SaveStatus::NotSaved(Problem::Store(e)),
        }
    }

    /// "Keep my version": writes the open assessment over what the other tab saved.
    pub fn keep_mine(&mut self, now: f64) {
        let (Some(mine), Some(conflict)) = (self.open.as_ref(), self.conflict.as_ref()) else {
            return;
        };
        match self.store.keep_mine(mine, conflict, now) {
            Ok(saved) => {
                self.conflict = None;
                self.saved(saved.revision);
            }
            // Changed again meanwhile: the user chooses again, seeing the newest.
            Err(StoreError::Conflict(newer)) => self.conflict = Some(*newer),
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
    }

    /// "Use the other version": the stored copy replaces this one. Returns whether an
    /// assessment is still open (not when the other tab deleted it).
    pub fn use_theirs(&mut self, now: f64) -> bool {
        let Some(conflict) = self.conflict.take() else {
            return self.open.is_some();
        };
        match conflict.theirs {
            Theirs::Changed(_) => match self.store.load(&conflict.id) {
                Ok(latest) => self.replace_open(latest.assessment, Some(latest.revision)),
                Err(e) => self.notice = Some(Notice::CannotOpen(e)),
            },
            Theirs::Deleted => {
                self.clear_open();
                self.refresh_lists();
            }
            // Nothing readable to use: keeping mine sets the damaged text aside first.
            Theirs::Damaged { .. } => {
                self.conflict = Some(conflict);
                self.keep_mine(now);
            }
        }
        self.open.is_some()
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
