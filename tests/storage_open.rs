//! Start-up: damaged records of every kind are set aside byte for byte and reported, the
//! rest still load, nothing is set aside twice or lost, and the index is rebuilt.

use std::collections::BTreeMap;

use lia::assessment::{Assessment, QuestionId as Q};
use lia::storage::index::{Index, Lost};
use lia::storage::seal::Key;
use lia::storage::{DamagedState, KeyValue, KvError, MemoryKv, Store, StoreError};
use lia::storage::{Nonces, Sealed};

const T0: f64 = 1_764_000_000_000.0;

fn draft(id: &str, title: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, title);
    a
}

/// Two good records, and damaged ones of every kind under their own ids.
fn damaged_texts() -> Vec<(&'static str, String, &'static str)> {
    let record = |id: &str| {
        let mut store = Store::new(MemoryKv::new());
        store.save(&draft(id, "Whatever"), None, T0).unwrap();
        store.kv().entries()[&format!("lia:assessment:{id}")].clone()
    };
    let truncated = record("truncated");
    vec![
        (
            "truncated",
            truncated[..truncated.len() - 25].to_string(),
            "cut short",
        ),
        (
            "wrong-types",
            record("wrong-types").replace(r#""about.title":"Whatever""#, r#""about.title":42"#),
            "answers.about.title",
        ),
        (
            "garbage",
            "\u{FFFD}\u{FFFD}PK\u{3}\u{4}\0\u{1b}[0m\u{FFFD}\u{7f}𝄞 binary".to_string(),
            "not valid JSON",
        ),
        (
            "future",
            record("future").replace(r#""schema_version":2"#, r#""schema_version":7"#),
            "newer version of this tool (format version 7",
        ),
        (
            "not-an-object",
            "[\"a\",1]".to_string(),
            "not an assessment record",
        ),
        (
            "a-string",
            "\"just text\"".to_string(),
            "not an assessment record",
        ),
        ("empty", String::new(), "not valid JSON"),
        (
            "moved",
            record("elsewhere"),
            "holds the assessment “elsewhere”",
        ),
    ]
}

/// A storage with two good records, whose damaged ones the index still knows by title
/// (they were saved fine, then damaged).
fn storage_with_damage() -> MemoryKv {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("good-1", "Good one"), None, T0).unwrap();
    store
        .save(&draft("good-2", "Good two"), None, T0 + 1.0)
        .unwrap();
    store
        .save(&draft("truncated", "Visitor log"), None, T0)
        .unwrap();
    let mut kv = store.into_kv();
    for (id, raw, _) in damaged_texts() {
        kv.set(&format!("lia:assessment:{id}"), &raw).unwrap();
    }
    kv
}

#[test]
fn every_kind_of_damaged_record_is_set_aside_byte_for_byte_and_the_rest_still_load() {
    let mut store = Store::new(storage_with_damage());
    let opened = store.open(T0 + 5.0).unwrap();

    let ids: Vec<&str> = opened.summaries.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["good-2", "good-1"]);
    assert_eq!(
        store.load("good-1").unwrap().assessment,
        draft("good-1", "Good one")
    );

    let texts = damaged_texts();
    assert_eq!(opened.damaged.len(), texts.len());
    for (id, raw, reason) in texts {
        let found = opened.damaged.iter().find(|d| d.id == id).unwrap();
        assert_eq!(found.state, DamagedState::SetAsideNow, "{id}");
        assert_eq!(found.key, format!("lia:quarantine:{id}:1"));
        assert_eq!(store.raw_text(&found.key).unwrap(), raw, "{id}");
        assert!(found.reason.contains(reason), "{id}: {}", found.reason);
        assert_eq!(found.set_aside_at, Some(T0 + 5.0));
        assert!(!store
            .kv()
            .entries()
            .contains_key(&format!("lia:assessment:{id}")));
        assert!(matches!(store.load(id), Err(StoreError::NotFound { .. })));
    }

    // Named by title where the index still knew it, otherwise by id.
    let name = |id: &str| {
        opened
            .damaged
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .name()
            .to_string()
    };
    assert_eq!(name("truncated"), "Visitor log");
    assert_eq!(name("garbage"), "garbage");
    let message = opened
        .damaged
        .iter()
        .find(|d| d.id == "truncated")
        .unwrap()
        .message();
    assert!(
        message.starts_with("“Visitor log” could not be opened: its saved text is cut short"),
        "{message}"
    );
    assert!(message.contains("download it"), "{message}");

    let index = store.kv().entries()["lia:index"].clone();
    assert!(
        !index.contains("truncated") && index.contains("good-1"),
        "{index}"
    );
    assert!(opened.index_repaired);
}

#[test]
fn opening_again_sets_nothing_aside_twice_and_loses_nothing() {
    let mut store = Store::new(storage_with_damage());
    let first = store.open(T0).unwrap();
    let after_first = store.kv().entries().clone();

    let second = store.open(T0 + 1_000.0).unwrap();
    assert_eq!(store.kv().entries(), &after_first);
    assert_eq!(second.summaries, first.summaries);
    assert!(!second.index_repaired);
    assert_eq!(second.damaged.len(), first.damaged.len());
    for (now, before) in second.damaged.iter().zip(&first.damaged) {
        assert_eq!(now.state, DamagedState::SetAsideEarlier);
        assert_eq!(
            (&now.key, &now.reason, &now.title),
            (&before.key, &before.reason, &before.title)
        );
        assert_eq!(now.set_aside_at, Some(T0));
    }
}

#[test]
fn a_record_damaged_twice_keeps_both_texts() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("a1", "Twice"), None, T0).unwrap();
    let mut kv = store.into_kv();
    kv.set("lia:assessment:a1", "first damage").unwrap();
    let mut store = Store::new(kv);
    store.open(T0).unwrap();
    store.save(&draft("a1", "Twice again"), None, T0).unwrap();
    let mut kv = store.into_kv();
    kv.set("lia:assessment:a1", "second damage").unwrap();
    let mut store = Store::new(kv);
    let opened = store.open(T0).unwrap();
    let keys: Vec<(&str, &DamagedState)> = opened
        .damaged
        .iter()
        .map(|d| (d.key.as_str(), &d.state))
        .collect();
    assert_eq!(
        keys,
        [
            ("lia:quarantine:a1:1", &DamagedState::SetAsideEarlier),
            ("lia:quarantine:a1:2", &DamagedState::SetAsideNow)
        ]
    );
    assert_eq!(
        store.raw_text("lia:quarantine:a1:1").unwrap(),
        "first damage"
    );
    assert_eq!(
        store.raw_text("lia:quarantine:a1:2").unwrap(),
        "second damage"
    );
    assert_eq!(opened.damaged[1].title.as_deref(), Some("Twice again"));
}

#[test]
fn a_missing_damaged_or_stale_index_is_rebuilt_from_the_records() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("a1", "One"), None, T0).unwrap();
    store.save(&draft("a2", "Two"), None, T0 + 1.0).unwrap();
    let expected = store.kv().entries()["lia:index"].clone();
    let summaries = store.list().unwrap();
    let mut kv = store.into_kv();

    for broken in [
        None,
        Some("{\"index_version\":1,\"assessments\":[{\"id\":".to_string()),
        Some("\u{FFFD}\u{0}".to_string()),
        // Stale: lists one record only, and one that no longer exists.
        Some(expected.replace("\"a1\"", "\"gone\"")),
    ] {
        match &broken {
            Some(text) => kv.set("lia:index", text).unwrap(),
            None => kv.remove("lia:index").unwrap(),
        }
        // A record the stale index lists that is gone was deleted by something else
        // than this tool (which takes it out of the index first): noted as lost.
        let stale = broken.as_deref().is_some_and(|b| b.contains("gone"));
        let lost: Vec<&str> = if stale { vec!["gone"] } else { vec![] };
        let mut store = Store::new(kv.clone());
        assert_eq!(store.list().unwrap(), summaries, "{broken:?}");
        let ids = |store: &Store<MemoryKv>| -> Vec<String> {
            store.lost().unwrap().into_iter().map(|l| l.id).collect()
        };
        assert_eq!(ids(&store), lost);
        let index = |store: &Store<MemoryKv>| {
            let mut index = Index::decode(&store.kv().entries()["lia:index"]).unwrap();
            index.lost.clear();
            index.encode()
        };
        assert_eq!(index(&store), expected);

        let mut store = Store::new(kv.clone());
        let opened = store.open(T0).unwrap();
        assert!(opened.index_repaired);
        assert!(opened.damaged.is_empty());
        assert_eq!(opened.summaries, summaries);
        assert_eq!(
            opened
                .lost
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>(),
            lost
        );
        assert_eq!(index(&store), expected);
    }
}

#[test]
fn with_storage_full_a_damaged_record_stays_where_it_is_until_it_can_be_moved() {
    let mut store = Store::new(storage_with_damage());
    let before = store.kv().entries().clone();
    let mut kv = store.into_kv();
    kv.set_quota(Some(kv.used_bytes()));
    store = Store::new(kv);

    let opened = store.open(T0).unwrap();
    assert_eq!(opened.summaries.len(), 2);
    assert_eq!(opened.damaged.len(), damaged_texts().len());
    for found in &opened.damaged {
        assert!(
            matches!(
                found.state,
                DamagedState::LeftInPlace(StoreError::Full { .. })
            ),
            "{found:?}"
        );
        assert_eq!(found.key, format!("lia:assessment:{}", found.id));
        assert_eq!(store.raw_text(&found.key).unwrap(), before[&found.key]);
        assert!(found.message().contains("left exactly as it was"));
    }
    assert_eq!(
        opened
            .damaged
            .iter()
            .find(|d| d.id == "truncated")
            .unwrap()
            .name(),
        "Visitor log"
    );
    for (key, value) in &before {
        if key.starts_with("lia:assessment:") {
            assert_eq!(store.kv().entries().get(key), Some(value), "{key}");
        }
    }

    // Reported again, still by title, until there is room; then set aside, byte for byte.
    let again = store.open(T0).unwrap();
    assert_eq!(again.damaged.len(), damaged_texts().len());
    assert_eq!(
        again
            .damaged
            .iter()
            .find(|d| d.id == "truncated")
            .unwrap()
            .name(),
        "Visitor log"
    );
    let mut kv = store.into_kv();
    kv.set_quota(None);
    let mut store = Store::new(kv);
    let opened = store.open(T0).unwrap();
    assert_eq!(opened.damaged.len(), damaged_texts().len());
    for found in &opened.damaged {
        assert!(
            !matches!(found.state, DamagedState::LeftInPlace(_)),
            "{found:?}"
        );
        assert_eq!(
            store.raw_text(&found.key).unwrap(),
            before[&format!("lia:assessment:{}", found.id)]
        );
    }
    assert_eq!(
        opened
            .damaged
            .iter()
            .find(|d| d.id == "truncated")
            .unwrap()
            .name(),
        "Visitor log"
    );
    assert!(!store.kv().entries()["lia:index"].contains("unreadable"));
}

#[test]
fn only_an_explicit_discard_removes_set_aside_text_and_only_that() {
    let mut store = Store::new(storage_with_damage());
    let opened = store.open(T0).unwrap();
    let garbage = opened
        .damaged
        .iter()
        .find(|d| d.id == "garbage")
        .unwrap()
        .key
        .clone();

    store.discard_quarantined(&garbage).unwrap();
    assert!(matches!(
        store.raw_text(&garbage),
        Err(StoreError::NotSetAside { .. })
    ));
    assert!(
        !store.kv().entries().keys().any(|k| k.contains(":garbage:")),
        "note left behind"
    );
    assert_eq!(
        store.quarantined().unwrap().len(),
        damaged_texts().len() - 1
    );
    store.discard_quarantined(&garbage).unwrap(); // already gone: nothing to do

    // Readable records, the index and other namespaces' keys are refused, untouched.
    let mut kv = store.into_kv();
    kv.set("other:quarantine:x:1", "theirs").unwrap();
    let mut store = Store::new(kv);
    for key in [
        "lia:assessment:good-1",
        "lia:index",
        "other:quarantine:x:1",
        "theme",
    ] {
        assert_eq!(
            store.discard_quarantined(key),
            Err(StoreError::NotSetAside { key: key.into() })
        );
    }
    assert!(store.load("good-1").is_ok());
    assert_eq!(store.kv().entries()["other:quarantine:x:1"], "theirs");
}

#[test]
fn a_record_left_in_place_can_be_discarded_by_the_user() {
    let mut kv = MemoryKv::new();
    kv.set("lia:assessment:a1", "broken").unwrap();
    kv.set_quota(Some(kv.used_bytes()));
    let mut store = Store::new(kv);
    let opened = store.open(T0).unwrap();
    assert_eq!(opened.damaged[0].key, "lia:assessment:a1");
    store.discard_quarantined("lia:assessment:a1").unwrap();
    assert!(store.kv().entries().is_empty());
}

#[test]
fn when_the_note_fits_but_the_text_does_not_nothing_is_half_set_aside() {
    let mut kv = MemoryKv::new();
    let big = format!("{{\"schema_version\":1,{}", "x".repeat(2_000));
    kv.set("lia:assessment:a1", &big).unwrap();
    kv.set_quota(Some(kv.used_bytes() + 1_000)); // room for a note, not for a copy
    let mut store = Store::new(kv);
    let opened = store.open(T0).unwrap();
    assert!(matches!(
        opened.damaged[..],
        [lia::storage::DamagedRecord {
            state: DamagedState::LeftInPlace(StoreError::Full { .. }),
            ..
        }]
    ));
    let keys: Vec<&String> = store.kv().entries().keys().collect();
    assert_eq!(keys, ["lia:assessment:a1", "lia:index"]);
    assert_eq!(store.kv().entries()["lia:assessment:a1"], big);
}

/// Storage that cannot remove records, as if it failed half-way through setting one aside.
struct RecordsStick(MemoryKv);

impl KeyValue for RecordsStick {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        if key.starts_with("lia:assessment:") {
            return Err(KvError::Other("removal failed".into()));
        }
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.keys()
    }
}

#[test]
fn a_set_aside_interrupted_after_copying_is_finished_later_without_a_second_copy() {
    let mut kv = MemoryKv::new();
    kv.set("lia:assessment:a1", "damaged").unwrap();
    let mut store = Store::new(RecordsStick(kv));
    let opened = store.open(T0).unwrap();
    assert!(opened
        .damaged
        .iter()
        .any(|d| matches!(d.state, DamagedState::LeftInPlace(StoreError::Failed(_)))));
    assert_eq!(store.kv().0.entries()["lia:assessment:a1"], "damaged");
    assert_eq!(store.kv().0.entries()["lia:quarantine:a1:1"], "damaged");

    let mut store = Store::new(store.into_kv().0);
    let opened = store.open(T0).unwrap();
    assert_eq!(opened.damaged.len(), 1);
    assert_eq!(opened.damaged[0].key, "lia:quarantine:a1:1");
    let keys: Vec<&String> = store.kv().entries().keys().collect();
    assert_eq!(
        keys,
        [
            "lia:index",
            "lia:quarantine-note:a1:1",
            "lia:quarantine:a1:1"
        ]
    );
}

/// Storage like localStorage: values are UTF-16 that need not be valid Unicode (binary
/// garbage can hold lone surrogates). `get` can only give them as a `String`, with lone
/// surrogates replaced; `copy` and `same` work on the stored code units.
#[derive(Default)]
struct Utf16Kv(BTreeMap<String, Vec<u16>>);

impl KeyValue for Utf16Kv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.0.get(key).map(|units| String::from_utf16_lossy(units)))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.insert(key.into(), value.encode_utf16().collect());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.0.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.0.keys().cloned().collect())
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<bool, KvError> {
        match self.0.get(from).cloned() {
            Some(units) => {
                self.0.insert(to.into(), units);
                Ok(true)
            }
            None => Ok(false),
        }
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, KvError> {
        Ok(self.0.get(a) == self.0.get(b))
    }
}

#[test]
fn text_that_is_not_valid_unicode_is_set_aside_code_unit_for_code_unit() {
    let garbage: Vec<u16> = "{\"schema_version\":1,\u{0}"
        .encode_utf16()
        .chain([0xd800, 0x41, 0xdfff, 0xdc00, 0xd83d, 0xfffe, 0xffff])
        .collect();
    let mut kv = Utf16Kv::default();
    kv.0.insert("lia:assessment:g1".into(), garbage.clone());
    kv.0.insert(
        "lia:assessment:g2".into(),
        "not json".encode_utf16().collect(),
    );
    let mut store = Store::new(kv);
    let opened = store.open(T0).unwrap();
    assert_eq!(opened.damaged.len(), 2);
    assert!(opened
        .damaged
        .iter()
        .all(|d| d.state == DamagedState::SetAsideNow));
    let kv = store.into_kv();
    assert_eq!(
        kv.0.get("lia:quarantine:g1:1"),
        Some(&garbage),
        "kept exactly"
    );
    assert_eq!(
        kv.0.get("lia:quarantine:g2:1"),
        Some(&"not json".encode_utf16().collect::<Vec<u16>>())
    );
    assert!(!kv.0.contains_key("lia:assessment:g1"));
    assert!(!kv.0.contains_key("lia:assessment:g2"));

    // Opening again copies nothing twice and loses nothing.
    let mut store = Store::new(kv);
    assert_eq!(store.open(T0).unwrap().damaged.len(), 2);
    let kv = store.into_kv();
    assert_eq!(kv.0.get("lia:quarantine:g1:1"), Some(&garbage));
    assert!(!kv.0.keys().any(|k| k.ends_with(":2")));
}

// ---- the index as the witness of what was saved -------------------------------------
// Another page writes to storage through the same key-value store the tool uses.

/// A store sealed with a passphrase, as the session keeps it.
fn sealed_store() -> Store<Sealed<MemoryKv>> {
    let ns = lia::storage::Namespace::default();
    let mut kv = Sealed::new(MemoryKv::new(), ns, Nonces::new([1; 8]));
    kv.set_key(Some(Key::derive(
        "correct horse battery",
        b"0123456789abcdef",
        10,
    )));
    Store::new(kv)
}

#[test]
fn a_record_put_back_older_or_changed_at_its_revision_is_noted_as_lost_until_saved_again() {
    let mut store = sealed_store();
    let mut a = draft("a1", "First");
    store.save(&a, None, T0).unwrap();
    let first = store
        .kv()
        .inner()
        .get("lia:assessment:a1")
        .unwrap()
        .unwrap();
    a.set_text(Q::AboutTitle, "Second");
    store.save(&a, Some(1), T0 + 1.0).unwrap();
    store.save(&draft("b2", "Other"), None, T0 + 2.0).unwrap();
    assert!(store.open(T0).unwrap().lost.is_empty());

    // An older sealed copy written back: it opens (it is this tool's), but it is older
    // than the sealed index says.
    store
        .kv_mut()
        .inner_mut()
        .set("lia:assessment:a1", &first)
        .unwrap();
    let opened = store.open(T0 + 3.0).unwrap();
    assert_eq!(
        opened.lost,
        [Lost {
            id: "a1".into(),
            title: Some("Second".into()),
            revision: 2,
            found: Some(1)
        }]
    );
    assert_eq!(store.load("a1").unwrap().assessment.title(), "First");
    // Noted in the index, so the next start says it too, until the user saw it.
    assert_eq!(store.lost().unwrap(), opened.lost);
    assert_eq!(store.open(T0 + 4.0).unwrap().lost, opened.lost);
    // Saved again by this tool: seen to.
    let mut again = store.load("a1").unwrap().assessment;
    again.set_text(Q::AboutTitle, "Third");
    store.save(&again, Some(1), T0 + 5.0).unwrap();
    assert!(store.lost().unwrap().is_empty());
    assert!(store.open(T0 + 6.0).unwrap().lost.is_empty());
}

#[test]
fn a_record_changed_in_clear_at_the_same_revision_is_noted_and_a_newer_one_is_not() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("a1", "Mine"), None, T0).unwrap();
    store.save(&draft("b2", "Other"), None, T0).unwrap();
    let raw = store.kv().get("lia:assessment:a1").unwrap().unwrap();
    // Another page rewrites a1 keeping its revision, and b2 as a later revision (as
    // another tab whose index write has not happened yet would).
    let kv = store.kv_mut();
    kv.set("lia:assessment:a1", &raw.replace("Mine", "Theirs"))
        .unwrap();
    let b2 = kv.get("lia:assessment:b2").unwrap().unwrap();
    kv.set(
        "lia:assessment:b2",
        &b2.replace("\"revision\":1", "\"revision\":2"),
    )
    .unwrap();
    let lost = store.open(T0 + 1.0).unwrap().lost;
    assert_eq!(
        lost.iter()
            .map(|l| (l.id.as_str(), l.found))
            .collect::<Vec<_>>(),
        [("a1", Some(1))]
    );
    // The forgetting is the user's: until then it stays.
    store.forget_lost();
    assert!(store.open(T0 + 2.0).unwrap().lost.is_empty());
}

#[test]
fn a_record_deleted_by_another_page_is_noted_and_one_this_tool_deletes_is_not() {
    let mut store = sealed_store();
    store
        .save(&draft("a1", "Deleted elsewhere"), None, T0)
        .unwrap();
    store.save(&draft("b2", "Deleted here"), None, T0).unwrap();
    store
        .kv_mut()
        .inner_mut()
        .remove("lia:assessment:a1")
        .unwrap();
    store.delete("b2").unwrap();
    // Noticed as soon as the index is read, before any record is.
    let ids = |lost: Vec<Lost>| lost.into_iter().map(|l| l.id).collect::<Vec<_>>();
    store.list().unwrap();
    assert_eq!(ids(store.lost().unwrap()), ["a1"]);
    assert_eq!(ids(store.open(T0 + 1.0).unwrap().lost), ["a1"]);
    // Saved here again (opened from its downloaded file): seen to.
    store
        .save(&draft("a1", "Deleted elsewhere"), None, T0 + 2.0)
        .unwrap();
    assert!(store.open(T0 + 3.0).unwrap().lost.is_empty());
}
