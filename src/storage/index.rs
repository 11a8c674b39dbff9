//! The index: one summary per assessment for the start page, so it can list them without
//! reading every record. Only a cache: when missing, damaged or stale it is rebuilt from
//! the records, which are the truth.
//!
//! `{"index_version":1,"assessments":[{"id":…,"title":…,"status":"draft","version":1,
//! "saved_at":…,"review_due":"2026-05-01","revision":3,"digest":"<sha-256>"}],
//! "unreadable":{"<id>":"<title>"},"lost":{"<id>":"3 2 <title>"}}`
//! (`unreadable` only when a damaged record could not be set aside; `lost` only while a
//! record is missing or older than the index says, until the user has seen it).
//!
//! It is also the witness of what was saved: each record's latest revision and the
//! digest of its text. With a passphrase it is sealed like the records, so a record
//! deleted, or put back older, by another page is noticed (see `Lost`).

use crate::vec_map::{VecMap, VecSet};

use crate::json::Value;
#[cfg(test)]
use serde::{Deserialize, Serialize};

use super::record::Record;
use crate::assessment::json_write::Writer;
use crate::assessment::model::{Answer, Assessment, Status};
use crate::assessment::read::{
    big, list, number, object, option, require, text, texts_by_key, whole, word, Fields, STATUS,
};
use crate::assessment::shape::Result as ShapeResult;
use crate::assessment::strict_json;
use crate::assessment::{Date, QuestionId};

/// The version of the index's own form (independent of the assessment schema: a newer
/// index is simply rebuilt).
pub const INDEX_VERSION: u32 = 1;

/// What the start page shows of one saved assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    /// The `about.title` answer, if one is given.
    pub title: Option<String>,
    pub status: Status,
    pub version: u32,
    /// Milliseconds since the Unix epoch.
    pub saved_at: f64,
    /// The `sign-off.review-date` answer, when it is a valid date.
    pub review_due: Option<Date>,
    pub revision: u64,
    /// The SHA-256 of the record's text as saved, when known.
    pub digest: Option<String>,
}

/// A record the index knew that storage no longer holds, or holds older (or changed at
/// the same revision): deleted or put back by something other than this tool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    pub id: String,
    pub title: Option<String>,
    /// The revision last saved here.
    pub revision: u64,
    /// The revision stored now, if any.
    pub found: Option<u64>,
}

impl Lost {
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("Untitled assessment")
    }

    /// As the index keeps it, under its id: `"<revision> <found or -> <title>"` (text,
    /// so it is read like `unreadable`).
    fn encode(&self) -> String {
        let found = self.found.map_or("-".into(), |f| f.to_string());
        format!(
            "{} {found} {}",
            self.revision,
            self.title.as_deref().unwrap_or("")
        )
    }

    fn decode(id: &str, text: &str) -> Option<Lost> {
        let mut parts = text.splitn(3, ' ');
        let revision = parts.next()?.parse().ok()?;
        let found = match parts.next()? {
            "-" => None,
            found => Some(found.parse().ok()?),
        };
        let title = parts.next()?;
        Some(Lost {
            id: id.to_string(),
            title: (!title.is_empty()).then(|| title.to_string()),
            revision,
            found,
        })
    }
}

/// The SHA-256 of a record's text, in lower-case hex.
pub(crate) fn digest_of(raw: &str) -> String {
    crate::assessment::canonical::sha256_hex(raw.as_bytes())
}

impl Summary {
    pub fn of(record: &Record) -> Summary {
        Summary::new(&record.assessment, record.revision, record.saved_at)
    }

    pub fn new(a: &Assessment, revision: u64, saved_at: f64) -> Summary {
        let review_due = match a.answers.get(QuestionId::SignOffReviewDate) {
            Some(Answer::Text(t)) => Date::parse(t),
            _ => None,
        };
        Summary {
            id: a.id.clone(),
            title: title_of(a),
            status: a.status,
            version: a.version,
            saved_at,
            review_due,
            revision,
            digest: None,
        }
    }

    /// With the digest of `raw`, the record's text as saved.
    pub fn with_digest(mut self, raw: &str) -> Summary {
        self.digest = Some(digest_of(raw));
        self
    }

    /// The title, or the same placeholder `Assessment::title` gives.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("Untitled assessment")
    }
}

/// The title the user gave, without the placeholder.
pub(crate) fn title_of(a: &Assessment) -> Option<String> {
    match a.answers.get(QuestionId::AboutTitle) {
        Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    }
}

/// Most recently saved first, then by id, so the index's text only changes when a
/// summary does.
pub(crate) fn sort(summaries: &mut [Summary]) {
    crate::sort::sort_by(summaries, |a, b| {
        b.saved_at.total_cmp(&a.saved_at).then(a.id.cmp(&b.id))
    });
}

/// The index as stored: the summaries, and the titles of records that cannot be read
/// but could not be set aside either, so they can still be named to the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    pub summaries: Vec<Summary>,
    /// Id → title, for damaged records left in place whose title the index knew. (Only
    /// those: taking a summary out for its title never makes the index bigger.)
    pub unreadable: VecMap<String, String>,
    /// Records missing or older than the index said, by id.
    pub lost: Vec<Lost>,
}

/// The index as stored, written and read by hand (`encode_form`, `decode_form`); the
/// serde derives are the native tests' reference for both.
#[cfg_attr(test, derive(Serialize, Deserialize, Debug, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct IndexForm {
    index_version: u32,
    assessments: Vec<Entry>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "VecMap::is_empty"))]
    unreadable: VecMap<String, String>,
    #[cfg_attr(test, serde(default, skip_serializing_if = "VecMap::is_empty"))]
    lost: VecMap<String, String>,
}

#[cfg_attr(test, derive(Serialize, Deserialize, Debug, PartialEq))]
#[cfg_attr(test, serde(deny_unknown_fields))]
struct Entry {
    id: String,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    title: Option<String>,
    status: Status,
    version: u32,
    #[cfg_attr(test, serde(serialize_with = "super::record::serialize_ms"))]
    saved_at: f64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    review_due: Option<String>,
    revision: u64,
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    digest: Option<String>,
}

const FORM_FIELDS: Fields = &["index_version", "assessments", "unreadable", "lost"];
const ENTRY_FIELDS: Fields = &[
    "id",
    "title",
    "status",
    "version",
    "saved_at",
    "review_due",
    "revision",
    "digest",
];

/// The index's text, as serde's derive wrote it: fields in order, the empty maps and
/// the absent options left out.
fn encode_form(form: &IndexForm) -> String {
    let mut w = Writer::compact();
    w.open('{');
    w.key(FORM_FIELDS[0]);
    w.number(form.index_version.into());
    w.key(FORM_FIELDS[1]);
    w.open('[');
    for e in &form.assessments {
        w.item();
        w.open('{');
        w.key(ENTRY_FIELDS[0]);
        w.string(&e.id);
        if let Some(title) = &e.title {
            w.key(ENTRY_FIELDS[1]);
            w.string(title);
        }
        w.key(ENTRY_FIELDS[2]);
        w.string(STATUS[e.status as usize]);
        w.key(ENTRY_FIELDS[3]);
        w.number(e.version.into());
        w.key(ENTRY_FIELDS[4]);
        w.number(super::record::whole_ms(e.saved_at));
        if let Some(due) = &e.review_due {
            w.key(ENTRY_FIELDS[5]);
            w.string(due);
        }
        w.key(ENTRY_FIELDS[6]);
        w.number(e.revision);
        if let Some(digest) = &e.digest {
            w.key(ENTRY_FIELDS[7]);
            w.string(digest);
        }
        w.close('}');
    }
    w.close(']');
    for (key, map) in [
        (FORM_FIELDS[2], &form.unreadable),
        (FORM_FIELDS[3], &form.lost),
    ] {
        if !map.is_empty() {
            w.key(key);
            w.open('{');
            for (k, v) in map {
                w.key(k);
                w.string(v);
            }
            w.close('}');
        }
    }
    w.close('}');
    w.finish()
}

/// Reads the index's text as serde's derive read it (unknown fields refused, the maps
/// and options optional), except that a key given twice anywhere is refused (the
/// derive refused it only among its own fields), and the form as a JSON list, which
/// the derive also took and the app never writes, is refused: either way the index is
/// rebuilt from the records.
fn decode_form(raw: &str) -> Option<IndexForm> {
    let v = strict_json::from_str(raw).ok()?;
    let mut form = IndexForm {
        index_version: 0,
        assessments: Vec::new(),
        unreadable: VecMap::new(),
        lost: VecMap::new(),
    };
    let seen = object(v, FORM_FIELDS, &mut |i, v| {
        match i {
            0 => form.index_version = whole(v)?,
            1 => form.assessments = list(v, entry)?,
            2 => form.unreadable = texts_by_key(v)?,
            _ => form.lost = texts_by_key(v)?,
        }
        Ok(())
    })
    .ok()?;
    require(seen, FORM_FIELDS, 0b11).ok()?;
    Some(form)
}

fn entry(v: Value) -> ShapeResult<Entry> {
    let mut e = Entry {
        id: String::new(),
        title: None,
        status: Status::Draft,
        version: 0,
        saved_at: 0.0,
        review_due: None,
        revision: 0,
        digest: None,
    };
    let seen = object(v, ENTRY_FIELDS, &mut |i, v| {
        match i {
            0 => e.id = text(v)?,
            1 => e.title = option(v, text)?,
            2 => e.status = [Status::Draft, Status::Approved][word(v, STATUS)?],
            3 => e.version = whole(v)?,
            4 => e.saved_at = number(v)?,
            5 => e.review_due = option(v, text)?,
            6 => e.revision = big(v)?,
            _ => e.digest = option(v, text)?,
        }
        Ok(())
    })?;
    require(seen, ENTRY_FIELDS, 0b101_1101)?;
    Ok(e)
}

impl Index {
    /// The title the index knows for an id, readable or not.
    pub fn title(&self, id: &str) -> Option<&str> {
        match self.summaries.iter().find(|s| s.id == id) {
            Some(summary) => summary.title.as_deref(),
            None => self.unreadable.get(id).map(String::as_str),
        }
    }

    /// Whether it has anything to say about an id.
    pub(crate) fn knows(&self, id: &str) -> bool {
        self.unreadable.contains_key(id) || self.summaries.iter().any(|s| s.id == id)
    }

    /// Puts a summary in, replacing any earlier one of the same id.
    pub(crate) fn upsert(&mut self, summary: Summary) {
        self.forget(&summary.id);
        self.summaries.push(summary);
    }

    pub(crate) fn forget(&mut self, id: &str) {
        self.summaries.retain(|s| s.id != id);
        self.unreadable.remove(id);
    }

    /// Notes a record as lost (replacing an earlier note of it), in the order of ids.
    pub(crate) fn lose(&mut self, lost: Lost) {
        self.lost.retain(|l| l.id != lost.id);
        let at = self.lost.iter().take_while(|l| l.id < lost.id).count();
        self.lost.insert(at, lost);
    }

    /// The stored text of the index.
    pub fn encode(&self) -> String {
        let form = IndexForm {
            index_version: INDEX_VERSION,
            assessments: self
                .summaries
                .iter()
                .map(|s| Entry {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    status: s.status,
                    version: s.version,
                    saved_at: s.saved_at,
                    review_due: s.review_due.map(|d| d.to_string()),
                    revision: s.revision,
                    digest: s.digest.clone(),
                })
                .collect(),
            unreadable: self.unreadable.clone(),
            lost: self
                .lost
                .iter()
                .map(|l| (l.id.clone(), l.encode()))
                .collect(),
        };
        encode_form(&form)
    }

    /// Reads the index; `None` if it is damaged, of another version or lists an id
    /// twice, and must be rebuilt.
    pub fn decode(raw: &str) -> Option<Index> {
        let form = decode_form(raw)?;
        if form.index_version != INDEX_VERSION {
            return None;
        }
        let mut seen = VecSet::new();
        let summaries = form
            .assessments
            .into_iter()
            .map(|e| {
                let review_due = match e.review_due {
                    Some(text) => Some(Date::parse(&text)?),
                    None => None,
                };
                seen.insert(e.id.clone()).then_some(Summary {
                    id: e.id,
                    title: e.title,
                    status: e.status,
                    version: e.version,
                    saved_at: e.saved_at,
                    review_due,
                    revision: e.revision,
                    digest: e.digest,
                })
            })
            .collect::<Option<Vec<Summary>>>()?;
        if form.unreadable.keys().any(|id| seen.contains(id)) {
            return None;
        }
        Some(Index {
            summaries,
            unreadable: form.unreadable,
            lost: {
                let mut lost = Vec::new();
                for (id, text) in &form.lost {
                    lost.push(Lost::decode(id, text)?);
                }
                lost
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn any_entry() -> impl Strategy<Value = Entry> {
        (
            "[a-z0-9-]{1,8}",
            proptest::option::of("\\PC{0,6}"),
            any::<bool>(),
            any::<u32>(),
            prop_oneof![Just(0.0), 0.0..2e12, Just(f64::NAN), Just(-5.0)],
            proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]"),
            any::<u64>(),
            proptest::option::of("[0-9a-f]{64}"),
        )
            .prop_map(
                |(id, title, approved, version, saved_at, review_due, revision, digest)| Entry {
                    id,
                    title,
                    status: if approved {
                        Status::Approved
                    } else {
                        Status::Draft
                    },
                    version,
                    saved_at,
                    review_due,
                    revision,
                    digest,
                },
            )
    }

    fn any_form() -> impl Strategy<Value = IndexForm> {
        (
            any::<u32>(),
            prop::collection::vec(any_entry(), 0..4),
            prop::collection::btree_map("[a-z]{1,4}", "\\PC{0,5}", 0..3),
            prop::collection::btree_map("[a-z]{1,4}", "[a-z0-9:]{0,8}", 0..3),
        )
            .prop_map(|(index_version, assessments, unreadable, lost)| IndexForm {
                index_version,
                assessments,
                unreadable: unreadable.into_iter().collect(),
                lost: lost.into_iter().collect(),
            })
    }

    /// What a hand-edited or damaged index might hold instead of a field's value.
    fn any_replacement() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            Just(Value::Bool(true)),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!(1.5)),
            Just(serde_json::json!(4_294_967_296_u64)),
            Just(serde_json::json!(7)),
            Just(serde_json::json!("draft")),
            Just(serde_json::json!("approved")),
            Just(serde_json::json!("archived")),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!({"x": "y"})),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        /// Written by hand as serde's derive wrote it; read back by hand as the derive
        /// reads it, whole and with one field (of the form, or of an entry) replaced,
        /// taken out or joined by one it does not have.
        #[test]
        fn the_index_is_written_and_read_as_serde_did(
            form in any_form(),
            damage in 0usize..3,
            in_entry in any::<bool>(),
            at in any::<prop::sample::Index>(),
            replacement in any_replacement(),
        ) {
            let text = encode_form(&form);
            prop_assert_eq!(&text, &serde_json::to_string(&form).unwrap());
            let mut v: Value = serde_json::from_str(&text).unwrap();
            // The object to damage: the form itself, or one of its entries.
            let target = match v["assessments"].as_array_mut() {
                Some(list) if !list.is_empty() && in_entry => {
                    let i = at.index(list.len());
                    &mut list[i]
                }
                _ => &mut v,
            };
            let map = target.as_object_mut().unwrap();
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = keys[at.index(keys.len())].clone();
            match damage {
                0 => { map.insert(key, replacement); }
                1 => { map.remove(&key); }
                _ => { map.insert("extra".into(), replacement); }
            }
            let damaged = serde_json::to_string(&v).unwrap();
            for text in [text, damaged] {
                prop_assert_eq!(decode_form(&text), serde_json::from_str::<IndexForm>(&text).ok(), "{}", text);
            }
        }
    }

    fn summary(id: &str, saved_at: f64) -> Summary {
        Summary {
            id: id.into(),
            title: Some(format!("Title {id}")),
            status: Status::Draft,
            version: 1,
            saved_at,
            review_due: Date::new(2027, 3, 1),
            revision: 2,
            digest: None,
        }
    }

    #[test]
    fn round_trips_in_a_stable_order() {
        let mut list = vec![summary("b", 1.0), summary("a", 1.0), summary("c", 9.0)];
        sort(&mut list);
        let ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        list[0].digest = Some("ab".repeat(32));
        let index = Index {
            summaries: list,
            unreadable: VecMap::from([("x".to_string(), "Broken one".to_string())]),
            lost: vec![
                Lost {
                    id: "gone".into(),
                    title: Some("Gone one: yes, with spaces".into()),
                    revision: 4,
                    found: None,
                },
                Lost {
                    id: "older".into(),
                    title: None,
                    revision: 9,
                    found: Some(7),
                },
            ],
        };
        let raw = index.encode();
        assert!(raw.contains(r#""review_due":"2027-03-01""#), "{raw}");
        assert_eq!(Index::decode(&raw), Some(index.clone()));
        assert_eq!(index.title("x"), Some("Broken one"));
        assert_eq!(index.title("y"), None);
        assert_eq!(index.title("a"), Some("Title a"));
        let plain = Index {
            summaries: vec![summary("a", 1.0)],
            ..Index::default()
        };
        assert!(!plain.encode().contains("unreadable"));
    }

    #[test]
    fn anything_doubtful_means_rebuild() {
        let index = |summaries: Vec<Summary>| Index {
            summaries,
            ..Index::default()
        };
        let good = index(vec![summary("a", 1.0)]).encode();
        assert!(Index::decode(&good).is_some());
        for bad in [
            good[..good.len() - 3].to_string(),
            good.replace(r#""index_version":1"#, r#""index_version":2"#),
            good.replace("2027-03-01", "2027-02-30"),
            good.replace(r#""status":"draft""#, r#""status":"lost""#),
            index(vec![summary("a", 1.0), summary("a", 2.0)]).encode(),
            good.replace("]}", r#"],"unreadable":{"a":"Also listed"}}"#),
            "null".to_string(),
        ] {
            assert_eq!(Index::decode(&bad), None, "{bad}");
        }
    }

    #[test]
    fn an_untitled_summary_shows_the_placeholder() {
        let mut s = summary("a", 1.0);
        s.title = None;
        assert_eq!(s.display_title(), "Untitled assessment");
    }
}
