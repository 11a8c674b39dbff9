//! A write-ahead copy of every saved record, for a browser that dies before it has put
//! localStorage on disk (Chromium writes it only after a delay of seconds). The shell
//! keeps the copy in IndexedDB, whose transactions reach the disk when they complete;
//! at start-up it hands the copy back, and `recover` puts back any record that is newer
//! there than in localStorage.
//!
//! `Journaled` wraps the key-value storage and notes each write and removal of a record
//! (the index is a cache and damaged text is set aside on its own, so neither needs it);
//! the session passes the notes to the shell and says "Saved" once they are written.

use serde::{Deserialize, Serialize};

use super::keys::{KeyKind, Namespace};
use super::kv::{KeyValue, KvError};
use super::record::revision_in_raw;

/// The latest write of one record key: its text, or `None` once it was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub key: String,
    pub value: Option<String>,
    /// The record's revision: the one written, or the one removed (0 if unreadable).
    pub revision: u64,
}

impl JournalEntry {
    /// The entry as stored in the journal.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("an entry always serialises")
    }

    /// An entry read back; `None` if the text is not one (it is then ignored).
    pub fn decode(raw: &str) -> Option<JournalEntry> {
        serde_json::from_str(raw).ok()
    }
}

/// Key-value storage that notes each change to a record key of its namespace.
#[derive(Debug)]
pub struct Journaled<K> {
    inner: K,
    ns: Namespace,
    notes: Vec<JournalEntry>,
}

impl<K: KeyValue> Journaled<K> {
    pub fn new(inner: K, ns: Namespace) -> Journaled<K> {
        Journaled {
            inner,
            ns,
            notes: Vec::new(),
        }
    }

    /// The changes noted since the last call, oldest first, one per key (the latest).
    pub fn take_notes(&mut self) -> Vec<JournalEntry> {
        let mut latest: Vec<JournalEntry> = Vec::new();
        for note in self.notes.drain(..) {
            latest.retain(|n| n.key != note.key);
            latest.push(note);
        }
        latest
    }

    pub fn inner(&self) -> &K {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut K {
        &mut self.inner
    }

    fn is_record(&self, key: &str) -> bool {
        matches!(self.ns.kind(key), Some(KeyKind::Record(_)))
    }
}

impl<K: KeyValue> KeyValue for Journaled<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.inner.set(key, value)?;
        if self.is_record(key) {
            // The copy is of what storage keeps (sealed, if a passphrase is set).
            let stored = self
                .inner
                .get_stored(key)?
                .unwrap_or_else(|| value.to_string());
            self.notes.push(JournalEntry {
                key: key.to_string(),
                value: Some(stored),
                revision: revision_in_raw(value).unwrap_or(0),
            });
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        let removed = if self.is_record(key) {
            self.inner.get(key).ok().flatten()
        } else {
            None
        };
        self.inner.remove(key)?;
        if let Some(raw) = removed {
            self.notes.push(JournalEntry {
                key: key.to_string(),
                value: None,
                revision: revision_in_raw(&raw).unwrap_or(0),
            });
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.inner.keys()
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        let copied = self.inner.copy(from, to)?;
        if copied && self.is_record(to) {
            if let (Ok(Some(value)), Ok(Some(stored))) =
                (self.inner.get(to), self.inner.get_stored(to))
            {
                self.notes.push(JournalEntry {
                    key: to.to_string(),
                    revision: revision_in_raw(&value).unwrap_or(0),
                    value: Some(stored),
                });
            }
        }
        Ok(copied)
    }

    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        self.inner.same(a, b)
    }

    fn get_stored(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get_stored(key)
    }

    /// Not noted: it is the journal's own copy being put back.
    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        self.inner.set_stored(key, stored)
    }

    fn read_stored(&self, key: &str, stored: &str) -> Option<String> {
        self.inner.read_stored(key, stored)
    }
}

/// Puts back into `kv` what the journal holds that is newer than what `kv` holds, for
/// the record keys of `ns`. The journal's copy counts only if it reads as `kv` would read
/// it (with the passphrase, if one is set): another page may write to the journal too.
/// Returns the ids of the records put back or removed.
pub fn recover<K: KeyValue>(kv: &mut K, ns: &Namespace, entries: &[JournalEntry]) -> Vec<String> {
    let mut recovered = Vec::new();
    for entry in entries {
        let Some(KeyKind::Record(id)) = ns.kind(&entry.key) else {
            continue;
        };
        let Ok(current) = kv.get_stored(&entry.key) else {
            continue;
        };
        // What storage holds: its revision, or `None` if there is nothing or it cannot
        // be read (a half-written value is older than any journal entry).
        let revision = |stored: &str| {
            kv.read_stored(&entry.key, stored)
                .as_deref()
                .and_then(revision_in_raw)
        };
        let held = current.as_deref().and_then(revision);
        let apply = match (&entry.value, &current) {
            (Some(value), _) if current.as_deref() == Some(value.as_str()) => false,
            // The journal's copy must itself read, and be newer.
            (Some(value), _) => match revision(value) {
                None => false,
                Some(theirs) => current.is_none() || held.is_none_or(|r| r < theirs),
            },
            (None, None) => false,
            // Removed: unless storage holds a later revision, saved since.
            (None, Some(_)) => held.is_none_or(|r| r <= entry.revision),
        };
        if !apply {
            continue;
        }
        let done = match &entry.value {
            Some(value) => kv.set_stored(&entry.key, value),
            None => kv.remove(&entry.key),
        };
        if done.is_ok() {
            recovered.push(id);
        }
    }
    recovered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;
    use crate::storage::record::encode;
    use crate::storage::MemoryKv;

    fn record(id: &str, title: &str, revision: u64) -> String {
        let mut a = Assessment::new(id);
        a.set_text(crate::assessment::QuestionId::AboutTitle, title);
        encode(&a, revision, 1.0)
    }

    #[test]
    fn writes_and_removals_of_records_are_noted_and_nothing_else() {
        let ns = Namespace::default();
        let mut kv = Journaled::new(MemoryKv::new(), ns.clone());
        kv.set("lia:assessment:a", &record("a", "One", 1)).unwrap();
        kv.set("lia:assessment:a", &record("a", "Two", 2)).unwrap();
        kv.set("lia:index", "{}").unwrap();
        kv.set("other:assessment:a", "x").unwrap();
        kv.set("lia:assessment:b", &record("b", "B", 4)).unwrap();
        kv.remove("lia:assessment:b").unwrap();
        let notes = kv.take_notes();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(notes[0].key, "lia:assessment:a");
        assert_eq!(notes[0].revision, 2);
        assert!(notes[0].value.as_deref().unwrap().contains("Two"));
        assert_eq!((notes[1].value.as_ref(), notes[1].revision), (None, 4));
        assert!(kv.take_notes().is_empty());
        assert_eq!(
            JournalEntry::decode(&notes[0].encode()),
            Some(notes[0].clone())
        );
    }

    #[test]
    fn only_what_is_newer_in_the_journal_is_put_back() {
        let ns = Namespace::default();
        let mut kv = MemoryKv::new();
        kv.set("lia:assessment:old", &record("old", "Stale", 2))
            .unwrap();
        kv.set("lia:assessment:new", &record("new", "Newer here", 5))
            .unwrap();
        kv.set("lia:assessment:gone", &record("gone", "Deleted", 3))
            .unwrap();
        kv.set("lia:assessment:back", &record("back", "Saved again", 1))
            .unwrap();
        let entries = vec![
            JournalEntry {
                key: "lia:assessment:old".into(),
                value: Some(record("old", "Typed before the crash", 3)),
                revision: 3,
            },
            JournalEntry {
                key: "lia:assessment:new".into(),
                value: Some(record("new", "Older in the journal", 4)),
                revision: 4,
            },
            JournalEntry {
                key: "lia:assessment:gone".into(),
                value: None,
                revision: 3,
            },
            JournalEntry {
                key: "lia:assessment:lost".into(),
                value: Some(record("lost", "Never reached storage", 1)),
                revision: 1,
            },
            JournalEntry {
                key: "lia:assessment:back".into(),
                value: None,
                revision: 0,
            },
            JournalEntry {
                key: "other:assessment:x".into(),
                value: Some("x".into()),
                revision: 9,
            },
        ];
        let mut ids = recover(&mut kv, &ns, &entries);
        ids.sort();
        assert_eq!(ids, ["gone", "lost", "old"]);
        let get = |k: &str| kv.get(k).unwrap();
        assert!(get("lia:assessment:old")
            .unwrap()
            .contains("Typed before the crash"));
        assert!(get("lia:assessment:new").unwrap().contains("Newer here"));
        assert_eq!(get("lia:assessment:gone"), None);
        assert!(get("lia:assessment:lost").is_some());
        assert!(
            get("lia:assessment:back").is_some(),
            "saved again after the removal"
        );
        assert_eq!(
            get("other:assessment:x"),
            None,
            "another namespace is not touched"
        );
        // Recovering twice changes nothing more.
        assert!(recover(&mut kv, &ns, &entries).is_empty());
    }
}
