//! A write-ahead copy of every saved record, for a browser that dies before it has put
//! localStorage on disk (Chromium writes it only after a delay of seconds). The shell
//! keeps the copy in IndexedDB, whose transactions reach the disk when they complete;
//! at start-up it hands the copy back, and `Store::recover` puts back any record that is
//! newer there than in localStorage.
//!
//! `Journaled` wraps the key-value storage and notes each write and removal of a record
//! (the index is a cache and damaged text is set aside on its own, so neither needs it);
//! the session passes the notes to the shell and says "Saved" once they are written.
//!
//! Another page of the site can write to the journal too. With a passphrase every entry,
//! removals included, is sealed whole (`JournalText::Sealed`), and one that does not
//! open is never applied. Without one nothing can be shown to be this tool's: an entry is
//! put back only if it is consistent with what this tool writes (a well-formed record of
//! its id, its revision later than the stored one, never over or as an approved record
//! unless it approves the draft stored), and the user is told what was put back, with an
//! undo.

use crate::json::Value;

use super::error::StoreError;
use super::index::{title_of, Summary};
use super::keys::{KeyKind, Namespace};
use super::kv::{KeyValue, KvError};
use super::record::{decode, revision_in_raw};
use super::store::{Current, Store};
use crate::assessment::Status;

/// Where the shell keeps the journal: the IndexedDB database, its version and its
/// object store (texts keyed by record key; another page of the site can open it too).
pub const JOURNAL_DATABASE: &str = "lia-journal";
pub const JOURNAL_VERSION: u32 = 1;
pub const JOURNAL_STORE: &str = "entries";

/// The latest write of one record key: its text, or `None` once it was removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    pub key: String,
    pub value: Option<String>,
    /// The record's revision: the one written, or the one removed (0 if unreadable).
    pub revision: u64,
}

impl JournalEntry {
    /// The entry in clear: `{"key":…,"value":…|null,"revision":…}`.
    pub fn encode(&self) -> String {
        let value = self.value.as_deref().map_or("null".into(), quoted);
        format!(
            "{{\"key\":{},\"value\":{value},\"revision\":{}}}",
            quoted(&self.key),
            self.revision
        )
    }
}

/// What the shell writes to the journal: the text under `key` (an entry, sealed with a
/// passphrase), and the revision to report once it is committed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalWrite {
    pub key: String,
    pub text: String,
    pub revision: u64,
}

/// What the shell does to the journal, in one transaction: empty it first (when the
/// passphrase changed, so that nothing sealed otherwise is left), remove what was set
/// aside, then write the entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalBatch {
    pub clear: bool,
    pub remove: Vec<String>,
    pub entries: Vec<JournalWrite>,
}

impl JournalBatch {
    pub fn is_empty(&self) -> bool {
        !self.clear && self.remove.is_empty() && self.entries.is_empty()
    }
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    let mut out = String::new();
    crate::assessment::json_write::write_string(text, &mut out);
    out
}

/// A text read back from the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalText {
    /// `{"key":…,"value":…|null,"revision":…}`.
    Clear(JournalEntry),
    /// `{"key":…,"sealed":…}`: the clear form sealed for its key (which stays readable,
    /// so the journal can be keyed by it); opens only with the passphrase.
    Sealed { key: String, sealed: String },
    /// Neither: not this tool's.
    Unreadable,
}

impl JournalText {
    pub fn read(text: &str) -> JournalText {
        let Some(Value::Object(fields)) = crate::assessment::strict_json::from_str_lenient(text)
        else {
            return JournalText::Unreadable;
        };
        let field = |name| fields.get(name);
        let text = |name| field(name).and_then(Value::as_str).map(String::from);
        let value = match field("value") {
            Some(Value::Null) => Some(None),
            Some(Value::String(v)) => Some(Some(v.clone())),
            _ => None,
        };
        match (
            text("key"),
            value,
            field("revision").and_then(Value::as_u64),
            text("sealed"),
        ) {
            (Some(key), Some(value), Some(revision), None) if fields.len() == 3 => {
                JournalText::Clear(JournalEntry {
                    key,
                    value,
                    revision,
                })
            }
            (Some(key), None, None, Some(sealed)) if fields.len() == 2 => {
                JournalText::Sealed { key, sealed }
            }
            _ => JournalText::Unreadable,
        }
    }

    /// An entry sealed as `sealed`, for its key.
    pub fn sealed(key: &str, sealed: &str) -> String {
        format!("{{\"key\":{},\"sealed\":{}}}", quoted(key), quoted(sealed))
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

    /// The changes noted since the last call, oldest first, one per key (the latest),
    /// in clear: the session seals them for the journal.
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

    fn note(&mut self, key: &str, value: Option<String>, revision: Option<u64>) {
        self.notes.push(JournalEntry {
            key: key.to_string(),
            value,
            revision: revision.unwrap_or(0),
        });
    }
}

impl<K: KeyValue> KeyValue for Journaled<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.inner.set(key, value)?;
        if self.ns.is_record_key(key) {
            self.note(key, Some(value.to_string()), revision_in_raw(value));
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        let removed = match self.ns.is_record_key(key) {
            true => self.inner.get(key).ok().flatten(),
            false => None,
        };
        self.inner.remove(key)?;
        if let Some(raw) = removed {
            self.note(key, None, revision_in_raw(&raw));
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.inner.keys()
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        let copied = self.inner.copy(from, to)?;
        if copied && self.ns.is_record_key(to) {
            if let Ok(Some(value)) = self.inner.get(to) {
                let revision = revision_in_raw(&value);
                self.note(to, Some(value), revision);
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

    fn set_stored(&mut self, key: &str, stored: &str) -> Result<(), KvError> {
        self.inner.set_stored(key, stored)
    }
}

/// What putting back one journal entry did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PutBackKind {
    /// A later version than the one stored.
    Later,
    /// The record was not stored at all.
    Missing,
    /// The record was deleted, as it was just before the browser closed.
    Removed,
}

/// One record put back from the journal, with what storage held before, for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PutBack {
    pub id: String,
    pub title: Option<String>,
    pub kind: PutBackKind,
    /// The record's text before (`None`: there was none) and after.
    before: Option<String>,
    after: Option<String>,
}

impl PutBack {
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("Untitled assessment")
    }
}

impl<K: KeyValue> Store<K> {
    /// Puts back what the journal holds that is newer than what storage holds, for the
    /// record keys of this namespace, and returns what it did. `checked`: the entries
    /// opened with the passphrase, so this tool wrote them; otherwise each must also be
    /// consistent with what this tool writes (see the module's documentation). Removals
    /// go through the index first, as every deletion of this tool does.
    pub fn recover(&mut self, entries: &[JournalEntry], checked: bool) -> Vec<PutBack> {
        let mut done = Vec::new();
        // Never older than the (sealed) index says was last saved: an old copy kept by
        // another page and handed back as the journal's is not put back.
        let index = self.stored_index().ok().flatten().unwrap_or_default();
        for entry in entries {
            let Some(KeyKind::Record(id)) = self.ns.kind(&entry.key) else {
                continue;
            };
            let Ok(raw) = self.raw(&id) else {
                continue;
            };
            let held = match Current::of(&id, raw.clone()) {
                Current::Absent => None,
                Current::Readable(record) => Some(record),
                // Set aside at the next scan, never overwritten.
                Current::Damaged { .. } => continue,
            };
            let approved = |status| status == Status::Approved;
            let put = match &entry.value {
                Some(value) => {
                    let Ok(theirs) = decode(&id, value) else {
                        continue;
                    };
                    // What the index lists, or notes as lost (missing or rolled back).
                    let last_saved = (index.summaries.iter().map(|s| (&s.id, s.revision)))
                        .chain(index.lost.iter().map(|l| (&l.id, l.revision)))
                        .filter(|(i, _)| **i == id)
                        .map(|(_, r)| r)
                        .max();
                    let follows = last_saved.is_none_or(|r| r <= theirs.revision)
                        && match &held {
                            None => checked || !approved(theirs.assessment.status),
                            Some(r) => {
                                !approved(r.assessment.status) && r.revision < theirs.revision
                            }
                        };
                    if theirs.revision != entry.revision || !follows {
                        continue;
                    }
                    if self.kv.set(&entry.key, value).is_err() {
                        continue;
                    }
                    let summary = Summary::of(&theirs).with_digest(value);
                    self.update_index(|index| {
                        index
                            .lost
                            .retain(|l| l.id != summary.id || l.revision > summary.revision);
                        index.upsert(summary);
                    });
                    PutBack {
                        title: title_of(&theirs.assessment),
                        kind: match held {
                            Some(_) => PutBackKind::Later,
                            None => PutBackKind::Missing,
                        },
                        id,
                        before: raw,
                        after: Some(value.clone()),
                    }
                }
                None => {
                    let Some(record) = held else {
                        continue;
                    };
                    let removes = match checked {
                        true => record.revision <= entry.revision,
                        false => record.revision == entry.revision,
                    };
                    if !removes {
                        continue;
                    }
                    self.update_index(|index| index.forget(&id));
                    if self.kv.remove(&entry.key).is_err() {
                        continue;
                    }
                    PutBack {
                        title: title_of(&record.assessment),
                        kind: PutBackKind::Removed,
                        id,
                        before: raw,
                        after: None,
                    }
                }
            };
            done.push(put);
        }
        done
    }

    /// Undoes what `recover` did, record by record, where storage still holds what it
    /// put there (a record saved since is left as it is). Returns how many were undone.
    pub fn undo_recovery(&mut self, done: &[PutBack]) -> Result<usize, StoreError> {
        let mut undone = 0;
        for put in done {
            if self.raw(&put.id)? != put.after {
                continue;
            }
            let key = self.ns.record_key(&put.id);
            match &put.before {
                Some(raw) => {
                    self.kv.set(&key, raw).map_err(|e| self.kv_error(e))?;
                    if let Ok(record) = decode(&put.id, raw) {
                        let summary = Summary::of(&record).with_digest(raw);
                        self.update_index(|index| index.upsert(summary));
                    }
                }
                None => {
                    self.update_index(|index| index.forget(&put.id));
                    self.kv.remove(&key).map_err(|e| self.kv_error(e))?;
                }
            }
            undone += 1;
        }
        Ok(undone)
    }
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

    fn approved(id: &str, revision: u64) -> String {
        let mut a = Assessment::new(id);
        a.status = Status::Approved;
        encode(&a, revision, 1.0)
    }

    fn entry(id: &str, value: Option<String>, revision: u64) -> JournalEntry {
        JournalEntry {
            key: format!("lia:assessment:{id}"),
            value,
            revision,
        }
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
            JournalText::read(&notes[0].encode()),
            JournalText::Clear(notes[0].clone())
        );
        let sealed = JournalText::sealed("lia:assessment:a", "lia-sealed:2:x");
        assert_eq!(
            JournalText::read(&sealed),
            JournalText::Sealed {
                key: "lia:assessment:a".into(),
                sealed: "lia-sealed:2:x".into()
            }
        );
        for other in ["", "{}", "{\"key\":\"k\",\"value\":null}", "[1]"] {
            assert_eq!(JournalText::read(other), JournalText::Unreadable, "{other}");
        }
    }

    #[test]
    fn what_opened_with_the_passphrase_is_put_back_when_it_is_newer() {
        let mut store = Store::new(MemoryKv::new());
        let kv = store.kv_mut();
        kv.set("lia:assessment:old", &record("old", "Stale", 2))
            .unwrap();
        kv.set("lia:assessment:new", &record("new", "Newer here", 5))
            .unwrap();
        kv.set("lia:assessment:gone", &record("gone", "Deleted", 3))
            .unwrap();
        kv.set("lia:assessment:back", &record("back", "Saved again", 1))
            .unwrap();
        let entries = vec![
            entry("old", Some(record("old", "Typed before the crash", 3)), 3),
            entry("new", Some(record("new", "Older in the journal", 4)), 4),
            entry("gone", None, 3),
            entry("lost", Some(record("lost", "Never reached storage", 1)), 1),
            entry("back", None, 0),
            JournalEntry {
                key: "other:assessment:x".into(),
                value: Some("x".into()),
                revision: 9,
            },
        ];
        let done = store.recover(&entries, true);
        let what: Vec<(&str, PutBackKind)> = done.iter().map(|p| (p.id.as_str(), p.kind)).collect();
        assert_eq!(
            what,
            [
                ("old", PutBackKind::Later),
                ("gone", PutBackKind::Removed),
                ("lost", PutBackKind::Missing)
            ]
        );
        let get = |store: &Store<MemoryKv>, k: &str| store.kv().get(k).unwrap();
        assert!(get(&store, "lia:assessment:old")
            .unwrap()
            .contains("Typed before the crash"));
        assert!(get(&store, "lia:assessment:new")
            .unwrap()
            .contains("Newer here"));
        assert_eq!(get(&store, "lia:assessment:gone"), None);
        assert!(get(&store, "lia:assessment:lost").is_some());
        assert!(
            get(&store, "lia:assessment:back").is_some(),
            "saved again after the removal"
        );
        assert_eq!(
            get(&store, "other:assessment:x"),
            None,
            "another namespace is not touched"
        );
        // The index follows, and notes nothing as lost.
        let listed: Vec<String> = store.list().unwrap().into_iter().map(|s| s.id).collect();
        assert!(listed.contains(&"lost".to_string()) && !listed.contains(&"gone".to_string()));
        assert!(store.lost().unwrap().is_empty());
        // Recovering twice changes nothing more.
        assert!(store.recover(&entries, true).is_empty());
        // Undone: each as it was before.
        assert_eq!(store.undo_recovery(&done), Ok(3));
        assert!(get(&store, "lia:assessment:old").unwrap().contains("Stale"));
        assert!(get(&store, "lia:assessment:gone")
            .unwrap()
            .contains("Deleted"));
        assert_eq!(get(&store, "lia:assessment:lost"), None);
    }

    #[test]
    fn without_a_passphrase_only_what_this_tool_could_have_written_is_put_back() {
        let mut store = Store::new(MemoryKv::new());
        let kv = store.kv_mut();
        kv.set("lia:assessment:draft", &record("draft", "Draft", 2))
            .unwrap();
        kv.set("lia:assessment:signed", &approved("signed", 4))
            .unwrap();
        kv.set("lia:assessment:kept", &record("kept", "Kept", 3))
            .unwrap();
        let refused = vec![
            // An approved record out of nowhere.
            entry("planted", Some(approved("planted", 1)), 1),
            // Over an approved record.
            entry("signed", Some(record("signed", "Unsigned", 5)), 5),
            // Not a record of its id, or not its revision.
            entry("draft", Some(record("other", "Elsewhere", 3)), 3),
            entry("draft", Some(record("draft", "Renumbered", 3)), 9),
            entry("draft", Some("{\"revision\":3}".into()), 3),
            // A removal of another revision than the one stored.
            entry("kept", None, 9_007_199_254_740_991),
            entry("kept", None, 2),
        ];
        assert!(store.recover(&refused, false).is_empty());
        assert!(store.kv().get("lia:assessment:planted").unwrap().is_none());
        assert!(store.kv().get("lia:assessment:kept").unwrap().is_some());
        // What follows what is stored is put back: an approval of the draft stored, the
        // removal of exactly the revision stored.
        let consistent = vec![
            entry("draft", Some(approved("draft", 3)), 3),
            entry("kept", None, 3),
        ];
        assert_eq!(store.recover(&consistent, false).len(), 2);
        assert!(store.kv().get("lia:assessment:kept").unwrap().is_none());
    }
}
