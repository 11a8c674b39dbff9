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
