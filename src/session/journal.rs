//! The write-ahead journal, as the session sees it: the shell takes what to write
//! (`take_journal`: each record written, sealed with the passphrase if one is set),
//! keeps it where a dying browser cannot lose it, and says when it has
//! (`journal_written`); only then is the save "Saved". At start-up it hands back what it
//! kept (`recover`): with a passphrase, only what opens with it is used and the rest is
//! set aside; without one, only what is consistent with what this tool writes, and the
//! notice says what was put back, with an undo.

use super::{Notice, Protection, SaveStatus, Session};
use crate::storage::{JournalBatch, JournalEntry, JournalText, JournalWrite, KeyValue, Namespace};

/// Why a journal entry was set aside, completing "… could not be opened: ".
const NOT_OPENING: &str = "it is a copy from this browser's journal of recent saves that does not open with your passphrase: another page may have put it there";

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

    /// What to do to the journal since the last call: the records written (sealed with
    /// the passphrase, if one is set), and what to remove.
    pub fn take_journal(&mut self) -> JournalBatch {
        let notes = self.store.kv_mut().take_notes();
        if !self.journal {
            return JournalBatch::default();
        }
        let sealing = self.store.kv_mut().inner_mut();
        let entries = notes
            .into_iter()
            .map(|note| {
                let clear = note.encode();
                let text = match sealing.seal_journal(&note.key, &clear, note.revision) {
                    Some(sealed) => JournalText::sealed(&note.key, &sealed),
                    None => clear,
                };
                JournalWrite {
                    key: note.key,
                    text,
                    revision: note.revision,
                }
            })
            .collect();
        JournalBatch {
            clear: std::mem::take(&mut self.journal_reset),
            remove: std::mem::take(&mut self.journal_remove),
            entries,
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

    /// What the journal kept (its keys and texts), handed back at start-up: records
    /// newer there than in storage are put back (so work "Saved" before the browser died
    /// is not lost), and the list is read again. Returns how many records were put back.
    pub fn recover(&mut self, kept: &[(String, String)], now: f64) -> usize {
        if self.protection == Protection::Locked {
            // Only what opens with the passphrase may be put back: wait for it.
            self.pending_recovery.extend_from_slice(kept);
            return 0;
        }
        let ns: Namespace = self.store.namespace().clone();
        let checked = self.protection == Protection::On;
        let mut entries = Vec::new();
        let mut set_aside = 0;
        for (key, text) in kept {
            // Another namespace's (another install on this site): not ours to judge.
            let Some(id) = ns.record_id(key) else {
                continue;
            };
            let entry = match (JournalText::read(text), checked) {
                (JournalText::Sealed { key: k, sealed }, true) if &k == key => {
                    let opened = self.store.kv().inner().open_journal(key, &sealed);
                    opened
                        .ok()
                        .and_then(|(clear, revision)| match JournalText::read(&clear) {
                            JournalText::Clear(e) if &e.key == key && e.revision == revision => {
                                Some(e)
                            }
                            _ => None,
                        })
                }
                (JournalText::Clear(e), false) if &e.key == key => Some(e),
                // An earlier release's entry: a sealed record (bound to its key) in the
                // clear form. Its removals cannot be shown to be this tool's: set aside.
                (JournalText::Clear(e), true) if &e.key == key => e.value.as_ref().and_then(|v| {
                    let clear = self.store.kv().inner().open_value(key, v)?;
                    Some(JournalEntry {
                        value: Some(clear),
                        ..e.clone()
                    })
                }),
                // Sealed, with no passphrase to open it: kept for when there is one.
                (JournalText::Sealed { .. }, false) => continue,
                _ => None,
            };
            match entry {
                Some(entry) => entries.push(entry),
                None if checked => {
                    if self
                        .store
                        .set_aside_text(&id, text, NOT_OPENING, now)
                        .is_ok()
                    {
                        set_aside += 1;
                        self.journal_remove.push(key.clone());
                    }
                }
                // Without a passphrase: not this tool's form, so never used.
                None => self.journal_remove.push(key.clone()),
            }
        }
        let put_back = self.store.recover(&entries, checked);
        if put_back.is_empty() && set_aside == 0 {
            return 0;
        }
        self.scan(now);
        let open_id = self.open.as_ref().map(|a| a.id.clone());
        if let Some(id) = open_id.filter(|id| put_back.iter().any(|p| &p.id == id)) {
            if !self.dirty {
                if let Ok(record) = self.store.load(&id) {
                    self.update_open(record.assessment, record.revision);
                }
            }
        }
        self.notice = Some(Notice::Recovered {
            put_back: put_back
                .iter()
                .map(|p| (p.display_title().to_string(), p.kind))
                .collect(),
            checked,
            set_aside,
            lost: self.lost.clone(),
        });
        let count = put_back.len();
        self.put_back = put_back;
        count
    }

    /// Undoes what the journal put back (the user does not recognise it): each record as
    /// it was before, unless it was saved again since.
    pub fn undo_recovery(&mut self, now: f64) {
        let put_back = std::mem::take(&mut self.put_back);
        let _ = self.store.undo_recovery(&put_back);
        self.notice = None;
        self.scan(now);
        let open_id = self.open.as_ref().map(|a| a.id.clone());
        if let Some(id) = open_id.filter(|id| put_back.iter().any(|p| &p.id == id)) {
            if !self.dirty {
                match self.store.load(&id) {
                    Ok(record) => self.update_open(record.assessment, record.revision),
                    Err(_) => self.clear_open(),
                }
            }
        }
    }
}
