//! A three-way merge of two versions of one assessment against the version both started
//! from, so that edits made in two tabs to different questions are both kept and only
//! edits to the same question need the user's choice.
//!
//! It works on the assessment's JSON form, generically: answers are merged question by
//! question, impacts matched by id and merged field by field, the review log combined,
//! the answers to an organisation's questions merged answer by answer (when both are
//! made under the same settings), and any other field of the record merged as one value.
//! So a field added to the model is merged without being named here.

use crate::json::{Map, Value};

use crate::assessment::{read, write};
use crate::assessment::{Assessment, QuestionId};

/// Where both versions changed the same thing differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    /// The answer to a question.
    Answer(QuestionId),
    /// An impact (changed in both, or changed in one and removed in the other), by the
    /// position it has in the other version, from 1.
    Impact(usize),
    /// The answer to one of the organisation's questions, by the question as asked.
    Organisation(String),
    /// Another field of the record, by its name in the JSON form.
    Record(String),
}

impl Clash {
    /// What the clash is about, in words for the user.
    pub fn label(&self) -> String {
        match self {
            Clash::Answer(q) => q.question().short.to_string(),
            Clash::Impact(n) => format!("Impact {n}"),
            Clash::Organisation(label) => label.clone(),
            Clash::Record(name) => name.replace('_', " "),
        }
    }
}

/// The result of a merge: where the versions clash, and the merged assessment with
/// each clash settled either way.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub clashes: Vec<Clash>,
    /// Clashes settled with this tab's version.
    pub keeping_mine: Assessment,
    /// Clashes settled with the other tab's version.
    pub keeping_theirs: Assessment,
}

/// Merges `mine` and `theirs`, both edited from `base`. `None` only if the merged form
/// cannot be read back (it always can when the three are assessments of this release).
pub fn merge(base: &Assessment, mine: &Assessment, theirs: &Assessment) -> Option<Merged> {
    let [base, mine, theirs] = [base, mine, theirs].map(|a| match write::assessment(a) {
        Value::Object(map) => map,
        _ => Map::new(),
    });
    let mut clashes = Vec::new();
    let mut keeping_mine = Map::new();
    let mut keeping_theirs = Map::new();
    for key in keys([&base, &mine, &theirs]) {
        let (b, m, t) = (base.get(&key), mine.get(&key), theirs.get(&key));
        let (for_mine, for_theirs) = match key.as_str() {
            "answers" => {
                let (m, t) = merge_answers(b, m, t, &mut clashes);
                (Some(m), Some(t))
            }
            "impacts" => {
                let (m, t) = merge_impacts(b, m, t, &mut clashes);
                (Some(m), Some(t))
            }
            "review_log" => {
                let log = merge_log(b, m, t);
                (Some(log.clone()), Some(log))
            }
            "organisation" if same_settings(b, m, t) => merge_organisation(b, m, t, &mut clashes),
            _ => match three_way(b, m, t) {
                Ok(v) => (v.cloned(), v.cloned()),
                Err(()) => {
                    clashes.push(Clash::Record(key.clone()));
                    (m.cloned(), t.cloned())
                }
            },
        };
        for (map, value) in [
            (&mut keeping_mine, for_mine),
            (&mut keeping_theirs, for_theirs),
        ] {
            if let Some(value) = value {
                map.insert(key.clone(), value);
            }
        }
    }
    let read = |map: Map<String, Value>| {
        let mut a: Assessment = read::assessment(Value::Object(map)).ok()?;
        a.renumber_duplicate_impacts();
        Some(a)
    };
    Some(Merged {
        clashes,
        keeping_mine: read(keeping_mine)?,
        keeping_theirs: read(keeping_theirs)?,
    })
}

/// Every key of the maps, in the order first seen.
fn keys<const N: usize>(maps: [&Map<String, Value>; N]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for map in maps {
        for key in map.keys() {
            if !out.contains(key) {
                out.push(key.clone());
            }
        }
    }
    out
}

/// One value changed on either side: the side that changed it wins; both changed it
/// alike, fine; both changed it differently, `Err`. `None` is "not there".
fn three_way<'v>(
    base: Option<&'v Value>,
    mine: Option<&'v Value>,
    theirs: Option<&'v Value>,
) -> Result<Option<&'v Value>, ()> {
    if mine == theirs || theirs == base {
        Ok(mine)
    } else if mine == base {
        Ok(theirs)
    } else {
        Err(())
    }
}

fn object(value: Option<&Value>) -> Map<String, Value> {
    match value {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    }
}

fn merge_answers(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> (Value, Value) {
    let (base, mine, theirs) = (object(base), object(mine), object(theirs));
    let mut for_mine = Map::new();
    let mut for_theirs = Map::new();
    for key in keys([&base, &mine, &theirs]) {
        let (b, m, t) = (base.get(&key), mine.get(&key), theirs.get(&key));
        let (vm, vt) = match three_way(b, m, t) {
            Ok(v) => (v, v),
            Err(()) => {
                if let Some(q) = QuestionId::from_key(&key) {
                    clashes.push(Clash::Answer(q));
                }
                (m, t)
            }
        };
        if let Some(v) = vm {
            for_mine.insert(key.clone(), v.clone());
        }
        if let Some(v) = vt {
            for_theirs.insert(key.clone(), v.clone());
        }
    }
    (Value::Object(for_mine), Value::Object(for_theirs))
}

/// The impacts of a list, by id, in order.
fn by_id(value: Option<&Value>) -> Vec<(u64, Value)> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| {
            (
                item.get("id").and_then(Value::as_u64).unwrap_or(0),
                item.clone(),
            )
        })
        .collect()
}

fn merge_impacts(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> (Value, Value) {
    let (base, mine, theirs) = (by_id(base), by_id(mine), by_id(theirs));
    let find = |list: &[(u64, Value)], id: u64| {
        list.iter().find(|(i, _)| *i == id).map(|(_, v)| v.clone())
    };
    let mut for_mine = Vec::new();
    let mut for_theirs = Vec::new();
    // Their order first, then what only this tab added.
    let mut ids: Vec<u64> = theirs.iter().map(|(id, _)| *id).collect();
    ids.extend(
        mine.iter()
            .map(|(id, _)| *id)
            .filter(|id| !theirs.iter().any(|(t, _)| t == id)),
    );
    let removed_here: Vec<u64> = base
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !ids.contains(id))
        .collect();
    ids.extend(removed_here);
    for id in ids {
        let (b, m, t) = (find(&base, id), find(&mine, id), find(&theirs, id));
        match (&b, &m, &t) {
            // Added in both tabs under the same new id: two different impacts.
            (None, Some(m), Some(t)) if m != t => {
                for list in [&mut for_mine, &mut for_theirs] {
                    list.push(t.clone());
                    list.push(m.clone());
                }
            }
            (Some(b), Some(m), Some(t)) => {
                let (vm, vt, clash) = merge_fields(b, m, t);
                if clash {
                    clashes.push(Clash::Impact(position(&theirs, id)));
                }
                for_mine.push(vm);
                for_theirs.push(vt);
            }
            _ => match three_way(b.as_ref(), m.as_ref(), t.as_ref()) {
                Ok(v) => {
                    if let Some(v) = v {
                        for_mine.push(v.clone());
                        for_theirs.push(v.clone());
                    }
                }
                // Removed in one tab, changed in the other.
                Err(()) => {
                    let at = if t.is_some() {
                        position(&theirs, id)
                    } else {
                        position(&mine, id)
                    };
                    clashes.push(Clash::Impact(at));
                    for_mine.extend(m.clone());
                    for_theirs.extend(t.clone());
                }
            },
        }
    }
    (Value::Array(for_mine), Value::Array(for_theirs))
}

fn position(list: &[(u64, Value)], id: u64) -> usize {
    list.iter().position(|(i, _)| *i == id).map_or(0, |p| p + 1)
}

/// One impact changed in both tabs: merged field by field. Returns the two settlements
/// and whether any field clashed.
fn merge_fields(base: &Value, mine: &Value, theirs: &Value) -> (Value, Value, bool) {
    let (base, mine, theirs) = (object(Some(base)), object(Some(mine)), object(Some(theirs)));
    let mut for_mine = Map::new();
    let mut for_theirs = Map::new();
    let mut clash = false;
    for key in keys([&base, &mine, &theirs]) {
        let (b, m, t) = (base.get(&key), mine.get(&key), theirs.get(&key));
        let (vm, vt) = match three_way(b, m, t) {
            Ok(v) => (v, v),
            Err(()) => {
                clash = true;
                (m, t)
            }
        };
        if let Some(v) = vm {
            for_mine.insert(key.clone(), v.clone());
        }
        if let Some(v) = vt {
            for_theirs.insert(key.clone(), v.clone());
        }
    }
    (Value::Object(for_mine), Value::Object(for_theirs), clash)
}

/// Whether the organisation blocks there are all name the same settings (a version
/// without one is a blank assessment before its first answer, or made under none).
fn same_settings(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> bool {
    let digests: Vec<&Value> = [base, mine, theirs]
        .into_iter()
        .flatten()
        .map(|v| v.get("digest").unwrap_or(v))
        .collect();
    digests.windows(2).all(|w| w[0] == w[1])
}

/// The organisation's answers, each merged as one value by its question's id, in the
/// order both versions keep (the settings'): the other tab's answers, with those only
/// this tab gave each put after the answer this tab has before it.
fn merge_organisation(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> (Option<Value>, Option<Value>) {
    let answers = |v: Option<&Value>| -> Vec<(String, Value)> {
        match v.and_then(|v| v.get("answers")) {
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
                    (id.to_string(), item.clone())
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let (b, m, t) = (answers(base), answers(mine), answers(theirs));
    let mut ids: Vec<String> = t.iter().map(|(id, _)| id.clone()).collect();
    let mut after = 0;
    for (id, _) in &m {
        match ids.iter().position(|i| i == id) {
            Some(at) => after = at + 1,
            None => {
                ids.insert(after, id.clone());
                after += 1;
            }
        }
    }
    let (mut for_mine, mut for_theirs) = (Vec::new(), Vec::new());
    for id in ids
        .iter()
        .chain(b.iter().map(|(id, _)| id).filter(|id| !ids.contains(id)))
    {
        let (vb, vm, vt) = (find(&b, id), find(&m, id), find(&t, id));
        let (km, kt) = match three_way(vb, vm, vt) {
            Ok(v) => (v, v),
            Err(()) => {
                let label = [vm, vt, vb]
                    .into_iter()
                    .flatten()
                    .find_map(|v| v.get("label").and_then(Value::as_str))
                    .unwrap_or(id);
                clashes.push(Clash::Organisation(label.to_string()));
                (vm, vt)
            }
        };
        for_mine.extend(km.cloned());
        for_theirs.extend(kt.cloned());
    }
    // The block of one side (or of the other, where this side has none yet) with its answers.
    let block = |side: Option<&Value>, other: Option<&Value>, answers: Vec<Value>| {
        side.or(other).map(|v| {
            let mut map = object(Some(v));
            map.insert("answers".into(), Value::Array(answers));
            Value::Object(map)
        })
    };
    (
        block(mine, theirs, for_mine),
        block(theirs, mine, for_theirs),
    )
}

/// The value under `id` in a list of (id, value).
fn find<'l>(list: &'l [(String, Value)], id: &str) -> Option<&'l Value> {
    list.iter().find(|(i, _)| i == id).map(|(_, v)| v)
}

/// The review log: what both had, then what the other tab added, then what this one did.
fn merge_log(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    let list = |v: Option<&Value>| match v {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let (base, mine, theirs) = (list(base), list(mine), list(theirs));
    let mut log = theirs.clone();
    for entry in mine {
        if !base.contains(&entry) && !log.contains(&entry) {
            log.push(entry);
        }
    }
    Value::Array(log)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Impact, Likelihood, ReviewEntry, YesNo};

    fn base() -> Assessment {
        let mut a = Assessment::new("a1");
        a.set_text(QuestionId::AboutTitle, "Staff CCTV")
            .set_text(QuestionId::PurposeWhy, "To keep staff safe");
        a.push_impact(Impact {
            description: "Staff feel watched".into(),
            ..Impact::default()
        });
        a
    }

    #[test]
    fn edits_to_different_questions_are_both_kept() {
        let mut mine = base();
        mine.set_text(QuestionId::PurposeWhy, "To keep staff and visitors safe");
        let mut theirs = base();
        theirs.set_text(QuestionId::AboutTitle, "Depot CCTV");
        theirs.set_yes_no(QuestionId::NatureSpecial, YesNo::No);
        let merged = merge(&base(), &mine, &theirs).unwrap();
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.keeping_mine, merged.keeping_theirs);
        let a = merged.keeping_mine;
        assert_eq!(a.title(), "Depot CCTV");
        assert_eq!(
            a.answers.get(QuestionId::PurposeWhy),
            mine.answers.get(QuestionId::PurposeWhy)
        );
        assert!(a.answers.get(QuestionId::NatureSpecial).is_some());
    }

    #[test]
    fn an_answer_changed_in_both_clashes_and_is_settled_either_way() {
        let mut mine = base();
        mine.set_text(QuestionId::PurposeWhy, "Mine");
        mine.set_text(QuestionId::AboutTitle, "My title");
        let mut theirs = base();
        theirs.set_text(QuestionId::PurposeWhy, "Theirs");
        let merged = merge(&base(), &mine, &theirs).unwrap();
        assert_eq!(merged.clashes, vec![Clash::Answer(QuestionId::PurposeWhy)]);
        let text = |a: &Assessment| format!("{:?}", a.answers.get(QuestionId::PurposeWhy));
        assert!(text(&merged.keeping_mine).contains("Mine"));
        assert!(text(&merged.keeping_theirs).contains("Theirs"));
        // The edit that did not clash is in both.
        assert_eq!(merged.keeping_theirs.title(), "My title");
    }

    #[test]
    fn removing_an_answer_in_one_tab_and_leaving_it_in_the_other_removes_it() {
        let mut mine = base();
        mine.answers.clear(QuestionId::PurposeWhy);
        let merged = merge(&base(), &mine, &base()).unwrap();
        assert!(merged.clashes.is_empty());
        assert!(merged
            .keeping_mine
            .answers
            .get(QuestionId::PurposeWhy)
            .is_none());
    }

    #[test]
    fn impacts_merge_field_by_field_and_new_ones_from_both_tabs_are_kept() {
        let mut mine = base();
        mine.impacts[0].likelihood = Some(Likelihood::Possible);
        mine.push_impact(Impact {
            description: "Mine, new".into(),
            ..Impact::default()
        });
        let mut theirs = base();
        theirs.impacts[0].safeguards = "Signs at the gate".into();
        theirs.push_impact(Impact {
            description: "Theirs, new".into(),
            ..Impact::default()
        });
        let merged = merge(&base(), &mine, &theirs).unwrap();
        assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
        let a = merged.keeping_mine;
        assert_eq!(a.impacts.len(), 3);
        assert_eq!(a.impacts[0].likelihood, Some(Likelihood::Possible));
        assert_eq!(a.impacts[0].safeguards, "Signs at the gate");
        let descriptions: Vec<&str> = a.impacts.iter().map(|i| i.description.as_str()).collect();
        assert_eq!(
            descriptions,
            ["Staff feel watched", "Theirs, new", "Mine, new"]
        );
        assert!(a.clone().renumber_duplicate_impacts().is_empty());
    }

    #[test]
    fn an_impact_changed_in_one_tab_and_removed_in_the_other_clashes() {
        let mut mine = base();
        mine.impacts[0].description = "Changed".into();
        let mut theirs = base();
        theirs.impacts.clear();
        let merged = merge(&base(), &mine, &theirs).unwrap();
        assert_eq!(merged.clashes, vec![Clash::Impact(1)]);
        assert_eq!(merged.keeping_mine.impacts.len(), 1);
        assert!(merged.keeping_theirs.impacts.is_empty());
        // Removed in one and untouched in the other: removed.
        let merged = merge(&base(), &base(), &theirs).unwrap();
        assert!(merged.clashes.is_empty());
        assert!(merged.keeping_mine.impacts.is_empty());
    }

    #[test]
    fn the_review_log_keeps_what_each_tab_added() {
        let entry = |note: &str| ReviewEntry {
            date: "2026-11-26".into(),
            note: note.into(),
        };
        let mut mine = base();
        mine.review_log.push(entry("mine"));
        let mut theirs = base();
        theirs.review_log.push(entry("theirs"));
        let merged = merge(&base(), &mine, &theirs).unwrap();
        assert!(merged.clashes.is_empty());
        let notes: Vec<&str> = merged
            .keeping_mine
            .review_log
            .iter()
            .map(|e| e.note.as_str())
            .collect();
        assert_eq!(notes, ["theirs", "mine"]);
    }

    #[test]
    fn identical_versions_merge_to_themselves() {
        let merged = merge(&base(), &base(), &base()).unwrap();
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.keeping_mine, base());
    }

    mod organisation {
        use super::*;
        use crate::organisation::answering::{answer, start_under};
        use crate::organisation::{read, Answer, Settings};

        const EXAMPLE: &str = include_str!("../../docs/settings.example.json");

        fn settings() -> Settings {
            read(EXAMPLE).unwrap()
        }

        fn given(a: &mut Assessment, s: &Settings, id: &str, value: Answer) {
            assert!(answer(a, s, id, Some(value)));
        }

        fn ids(a: &Assessment) -> Vec<(String, String)> {
            a.organisation
                .as_deref()
                .map(|o| {
                    o.answers
                        .iter()
                        .map(|x| (x.id.clone(), x.value.shown().to_string()))
                        .collect()
                })
                .unwrap_or_default()
        }

        fn started() -> Assessment {
            let mut a = base();
            start_under(&mut a, &settings());
            a
        }

        #[test]
        fn answers_to_different_organisation_questions_are_both_kept_in_the_settings_order() {
            let s = settings();
            let mut base = started();
            given(&mut base, &s, "igb", Answer::Choice("noted".into()));
            let mut mine = base.clone();
            given(&mut mine, &s, "system", Answer::Text("Housing CRM".into()));
            let mut theirs = base.clone();
            given(&mut theirs, &s, "cctv", Answer::YesNo(YesNo::Yes));
            theirs.set_text(QuestionId::AboutTitle, "Depot CCTV");
            let merged = merge(&base, &mine, &theirs).unwrap();
            assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
            assert_eq!(merged.keeping_mine, merged.keeping_theirs);
            let want = [
                ("system", "Housing CRM"),
                ("cctv", "Yes"),
                ("igb", "Yes, for information"),
            ];
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(ids(&merged.keeping_mine), want);
            // As the settings would record it, answer for answer, and made under them.
            let mut again = started();
            for (id, value) in [
                ("system", Answer::Text("Housing CRM".into())),
                ("cctv", Answer::YesNo(YesNo::Yes)),
                ("igb", Answer::Choice("noted".into())),
            ] {
                given(&mut again, &s, id, value);
            }
            assert_eq!(merged.keeping_mine.organisation, again.organisation);
            assert_eq!(merged.keeping_mine.title(), "Depot CCTV");
        }

        #[test]
        fn one_organisation_answer_changed_in_both_clashes_by_its_question() {
            let s = settings();
            let base = started();
            let mut mine = base.clone();
            given(&mut mine, &s, "system", Answer::Text("Housing CRM".into()));
            let mut theirs = base.clone();
            given(
                &mut theirs,
                &s,
                "system",
                Answer::Text("Repairs portal".into()),
            );
            given(&mut theirs, &s, "cctv", Answer::YesNo(YesNo::No));
            let merged = merge(&base, &mine, &theirs).unwrap();
            assert_eq!(
                merged.clashes,
                [Clash::Organisation("Which system holds the data?".into())]
            );
            assert_eq!(merged.clashes[0].label(), "Which system holds the data?");
            let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
            assert_eq!(
                ids(&merged.keeping_mine),
                [pair("system", "Housing CRM"), pair("cctv", "No")]
            );
            assert_eq!(
                ids(&merged.keeping_theirs),
                [pair("system", "Repairs portal"), pair("cctv", "No")]
            );
        }

        #[test]
        fn a_draft_without_the_block_takes_the_other_tabs_answers() {
            let s = settings();
            let base = base();
            let mine = {
                let mut a = base.clone();
                a.set_text(QuestionId::AboutTitle, "Renamed here");
                a
            };
            let mut theirs = base.clone();
            given(&mut theirs, &s, "cctv", Answer::YesNo(YesNo::Yes));
            let merged = merge(&base, &mine, &theirs).unwrap();
            assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
            assert_eq!(merged.keeping_mine.organisation, theirs.organisation);
            assert_eq!(merged.keeping_mine.title(), "Renamed here");
        }

        #[test]
        fn blocks_under_different_settings_are_merged_as_one_value() {
            let s = settings();
            let other = read(&EXAMPLE.replace("2026.1", "2026.2")).unwrap();
            let base = started();
            let mut mine = base.clone();
            given(&mut mine, &s, "system", Answer::Text("Housing CRM".into()));
            let mut theirs = base.clone();
            start_under(&mut theirs, &other);
            given(&mut theirs, &other, "cctv", Answer::YesNo(YesNo::No));
            let merged = merge(&base, &mine, &theirs).unwrap();
            assert_eq!(merged.clashes, [Clash::Record("organisation".into())]);
            assert_eq!(merged.keeping_mine.organisation, mine.organisation);
            assert_eq!(merged.keeping_theirs.organisation, theirs.organisation);
        }
    }
}
