//! Managing saved assessments (rename, duplicate, delete and undo), namespaces kept
//! apart on one origin, storage use and what a change in another tab concerns.

use std::cell::RefCell;
use std::rc::Rc;

use lia::assessment::model::{ReviewEntry, Status};
use lia::assessment::{Assessment, Date, QuestionId as Q};
use lia::storage::{stored_size, Change, KeyValue, MemoryKv, Namespace, Store, StoreError, Theirs};

const T0: f64 = 1_764_000_000_000.0;

fn draft(id: &str, title: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, title);
    a
}

#[test]
fn rename_sets_the_title_answer_as_a_new_revision() {
    let mut store = Store::new(MemoryKv::new());
    let mut a = draft("a1", "Old name");
    a.set_text(Q::PurposeWhy, "Kept as it was");
    store.save(&a, None, T0).unwrap();
    let saved = store.rename("a1", "  New name ", T0 + 1.0).unwrap();
    assert_eq!((saved.revision, saved.saved_at), (2, T0 + 1.0));
    let loaded = store.load("a1").unwrap().assessment;
    assert_eq!(loaded.title(), "New name");
    assert_eq!(loaded.answers.len(), 2);
    assert_eq!(store.list().unwrap()[0].title.as_deref(), Some("New name"));

    store.rename("a1", "", T0).unwrap();
    assert_eq!(
        store.list().unwrap()[0].display_title(),
        "Untitled assessment"
    );
    assert!(matches!(
        store.rename("nope", "x", T0),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn duplicate_makes_a_first_version_draft_under_the_new_id() {
    let mut store = Store::new(MemoryKv::new());
    let mut review = draft("review", "Approved review");
    review.version = 3;
    review.status = Status::Approved;
    review.review_of = Some("original".into());
    review.review_log.push(ReviewEntry {
        date: "2026-01-05".into(),
        note: "Reviewed".into(),
    });
    review.set_text(Q::SignOffReviewDate, "2027-01-05");
    store.save(&review, None, T0).unwrap();
    let source_text = store.kv().entries()["lia:assessment:review"].clone();

    let copy = store.duplicate("review", "copy", T0 + 1.0).unwrap();
    assert_eq!(copy.revision, 1);
    let expected = Assessment {
        id: "copy".into(),
        version: 1,
        status: Status::Draft,
        review_of: None,
        ..review.clone()
    };
    assert_eq!(copy.assessment, expected);
    assert_eq!(store.load("copy").unwrap().assessment, expected);
    assert_eq!(store.kv().entries()["lia:assessment:review"], source_text);
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, "copy");
    assert_eq!(listed[0].review_due, Date::new(2027, 1, 5));

    // Onto a taken id: refused, the existing one untouched.
    match store.duplicate("review", "copy", T0) {
        Err(StoreError::Conflict(c)) => assert_eq!(c.stored_revision(), Some(1)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        store.duplicate("nope", "x", T0),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn delete_then_restore_puts_back_the_exact_record() {
    let mut store = Store::new(MemoryKv::new());
    store.save(&draft("keep", "Keep"), None, T0).unwrap();
    let mut a = draft("a1", "To delete");
    store.save(&a, None, T0).unwrap();
    a.set_text(Q::PurposeWhy, "Second revision");
    store.save(&a, Some(1), T0 + 1.0).unwrap();
    let before = store.kv().entries().clone();

    let deleted = store.delete("a1").unwrap();
    assert_eq!((deleted.id(), deleted.title()), ("a1", Some("To delete")));
    assert_eq!(deleted.raw(), before["lia:assessment:a1"]);
    assert!(matches!(store.load("a1"), Err(StoreError::NotFound { .. })));
    let index = lia::storage::index::Index::decode(&store.kv().entries()["lia:index"]).unwrap();
    assert!(
        index.summaries.iter().all(|s| s.id != "a1") && index.lost.is_empty(),
        "gone from the index, and not as lost: {index:?}"
    );
    let ids: Vec<String> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["keep"]);

    store.restore(&deleted).unwrap();
    assert_eq!(store.kv().entries(), &before);
    assert_eq!(store.load("a1").unwrap().revision, 2);
    store.restore(&deleted).unwrap(); // already back: nothing to do
    assert_eq!(store.kv().entries(), &before);

    // Something new saved under the id since: undo refuses rather than overwrite it.
    let deleted = store.delete("a1").unwrap();
    store.save(&draft("a1", "New one"), None, T0).unwrap();
    match store.restore(&deleted) {
        Err(StoreError::Conflict(c)) => assert!(matches!(c.theirs, Theirs::Changed(_))),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.load("a1").unwrap().assessment.title(), "New one");
    assert!(matches!(
        store.delete("nope"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn undo_waits_for_room_and_brings_back_even_an_unreadable_record() {
    let mut kv = MemoryKv::new();
    kv.set("lia:assessment:broken", "\u{FFFD}garbage\u{0}")
        .unwrap();
    let mut store = Store::new(kv);
    store
        .save(&draft("big", &"Long title ".repeat(100)), None, T0)
        .unwrap();
    let deleted = store.delete("broken").unwrap();
    assert_eq!(deleted.title(), None);
    let big = store.delete("big").unwrap();

    let mut kv = store.into_kv();
    kv.set_quota(Some(kv.used_bytes() + 80)); // room for the small one only
    let mut store = Store::new(kv);
    assert!(matches!(store.restore(&big), Err(StoreError::Full { .. })));
    store.restore(&deleted).unwrap();
    assert_eq!(
        store.kv().entries()["lia:assessment:broken"],
        "\u{FFFD}garbage\u{0}"
    );

    let mut kv = store.into_kv();
    kv.set_quota(None);
    let mut store = Store::new(kv);
    store.restore(&big).unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(store.open(T0).unwrap().damaged.len(), 1);
}

#[test]
fn two_namespaces_on_one_storage_never_see_or_touch_each_other() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    kv.borrow_mut().set("theme", "dark").unwrap();
    kv.borrow_mut()
        .set("lia-old:assessment:a1", "an older install")
        .unwrap();
    let mut ours = Store::new(kv.clone());
    let mut theirs = Store::with_namespace(kv.clone(), Namespace::new("team-b").unwrap());

    ours.save(&draft("a1", "Ours"), None, T0).unwrap();
    theirs.save(&draft("a1", "Theirs"), None, T0).unwrap();
    theirs.save(&draft("b1", "Only theirs"), None, T0).unwrap();
    kv.borrow_mut().set("team-b:assessment:bad", "{").unwrap();

    assert_eq!(ours.load("a1").unwrap().assessment.title(), "Ours");
    assert_eq!(theirs.load("a1").unwrap().assessment.title(), "Theirs");
    assert!(matches!(ours.load("b1"), Err(StoreError::NotFound { .. })));

    let opened = ours.open(T0).unwrap();
    let ids: Vec<&str> = opened.summaries.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a1"]);
    assert!(opened.damaged.is_empty());
    assert_eq!(kv.borrow().entries()["team-b:assessment:bad"], "{");

    ours.delete("a1").unwrap();
    assert_eq!(theirs.load("a1").unwrap().assessment.title(), "Theirs");
    let opened = theirs.open(T0).unwrap();
    assert_eq!(opened.summaries.len(), 2);
    assert_eq!(opened.damaged.len(), 1);
    assert!(ours.list().unwrap().is_empty());
    assert!(matches!(
        ours.discard_quarantined(&opened.damaged[0].key),
        Err(StoreError::NotSetAside { .. })
    ));

    let entries = kv.borrow().entries().clone();
    assert_eq!(entries["theme"], "dark");
    assert_eq!(entries["lia-old:assessment:a1"], "an older install");
    assert!(entries
        .keys()
        .all(|k| !k.starts_with("lia:") || k == "lia:index"));
}

#[test]
fn usage_counts_only_this_namespace_as_a_browser_would() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut store = Store::new(kv.clone());
    assert_eq!(store.usage().unwrap(), 0);
    store.save(&draft("a1", "Café 😀 notes"), None, T0).unwrap();
    kv.borrow_mut().set("other:x", &"y".repeat(500)).unwrap();
    kv.borrow_mut().set("liability", "not ours").unwrap();

    let expected: u64 = kv
        .borrow()
        .entries()
        .iter()
        .filter(|(k, _)| k.starts_with("lia:"))
        .map(|(k, v)| stored_size(k, v))
        .sum();
    assert_eq!(store.usage().unwrap(), expected);
    assert!(expected > 0 && expected < kv.borrow().used_bytes());
}

#[test]
fn a_change_in_another_tab_says_what_it_concerns() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut tab = Store::new(kv.clone());
    tab.save(&draft("a1", "x"), None, T0).unwrap();
    kv.borrow_mut().set("lia:assessment:bad", "{").unwrap();
    tab.open(T0).unwrap();
    let changes: Vec<Option<Change>> = kv
        .borrow()
        .keys()
        .unwrap()
        .iter()
        .map(|key| tab.change(Some(key)))
        .collect();
    assert_eq!(
        changes,
        [
            Some(Change::Assessment("a1".into())),
            Some(Change::Index),
            Some(Change::SetAside("bad".into())),
            Some(Change::SetAside("bad".into())),
        ]
    );
    assert_eq!(tab.change(None), Some(Change::Everything));
    assert_eq!(tab.change(Some("team-b:assessment:a1")), None);
    assert_eq!(tab.change(Some("lia")), None);
}
