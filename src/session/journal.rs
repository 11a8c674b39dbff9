//! The write-ahead journal, as the session sees it: the shell takes the notes of each
//! record written (`take_journal`), keeps them where a dying browser cannot lose them,
//! and says when it has (`journal_written`); only then is the save "Saved". At start-up
//! it hands back what it kept, and anything newer there than in storage is put back.

use super::{Notice, SaveStatus, Session};
use crate::storage::journal::{recover, JournalEntry};
use crate::storage::KeyValue;

impl<K: KeyValue> Session<K> {
    /// The shell keeps a journal: from now on a save is "Saved" once it is in it.
    pub fn use_journal(&mut self) {
        self.journal = true;
    }

    /// The journal cannot be kept (the browser refused it): a save is "Saved" once it is
    /// in storage, as without one.
    pub fn journal_unavailable(&mut self) {
        self.journal = false;
        if self.awaiting_journal.take().is_some() && self.status == SaveStatus::Saving {
            self.status = self.in_store_status();
        }
    }

    /// The records written since the last call, for the shell to put in the journal.
    pub fn take_journal(&mut self) -> Vec<JournalEntry> {
        let notes = self.store.kv_mut().take_notes();
        if self.journal {
            notes
        } else {
            Vec::new()
        }
    }

    /// The journal now holds these entries (written and committed).
    pub fn journal_written(&mut self, written: &[(String, u64)]) {
        let Some((key, revision)) = &self.awaiting_journal else {
            return;
        };
        if written.iter().any(|(k, r)| k == key && r >= revision) {
            self.awaiting_journal = None;
            if self.status == SaveStatus::Saving && !self.dirty {
                self.status = self.in_store_status();
            }
        }
    }

    /// What the journal kept, handed back at start-up: records newer there than in
    /// storage are put back (so work "Saved" before the browser died is not lost), and
    /// the list is read again. Returns how many records were put back.
    pub fn recover(&mut self, entries: &[JournalEntry], now: f64) -> usize {
        if self.protection == super::Protection::Locked {
            // Only what opens with the passphrase may be put back: wait for it.
            self.pending_recovery.extend_from_slice(entries);
            return 0;
        }
        let ns = self.store.namespace().clone();
        let recovered = recover(self.store.kv_mut().inner_mut(), &ns, entries);
        if recovered.is_empty() {
            return 0;
        }
        // The index is rebuilt from the records put back.
        self.scan(now);
        let open_id = self.open.as_ref().map(|a| a.id.clone());
        if let Some(id) = open_id.filter(|id| recovered.contains(id)) {
            if !self.dirty {
                if let Ok(record) = self.store.load(&id) {
                    self.update_open(record.assessment, record.revision);
                }
            }
        }
        self.notice = Some(Notice::Recovered {
            count: recovered.len(),
        });
        recovered.len()
    }
}
