//! Editing and saving: a change marks the work unsaved and makes a save due shortly
//! after; the shell wakes the session when it is due. A save that meets another tab's
//! revision, an approval elsewhere, or a full or blocked store keeps the work in memory
//! and says why; a save that failed for want of space or access is tried again later.

use super::{Problem, SaveStatus, Session, AUTOSAVE_DELAY_MS, MAX_SAVE_WAIT_MS, RETRY_DELAY_MS};
use crate::assessment::{stale, Assessment, QuestionId};
use crate::storage::{KeyValue, StoreError};

impl<K: KeyValue> Session<K> {
    /// Changes the open assessment (refused when there is none or it is approved, and so
    /// read-only). A save becomes due `AUTOSAVE_DELAY_MS` after the last change, but
    /// never more than `MAX_SAVE_WAIT_MS` after the first change not yet saved, so a
    /// steady typist's work is saved while they type.
    pub fn edit(&mut self, change: impl FnOnce(&mut Assessment), now: f64) -> bool {
        let Some(open) = self.open.as_mut().filter(|a| !a.is_read_only()) else {
            return false;
        };
        let before = open.clone();
        change(open);
        // Answers resting on one that changed are marked to be checked again; an answer
        // changed (or confirmed) itself is no longer marked.
        stale::note_edit(&before, open);
        // However it was changed, no two impacts share an id (the interface keys them by it).
        open.renumber_duplicate_impacts();
        self.edited(now)
    }

    /// Typing: as `edit`, for a change of the answer to `only` (the impacts, for the
    /// impacts list; `None`: of no answer, as the privacy wording) and of nothing else.
    /// Only that answer is copied and compared, not the whole assessment at every key.
    pub fn type_into(
        &mut self,
        only: Option<QuestionId>,
        change: impl FnOnce(&mut Assessment),
        now: f64,
    ) -> bool {
        let Some(open) = self.open.as_mut().filter(|a| !a.is_read_only()) else {
            return false;
        };
        let before = stale::holding(open, only);
        change(open);
        stale::note_edit_of(only.as_slice(), &before, open);
        self.edited(now)
    }

    /// The open assessment was changed: it is unsaved, and a save is due (see `edit`).
    fn edited(&mut self, now: f64) -> bool {
        self.dirty = true;
        let since = *self.dirty_since.get_or_insert(now);
        if self.blocked() {
            // Saving waits for the user's choice; the banner says why.
            self.refresh_clashes();
            return true;
        }
        self.status = SaveStatus::Saving;
        self.save_due = Some((now + AUTOSAVE_DELAY_MS).min(since + MAX_SAVE_WAIT_MS));
        true
    }

    /// When the shell should call `tick` next, if at all.
    pub fn next_wakeup(&self) -> Option<f64> {
        self.save_due
    }

    /// Does whatever is due at `now`: the autosave, or a retry.
    pub fn tick(&mut self, now: f64) {
        if self.save_due.is_some_and(|due| due <= now) {
            self.save_now(now);
        }
    }

    /// Saving must wait: another tab's version or an approval elsewhere needs a choice.
    pub(super) fn blocked(&self) -> bool {
        self.conflict.is_some() || self.approved_elsewhere
    }

    /// Saves now if anything is unsaved (also when the page is hidden or left).
    pub fn save_now(&mut self, now: f64) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        if !self.dirty || self.blocked() {
            self.save_due = None;
            return;
        }
        self.save_due = None;
        // The wait for the next save counts from the next change.
        self.dirty_since = None;
        match self.store.save(open, self.base_revision, now) {
            Ok(saved) => self.saved(saved.revision),
            Err(StoreError::Conflict(conflict)) => self.met_another_version(*conflict, now),
            Err(e @ StoreError::ReadOnly { .. }) => {
                // Trying again can never succeed, so the user is asked instead.
                self.status = SaveStatus::NotSaved(Problem::Store(e));
                self.approved_elsewhere = true;
            }
            Err(e) => {
                self.status = SaveStatus::NotSaved(Problem::Store(e));
                self.save_due = Some(now + RETRY_DELAY_MS);
            }
        }
    }

    /// The open assessment is in the store as `revision`.
    pub(super) fn saved(&mut self, revision: u64) {
        self.base_revision = Some(revision);
        self.base_copy = self.open.clone();
        if self.journal {
            if let Some(open) = &self.open {
                self.awaiting_journal =
                    Some((self.store.namespace().record_key(&open.id), revision));
            }
        }
        self.dirty = false;
        self.dirty_since = None;
        self.save_due = None;
        self.status = self.in_store_status();
        self.refresh_lists();
    }

    /// Forgets the open assessment's unsaved changes (the user chose another copy).
    pub(super) fn discard_changes(&mut self) {
        self.dirty = false;
        self.dirty_since = None;
        self.save_due = None;
        self.approved_elsewhere = false;
    }
}
