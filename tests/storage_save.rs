//! Saving and loading: revisions, conflicts between tabs, approved records, full and
//! unavailable storage. Two tabs are two `Store`s over one shared `MemoryKv`.

use std::cell::RefCell;
use std::rc::Rc;

use lia::assessment::model::Status;
use lia::assessment::{Assessment, QuestionId as Q};
use lia::storage::{KeyValue, KvError, MemoryKv, Store, StoreError, Theirs};

const T0: f64 = 1_764_000_000_000.0;

type Shared = Rc<RefCell<MemoryKv>>;

fn draft(id: &str, title: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, title);
    a
}

fn two_tabs() -> (Shared, Store<Shared>, Store<Shared>) {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    (kv.clone(), Store::new(kv.clone()), Store::new(kv))
}

fn raw(kv: &Shared, key: &str) -> Option<String> {
    kv.borrow().entries().get(key).cloned()
}

fn conflict(result: Result<lia::storage::Saved, StoreError>) -> lia::storage::Conflict {
    match result {
        Err(StoreError::Conflict(c)) => *c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn a_save_loads_back_with_its_revision_and_time() {
    let mut store = Store::new(MemoryKv::new());
    let mut a = draft("a1", "Staff CCTV");
    let first = store.save(&a, None, T0).unwrap();
    assert_eq!(
        (first.id.as_str(), first.revision, first.saved_at),
        ("a1", 1, T0)
    );
    a.set_text(Q::PurposeWhy, "To keep staff safe");
    let second = store.save(&a, Some(1), T0 + 60_000.0).unwrap();
    assert_eq!(second.revision, 2);
    let loaded = store.load("a1").unwrap();
    assert_eq!(loaded.assessment, a);
    assert_eq!((loaded.revision, loaded.saved_at), (2, T0 + 60_000.0));
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].revision, listed[0].title.as_deref()),
        (2, Some("Staff CCTV"))
    );
    assert!(matches!(store.load("nope"), Err(StoreError::NotFound { id }) if id == "nope"));
}

#[test]
fn a_new_assessment_cannot_take_an_id_already_saved() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("a1", "First"), None, T0).unwrap();
    let c = conflict(store.save(&draft("a1", "Second"), None, T0));
    assert_eq!(c.stored_revision(), Some(1));
    assert_eq!(store.load("a1").unwrap().assessment.title(), "First");
}

#[test]
fn a_save_from_a_stale_tab_is_a_conflict_not_a_lost_update() {
    let (kv, mut tab_a, mut tab_b) = two_tabs();
    tab_a.save(&draft("a1", "Start"), None, T0).unwrap();
    let mut in_a = tab_a.load("a1").unwrap().assessment;
    let mut in_b = tab_b.load("a1").unwrap().assessment;

    in_a.set_text(Q::PurposeWhy, "A's purpose");
    tab_a.save(&in_a, Some(1), T0 + 1.0).unwrap();
    let stored_by_a = raw(&kv, "lia:assessment:a1");

    in_b.set_text(Q::PurposeWhy, "B's purpose");
    let c = conflict(tab_b.save(&in_b, Some(1), T0 + 2.0));
    assert_eq!(c.id, "a1");
    assert_eq!(c.base_revision, Some(1));
    match &c.theirs {
        Theirs::Changed(record) => {
            assert_eq!(record.revision, 2);
            assert_eq!(record.assessment, in_a);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(raw(&kv, "lia:assessment:a1"), stored_by_a);
    assert!(StoreError::Conflict(Box::new(c))
        .to_string()
        .contains("changed in another tab"));
}

#[test]
fn keep_mine_saves_over_the_newer_revision_but_not_over_a_third_change() {
    let (_, mut tab_a, mut tab_b) = two_tabs();
    tab_a.save(&draft("a1", "Start"), None, T0).unwrap();
    tab_a.save(&draft("a1", "A's title"), Some(1), T0).unwrap();
    let mine = draft("a1", "B's title");
    let c = conflict(tab_b.save(&mine, Some(1), T0));

    // A saves again while B's user is deciding: B's choice no longer applies.
    tab_a.save(&draft("a1", "A again"), Some(2), T0).unwrap();
    let again = conflict(tab_b.keep_mine(&mine, &c, T0));
    assert_eq!(again.stored_revision(), Some(3));
    assert_eq!(again.base_revision, Some(1));
    assert_eq!(tab_a.load("a1").unwrap().assessment.title(), "A again");

    let saved = tab_b.keep_mine(&mine, &again, T0).unwrap();
    assert_eq!(saved.revision, 4);
    assert_eq!(tab_a.load("a1").unwrap().assessment, mine);
    // A's own copy is now stale in turn.
    conflict(tab_a.save(&draft("a1", "A late"), Some(3), T0));
}

#[test]
fn taking_theirs_carries_on_from_their_revision() {
    let (_, mut tab_a, mut tab_b) = two_tabs();
    tab_a.save(&draft("a1", "Start"), None, T0).unwrap();
    tab_a.save(&draft("a1", "Theirs"), Some(1), T0).unwrap();
    let c = conflict(tab_b.save(&draft("a1", "Mine"), Some(1), T0));
    let Theirs::Changed(theirs) = c.theirs else {
        panic!("{:?}", c.theirs)
    };
    let mut reloaded = theirs.assessment;
    reloaded.set_text(Q::PurposeWhy, "Edited after reloading");
    assert_eq!(
        tab_b
            .save(&reloaded, Some(theirs.revision), T0)
            .unwrap()
            .revision,
        3
    );
}

#[test]
fn a_deletion_in_another_tab_is_a_conflict_and_keep_mine_never_reuses_a_revision() {
    let (_, mut tab_a, mut tab_b) = two_tabs();
    tab_a.save(&draft("a1", "Start"), None, T0).unwrap();
    tab_a.save(&draft("a1", "Second"), Some(1), T0).unwrap();
    tab_a.delete("a1").unwrap();
    let mine = draft("a1", "Still working on it");
    let c = conflict(tab_b.save(&mine, Some(2), T0));
    assert_eq!(c.theirs, Theirs::Deleted);
    assert!(StoreError::Conflict(Box::new(c.clone()))
        .to_string()
        .contains("deleted"));
    let saved = tab_b.keep_mine(&mine, &c, T0).unwrap();
    assert_eq!(saved.revision, 3);
    assert_eq!(tab_a.load("a1").unwrap().assessment, mine);
    assert_eq!(tab_a.list().unwrap().len(), 1);
}

#[test]
fn damaged_text_in_the_way_of_a_save_is_set_aside_unchanged_before_keep_mine_writes() {
    let (kv, mut tab_a, _) = two_tabs();
    tab_a.save(&draft("a1", "Start"), None, T0).unwrap();
    let garbage = "{\"schema_version\":1,\"revision\":";
    kv.borrow_mut().set("lia:assessment:a1", garbage).unwrap();
    let mine = draft("a1", "Mine");
    let c = conflict(tab_a.save(&mine, Some(1), T0));
    assert!(matches!(&c.theirs, Theirs::Damaged { raw, .. } if raw == garbage));
    assert_eq!(raw(&kv, "lia:assessment:a1").as_deref(), Some(garbage));

    tab_a.keep_mine(&mine, &c, T0).unwrap();
    assert_eq!(tab_a.load("a1").unwrap().assessment, mine);
    let set_aside = tab_a.quarantined().unwrap();
    assert_eq!(set_aside.len(), 1);
    assert_eq!(set_aside[0].title.as_deref(), Some("Start"));
    assert_eq!(tab_a.raw_text(&set_aside[0].key).unwrap(), garbage);
}

#[test]
fn an_approved_record_is_never_overwritten() {
    let (kv, mut tab_a, mut tab_b) = two_tabs();
    let mut a = draft("a1", "Approved one");
    tab_a.save(&a, None, T0).unwrap();
    a.status = Status::Approved;
    tab_a.save(&a, Some(1), T0).unwrap(); // approving is the last change allowed
    let approved = raw(&kv, "lia:assessment:a1");

    let mut edited = a.clone();
    edited.set_text(Q::PurposeWhy, "Changed afterwards");
    let refused = tab_a.save(&edited, Some(2), T0).unwrap_err();
    assert_eq!(refused, StoreError::ReadOnly { id: "a1".into() });
    assert!(refused.to_string().contains("approved"));

    // Nor from a tab that still had the draft, nor by "keep mine" or a rename.
    let mut old_draft = draft("a1", "Draft edit");
    old_draft.status = Status::Draft;
    assert!(matches!(
        tab_b.save(&old_draft, Some(1), T0),
        Err(StoreError::ReadOnly { .. })
    ));
    let seen = lia::storage::Conflict {
        id: "a1".into(),
        base_revision: Some(1),
        theirs: Theirs::Changed(tab_b.load("a1").unwrap()),
    };
    assert!(matches!(
        tab_b.keep_mine(&old_draft, &seen, T0),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        tab_b.rename("a1", "New name", T0),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(raw(&kv, "lia:assessment:a1"), approved);
}

#[test]
fn full_storage_keeps_the_last_good_copy_and_a_later_save_succeeds_once_space_is_freed() {
    let mut store = Store::new(MemoryKv::new());
    store
        .save(&draft("old", &"Old notes ".repeat(200)), None, T0)
        .unwrap();
    let mut a = draft("a1", "Growing");
    store.save(&a, None, T0).unwrap();
    let good = store.kv().entries().get("lia:assessment:a1").cloned();
    let index = store.kv().entries().get("lia:index").cloned();

    let mut kv = store.into_kv();
    kv.set_quota(Some(kv.used_bytes() + 100));
    let mut store = Store::new(kv);
    a.set_text(Q::PurposeWhy, "A long answer. ".repeat(100));
    let used = store.usage().unwrap();
    let err = store.save(&a, Some(1), T0 + 1.0).unwrap_err();
    assert_eq!(
        err,
        StoreError::Full {
            used_bytes: Some(used)
        }
    );
    assert!(err
        .to_string()
        .starts_with("Not saved: this browser's storage for this tool is full ("));
    assert_eq!(store.kv().entries().get("lia:assessment:a1").cloned(), good);
    assert_eq!(store.kv().entries().get("lia:index").cloned(), index);
    assert_eq!(store.load("a1").unwrap().revision, 1);

    store.delete("old").unwrap();
    let saved = store.save(&a, Some(1), T0 + 2.0).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(store.load("a1").unwrap().assessment, a);
}

/// Storage whose index writes fail, as when the record fits but the index no longer does.
struct IndexWontFit(MemoryKv);

impl KeyValue for IndexWontFit {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        if key == "lia:index" {
            return Err(KvError::QuotaExceeded);
        }
        self.0.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.keys()
    }
}

#[test]
fn when_only_the_index_cannot_be_written_the_save_stands_and_no_stale_index_remains() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("a1", "First"), None, T0).unwrap();
    assert!(store.kv().entries().contains_key("lia:index"));

    let mut store = Store::new(IndexWontFit(store.into_kv()));
    let saved = store.save(&draft("a2", "Second"), None, T0 + 1.0).unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(store.load("a2").unwrap().assessment.title(), "Second");
    assert!(!store.kv().0.entries().contains_key("lia:index"));
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["a2", "a1"]);

    // Once there is room again, the index comes back.
    let mut store = Store::new(store.into_kv().0);
    store.list().unwrap();
    assert!(store.kv().entries().contains_key("lia:index"));
}

#[test]
fn unavailable_storage_is_reported_as_such() {
    let mut kv = MemoryKv::new();
    kv.make_unavailable("SecurityError");
    let mut store = Store::new(kv);
    let unavailable = StoreError::Unavailable("SecurityError".into());
    assert_eq!(store.open(T0).unwrap_err(), unavailable);
    assert_eq!(
        store.save(&draft("a1", "x"), None, T0).unwrap_err(),
        unavailable
    );
    assert_eq!(store.load("a1").unwrap_err(), unavailable);
    assert_eq!(store.list().unwrap_err(), unavailable);
    assert_eq!(store.usage().unwrap_err(), unavailable);
    assert!(unavailable.to_string().contains("download a copy"));
}

#[test]
fn a_damaged_record_does_not_load() {
    let mut kv = MemoryKv::new();
    kv.set("lia:assessment:a1", "not json").unwrap();
    let store = Store::new(kv);
    match store.load("a1") {
        Err(StoreError::Damaged { id, reason }) => {
            assert_eq!(id, "a1");
            assert!(reason.contains("not valid JSON"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}
