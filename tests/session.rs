//! The open assessment's life, natively: every transition of the session core over
//! `MemoryKv` with a fixed clock. Two tabs are two sessions sharing one storage, as two
//! tabs share one origin's localStorage; a storage event is `external_change`.

use std::cell::RefCell;
use std::rc::Rc;

use lia::assessment::examples::example;
use lia::assessment::{Assessment, Date, QuestionId as Q, Section, Status};
use lia::export::{import, to_json};
use lia::session::{
    ConflictKind, Defaults, ImportChoice, ImportStep, ImportWarning, Notice, Problem, SaveStatus,
    Session, AUTOSAVE_DELAY_MS, RETRY_DELAY_MS,
};
use lia::storage::{KeyValue, MemoryKv, Namespace, StoreError};

#[path = "fixtures/approver/mod.rs"]
mod approver;

type Shared = Rc<RefCell<MemoryKv>>;

/// Approves the open assessment as the hand-over does: sent, approved and signed by an
/// approver the organisation trusts, and the approved file opened here. The reasons
/// when it cannot be approved.
fn approve(s: &mut Session<Shared>, now: f64) -> Result<(), Vec<String>> {
    let sam = approver::TestApprover::sam();
    s.set_trust(sam.trusted());
    let sent = s
        .send_for_approval(now)
        .unwrap()
        .map_err(|e| vec![e.to_string()])?;
    let approved = sam
        .decide(&sent, &approver::approve_form(), TODAY)
        .map_err(|problems| match problems.as_slice() {
            [lia::handover::DecisionProblem::NotReady(reasons)] => reasons.clone(),
            other => other.iter().map(|p| p.message()).collect(),
        })?;
    let file = import(to_json(&approved, "2026-11-22T10:15:00Z", Some(TODAY)).as_bytes()).unwrap();
    assert_eq!(
        s.import(file, "approved.json", "unused".into(), now),
        ImportStep::Opened
    );
    Ok(())
}

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 26,
};
/// A fixed "now": 26 November 2026, in milliseconds since the Unix epoch.
const T0: f64 = 1_795_600_000_000.0;

fn shared() -> Shared {
    Rc::new(RefCell::new(MemoryKv::new()))
}

fn tab(kv: &Shared) -> Session<Shared> {
    let mut session = Session::new(
        kv.clone(),
        true,
        Namespace::default(),
        TODAY,
        Defaults::default(),
    );
    session.start_up();
    session.scan(T0);
    session
}

fn titled(id: &str, title: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, title);
    a
}

/// The record of `id` as stored: its revision and title.
fn stored(kv: &Shared, id: &str) -> Option<(u64, String)> {
    let raw = kv.borrow().get(&format!("lia:assessment:{id}")).unwrap()?;
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let title = value["assessment"]["answers"]["about.title"]
        .as_str()
        .unwrap_or("")
        .to_string();
    Some((value["revision"].as_u64().unwrap(), title))
}

fn type_title(session: &mut Session<Shared>, title: &str, now: f64) -> bool {
    session.edit(
        |a| {
            a.set_text(Q::AboutTitle, title);
        },
        now,
    )
}

fn open_title(session: &Session<Shared>) -> String {
    session.open().unwrap().title().to_string()
}

/// A saved assessment open in two tabs, both clean at revision 1.
fn two_tabs(id: &str) -> (Shared, Session<Shared>, Session<Shared>) {
    let kv = shared();
    let mut first = tab(&kv);
    assert!(first.start(titled(id, "Staff CCTV"), T0));
    let mut second = tab(&kv);
    assert!(second.open_saved(id, T0));
    (kv, first, second)
}

/// Both tabs typed; the other tab (`first`) saved first, so `second` meets a conflict.
fn conflicting() -> (Shared, Session<Shared>, Session<Shared>) {
    let (kv, mut first, mut second) = two_tabs("a1");
    type_title(&mut first, "Theirs", T0 + 10.0);
    first.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(stored(&kv, "a1"), Some((2, "Theirs".into())));
    type_title(&mut second, "Mine", T0 + 20.0);
    second.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(second.view().conflict, Some(ConflictKind::Changed));
    assert!(matches!(
        second.view().status,
        SaveStatus::NotSaved(Problem::Store(StoreError::Conflict(_)))
    ));
    assert_eq!(
        stored(&kv, "a1"),
        Some((2, "Theirs".into())),
        "nothing overwritten"
    );
    (kv, first, second)
}

// ---- editing and saving ------------------------------------------------------------

#[test]
fn edit_then_save() {
    let kv = shared();
    let mut s = tab(&kv);
    assert!(s.start(titled("a1", "Staff CCTV"), T0));
    assert_eq!(s.view().status, &SaveStatus::Saved);
    assert_eq!(stored(&kv, "a1"), Some((1, "Staff CCTV".into())));

    assert!(type_title(&mut s, "Staff CCTV at the depot", T0 + 1_000.0));
    assert!(s.unsaved());
    assert_eq!(s.view().status, &SaveStatus::Saving);
    assert_eq!(s.next_wakeup(), Some(T0 + 1_000.0 + AUTOSAVE_DELAY_MS));
    // Not yet due: nothing is written.
    s.tick(T0 + 1_000.0 + AUTOSAVE_DELAY_MS - 1.0);
    assert_eq!(stored(&kv, "a1"), Some((1, "Staff CCTV".into())));
    s.tick(T0 + 1_000.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(
        stored(&kv, "a1"),
        Some((2, "Staff CCTV at the depot".into()))
    );
    assert!(!s.unsaved());
    assert_eq!(s.base_revision(), Some(2));
    assert_eq!(s.view().status, &SaveStatus::Saved);
    assert_eq!(s.next_wakeup(), None);
    assert_eq!(
        s.view().summaries[0].title.as_deref(),
        Some("Staff CCTV at the depot")
    );
}

#[test]
fn a_second_edit_before_the_save_moves_the_save_and_saves_both() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "A"), T0);
    type_title(&mut s, "AB", T0 + 100.0);
    type_title(&mut s, "ABC", T0 + 250.0);
    assert_eq!(s.next_wakeup(), Some(T0 + 250.0 + AUTOSAVE_DELAY_MS));
    // The first edit's save time has passed, the second's has not.
    s.tick(T0 + 100.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(stored(&kv, "a1"), Some((1, "A".into())));
    s.tick(T0 + 250.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(
        stored(&kv, "a1"),
        Some((2, "ABC".into())),
        "one save for both"
    );
}

#[test]
fn an_approved_assessment_cannot_be_edited() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    assert_eq!(approve(&mut s, T0 + 1.0), Ok(()));
    assert_eq!(s.open().unwrap().status, Status::Approved);
    assert!(!type_title(&mut s, "Changed", T0 + 2.0));
    assert_eq!(s.next_wakeup(), None);
    let raw = kv.borrow().get("lia:assessment:a1").unwrap().unwrap();
    assert!(
        raw.contains(r#""status":"approved""#),
        "the approval was saved"
    );
}

#[test]
fn approval_is_refused_with_reasons_while_something_blocks_it() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Half done"), T0);
    let reasons = approve(&mut s, T0 + 1.0).unwrap_err();
    assert!(!reasons.is_empty());
    assert_eq!(s.open().unwrap().status, Status::Draft);
    // Sending it was recorded; nothing was approved.
    assert_eq!(stored(&kv, "a1"), Some((2, "Half done".into())));
    assert_eq!(
        s.store().load("a1").unwrap().assessment.status,
        Status::Draft
    );
}

// ---- another tab saved first -------------------------------------------------------

#[test]
fn another_tab_saved_first_keep_mine() {
    let (kv, _first, mut second) = conflicting();
    second.keep_mine(T0 + 1_000.0);
    assert_eq!(second.view().conflict, None);
    assert_eq!(second.view().status, &SaveStatus::Saved);
    assert_eq!(second.view().not_kept.map(|a| a.title()), Some("Theirs"));
    // A revision never reused: the other tab's 2 is followed by 3.
    assert_eq!(stored(&kv, "a1"), Some((3, "Mine".into())));
    assert_eq!(second.base_revision(), Some(3));
}

#[test]
fn another_tab_saved_first_use_theirs() {
    let (kv, _first, mut second) = conflicting();
    assert!(second.use_theirs(T0 + 1_000.0));
    assert_eq!(open_title(&second), "Theirs");
    assert!(!second.unsaved());
    assert_eq!(second.base_revision(), Some(2), "nothing new to write");
    assert_eq!(second.view().conflict, None);
    // The version not kept is offered as a download.
    assert_eq!(second.view().not_kept.map(|a| a.title()), Some("Mine"));
    assert_eq!(stored(&kv, "a1"), Some((2, "Theirs".into())));
    // And editing goes on from their version.
    type_title(&mut second, "Theirs, then mine", T0 + 2_000.0);
    second.tick(T0 + 2_000.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(stored(&kv, "a1"), Some((3, "Theirs, then mine".into())));
}

#[test]
fn another_tab_saved_first_keep_both() {
    let (kv, _first, mut second) = conflicting();
    second.keep_both("a2".into(), T0 + 1_000.0);
    assert_eq!(second.view().conflict, None);
    assert_eq!(second.open().unwrap().id, "a2");
    assert_eq!(second.view().notice, Some(&Notice::KeptBoth));
    assert_eq!(stored(&kv, "a1"), Some((2, "Theirs".into())), "theirs kept");
    assert_eq!(
        stored(&kv, "a2"),
        Some((1, "Mine".into())),
        "mine kept beside it"
    );
    assert!(second
        .open()
        .unwrap()
        .review_log
        .last()
        .unwrap()
        .note
        .contains("separate copy"));
    assert_eq!(second.view().summaries.len(), 2);
}

#[test]
fn changes_of_another_tab_are_followed_when_this_one_has_none() {
    let (kv, mut first, mut second) = two_tabs("a1");
    type_title(&mut first, "Theirs", T0 + 10.0);
    first.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    second.external_change(Some("lia:assessment:a1"), T0 + 400.0);
    assert_eq!(open_title(&second), "Theirs");
    assert_eq!(second.base_revision(), Some(2));
    assert_eq!(second.view().notice, Some(&Notice::ChangedElsewhere));
    // Another namespace's key, or another assessment's, is not ours to follow.
    second.external_change(Some("other:assessment:a1"), T0 + 500.0);
    assert_eq!(stored(&kv, "a1"), Some((2, "Theirs".into())));
}

#[test]
fn a_storage_event_while_this_tab_has_changes_raises_the_conflict_at_once() {
    let (_kv, mut first, mut second) = two_tabs("a1");
    type_title(&mut first, "Theirs", T0 + 10.0);
    first.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    type_title(&mut second, "Mine", T0 + 20.0);
    second.external_change(Some("lia:assessment:a1"), T0 + 30.0);
    assert_eq!(second.view().conflict, Some(ConflictKind::Changed));
    assert_eq!(open_title(&second), "Mine", "nothing typed is replaced");
    // Typing on while the choice is pending keeps the work, and never claims to save.
    type_title(&mut second, "Mine, more", T0 + 40.0);
    assert_eq!(open_title(&second), "Mine, more");
    assert!(matches!(second.view().status, SaveStatus::NotSaved(_)));
    assert_eq!(second.next_wakeup(), None);
}

// ---- approved or deleted elsewhere ------------------------------------------------

/// An example open in two tabs; the first approves it while the second has changes.
fn approved_elsewhere() -> (Shared, Session<Shared>) {
    let kv = shared();
    let mut first = tab(&kv);
    first.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    let mut second = tab(&kv);
    second.open_saved("a1", T0);
    assert_eq!(approve(&mut first, T0 + 10.0), Ok(()));
    type_title(&mut second, "My late change", T0 + 20.0);
    second.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert!(second.view().approved_elsewhere);
    assert!(matches!(
        second.view().status,
        SaveStatus::NotSaved(Problem::Store(StoreError::ReadOnly { .. }))
    ));
    (kv, second)
}

#[test]
fn approved_elsewhere_keep_my_changes_as_a_review() {
    let (kv, mut second) = approved_elsewhere();
    let approved_before = kv.borrow().get("lia:assessment:a1").unwrap();
    assert!(second.save_as_review("a2".into(), T0 + 1_000.0));
    let review = second.open().unwrap();
    assert_eq!(review.id, "a2");
    assert_eq!(review.review_of.as_deref(), Some("a1"));
    assert_eq!(review.version, 2);
    assert_eq!(review.status, Status::Draft);
    assert_eq!(review.title(), "My late change");
    assert!(!second.view().approved_elsewhere);
    assert_eq!(stored(&kv, "a2").map(|(r, _)| r), Some(1));
    assert_eq!(
        kv.borrow().get("lia:assessment:a1").unwrap(),
        approved_before,
        "the approved record is untouched"
    );
}

#[test]
fn approved_elsewhere_use_the_approved_version() {
    let (_kv, mut second) = approved_elsewhere();
    assert!(second.use_approved());
    assert_eq!(second.open().unwrap().status, Status::Approved);
    assert!(!second.unsaved());
    assert!(!second.view().approved_elsewhere);
}

#[test]
fn deleted_elsewhere_stays_open_and_is_saved_again_on_the_next_change() {
    let (kv, mut first, mut second) = two_tabs("a1");
    first.delete("a1", T0 + 10.0).unwrap();
    second.external_change(Some("lia:assessment:a1"), T0 + 20.0);
    assert_eq!(second.view().notice, Some(&Notice::DeletedElsewhere));
    assert_eq!(open_title(&second), "Staff CCTV");
    assert_eq!(stored(&kv, "a1"), None);
    type_title(&mut second, "Staff CCTV, kept", T0 + 30.0);
    second.tick(T0 + 30.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(stored(&kv, "a1"), Some((1, "Staff CCTV, kept".into())));
}

#[test]
fn deleted_elsewhere_while_this_tab_typed_asks_and_can_let_it_go() {
    let (kv, mut first, mut second) = two_tabs("a1");
    first.delete("a1", T0 + 10.0).unwrap();
    type_title(&mut second, "Mine", T0 + 20.0);
    second.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(second.view().conflict, Some(ConflictKind::Deleted));
    assert!(
        !second.use_theirs(T0 + 1_000.0),
        "let it be deleted: nothing stays open"
    );
    assert!(second.open().is_none());
    assert_eq!(second.view().status, &SaveStatus::Idle);
    assert_eq!(stored(&kv, "a1"), None);
}

// ---- full and blocked storage --------------------------------------------------------

#[test]
fn store_full_then_space_freed() {
    let kv = shared();
    let mut s = tab(&kv);
    let mut old = titled("old", "An old one");
    old.set_text(Q::PurposeWhy, "A long answer. ".repeat(200));
    s.start(old, T0);
    s.close(T0);
    s.start(titled("a1", "Staff CCTV"), T0);
    let used = kv.borrow().used_bytes();
    kv.borrow_mut().set_quota(Some(used + 100));
    type_title(&mut s, &"A long title ".repeat(20), T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    assert!(matches!(
        s.view().status,
        SaveStatus::NotSaved(Problem::Store(StoreError::Full { .. }))
    ));
    assert!(s.unsaved(), "the work stays in memory");
    let retry = T0 + 10.0 + AUTOSAVE_DELAY_MS + RETRY_DELAY_MS;
    assert_eq!(s.next_wakeup(), Some(retry));
    // Opening another assessment is refused while the work is unsaved.
    assert!(!s.open_saved("old", T0 + 20.0 + AUTOSAVE_DELAY_MS));
    assert!(matches!(
        s.view().notice,
        Some(Notice::HoldingUnsaved { .. })
    ));
    assert_eq!(s.open().unwrap().id, "a1");
    // Deleting frees space, and the waiting save goes through at once.
    s.delete("old", T0 + 30.0 + AUTOSAVE_DELAY_MS).unwrap();
    assert_eq!(s.view().status, &SaveStatus::Saved);
    assert!(stored(&kv, "a1").unwrap().1.starts_with("A long title"));
    assert_eq!(s.next_wakeup(), None);
}

#[test]
fn store_full_retries_later_on_its_own() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Staff CCTV"), T0);
    let used = kv.borrow().used_bytes();
    kv.borrow_mut().set_quota(Some(used));
    type_title(&mut s, "Staff CCTV at the depot", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    assert!(s.unsaved());
    kv.borrow_mut().set_quota(None);
    let retry = s.next_wakeup().unwrap();
    s.tick(retry - 1.0);
    assert!(s.unsaved(), "not before the retry is due");
    s.tick(retry);
    assert!(!s.unsaved());
    assert_eq!(
        stored(&kv, "a1"),
        Some((2, "Staff CCTV at the depot".into()))
    );
}

#[test]
fn store_blocked_keeps_the_work_and_saves_once_it_is_allowed_again() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Staff CCTV"), T0);
    kv.borrow_mut()
        .make_unavailable("SecurityError: blocked by a setting");
    type_title(&mut s, "Blocked edit", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    assert!(matches!(
        s.view().status,
        SaveStatus::NotSaved(Problem::Store(StoreError::Unavailable(_)))
    ));
    assert_eq!(open_title(&s), "Blocked edit");
    // Closing keeps the unsaved work open rather than dropping it.
    s.close(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(open_title(&s), "Blocked edit");
    kv.borrow_mut().make_available();
    s.tick(s.next_wakeup().unwrap());
    assert_eq!(stored(&kv, "a1"), Some((2, "Blocked edit".into())));
    assert_eq!(s.view().status, &SaveStatus::Saved);
}

#[test]
fn storage_the_browser_refused_is_never_called_saved() {
    let mut s = Session::new(
        MemoryKv::new(),
        false,
        Namespace::default(),
        TODAY,
        Defaults::default(),
    );
    s.start_up();
    assert!(s.view().unavailable);
    s.start(titled("a1", "In memory"), T0);
    assert_eq!(s.view().status, &SaveStatus::NotSaved(Problem::MemoryOnly));
    s.close(T0);
    assert!(s.open_saved("a1", T0));
    assert_eq!(s.view().status, &SaveStatus::NotSaved(Problem::MemoryOnly));
}

// ---- opening, starting, closing -------------------------------------------------------

#[test]
fn a_blank_assessment_gets_the_host_pages_defaults() {
    let kv = shared();
    let mut s = Session::new(
        kv.clone(),
        true,
        Namespace::default(),
        TODAY,
        Defaults {
            organisation: Some("Riverside Housing".into()),
            approver_role: Some("DPO".into()),
            self_approval: false,
            settings: Some(std::sync::Arc::new(
                lia::organisation::read(include_str!("../docs/settings.example.json")).unwrap(),
            )),
        },
    );
    s.start(Assessment::new("a1"), T0);
    let a = s.open().unwrap();
    assert_eq!(a.title(), "Untitled assessment");
    assert!(format!("{:?}", a.answers.get(Q::AboutOrganisation)).contains("Riverside Housing"));
    assert!(format!("{:?}", a.answers.get(Q::SignOffApprovedRole)).contains("DPO"));
    // Made under the organisation's settings, with none of their questions answered yet.
    let made_under = a.organisation.as_deref().unwrap();
    assert_eq!(made_under.revision, "2026.1");
    assert!(made_under.answers.is_empty());
    // An example or import keeps its own answers, and is made under no settings.
    s.start(titled("a2", "Mine"), T0);
    let a = s.open().unwrap();
    assert!(a.answers.get(Q::AboutOrganisation).is_none());
    assert!(a.organisation.is_none());
}

#[test]
fn closing_a_saved_assessment_clears_it_and_a_missing_one_cannot_be_opened() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "One"), T0);
    s.close(T0 + 1.0);
    assert!(s.open().is_none());
    assert_eq!(s.view().status, &SaveStatus::Idle);
    assert!(!s.open_saved("nope", T0 + 2.0));
    assert!(matches!(
        s.view().notice,
        Some(Notice::CannotOpen(StoreError::NotFound { .. }))
    ));
    assert!(s.open_saved("a1", T0 + 3.0));
    assert_eq!(s.view().notice, None);
}

// ---- import ---------------------------------------------------------------------------

fn exported(a: &Assessment) -> Vec<u8> {
    to_json(a, "2026-11-26T10:00:00.000Z", Some(TODAY)).into_bytes()
}

#[test]
fn import_as_new_keeps_its_id_and_logs_where_it_came_from() {
    let kv = shared();
    let mut s = tab(&kv);
    let file = import(&exported(&titled("from-file", "Imported one"))).unwrap();
    assert_eq!(
        s.import(file, "one.json", "fresh".into(), T0),
        ImportStep::Opened
    );
    let open = s.open().unwrap();
    assert_eq!(open.id, "from-file");
    let log = &open.review_log.last().unwrap().note;
    assert_eq!(
        log,
        "Imported from one.json, exported 2026-11-26T10:00:00.000Z."
    );
    assert!(s.view().import_warnings.is_empty());
    assert_eq!(stored(&kv, "from-file"), Some((1, "Imported one".into())));
}

#[test]
fn import_of_a_changed_file_opens_with_its_warning_on_it_only() {
    let kv = shared();
    let mut s = tab(&kv);
    let text = String::from_utf8(exported(&titled("f1", "Signed off"))).unwrap();
    let tampered = text.replace("Signed off", "Quietly changed");
    let file = import(tampered.as_bytes()).unwrap();
    assert_eq!(
        s.import(file, "f1.json", "fresh".into(), T0),
        ImportStep::Opened
    );
    let warning = ImportWarning::Changed {
        file: "f1.json".into(),
    };
    assert_eq!(s.view().import_warnings, std::slice::from_ref(&warning));
    assert!(s.open().unwrap().review_log[0]
        .note
        .contains(&warning.to_string()));
    s.start(titled("other", "Other"), T0 + 1.0);
    assert!(
        s.view().import_warnings.is_empty(),
        "not shown on another assessment"
    );
}

/// A saved assessment `a1`, and a file of the same assessment with other answers.
fn clash() -> (Shared, Session<Shared>) {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Saved here"), T0);
    s.close(T0);
    let file = import(&exported(&titled("a1", "From the file"))).unwrap();
    assert_eq!(
        s.import(file, "a1.json", "fresh".into(), T0 + 1.0),
        ImportStep::Clash
    );
    let clash = s.view().import_clash.cloned().unwrap();
    assert_eq!(clash.existing_title, "Saved here");
    assert!(!clash.existing_approved);
    assert!(s.open().is_none(), "nothing opened before the user chooses");
    (kv, s)
}

#[test]
fn import_replace() {
    let (kv, mut s) = clash();
    assert_eq!(
        s.resolve_import(ImportChoice::Replace, "unused".into(), T0 + 2.0),
        ImportStep::Opened
    );
    assert_eq!(s.open().unwrap().id, "a1");
    assert_eq!(stored(&kv, "a1"), Some((2, "From the file".into())));
    assert_eq!(s.view().summaries.len(), 1);
    assert_eq!(s.view().import_clash, None);
}

#[test]
fn import_keep_both() {
    let (kv, mut s) = clash();
    assert_eq!(
        s.resolve_import(ImportChoice::KeepBoth, "a2".into(), T0 + 2.0),
        ImportStep::Opened
    );
    assert_eq!(s.open().unwrap().id, "a2");
    assert_eq!(stored(&kv, "a1"), Some((1, "Saved here".into())));
    assert_eq!(stored(&kv, "a2"), Some((1, "From the file".into())));
}

#[test]
fn import_cancel_changes_nothing() {
    let (kv, mut s) = clash();
    let before = kv.borrow().clone();
    s.resolve_import(ImportChoice::Cancel, "a2".into(), T0 + 2.0);
    assert_eq!(s.view().import_clash, None);
    assert!(s.open().is_none());
    assert_eq!(*kv.borrow(), before);
}

#[test]
fn an_approved_record_is_never_replaced_by_an_import() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    approve(&mut s, T0).unwrap();
    s.close(T0);
    let approved = kv.borrow().get("lia:assessment:a1").unwrap();
    let file = import(&exported(&titled("a1", "Rewritten"))).unwrap();
    assert_eq!(
        s.import(file, "a1.json", "fresh".into(), T0 + 1.0),
        ImportStep::Clash
    );
    assert!(s.view().import_clash.unwrap().existing_approved);
    assert_eq!(
        s.resolve_import(ImportChoice::Replace, "x".into(), T0 + 2.0),
        ImportStep::Clash
    );
    assert!(matches!(
        s.view().notice,
        Some(Notice::CannotReplaceApproved { .. })
    ));
    assert_eq!(kv.borrow().get("lia:assessment:a1").unwrap(), approved);
    assert_eq!(
        s.resolve_import(ImportChoice::KeepBoth, "a2".into(), T0 + 3.0),
        ImportStep::Opened
    );
    assert_eq!(kv.borrow().get("lia:assessment:a1").unwrap(), approved);
}

#[test]
fn an_import_waits_while_the_open_work_cannot_be_saved() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Open"), T0);
    let used = kv.borrow().used_bytes();
    kv.borrow_mut().set_quota(Some(used));
    type_title(&mut s, "Open, with changes that do not fit", T0 + 1.0);
    let file = import(&exported(&titled("f1", "File"))).unwrap();
    assert_eq!(
        s.import(file, "f1.json", "fresh".into(), T0 + 2.0),
        ImportStep::Refused
    );
    assert_eq!(s.open().unwrap().id, "a1");
    assert!(s.view().import_warnings.is_empty());
}

// ---- review, duplicate, rename, delete ------------------------------------------------

#[test]
fn start_a_review() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    approve(&mut s, T0).unwrap();
    let approved = kv.borrow().get("lia:assessment:a1").unwrap();
    assert!(s.start_review("a2".into(), T0 + 1.0));
    let review = s.open().unwrap();
    assert_eq!((review.id.as_str(), review.version), ("a2", 2));
    assert_eq!(review.review_of.as_deref(), Some("a1"));
    assert!(review.answers.get(Q::SignOffApprovedDate).is_none());
    assert_eq!(kv.borrow().get("lia:assessment:a1").unwrap(), approved);
    assert_eq!(stored(&kv, "a2").map(|(r, _)| r), Some(1));
    // Only an approved record starts a review.
    assert!(!s.start_review("a3".into(), T0 + 2.0));
}

#[test]
fn a_review_is_compared_with_the_saved_version_it_reviews() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    assert!(s.changes_since_previous().is_none(), "not a review");
    approve(&mut s, T0).unwrap();
    s.start_review("a2".into(), T0 + 1.0);
    assert_eq!(s.previous_version().map(|a| a.id), Some("a1".to_string()));
    let (changes, chain) = s.changes_since_previous().unwrap();
    assert!(changes.is_empty(), "{changes:?}");
    assert_eq!(
        chain.describe(),
        "Version 2 reviews exactly the approved version 1."
    );
    s.edit(
        |a| {
            a.set_text(Q::ExpPastUse, "Not used for anything else before.");
        },
        T0 + 2.0,
    );
    let (changes, _) = s.changes_since_previous().unwrap();
    assert_eq!(changes.len(), 1);
    // Each saved record has its register row, worked out from it today.
    let row = s.saved_row("a1").unwrap();
    assert_eq!(
        (row.status, row.version, row.approver.as_str()),
        (lia::assessment::Status::Approved, 1, "Sam Patel")
    );
    assert_eq!(s.saved_row("a2").unwrap().version, 2);
    assert!(s.saved_row("nothing").is_none());
    // Once the version it reviews is gone from this browser there is nothing to compare.
    s.close(T0 + 3.0);
    s.delete("a1", T0 + 4.0).unwrap();
    s.open_saved("a2", T0 + 5.0);
    assert!(s.previous_version().is_none());
    assert!(s.changes_since_previous().is_none());
}

#[test]
fn duplicate() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Original"), T0);
    s.close(T0);
    s.duplicate("a1", "a2", T0 + 1.0).unwrap();
    assert_eq!(stored(&kv, "a2"), Some((1, "Original".into())));
    assert_eq!(s.view().summaries.len(), 2);
    assert!(matches!(
        s.duplicate("a1", "a2", T0 + 2.0),
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.duplicate("nope", "a3", T0 + 2.0),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn rename() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Original"), T0);
    s.close(T0);
    s.rename("a1", "  Renamed  ", T0 + 1.0).unwrap();
    assert_eq!(stored(&kv, "a1"), Some((2, "Renamed".into())));
    assert_eq!(s.view().summaries[0].title.as_deref(), Some("Renamed"));
}

#[test]
fn renaming_the_open_assessment_keeps_its_unsaved_changes_and_revision() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Original"), T0);
    s.edit(
        |a| {
            a.set_text(Q::PurposeWhy, "To keep staff safe");
        },
        T0 + 1.0,
    );
    s.rename("a1", "Renamed", T0 + 2.0).unwrap();
    assert_eq!(stored(&kv, "a1"), Some((2, "Renamed".into())));
    assert!(!s.unsaved());
    // The next edit saves on top of the rename: no conflict with itself.
    type_title(&mut s, "Renamed again", T0 + 3.0);
    s.tick(T0 + 3.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(s.view().conflict, None);
    assert_eq!(stored(&kv, "a1"), Some((3, "Renamed again".into())));
}

#[test]
fn delete_and_undo() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "Original"), T0);
    s.close(T0);
    let before = kv.borrow().get("lia:assessment:a1").unwrap();
    s.delete("a1", T0 + 1.0).unwrap();
    assert_eq!(stored(&kv, "a1"), None);
    assert_eq!(s.view().deleted.len(), 1);
    assert!(s.view().summaries.is_empty());
    s.undo_delete("a1").unwrap();
    assert_eq!(kv.borrow().get("lia:assessment:a1").unwrap(), before);
    assert!(s.view().deleted.is_empty());
    assert_eq!(s.view().summaries.len(), 1);
}

#[test]
fn a_damaged_record_is_set_aside_at_scan_and_can_be_downloaded_or_discarded() {
    let kv = shared();
    kv.borrow_mut()
        .set("lia:assessment:bad", "{\"schema_version\":1,\"rev")
        .unwrap();
    let mut s = tab(&kv);
    let damaged = s.view().damaged.to_vec();
    assert_eq!(damaged.len(), 1);
    assert_eq!(
        s.damaged_text(&damaged[0].key).unwrap(),
        "{\"schema_version\":1,\"rev"
    );
    s.discard_damaged(&damaged[0].key).unwrap();
    assert!(s.view().damaged.is_empty());
}

#[test]
fn a_steady_typist_is_saved_at_least_every_two_seconds() {
    let kv = shared();
    let mut s = tab(&kv);
    s.start(titled("a1", "T"), T0);
    // A key every 110 ms for 7 seconds, the timer firing whenever the session asks.
    let mut title = String::from("T");
    let mut saves = Vec::new();
    let mut now = T0 + 1.0;
    while now < T0 + 7_000.0 {
        if let Some(due) = s.next_wakeup().filter(|due| *due <= now) {
            s.tick(due);
            if !s.unsaved() {
                saves.push(due);
            }
        }
        title.push('x');
        type_title(&mut s, &title, now);
        now += 110.0;
    }
    assert!(
        saves.len() >= 3,
        "saved {} times in 7 s: {saves:?}",
        saves.len()
    );
    let mut last = T0;
    for at in &saves {
        assert!(
            at - last <= lia::session::MAX_SAVE_WAIT_MS + 110.0,
            "{saves:?}"
        );
        last = *at;
    }
    // What was saved last is what had been typed by then.
    let (_, stored_title) = stored(&kv, "a1").unwrap();
    assert!(stored_title.len() > 40, "{stored_title}");
}

fn two_impacts_with_one_id(id: &str) -> Assessment {
    let mut a = titled(id, "Impacts");
    for description in ["First", "Second"] {
        a.impacts.push(lia::assessment::Impact {
            id: 7,
            description: description.into(),
            ..Default::default()
        });
    }
    a
}

#[test]
fn an_imported_file_with_two_impacts_under_one_id_opens_with_them_apart() {
    let kv = shared();
    let mut s = tab(&kv);
    let file = import(&exported(&two_impacts_with_one_id("f1"))).unwrap();
    assert_eq!(
        s.import(file, "f1.json", "fresh".into(), T0),
        ImportStep::Opened
    );
    let open = s.open().unwrap();
    let ids: Vec<u32> = open.impacts.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![7, 8]);
    assert!(open.review_log[0]
        .note
        .contains("Impact 2 had the number 7"));
    // Editing and removing the second touch the second only.
    let second = open.impacts[1].id;
    s.edit(
        |a| a.impact_mut(second).unwrap().description = "Second, edited".into(),
        T0 + 1.0,
    );
    s.edit(|a| a.remove_impact(second), T0 + 2.0);
    let open = s.open().unwrap();
    assert_eq!(open.impacts.len(), 1);
    assert_eq!(open.impacts[0].description, "First");
}

#[test]
fn a_stored_record_with_two_impacts_under_one_id_opens_with_them_apart() {
    let kv = shared();
    let record = serde_json::json!({
        "schema_version": 1, "revision": 1, "saved_at": 1,
        "assessment": serde_json::to_value(two_impacts_with_one_id("a1")).unwrap(),
    });
    kv.borrow_mut()
        .set("lia:assessment:a1", &record.to_string())
        .unwrap();
    let mut s = tab(&kv);
    assert!(s.open_saved("a1", T0));
    let ids: Vec<u32> = s.open().unwrap().impacts.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![7, 8]);
    // Whatever an edit does, two impacts never end up sharing an id.
    s.edit(|a| a.impacts[1].id = 7, T0 + 1.0);
    let ids: Vec<u32> = s.open().unwrap().impacts.iter().map(|i| i.id).collect();
    assert_eq!(ids, vec![7, 8]);
}

#[test]
fn every_imported_id_opens_and_one_the_address_cannot_carry_is_replaced() {
    let long = "x".repeat(201);
    for id in [
        long.as_str(),
        "a b",
        "a/b",
        "a?b",
        "é",
        "<x>",
        "a\"b",
        "../x",
        "a\u{2028}b",
        "",
        "a\nb",
    ] {
        let kv = shared();
        let mut s = tab(&kv);
        let file = import(&exported(&titled(id, "Odd id"))).unwrap();
        assert_eq!(
            s.import(file, "odd.json", "fresh-1".into(), T0),
            ImportStep::Opened,
            "{id:?}"
        );
        let opened = s.open().unwrap().id.clone();
        if lia::session::usable_id(id) {
            assert_eq!(opened, id);
        } else {
            assert_eq!(opened, "fresh-1", "{id:?}");
            let note = &s.open().unwrap().review_log[0].note;
            assert!(note.contains("cannot be used here"), "{note}");
            // The id as it was, each character that breaks a line written as its code.
            // (The long one by its first 200 characters.)
            let shown = match id {
                "a\u{2028}b" => "“a\\u{2028}b”".to_string(),
                "a\nb" => "“a\\u{a}b”".to_string(),
                "" => "“”".to_string(),
                _ => format!("“{}”", &long[..200]),
            };
            assert!(note.contains(&shown), "{note}");
        }
        // It opens again from the list, by the id its address carries.
        s.close(T0 + 1.0);
        let hash = lia::route::Route::Tasks.to_hash(Some(&opened));
        let (from_address, _) = lia::route::Route::from_hash(&hash);
        assert_eq!(from_address.as_deref(), Some(opened.as_str()));
        assert!(s.open_saved(&opened, T0 + 2.0), "{id:?} opens again");
    }
}

#[test]
fn edits_to_different_questions_in_two_tabs_are_merged_without_asking() {
    let (kv, mut first, mut second) = two_tabs("a1");
    first.edit(
        |a| {
            a.set_text(Q::PurposeWhy, "Theirs: to keep staff safe");
        },
        T0 + 10.0,
    );
    first.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    type_title(&mut second, "Mine: Staff CCTV at the depot", T0 + 20.0);
    second.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(second.view().conflict, None, "nothing to ask");
    assert_eq!(second.view().notice, Some(&Notice::MergedFromElsewhere));
    assert_eq!(second.view().status, &SaveStatus::Saved);
    let raw = kv.borrow().get("lia:assessment:a1").unwrap().unwrap();
    assert!(
        raw.contains("Theirs: to keep staff safe"),
        "their edit kept"
    );
    assert!(raw.contains("Mine: Staff CCTV at the depot"), "mine kept");
    assert_eq!(stored(&kv, "a1").unwrap().0, 3);
    // Shown here in place: the open assessment has both, and was not replaced.
    let open = second.open().unwrap();
    assert!(format!("{:?}", open.answers.get(Q::PurposeWhy)).contains("Theirs"));
    assert_eq!(open.title(), "Mine: Staff CCTV at the depot");
    // The first tab follows: it has no unsaved changes, so it takes the merge in place.
    let replaced = first.view().replaced;
    first.external_change(Some("lia:assessment:a1"), T0 + 1_000.0);
    assert_eq!(open_title(&first), "Mine: Staff CCTV at the depot");
    assert_eq!(
        first.view().replaced,
        replaced,
        "updated in place, not replaced"
    );
}

#[test]
fn a_clash_lists_what_both_changed_and_keep_mine_keeps_their_other_edits() {
    let (kv, mut first, mut second) = two_tabs("a1");
    first.edit(
        |a| {
            a.set_text(Q::AboutTitle, "Their title");
            a.set_text(Q::PurposeWhy, "Their purpose");
        },
        T0 + 10.0,
    );
    first.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    type_title(&mut second, "My title", T0 + 20.0);
    second.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(second.view().conflict, Some(ConflictKind::Changed));
    assert_eq!(
        second.view().clashes,
        &[lia::session::Clash::Answer(Q::AboutTitle)]
    );
    // Typing on while asked: the work is kept, and the clash list follows it.
    type_title(&mut second, "Staff CCTV", T0 + 30.0);
    assert!(second.view().clashes.is_empty() || second.view().conflict.is_some());
    type_title(&mut second, "My title, longer", T0 + 40.0);
    second.keep_mine(T0 + 1_000.0);
    let raw = kv.borrow().get("lia:assessment:a1").unwrap().unwrap();
    assert!(raw.contains("My title, longer"), "{raw}");
    assert!(
        raw.contains("Their purpose"),
        "their other edit is not lost: {raw}"
    );
    assert_eq!(
        second.view().not_kept.map(|a| a.title()),
        Some("Their title")
    );
}

// ---- the write-ahead journal ------------------------------------------------------------

/// The shell's journal as the browser keeps it (IndexedDB's `entries`: texts under record
/// keys), here a key-value store like storage, so a test can write to it as another page
/// would.
fn journal() -> Shared {
    shared()
}

/// A tab whose shell keeps a journal.
fn journaled_tab(kv: &Shared) -> Session<Shared> {
    let mut s = tab(kv);
    s.use_journal();
    s
}

/// Does to the journal what the shell does with the session's batch; returns what was
/// written (key, revision).
fn write_journal(s: &mut Session<Shared>, journal: &Shared) -> Vec<(String, u64)> {
    let batch = s.take_journal();
    let mut j = journal.borrow_mut();
    if batch.clear {
        *j = MemoryKv::new();
    }
    for key in &batch.remove {
        j.remove(key).unwrap();
    }
    for e in &batch.entries {
        j.set(&e.key, &e.text).unwrap();
    }
    batch
        .entries
        .iter()
        .map(|e| (e.key.clone(), e.revision))
        .collect()
}

/// Writes the batch to the journal and tells the session it is committed.
fn confirm(s: &mut Session<Shared>, journal: &Shared) -> usize {
    let written = write_journal(s, journal);
    s.journal_written(&written);
    written.len()
}

/// What the journal hands back at start-up: every key and text in it.
fn kept(journal: &Shared) -> Vec<(String, String)> {
    journal
        .borrow()
        .entries()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn with_a_journal_saved_means_in_the_journal_too() {
    let kv = shared();
    let j = journal();
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "One"), T0);
    assert_eq!(
        s.view().status,
        &SaveStatus::Saving,
        "in storage, not yet in the journal"
    );
    assert_eq!(confirm(&mut s, &j), 1);
    assert_eq!(s.view().status, &SaveStatus::Saved);
    type_title(&mut s, "Two", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    assert_eq!(s.view().status, &SaveStatus::Saving);
    // An older revision confirmed says nothing about the newer one.
    s.journal_written(&[("lia:assessment:a1".into(), 1)]);
    assert_eq!(s.view().status, &SaveStatus::Saving);
    confirm(&mut s, &j);
    assert_eq!(s.view().status, &SaveStatus::Saved);
    // Without a journal (the browser refused it), storage alone is "Saved".
    type_title(&mut s, "Three", T0 + 20.0);
    s.tick(T0 + 20.0 + AUTOSAVE_DELAY_MS);
    s.journal_unavailable();
    assert_eq!(s.view().status, &SaveStatus::Saved);
}

#[test]
fn work_saved_before_the_browser_died_is_put_back_from_the_journal() {
    let kv = shared();
    let j = journal();
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "First draft"), T0);
    confirm(&mut s, &j);
    s.start(titled("gone", "To be deleted"), T0);
    confirm(&mut s, &j);
    // What localStorage had put on disk when the browser died: these two records.
    let on_disk = kv.borrow().clone();
    s.close(T0);
    s.open_saved("a1", T0);
    type_title(&mut s, "Typed in the last seconds", T0 + 100.0);
    s.tick(T0 + 100.0 + AUTOSAVE_DELAY_MS);
    s.close(T0 + 500.0);
    s.delete("gone", T0 + 600.0).unwrap();
    s.start(titled("new", "Started just before"), T0 + 700.0);
    assert_eq!(s.view().status, &SaveStatus::Saving);
    confirm(&mut s, &j);
    assert_eq!(s.view().status, &SaveStatus::Saved);

    // The browser dies: localStorage comes back as it was on disk.
    *kv.borrow_mut() = on_disk;
    let mut after = journaled_tab(&kv);
    assert_eq!(stored(&kv, "a1"), Some((1, "First draft".into())));
    assert_eq!(after.recover(&kept(&j), T0 + 10_000.0), 3);
    assert_eq!(
        stored(&kv, "a1"),
        Some((2, "Typed in the last seconds".into()))
    );
    assert_eq!(stored(&kv, "gone"), None, "the deletion stands");
    assert_eq!(stored(&kv, "new"), Some((1, "Started just before".into())));
    // Without a passphrase it is "put back", never "recovered", and can be undone.
    let notice = after.view().notice.unwrap().to_string();
    assert!(
        notice.starts_with("Put back from this browser's copy of the latest saves: ")
            && notice.contains("“Typed in the last seconds” (a later version)")
            && notice.contains("“To be deleted” (deleted, as just before)")
            && notice.contains("“Started just before” (it was missing here)")
            && notice.contains("undo them")
            && !notice.contains("recovered"),
        "{notice}"
    );
    assert!(after.view().lost.is_empty(), "{:?}", after.view().lost);
    let titles: Vec<String> = after
        .view()
        .summaries
        .iter()
        .filter_map(|s| s.title.clone())
        .collect();
    assert!(
        titles.contains(&"Typed in the last seconds".to_string()),
        "{titles:?}"
    );
    // Nothing newer in storage is ever replaced by the journal.
    assert_eq!(after.recover(&kept(&j), T0 + 11_000.0), 0);
}

#[test]
fn what_the_journal_put_back_can_be_undone() {
    let kv = shared();
    let j = journal();
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "Mine"), T0);
    confirm(&mut s, &j);
    let on_disk = kv.borrow().clone();
    type_title(&mut s, "Changed just before", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    confirm(&mut s, &j);
    *kv.borrow_mut() = on_disk;
    let mut after = journaled_tab(&kv);
    after.open_saved("a1", T0 + 1_000.0);
    assert_eq!(after.recover(&kept(&j), T0 + 1_001.0), 1);
    assert_eq!(open_title(&after), "Changed just before");
    after.undo_recovery(T0 + 1_002.0);
    assert_eq!(stored(&kv, "a1"), Some((1, "Mine".into())));
    assert_eq!(open_title(&after), "Mine");
    assert_eq!(after.view().notice, None);
    assert!(after.view().lost.is_empty());
}

#[test]
fn the_open_assessment_follows_its_recovered_version() {
    let kv = shared();
    let j = journal();
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "Old"), T0);
    let on_disk = kv.borrow().clone();
    type_title(&mut s, "New", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    write_journal(&mut s, &j);
    *kv.borrow_mut() = on_disk;
    // The app reopens on the assessment's address before the journal is read.
    let mut after = journaled_tab(&kv);
    after.open_saved("a1", T0 + 1_000.0);
    assert_eq!(open_title(&after), "Old");
    after.recover(&kept(&j), T0 + 1_001.0);
    assert_eq!(open_title(&after), "New");
    assert_eq!(after.base_revision(), Some(2));
}

#[test]
fn a_file_that_says_approved_but_could_not_be_is_opened_with_a_plain_warning() {
    let kv = shared();
    let mut s = tab(&kv);
    let mut claimed = titled("f1", "Almost nothing answered");
    claimed.status = Status::Approved;
    let file = import(&exported(&claimed)).unwrap();
    assert_eq!(
        s.import(file, "f1.json", "fresh".into(), T0),
        ImportStep::Opened
    );
    let warnings = s.view().import_warnings.to_vec();
    assert!(
        matches!(warnings.as_slice(), [ImportWarning::ApprovedNotReady { reasons, .. }, ImportWarning::Approval { holds: false, .. }] if *reasons > 3),
        "{warnings:?}"
    );
    assert!(warnings[1].to_string().contains("but not signed"));
    assert!(warnings[0]
        .to_string()
        .contains("says this assessment is approved, but"));
    // A sound approved record says nothing of the kind.
    let mut sound = (example("emergency-contacts").unwrap().build)("f2");
    lia::assessment::lifecycle::approve(&mut sound, TODAY).unwrap();
    let file = import(&exported(&sound)).unwrap();
    s.import(file, "f2.json", "fresh2".into(), T0 + 1.0);
    let warnings = s.view().import_warnings.to_vec();
    assert!(
        !warnings
            .iter()
            .any(|w| matches!(w, ImportWarning::ApprovedNotReady { .. })),
        "{warnings:?}"
    );
}

/// A file that says it is approved, made under the example settings, with their blocker
/// (the board has "not yet" seen it): "not ready" where the settings are loaded, and not
/// where they are not.
#[test]
fn an_approved_file_with_an_organisation_blocker_is_not_ready_where_its_settings_are() {
    use lia::organisation::answering::{answer, start_under};
    let settings = lia::organisation::read(include_str!("../docs/settings.example.json")).unwrap();
    let mut claimed = (example("emergency-contacts").unwrap().build)("f3");
    claimed.set_text(Q::SignOffReviewDate, "2027-04-01");
    start_under(&mut claimed, &settings);
    for (id, given) in [
        (
            "system",
            lia::organisation::Answer::Text("Orchard HMS".into()),
        ),
        ("igb", lia::organisation::Answer::Choice("not-yet".into())),
    ] {
        assert!(answer(&mut claimed, &settings, id, Some(given)));
    }
    lia::assessment::lifecycle::approve(&mut claimed, TODAY).unwrap();
    let not_ready = |s: &mut Session<Shared>| {
        let file = import(&exported(&claimed)).unwrap();
        s.import(file, "f3.json", "fresh".into(), T0);
        s.view()
            .import_warnings
            .iter()
            .any(|w| matches!(w, ImportWarning::ApprovedNotReady { reasons: 1, .. }))
    };
    let kv = shared();
    let mut under = Session::new(
        kv.clone(),
        true,
        Namespace::default(),
        TODAY,
        Defaults {
            settings: Some(std::sync::Arc::new(settings.clone())),
            ..Defaults::default()
        },
    );
    under.start_up();
    assert!(not_ready(&mut under));
    assert!(!not_ready(&mut tab(&shared())));
}

// ---- a passphrase ----------------------------------------------------------------------

use lia::session::{Protection, ProtectionError};

const SALT: [u8; 16] = *b"0123456789abcdef";

fn protected_tab(kv: &Shared) -> Session<Shared> {
    let mut s = tab(kv);
    s.set_kdf_iterations(10);
    s.set_nonce_prefix([5; 8]);
    s
}

/// Every value kept, as stored.
fn all_text(kv: &Shared) -> String {
    kv.borrow()
        .entries()
        .values()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_passphrase_seals_everything_saved_and_nothing_is_read_without_it() {
    let kv = shared();
    let mut s = protected_tab(&kv);
    s.start(titled("a1", "Staff CCTV at the depot"), T0);
    s.close(T0);
    assert!(all_text(&kv).contains("Staff CCTV"));
    assert_eq!(
        s.set_passphrase("short", SALT, T0),
        Err(ProtectionError::TooShort)
    );
    s.set_passphrase("correct horse battery", SALT, T0 + 1.0)
        .unwrap();
    assert_eq!(s.view().protection, Protection::On);
    assert!(!all_text(&kv).contains("Staff CCTV"), "nothing in clear");
    assert!(s.open_saved("a1", T0 + 2.0), "still opens here");
    type_title(&mut s, "Staff CCTV, edited", T0 + 3.0);
    s.tick(T0 + 3.0 + AUTOSAVE_DELAY_MS);
    assert!(!all_text(&kv).contains("edited"));

    // Another visit: locked until the passphrase is given; a wrong one changes nothing.
    let mut next = protected_tab(&kv);
    assert_eq!(next.view().protection, Protection::Locked);
    assert!(next.view().summaries.is_empty());
    let before = kv.borrow().clone();
    assert_eq!(
        next.unlock("wrong horse battery", T0 + 10.0),
        Err(ProtectionError::Wrong)
    );
    assert_eq!(*kv.borrow(), before, "a wrong passphrase loses nothing");
    // Nothing is started or opened, so nothing is written in clear, before it is given.
    assert!(!next.start(titled("a2", "Too early"), T0 + 10.5));
    assert!(!next.open_saved("a1", T0 + 10.5));
    assert_eq!(next.view().notice, Some(&Notice::Locked));
    assert_eq!(*kv.borrow(), before);
    next.unlock("correct horse battery", T0 + 11.0).unwrap();
    assert_eq!(next.view().summaries.len(), 1);
    assert!(next.open_saved("a1", T0 + 12.0));
    assert_eq!(open_title(&next), "Staff CCTV, edited");

    // Removed: everything is kept, in clear.
    next.close(T0 + 13.0);
    next.remove_passphrase(T0 + 14.0).unwrap();
    assert_eq!(next.view().protection, Protection::Off);
    assert!(all_text(&kv).contains("Staff CCTV, edited"));
    let mut later = tab(&kv);
    assert_eq!(later.view().protection, Protection::Off);
    assert!(later.open_saved("a1", T0 + 15.0));
}

#[test]
fn with_a_passphrase_what_another_page_plants_is_set_aside_not_listed() {
    let kv = shared();
    let mut s = protected_tab(&kv);
    s.start(titled("mine", "Mine"), T0);
    s.close(T0);
    s.set_passphrase("correct horse battery", SALT, T0).unwrap();
    // Another local page writes an "approved" record in clear, and a sealed-looking one.
    let mut planted = titled("planted", "Approved by nobody");
    planted.status = Status::Approved;
    let record = serde_json::json!({
        "schema_version": 1, "revision": 1, "saved_at": 1,
        "assessment": serde_json::to_value(&planted).unwrap(),
    });
    kv.borrow_mut()
        .set("lia:assessment:planted", &record.to_string())
        .unwrap();
    kv.borrow_mut()
        .set(
            "lia:assessment:forged",
            "lia-sealed:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )
        .unwrap();
    let mut next = protected_tab(&kv);
    next.unlock("correct horse battery", T0 + 1.0).unwrap();
    let listed: Vec<&str> = next
        .view()
        .summaries
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(listed, ["mine"]);
    let damaged: Vec<&str> = next.view().damaged.iter().map(|d| d.id.as_str()).collect();
    assert!(
        damaged.contains(&"planted") && damaged.contains(&"forged"),
        "{damaged:?}"
    );
    let reasons: Vec<String> = next
        .view()
        .damaged
        .iter()
        .map(|d| d.reason.clone())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("not encrypted with your passphrase")),
        "{reasons:?}"
    );
    assert!(!next.open_saved("planted", T0 + 2.0));
}

#[test]
fn setting_a_passphrase_where_storage_is_full_changes_nothing() {
    let kv = shared();
    let mut s = protected_tab(&kv);
    s.start(titled("a1", "One with a long purpose"), T0);
    s.edit(
        |a| {
            a.set_text(Q::PurposeWhy, "A long answer. ".repeat(100));
        },
        T0,
    );
    s.save_now(T0);
    s.close(T0);
    let used = kv.borrow().used_bytes();
    kv.borrow_mut().set_quota(Some(used + 50));
    let before = kv.borrow().clone();
    let refused = s.set_passphrase("correct horse battery", SALT, T0 + 1.0);
    assert!(
        matches!(
            refused,
            Err(ProtectionError::Store(StoreError::Full { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(*kv.borrow(), before, "every value back as it was");
    assert_eq!(s.view().protection, Protection::Off);
    assert!(s.open_saved("a1", T0 + 2.0));
}

#[test]
fn the_journal_keeps_sealed_copies_and_waits_for_the_passphrase_to_put_them_back() {
    let kv = shared();
    let j = journal();
    let mut s = protected_tab(&kv);
    s.use_journal();
    s.start(titled("a1", "Secret title"), T0);
    confirm(&mut s, &j);
    s.set_passphrase("correct horse battery", SALT, T0).unwrap();
    let batch = s.take_journal();
    assert!(
        batch.clear,
        "the journal is written again under the passphrase"
    );
    let mut j2 = MemoryKv::new();
    for e in &batch.entries {
        j2.set(&e.key, &e.text).unwrap();
    }
    *j.borrow_mut() = j2;
    let on_disk = kv.borrow().clone();
    type_title(&mut s, "Secret title, typed last", T0 + 10.0);
    s.tick(T0 + 10.0 + AUTOSAVE_DELAY_MS);
    confirm(&mut s, &j);
    assert!(
        !kept(&j).iter().any(|(_, text)| text.contains("Secret")),
        "{:?}",
        kept(&j)
    );
    *kv.borrow_mut() = on_disk;
    let mut next = protected_tab(&kv);
    next.use_journal();
    assert_eq!(
        next.recover(&kept(&j), T0 + 100.0),
        0,
        "nothing before the passphrase"
    );
    next.unlock("correct horse battery", T0 + 101.0).unwrap();
    let notice = next.view().notice.unwrap().to_string();
    assert!(
        notice.starts_with("Recovered from this browser's copy of the latest saves: ")
            && notice.contains("“Secret title, typed last” (your latest changes)"),
        "{notice}"
    );
    assert!(next.open_saved("a1", T0 + 102.0));
    assert_eq!(open_title(&next), "Secret title, typed last");
}

#[test]
fn the_saved_assessments_are_read_for_the_register_and_one_damaged_since_is_counted() {
    let kv = shared();
    let mut s = tab(&kv);
    assert!(s.start(titled("a", "Staff CCTV"), T0));
    assert!(s.start(titled("b", "Visitor log"), T0 + 1.0));
    let (saved, unreadable) = s.saved_assessments();
    let mut titles: Vec<String> = saved.iter().map(|a| a.title().to_string()).collect();
    titles.sort();
    assert_eq!(titles, ["Staff CCTV", "Visitor log"]);
    assert_eq!(unreadable, 0);
    // Another tab damages one after this tab listed it: it is counted, not read.
    kv.borrow_mut()
        .set("lia:assessment:a", "{\"schema_version\":1,\"rev")
        .unwrap();
    let (saved, unreadable) = s.saved_assessments();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].title(), "Visitor log");
    assert_eq!(unreadable, 1);
}

// ---- another page writing to what this browser keeps -----------------------------------
// Another page of the same site (or any local file, when the tool runs from one) writes
// to storage (`kv`) and to the journal (`j`) through the same key-value store the tool
// uses.

/// A tab with a passphrase and a journal, holding "a1" saved and journaled, sealed.
fn sealed_with_journal(kv: &Shared, j: &Shared, title: &str) -> Session<Shared> {
    let mut s = protected_tab(kv);
    s.use_journal();
    s.start(titled("a1", title), T0);
    confirm(&mut s, j);
    s.set_passphrase("correct horse battery", SALT, T0 + 1.0)
        .unwrap();
    confirm(&mut s, j);
    s
}

fn protected_journaled_tab(kv: &Shared) -> Session<Shared> {
    let mut s = protected_tab(kv);
    s.use_journal();
    s
}

#[test]
fn a_planted_removal_in_the_journal_never_deletes_a_sealed_record() {
    let (kv, j) = (shared(), journal());
    let mut s = sealed_with_journal(&kv, &j, "Mine");
    s.close(T0 + 2.0);
    let mut j_ = j.borrow_mut();
    // The removal as the issue found it applied, and one that only looks sealed.
    j_.set(
        "lia:assessment:a1",
        r#"{"key":"lia:assessment:a1","value":null,"revision":9007199254740991}"#,
    )
    .unwrap();
    j_.set(
        "lia:assessment:b2",
        r#"{"key":"lia:assessment:b2","sealed":"lia-sealed:2:10:MDEyMzQ1Njc4OWFiY2RlZg==:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#,
    )
    .unwrap();
    j_.set("other:assessment:x", "another install's entry")
        .unwrap();
    drop(j_);

    let mut next = protected_journaled_tab(&kv);
    assert_eq!(next.recover(&kept(&j), T0 + 10.0), 0);
    next.unlock("correct horse battery", T0 + 11.0).unwrap();
    let notice = next.view().notice.unwrap().to_string();
    assert!(
        !notice.contains("recovered")
            && notice.starts_with("2 copies in this browser's journal of recent saves did not open with your passphrase"),
        "{notice}"
    );
    // Set aside as damaged records, byte for byte, and taken out of the journal.
    let reasons: Vec<String> = next.view().damaged.iter().map(|d| d.message()).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons.iter().all(|r| {
        r.contains(
        "a copy from this browser's journal of recent saves that does not open with your passphrase"
    )
    }));
    let batch = next.take_journal();
    assert_eq!(batch.remove, ["lia:assessment:a1", "lia:assessment:b2"]);
    assert!(!batch.remove.contains(&"other:assessment:x".to_string()));
    assert!(
        next.open_saved("a1", T0 + 12.0),
        "the record is still there"
    );
    assert_eq!(open_title(&next), "Mine");
}

#[test]
fn without_a_passphrase_a_planted_entry_is_never_called_recovered_and_can_be_undone() {
    let (kv, j) = (shared(), journal());
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "Mine"), T0);
    confirm(&mut s, &j);
    s.close(T0);
    let record = |a: &Assessment, revision: u64| {
        serde_json::json!({
            "schema_version": 1, "revision": revision, "saved_at": 1,
            "assessment": serde_json::to_value(a).unwrap(),
        })
        .to_string()
    };
    let entry = |id: &str, value: String, revision: u64| {
        serde_json::json!({"key": format!("lia:assessment:{id}"), "value": value, "revision": revision})
            .to_string()
    };
    let mut approved = titled("planted", "Approved by nobody");
    approved.status = Status::Approved;
    j.borrow_mut()
        .set(
            "lia:assessment:planted",
            &entry("planted", record(&approved, 1), 1),
        )
        .unwrap();
    let changed = titled("a1", "Changed by another page");
    j.borrow_mut()
        .set("lia:assessment:a1", &entry("a1", record(&changed, 2), 2))
        .unwrap();

    let mut next = journaled_tab(&kv);
    assert_eq!(next.recover(&kept(&j), T0 + 10.0), 1);
    assert_eq!(
        stored(&kv, "planted"),
        None,
        "no approved record out of nowhere"
    );
    let notice = next.view().notice.unwrap().to_string();
    assert!(
        notice.contains("“Changed by another page” (a later version)")
            && notice.contains("cannot be shown to be this tool's own")
            && !notice.contains("recovered"),
        "{notice}"
    );
    next.undo_recovery(T0 + 11.0);
    assert_eq!(stored(&kv, "a1"), Some((1, "Mine".into())));
    assert!(next.view().lost.is_empty());
}

#[test]
fn a_sealed_record_rolled_back_by_another_page_is_reported() {
    let (kv, j) = (shared(), journal());
    let mut s = sealed_with_journal(&kv, &j, "First");
    // Kept by another page: the sealed record and its journal entry as they are now.
    let old_record = kv.borrow().get("lia:assessment:a1").unwrap().unwrap();
    let old_entry = j.borrow().get("lia:assessment:a1").unwrap().unwrap();
    assert!(s.open_saved("a1", T0 + 2.0));
    type_title(&mut s, "Second", T0 + 3.0);
    s.tick(T0 + 3.0 + AUTOSAVE_DELAY_MS);
    confirm(&mut s, &j);
    s.close(T0 + 4.0);
    // Later, it writes them back.
    kv.borrow_mut()
        .set("lia:assessment:a1", &old_record)
        .unwrap();
    j.borrow_mut().set("lia:assessment:a1", &old_entry).unwrap();

    let mut next = protected_journaled_tab(&kv);
    next.recover(&kept(&j), T0 + 10.0);
    next.unlock("correct horse battery", T0 + 11.0).unwrap();
    let lost = next.view().lost.to_vec();
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert_eq!(
        (
            lost[0].id.as_str(),
            lost[0].display_title(),
            lost[0].revision,
            lost[0].found
        ),
        ("a1", "Second", 2, Some(1))
    );
    assert_eq!(
        lost[0].what(),
        "is an older version than the one last saved here"
    );
    let notice = next.view().notice.unwrap().to_string();
    assert!(
        notice.contains("One assessment saved here is missing or older than when it was last saved: “Second” is an older version than the one last saved here.")
            && notice.contains("If you downloaded it, open that file to put it back."),
        "{notice}"
    );
    // Still reported on the next visit, until the user has seen it (dismissed it).
    let mut again = protected_journaled_tab(&kv);
    again.unlock("correct horse battery", T0 + 20.0).unwrap();
    assert_eq!(again.view().lost.len(), 1);
    assert!(matches!(again.view().notice, Some(Notice::Lost(_))));
    again.dismiss_notice();
    let mut later = protected_journaled_tab(&kv);
    later.unlock("correct horse battery", T0 + 30.0).unwrap();
    assert!(later.view().lost.is_empty());
}

#[test]
fn an_older_sealed_copy_handed_back_through_the_journal_is_not_put_back_as_current() {
    // The record is taken out of storage and an older sealed copy put in the journal,
    // in this release's form and in an earlier release's (a clear entry whose value is
    // the sealed record): either would otherwise be put back as if it were the latest.
    for earlier_form in [false, true] {
        let (kv, j) = (shared(), journal());
        let mut s = sealed_with_journal(&kv, &j, "First");
        let old_record = kv.borrow().get("lia:assessment:a1").unwrap().unwrap();
        let old_entry = match earlier_form {
            false => j.borrow().get("lia:assessment:a1").unwrap().unwrap(),
            true => serde_json::json!({
                "key": "lia:assessment:a1", "value": old_record, "revision": 1
            })
            .to_string(),
        };
        assert!(s.open_saved("a1", T0 + 2.0));
        type_title(&mut s, "Second", T0 + 3.0);
        s.tick(T0 + 3.0 + AUTOSAVE_DELAY_MS);
        confirm(&mut s, &j);
        s.close(T0 + 4.0);
        kv.borrow_mut().remove("lia:assessment:a1").unwrap();
        j.borrow_mut().set("lia:assessment:a1", &old_entry).unwrap();

        let mut next = protected_journaled_tab(&kv);
        next.recover(&kept(&j), T0 + 10.0);
        next.unlock("correct horse battery", T0 + 11.0).unwrap();
        assert!(
            kv.borrow().get("lia:assessment:a1").unwrap().is_none(),
            "the older copy is not written back as the record ({earlier_form})"
        );
        let notice = next.view().notice.unwrap().to_string();
        assert!(
            notice.contains("One assessment saved here is missing or older than when it was last saved: “Second” is missing")
                && !notice.contains("recovered"),
            "{earlier_form}: {notice}"
        );
        let lost = next.view().lost.to_vec();
        assert_eq!(
            lost.iter()
                .map(|l| (l.id.as_str(), l.revision))
                .collect::<Vec<_>>(),
            [("a1", 2)],
            "{earlier_form}"
        );
    }
}

#[test]
fn a_record_deleted_by_another_page_is_reported_or_put_back_from_the_journal() {
    let (kv, j) = (shared(), journal());
    let mut s = journaled_tab(&kv);
    s.start(titled("a1", "Still in the journal"), T0);
    confirm(&mut s, &j);
    s.start(titled("b2", "Deleted everywhere"), T0 + 1.0);
    confirm(&mut s, &j);
    s.close(T0 + 2.0);
    kv.borrow_mut().remove("lia:assessment:a1").unwrap();
    kv.borrow_mut().remove("lia:assessment:b2").unwrap();
    j.borrow_mut().remove("lia:assessment:b2").unwrap();

    let mut next = journaled_tab(&kv);
    let missing = |s: &Session<Shared>| -> Vec<(String, &'static str)> {
        s.view()
            .lost
            .iter()
            .map(|l| (l.display_title().to_string(), l.what()))
            .collect()
    };
    assert_eq!(
        missing(&next),
        [
            ("Still in the journal".to_string(), "is missing"),
            ("Deleted everywhere".to_string(), "is missing")
        ]
    );
    // The journal's copy puts one back, and then only the other is reported.
    assert_eq!(next.recover(&kept(&j), T0 + 10.0), 1);
    assert_eq!(stored(&kv, "a1"), Some((1, "Still in the journal".into())));
    assert_eq!(
        missing(&next),
        [("Deleted everywhere".to_string(), "is missing")]
    );
    // A deletion by this tool is never reported.
    next.delete("a1", T0 + 11.0).unwrap();
    let after = journaled_tab(&kv);
    assert_eq!(
        missing(&after),
        [("Deleted everywhere".to_string(), "is missing")]
    );
}

#[test]
fn deleting_or_replacing_the_lock_loses_nothing_the_passphrase_can_open() {
    let kv = shared();
    let mut s = protected_tab(&kv);
    s.start(titled("a1", "Mine"), T0);
    s.close(T0);
    s.set_passphrase("correct horse battery", SALT, T0 + 1.0)
        .unwrap();
    let lock = kv.borrow().get("lia:lock").unwrap().unwrap();
    kv.borrow_mut().remove("lia:lock").unwrap();

    let mut next = protected_tab(&kv);
    assert_eq!(next.view().protection, Protection::Locked);
    assert!(next.view().damaged.is_empty(), "nothing set aside");
    let before = kv.borrow().clone();
    assert_eq!(
        next.unlock("wrong horse battery", T0 + 2.0),
        Err(ProtectionError::Wrong)
    );
    assert_eq!(*kv.borrow(), before);
    next.unlock("correct horse battery", T0 + 3.0).unwrap();
    assert!(next.open_saved("a1", T0 + 4.0));
    assert_eq!(open_title(&next), "Mine");
    let restored = kv.borrow().get("lia:lock").unwrap().unwrap();
    let salt = |raw: &str| serde_json::from_str::<serde_json::Value>(raw).unwrap()["salt"].clone();
    assert_eq!(salt(&restored), salt(&lock), "the lock is put back");

    // Another page's own lock in its place: the passphrase still opens everything.
    let (theirs, _) =
        lia::storage::Lock::create("another page's", [9; 16], 10, "lia:lock", [1; 12]);
    kv.borrow_mut().set("lia:lock", &theirs.encode()).unwrap();
    let mut again = protected_tab(&kv);
    again.unlock("correct horse battery", T0 + 5.0).unwrap();
    assert!(again.open_saved("a1", T0 + 6.0));
    assert_eq!(
        salt(&kv.borrow().get("lia:lock").unwrap().unwrap()),
        salt(&lock)
    );
}

#[test]
fn a_sealed_looking_value_planted_among_records_in_clear_does_not_lock_the_tool() {
    let kv = shared();
    let mut s = protected_tab(&kv);
    s.start(titled("a1", "In clear"), T0);
    kv.borrow_mut()
        .set(
            "lia:assessment:z9",
            "lia-sealed:2:10:MDEyMzQ1Njc4OWFiY2RlZg==:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )
        .unwrap();
    let next = protected_tab(&kv);
    assert_eq!(next.view().protection, Protection::Off);
    assert!(next.view().damaged.iter().any(|d| d.id == "z9"));
}

// ---- answers a change has made stale (issue 26) ---------------------------------------

/// An approved example and a review of it, open in the session as "a2".
fn review_of_the_example(kv: &Shared) -> Session<Shared> {
    let mut s = tab(kv);
    s.start((example("emergency-contacts").unwrap().build)("a1"), T0);
    approve(&mut s, T0).unwrap();
    assert!(s.start_review("a2".into(), T0 + 1.0));
    // The review's sign-off, done again.
    s.edit(
        |a| {
            a.set_text(Q::SignOffCompletedDate, "2026-11-26")
                .set_text(Q::SignOffApprovedName, "Alex Morgan")
                .set_text(Q::SignOffApprovedRole, "Data Protection Lead")
                .set_text(Q::SignOffReviewDate, "2027-11-26")
                .set_choices(
                    Q::SignOffChecklist,
                    &lia::assessment::choices::checklist::OPTIONS
                        .iter()
                        .map(|c| c.key)
                        .collect::<Vec<_>>(),
                );
        },
        T0 + 2.0,
    );
    s
}

fn marked(s: &Session<Shared>) -> Vec<Q> {
    lia::assessment::stale::marked(s.open().unwrap())
}

fn change_purpose(s: &mut Session<Shared>, why: &str, now: f64) {
    s.edit(
        |a| {
            a.set_text(Q::PurposeWhy, why);
        },
        now,
    );
}

#[test]
fn a_review_that_changes_the_purpose_marks_what_rests_on_it_and_cannot_be_sent_or_approved() {
    use lia::assessment::{outcome, SectionStatus};
    use lia::handover::SendRefusal;
    let kv = shared();
    let mut s = review_of_the_example(&kv);
    assert!(marked(&s).is_empty());
    change_purpose(&mut s, "To phone an employee's chosen contact if the employee is hurt at work, and to send the contact our staff newsletter.", T0 + 3.0);
    let stale = marked(&s);
    for q in [
        Q::NecessityProportionate,
        Q::ExpObvious,
        Q::ImpactList,
        Q::DpiaTracking,
        Q::DecisionRely,
    ] {
        assert!(
            stale.contains(&q),
            "{q:?} is to be checked again: {stale:?}"
        );
    }
    assert!(
        !stale.contains(&Q::NatureSpecial),
        "the data did not change"
    );
    // Saved with the record, so another tab and the file see it too.
    s.save_now(T0 + 4.0);
    let raw = kv.borrow().get("lia:assessment:a2").unwrap().unwrap();
    assert!(raw.contains("\"check_again\""), "{raw}");

    // A finding names what changed; the sections say "Check again".
    let o = outcome(s.open().unwrap(), Some(TODAY));
    let finding = o
        .findings
        .iter()
        .find(|f| f.id == "record.check-again")
        .unwrap();
    assert!(
        finding
            .detail
            .as_deref()
            .unwrap()
            .starts_with("Changed: “Why you want to process the data”."),
        "{:?}",
        finding.detail
    );
    assert_eq!(o.status(Section::Expectations), SectionStatus::CheckAgain);
    assert_eq!(o.status(Section::About), SectionStatus::Completed);

    // Neither sent for approval nor approved while any is marked.
    assert_eq!(
        s.send_for_approval(T0 + 5.0),
        Some(Err(SendRefusal::CheckAgain(stale.len())))
    );
    assert!(s.open().unwrap().handover.is_empty());
    assert!(approve(&mut s, T0 + 5.0).is_err());

    // Confirming (as it stands, or by changing it) clears each mark.
    s.edit(
        |a| {
            a.set_text(Q::ExpPastUse, "Not used for anything else before.");
        },
        T0 + 6.0,
    );
    assert!(!marked(&s).contains(&Q::ExpPastUse));
    for q in marked(&s) {
        s.edit(
            |a| {
                a.confirm(q);
            },
            T0 + 7.0,
        );
    }
    assert!(marked(&s).is_empty());
    assert!(matches!(s.send_for_approval(T0 + 8.0), Some(Ok(_))));
}

#[test]
fn a_review_that_only_re_spaces_the_purpose_marks_nothing_and_can_be_sent() {
    let kv = shared();
    let mut s = review_of_the_example(&kv);
    let why = match s.open().unwrap().answers.get(Q::PurposeWhy) {
        Some(lia::assessment::Answer::Text(t)) => format!("  {}  ", t.replace(' ', "  ")),
        _ => unreachable!(),
    };
    change_purpose(&mut s, &why, T0 + 3.0);
    assert!(marked(&s).is_empty());
    assert!(matches!(s.send_for_approval(T0 + 4.0), Some(Ok(_))));
    assert!(approve(&mut s, T0 + 5.0).is_ok());
}

#[test]
fn in_a_draft_only_answers_given_before_the_change_are_marked() {
    let kv = shared();
    let mut s = tab(&kv);
    let mut draft = titled("d1", "Draft");
    draft.set_text(Q::PurposeWhy, "To do one thing.");
    s.start(draft, T0);
    // Nothing rests on it yet: answering later questions after it marks nothing.
    change_purpose(&mut s, "To do another thing.", T0 + 1.0);
    assert!(marked(&s).is_empty());
    s.edit(
        |a| {
            a.set_yes_no(Q::ExpObvious, lia::assessment::YesNo::Yes);
        },
        T0 + 2.0,
    );
    assert!(marked(&s).is_empty());
    // Changed after that answer was given: it is marked, naming the purpose.
    change_purpose(&mut s, "To do a third thing.", T0 + 3.0);
    assert_eq!(marked(&s), [Q::ExpObvious]);
    assert_eq!(
        s.open().unwrap().changed_under(Q::ExpObvious),
        [Q::PurposeWhy]
    );
}
