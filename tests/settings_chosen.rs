//! The organisation's settings file chosen in the tool (issue 29): the one merge of a
//! settings file with the host page's attributes (`embed::Settings::with_file`), the
//! session's defaults set from it (`Session::set_defaults`), and the file kept in this
//! browser (`Session::keep_settings`, `read_kept_settings`): in clear only on a web site
//! with no passphrase, sealed with the passphrase whenever one is set, never in clear on
//! `file:`, read back like a file from outside, and refused with a notice when it does
//! not open or no longer reads. Two sessions over one storage are a reload.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use lia::assessment::model::Answer;
use lia::assessment::{Assessment, Date, QuestionId as Q};
use lia::embed::Settings;
use lia::organisation::answering::{standing, Standing};
use lia::session::{Defaults, KeptSettings, Notice, Protection, Session};
use lia::storage::{KeyValue, MemoryKv, Namespace};

type Shared = Rc<RefCell<MemoryKv>>;

const EXAMPLE: &str = include_str!("../docs/settings.example.json");
const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 26,
};
const T0: f64 = 1_795_600_000_000.0;
const PASSPHRASE: &str = "correct horse battery";
const KEY: &str = "lia:settings";

fn example() -> Arc<lia::organisation::Settings> {
    Arc::new(lia::organisation::read(EXAMPLE).unwrap())
}

fn attributes(pairs: &[(&str, &str)]) -> Settings {
    let (settings, warnings) = Settings::from_attributes(|name| {
        pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    settings
}

/// A tab: a session over `kv`, started as the app starts it.
fn tab(kv: &Shared) -> Session<Shared> {
    let mut s = Session::new(
        kv.clone(),
        true,
        Namespace::default(),
        TODAY,
        Defaults::default(),
    );
    s.set_kdf_iterations(10);
    s.start_up();
    s.scan(T0);
    s
}

fn stored(kv: &Shared) -> Option<String> {
    kv.borrow().get(KEY).unwrap()
}

fn read_settings(kept: KeptSettings) -> (String, Arc<lia::organisation::Settings>) {
    match kept {
        KeptSettings::Read { text, settings } => (text, settings),
        other => panic!("not read: {other:?}"),
    }
}

/// Refused with a notice saying why: returns why and the problems.
fn refused(s: &mut Session<Shared>, file: bool) -> (&'static str, Vec<String>) {
    match s.read_kept_settings(file) {
        KeptSettings::Refused { why, problems } => {
            assert_eq!(s.view().notice, Some(&Notice::SettingsRefused(why)));
            (why, problems)
        }
        other => panic!("not refused: {other:?}"),
    }
}

// ---- The merge ------------------------------------------------------------------------

#[test]
fn a_chosen_file_is_merged_as_the_host_pages_file_is() {
    let file = example();
    // Where no attribute says: the file's organisation, approvers and (not) self-approval.
    let bare = attributes(&[]);
    let merged = bare.with_file(Some(file.clone()));
    assert_eq!(
        merged.organisation.as_deref(),
        Some("Riverside Housing Association")
    );
    assert_eq!(merged.trusted_approvers, file.approvers.cards);
    assert!(!merged.self_approval);
    assert_eq!(merged.organisation_settings, Some(file.clone()));
    // The same merge as a host page giving the file in `data-settings`.
    let hosted = attributes(&[("data-settings", EXAMPLE)]);
    assert_eq!(
        Settings {
            settings_given: false,
            ..hosted.clone()
        },
        merged
    );
    assert!(hosted.settings_given);
    // Removing it gives the attributes back as they were.
    assert_eq!(merged.with_file(None).organisation_settings, None);
    assert_eq!(bare.with_file(None), bare);

    // An attribute's organisation wins; a card given twice is trusted once; either may
    // allow self-approval; the attributes' own cards stay first.
    let cards = file.approvers.cards[0].to_file();
    let host = attributes(&[
        ("data-organisation", "Riverside HA"),
        ("data-trusted-approvers", &cards),
        ("data-self-approval", "allowed"),
    ]);
    let merged = host.with_file(Some(file.clone()));
    assert_eq!(merged.organisation.as_deref(), Some("Riverside HA"));
    assert_eq!(merged.trusted_approvers, host.trusted_approvers);
    assert_eq!(merged.trusted_approvers.len(), 1);
    assert!(merged.self_approval);
    let allowing = EXAMPLE.replace(r#""self_approval": false"#, r#""self_approval": true"#);
    let allowing = Arc::new(lia::organisation::read(&allowing).unwrap());
    assert!(bare.with_file(Some(allowing)).self_approval);
}

// ---- The session's defaults -----------------------------------------------------------

#[test]
fn a_new_blank_assessment_is_made_under_the_settings_set_on_the_session() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    assert!(s.start(Assessment::new("before"), T0));
    let before = s.view().open.unwrap().clone();
    assert!(before.organisation.is_none());

    let file = example();
    let merged = attributes(&[]).with_file(Some(file.clone()));
    s.set_defaults(Defaults::from(&merged));
    assert_eq!(s.defaults().settings, Some(file.clone()));
    assert!(s.start(Assessment::new("after"), T0 + 1_000.0));
    let after = s.view().open.unwrap().clone();
    let record = after
        .organisation
        .as_deref()
        .expect("made under the settings");
    assert_eq!(record.digest, file.digest);
    assert_eq!(
        after.answers.get(Q::AboutOrganisation),
        Some(&Answer::Text("Riverside Housing Association".into()))
    );
    assert_eq!(standing(&after, Some(&file)), Standing::Answerable);
    // The one made before keeps what it was made under.
    assert_eq!(standing(&before, Some(&file)), Standing::Answerable);

    // Removed: a new one is made under none; the one made under them keeps its record,
    // read-only where they are not loaded.
    s.set_defaults(Defaults::from(&attributes(&[])));
    assert!(s.start(Assessment::new("none"), T0 + 2_000.0));
    assert!(s.view().open.unwrap().organisation.is_none());
    assert_eq!(standing(&after, None), Standing::Other);
}

// ---- Kept in this browser ---------------------------------------------------------------

#[test]
fn kept_in_clear_on_a_web_site_without_a_passphrase_and_read_back_like_a_file() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    assert_eq!(s.read_kept_settings(false), KeptSettings::None);
    s.keep_settings(EXAMPLE, false).unwrap();
    assert_eq!(stored(&kv).as_deref(), Some(EXAMPLE));
    // The next start reads it again, as chosen.
    let mut again = tab(&kv);
    let (text, settings) = read_settings(again.read_kept_settings(false));
    assert_eq!(text, EXAMPLE);
    assert_eq!(settings, example());
    assert_eq!(again.view().notice, None);
    // Removed: nothing is kept.
    again.forget_settings().unwrap();
    assert_eq!(stored(&kv), None);
    assert_eq!(tab(&kv).read_kept_settings(false), KeptSettings::None);
}

#[test]
fn a_kept_file_changed_so_it_no_longer_reads_is_refused_with_every_problem() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    s.keep_settings(EXAMPLE, false).unwrap();
    // Someone with a text editor and the browser's storage.
    let broken = EXAMPLE
        .replacen(r#""kind": "text""#, r#""kind": "number""#, 1)
        .replacen(r#""severity": "warning""#, r#""severity": "fatal""#, 1);
    kv.borrow_mut().set(KEY, &broken).unwrap();
    let mut again = tab(&kv);
    let (why, problems) = refused(&mut again, false);
    assert!(why.contains("no longer a settings file"), "{why}");
    assert_eq!(
        problems,
        [
            "questions[0].kind: is not a kind of question this tool asks (text, yes-no or choice)",
            "checks[0].severity: must be one of: blocker, warning, advice",
        ]
    );
    // Not dropped without a word: it is still there, until replaced or removed.
    assert_eq!(stored(&kv), Some(broken));
    for junk in ["", "{", "null", "[]", "\u{0}lia-refused:not-sealed"] {
        kv.borrow_mut().set(KEY, junk).unwrap();
        let (_, problems) = refused(&mut tab(&kv), false);
        assert!(!problems.is_empty(), "{junk:?}");
    }
    // Choosing a file again replaces it, and the notice goes.
    again.keep_settings(EXAMPLE, false).unwrap();
    assert_eq!(again.view().notice, None);
    read_settings(tab(&kv).read_kept_settings(false));
}

#[test]
fn with_a_passphrase_it_is_sealed_and_opens_only_once_the_passphrase_is_given() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    s.set_passphrase(PASSPHRASE, [7; 16], T0).unwrap();
    s.keep_settings(EXAMPLE, false).unwrap();
    let sealed = stored(&kv).unwrap();
    assert!(sealed.starts_with("lia-sealed:2:"), "{sealed}");
    assert!(!sealed.contains("Riverside"));
    read_settings(s.read_kept_settings(false));

    // A reload: nothing until the passphrase is given, then the file as chosen.
    let mut again = tab(&kv);
    assert_eq!(again.view().protection, Protection::Locked);
    assert_eq!(again.read_kept_settings(false), KeptSettings::Locked);
    assert!(
        again.keep_settings(EXAMPLE, false).is_err(),
        "nothing kept while locked"
    );
    assert_eq!(stored(&kv).as_ref(), Some(&sealed));
    again.unlock(PASSPHRASE, T0).unwrap();
    let (text, _) = read_settings(again.read_kept_settings(false));
    assert_eq!(text, EXAMPLE);

    // Opened as a file, with the passphrase: kept sealed too.
    let mut on_file = tab(&kv);
    on_file.unlock(PASSPHRASE, T0).unwrap();
    on_file.keep_settings(EXAMPLE, true).unwrap();
    assert!(stored(&kv).unwrap().starts_with("lia-sealed:2:"));
    read_settings(tab_unlocked(&kv).read_kept_settings(true));
}

fn tab_unlocked(kv: &Shared) -> Session<Shared> {
    let mut s = tab(kv);
    s.unlock(PASSPHRASE, T0).unwrap();
    s
}

#[test]
fn setting_changing_and_removing_the_passphrase_seals_it_again_with_everything_else() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    s.keep_settings(EXAMPLE, false).unwrap();
    s.set_passphrase(PASSPHRASE, [7; 16], T0).unwrap();
    let first = stored(&kv).unwrap();
    assert!(first.starts_with("lia-sealed:2:") && !first.contains("Riverside"));
    read_settings(tab_unlocked(&kv).read_kept_settings(false));
    // Changed: sealed with the new one; the old one no longer opens anything.
    s.set_passphrase("another long passphrase", [9; 16], T0)
        .unwrap();
    assert_ne!(stored(&kv).unwrap(), first);
    let mut old = tab(&kv);
    assert!(old.unlock(PASSPHRASE, T0).is_err());
    let mut new = tab(&kv);
    new.unlock("another long passphrase", T0).unwrap();
    read_settings(new.read_kept_settings(false));
    // Removed: in clear again, as chosen.
    new.remove_passphrase(T0).unwrap();
    assert_eq!(stored(&kv).as_deref(), Some(EXAMPLE));
    read_settings(tab(&kv).read_kept_settings(false));
}

#[test]
fn what_another_page_puts_there_is_refused_whenever_a_passphrase_is_set() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    s.set_passphrase(PASSPHRASE, [7; 16], T0).unwrap();
    s.keep_settings(EXAMPLE, false).unwrap();

    // Planted in clear: a valid settings file, but not sealed here.
    kv.borrow_mut().set(KEY, EXAMPLE).unwrap();
    let (why, problems) = refused(&mut tab_unlocked(&kv), false);
    assert!(
        why.contains("not sealed with a passphrase set here"),
        "{why}"
    );
    assert!(problems.is_empty());

    // Sealed with another passphrase (another page's own storage, copied in).
    let other_kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut other = tab(&other_kv);
    other.set_passphrase(PASSPHRASE, [8; 16], T0).unwrap();
    other.keep_settings(EXAMPLE, false).unwrap();
    let foreign = stored(&other_kv).unwrap();
    kv.borrow_mut().set(KEY, &foreign).unwrap();
    refused(&mut tab_unlocked(&kv), false);

    // Sealed here, but for another key (a record's value moved under this one).
    let mut here = tab_unlocked(&kv);
    assert!(here.start(Assessment::new("a"), T0));
    let record = kv.borrow().get("lia:assessment:a").unwrap().unwrap();
    assert!(record.starts_with("lia-sealed:"));
    kv.borrow_mut().set(KEY, &record).unwrap();
    refused(&mut tab_unlocked(&kv), false);

    // A sealed value changed by one character.
    here.keep_settings(EXAMPLE, false).unwrap();
    let mut changed = stored(&kv).unwrap();
    let last = changed.pop().unwrap();
    changed.push(if last == 'A' { 'B' } else { 'A' });
    kv.borrow_mut().set(KEY, &changed).unwrap();
    refused(&mut tab_unlocked(&kv), false);
}

#[test]
fn opened_as_a_file_it_is_kept_only_with_a_passphrase() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut s = tab(&kv);
    // Not kept (used until the page is closed), and nothing older is left in its place.
    kv.borrow_mut().set(KEY, EXAMPLE).unwrap();
    let why = s.keep_settings(EXAMPLE, true).unwrap_err();
    assert!(why.contains("Set a passphrase"), "{why}");
    assert_eq!(stored(&kv), None);

    // In clear on `file:` is another page's: refused, even though it reads.
    kv.borrow_mut().set(KEY, EXAMPLE).unwrap();
    refused(&mut tab(&kv), true);
    // Sealed, where no passphrase is set now (the values kept here are in clear):
    // refused, on `file:` and on a web site.
    let other_kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut other = tab(&other_kv);
    other.set_passphrase(PASSPHRASE, [8; 16], T0).unwrap();
    other.keep_settings(EXAMPLE, true).unwrap();
    let sealed = stored(&other_kv).unwrap();
    let mut clear = tab(&kv);
    assert!(clear.start(Assessment::new("a"), T0));
    kv.borrow_mut().set(KEY, &sealed).unwrap();
    for file in [true, false] {
        let mut s = tab(&kv);
        assert_eq!(s.view().protection, Protection::Off);
        refused(&mut s, file);
    }
}

#[test]
fn setting_a_passphrase_never_seals_what_was_refused() {
    // Opened as a file with no passphrase, another page plants a settings file in
    // clear. It is refused; setting a passphrase then must not seal it as this tool's.
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    kv.borrow_mut().set(KEY, EXAMPLE).unwrap();
    let mut s = tab(&kv);
    refused(&mut s, true);
    s.set_passphrase(PASSPHRASE, [7; 16], T0).unwrap();
    assert_eq!(stored(&kv).as_deref(), Some(EXAMPLE), "left as it was");
    refused(&mut tab_unlocked(&kv), true);
    // One chosen here is sealed with everything else.
    s.keep_settings(EXAMPLE, true).unwrap();
    s.set_passphrase("another long passphrase", [9; 16], T0)
        .unwrap();
    let mut again = tab(&kv);
    again.unlock("another long passphrase", T0).unwrap();
    read_settings(again.read_kept_settings(true));
}
