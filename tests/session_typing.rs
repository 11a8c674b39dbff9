//! Typing with pauses, as on a slow machine: an autosave lands in the middle of a word,
//! then the impact is removed and restored before the next one. What is saved last is
//! everything typed, never the text of the save made mid-word. (The browser journey
//! "impacts are added, rated … removed and restored" does the same in each engine.)

use std::cell::RefCell;
use std::rc::Rc;

use lia::assessment::{Assessment, Date};
use lia::session::{Defaults, Session, AUTOSAVE_DELAY_MS};
use lia::storage::{KeyValue, MemoryKv, Namespace};

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 26,
};
const T0: f64 = 1_795_600_000_000.0;

/// The descriptions of the impacts stored for `id`.
fn stored_impacts(kv: &Rc<RefCell<MemoryKv>>, id: &str) -> Vec<String> {
    let raw = kv
        .borrow()
        .get(&format!("lia:assessment:{id}"))
        .unwrap()
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    value["assessment"]["impacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["description"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_save_mid_word_then_remove_and_undo_saves_every_letter_typed() {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut session = Session::new(
        kv.clone(),
        true,
        Namespace::default(),
        TODAY,
        Defaults::default(),
    );
    session.start_up();
    assert!(session.start(Assessment::new("typing"), T0));
    let mut now = T0 + 1_000.0;
    let mut id = 0;
    session.edit(|a| id = a.add_impact(), now);
    // "A " typed, then a pause longer than the autosave's wait: saved mid-word.
    for typed in ["A", "A "] {
        now += 80.0;
        session.edit(
            |a| a.impact_mut(id).unwrap().description = typed.into(),
            now,
        );
    }
    now += AUTOSAVE_DELAY_MS + 1.0;
    session.tick(now);
    assert_eq!(stored_impacts(&kv, "typing"), ["A "]);
    // The rest of the words, key by key; the impact removed and restored before the
    // next autosave is due.
    let full = "A second impact";
    for end in 3..=full.len() {
        now += 80.0;
        session.edit(
            |a| a.impact_mut(id).unwrap().description = full[..end].into(),
            now,
        );
    }
    let mut taken = None;
    now += 50.0;
    session.edit(|a| taken = a.take_impact(id), now);
    let (index, impact) = taken.expect("the impact was there to remove");
    assert_eq!(impact.description, full, "removed with every letter typed");
    now += 50.0;
    session.edit(
        |a| {
            a.restore_impact(index, impact);
        },
        now,
    );
    assert_eq!(session.open().unwrap().impacts[0].description, full);
    // Not saved yet: the store still has the save made mid-word...
    assert_eq!(stored_impacts(&kv, "typing"), ["A "]);
    // ...until the autosave after the undo.
    now += AUTOSAVE_DELAY_MS + 1.0;
    session.tick(now);
    assert_eq!(stored_impacts(&kv, "typing"), [full]);
}

/// A session with `a` open, as a draft.
fn open_session(a: Assessment) -> Session<Rc<RefCell<MemoryKv>>> {
    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut session = Session::new(kv, true, Namespace::default(), TODAY, Defaults::default());
    session.start_up();
    assert!(session.start(a, T0));
    session
}

/// Typing compares only the answer typed into (`Session::type_into`), not the whole
/// assessment at every key: it must leave the record exactly as a full edit does, the
/// answers marked to check again and those confirmed included, for every text answer,
/// an impact's text and the privacy wording.
#[test]
fn typing_into_one_answer_marks_and_confirms_as_a_full_edit_does() {
    use lia::assessment::examples::example;
    use lia::assessment::{privacy_notice, AnswerKind, QuestionId, QUESTIONS};

    let given = (example("emergency-contacts").unwrap().build)("typed");
    // The same record with marks to check again, so typing into a marked answer confirms it.
    let mut marked = open_session(given.clone());
    marked.edit(
        |a| {
            a.set_text(QuestionId::PurposeWhy, "To send them our newsletter.");
        },
        T0 + 1.0,
    );
    let marked = marked.open().unwrap().clone();
    assert!(!marked.check_again.is_empty());

    type Change = Box<dyn Fn(&mut Assessment)>;
    let mut cases: Vec<(Option<QuestionId>, Change)> = QUESTIONS
        .iter()
        .filter(|q| matches!(q.kind, AnswerKind::ShortText | AnswerKind::LongText))
        .map(|q| {
            let id = q.id;
            let change: Change = Box::new(move |a: &mut Assessment| {
                a.set_text(id, "Words typed in");
            });
            (Some(id), change)
        })
        .collect();
    cases.push((
        Some(QuestionId::ImpactList),
        Box::new(|a: &mut Assessment| {
            let first = a.impacts[0].id;
            a.impact_mut(first).unwrap().description = "A different harm".into();
        }),
    ));
    // Keys that leave the answer as it was (a letter typed over itself): nothing changed.
    cases.push((
        Some(QuestionId::ImpactList),
        Box::new(|a: &mut Assessment| {
            let first = &mut a.impacts[0];
            first.description = first.description.clone();
        }),
    ));
    cases.push((
        Some(QuestionId::PurposeWhy),
        Box::new(|a: &mut Assessment| {
            let why = a.answers.get(QuestionId::PurposeWhy).cloned().unwrap();
            a.answers.set(QuestionId::PurposeWhy, why);
        }),
    ));
    cases.push((
        None,
        Box::new(|a: &mut Assessment| privacy_notice::edit(a, "Our own words")),
    ));
    let (mut marks, mut confirms) = (0, 0);
    for start in [&given, &marked] {
        for (only, change) in &cases {
            let mut edited = open_session(start.clone());
            assert!(edited.edit(|a| change(a), T0 + 2.0));
            let mut typed = open_session(start.clone());
            assert!(typed.type_into(*only, |a| change(a), T0 + 2.0));
            let (edited, typed) = (edited.open().unwrap(), typed.open().unwrap());
            assert_eq!(typed, edited, "typing into {only:?}");
            let (before, after) = (&start.check_again, &edited.check_again);
            marks += after.iter().filter(|m| !before.contains(m)).count();
            confirms += before.iter().filter(|m| !after.contains(m)).count();
        }
    }
    // Not a comparison of nothing: typing marked answers, and confirmed marked ones.
    assert!(
        marks >= 10 && confirms >= 10,
        "marks {marks}, confirms {confirms}"
    );
}
