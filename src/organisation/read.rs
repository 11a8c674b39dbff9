//! Reads a settings file as a file from outside: every problem is collected with where it
//! is (`questions[2].kind`), and a file with any is refused whole.

use std::fmt;

use super::{
    Approvers, Check, Consult, Defaults, Kind, Policy, Question, ScreeningQuestion, Settings, When,
    FORMAT, VERSION,
};
use crate::assessment::canonical::digest_hex;
use crate::assessment::model::Risk;
use crate::assessment::organisation_answers::{
    id_pattern, plain_fault, Fault, MAX_ID, MAX_LABEL, MAX_NAME,
};
use crate::assessment::questions::Section;
use crate::assessment::rules::Severity;
use crate::assessment::shape::{Path, Segment};
use crate::assessment::strict_json::{self, Error};
use crate::handover::keycard::{check_card, KeyCard};
use crate::json::{Map, Value};
use crate::vec_map::VecSet;

/// The largest settings file read, in bytes.
pub const MAX_BYTES: usize = 512 * 1024;
/// The most questions, checks and screening questions, each.
pub use crate::assessment::organisation_answers::MAX_ITEMS;
/// The most approvers' key cards.
pub const MAX_CARDS: usize = 200;
pub(crate) const MAX_LONG: usize = 600;
pub(crate) const MAX_REVIEW_MONTHS: u64 = 60;

/// One reason a settings file is refused, and where (empty: the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: Path,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "The file: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The settings in `text`, or every problem found in it.
pub fn read(text: &str) -> Result<Settings, Vec<Problem>> {
    let whole = |message: String| {
        Err(vec![Problem {
            path: Path(Vec::new()),
            message,
        }])
    };
    if text.len() > MAX_BYTES {
        return whole(format!(
            "it is larger than a settings file can be ({} KB at most)",
            MAX_BYTES / 1024
        ));
    }
    let value = match strict_json::from_str(text) {
        Ok(value) => value,
        Err(Error::Json(at)) => {
            return whole(format!(
                "it is not JSON (a mistake at line {}, column {})",
                at.line(),
                at.column()
            ))
        }
        Err(Error::DuplicateKey(path)) => {
            return Err(vec![Problem {
                path,
                message: "is given twice".into(),
            }])
        }
        Err(Error::TooDeep { .. } | Error::HalfCharacter { .. }) => {
            return whole("it is not JSON this tool can read".into())
        }
    };
    let Value::Object(fields) = &value else {
        return whole("it is not a settings file (it is not a JSON object)".into());
    };
    if fields.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return whole(format!(
            "it is not a settings file (it has no \"format\": \"{FORMAT}\")"
        ));
    }
    match fields.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return whole(format!(
                "it was made for a newer version of this tool (settings version {v}; this \
                 version reads up to {VERSION})"
            ))
        }
        _ => return whole(format!("its \"version\" must be {VERSION}")),
    }
    let mut r = Reader::default();
    let settings = r.settings(fields);
    if r.problems.is_empty() {
        Ok(Settings {
            digest: digest_hex(&value),
            ..settings
        })
    } else {
        Err(r.problems)
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

/// `path` with `segment` after it.
fn at(path: &[Segment], segment: Segment) -> Vec<Segment> {
    let mut path = path.to_vec();
    path.push(segment);
    path
}

fn field(path: &[Segment], name: &str) -> Vec<Segment> {
    at(path, Segment::Field(name.into()))
}

impl Reader {
    fn problem(&mut self, path: Vec<Segment>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: Path(path),
            message: message.into(),
        });
    }

    /// The object at `path`, each of its fields one of `known`.
    fn object<'v>(
        &mut self,
        path: &[Segment],
        value: &'v Value,
        known: &[&str],
    ) -> Option<&'v Map> {
        let Value::Object(map) = value else {
            self.problem(path.to_vec(), "must be an object ({ … })");
            return None;
        };
        self.known_fields(path, map, known);
        Some(map)
    }

    fn known_fields(&mut self, path: &[Segment], map: &Map, known: &[&str]) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.problem(
                    field(path, key),
                    format!(
                        "is not a field of this part (it can have: {})",
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// The value of `choices` that `value` names by its word; a missing value, or one that
    /// is not one of the words, is a problem.
    fn one_of<T: Copy>(
        &mut self,
        path: &[Segment],
        map: &Map,
        name: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let path = field(path, name);
        let Some(value) = map.get(name) else {
            self.problem(path, "is missing");
            return None;
        };
        let found = choices
            .iter()
            .find(|(word, _)| value.as_str() == Some(word));
        if found.is_none() {
            let words: Vec<&str> = choices.iter().map(|(word, _)| *word).collect();
            self.not_one_of(path, &words);
        }
        found.map(|(_, choice)| *choice)
    }

    fn not_one_of(&mut self, path: Vec<Segment>, words: &[&str]) {
        self.problem(path, format!("must be one of: {}", words.join(", ")));
    }

    /// The text in field `name` of `map` (at `path`): at most `max` characters, one
    /// line unless `lines`, no markup, not empty.
    fn text(
        &mut self,
        path: &[Segment],
        map: &Map,
        name: &str,
        max: usize,
        lines: bool,
    ) -> Option<String> {
        let path = field(path, name);
        let Some(value) = map.get(name) else {
            self.problem(path, "is missing");
            return None;
        };
        let Some(text) = value.as_str() else {
            self.problem(path, "must be text");
            return None;
        };
        let text = text.trim();
        match plain_fault(text, max, lines) {
            None => return Some(text.to_string()),
            Some(Fault::Empty) => self.problem(path, "is empty"),
            Some(Fault::TooLong) => {
                self.problem(path, format!("is longer than {max} characters"))
            }
            Some(Fault::Markup) => self.problem(
                path,
                "contains markup (a \"<\" before a letter, \"/\", \"!\" or \"?\"): write plain text",
            ),
            Some(Fault::Control) => self.problem(
                path,
                "contains a control character (such as a tab or line break)",
            ),
        }
        None
    }

    /// The same, or nothing where the field is not given.
    fn optional_text(
        &mut self,
        path: &[Segment],
        map: &Map,
        name: &str,
        max: usize,
        lines: bool,
    ) -> Option<String> {
        map.get(name)?;
        self.text(path, map, name, max, lines)
    }

    /// An id in field `name`: lower-case letters and digits, single hyphens between them.
    fn id(&mut self, path: &[Segment], map: &Map, name: &str) -> Option<String> {
        let id = self.text(path, map, name, MAX_ID, false)?;
        if !id_pattern(&id) {
            self.problem(
                field(path, name),
                format!("“{id}” is not an id: use lower-case letters and digits, with single hyphens between them"),
            );
            return None;
        }
        Some(id)
    }

    /// A list of at most `max` items.
    fn list<'v>(&mut self, path: &[Segment], value: Option<&'v Value>, max: usize) -> &'v [Value] {
        match value {
            None => &[],
            Some(Value::Array(items)) if items.len() <= max => items,
            Some(Value::Array(_)) => {
                self.problem(path.to_vec(), format!("has more than {max} items"));
                &[]
            }
            Some(_) => {
                self.problem(path.to_vec(), "must be a list ([ … ])");
                &[]
            }
        }
    }

    fn flag(&mut self, path: &[Segment], map: &Map, name: &str) -> bool {
        match map.get(name) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.problem(field(path, name), "must be true or false");
                false
            }
        }
    }

    /// `id` noted in `seen`, or a problem if it was there already.
    fn unique(&mut self, path: Vec<Segment>, id: &str, seen: &mut VecSet<String>, what: &str) {
        if !seen.insert(id.to_string()) {
            self.problem(
                path,
                format!("“{id}” is the id of an earlier {what}: ids must differ"),
            );
        }
    }

    /// An item's "id": an id, not that of an earlier item in `seen` (each an earlier
    /// `what`).
    fn item_id(
        &mut self,
        path: &[Segment],
        map: &Map,
        seen: &mut VecSet<String>,
        what: &str,
    ) -> Option<String> {
        let id = self.id(path, map, "id");
        if let Some(id) = &id {
            self.unique(field(path, "id"), id, seen, what);
        }
        id
    }

    fn settings(&mut self, fields: &Map) -> Settings {
        const FIELDS: [&str; 9] = [
            "format",
            "version",
            "name",
            "revision",
            "organisation",
            "questions",
            "checks",
            "approvers",
            "policy",
        ];
        let top: &[Segment] = &[];
        self.known_fields(top, fields, &FIELDS);
        let name = self.text(top, fields, "name", MAX_NAME, false);
        let revision = self.text(top, fields, "revision", MAX_NAME, false);
        let defaults = fields
            .get("organisation")
            .map(|v| self.defaults(&field(top, "organisation"), v))
            .unwrap_or_default();
        let mut ids = VecSet::new();
        let questions: Vec<Question> = {
            let path = field(top, "questions");
            self.list(&path, fields.get("questions"), MAX_ITEMS)
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.question(&at(&path, Segment::Index(i)), v, &mut ids))
                .collect()
        };
        let policy = fields
            .get("policy")
            .map(|v| self.policy(&field(top, "policy"), v, &mut ids))
            .unwrap_or_default();
        let checks = {
            let path = field(top, "checks");
            let mut check_ids = VecSet::new();
            self.list(&path, fields.get("checks"), MAX_ITEMS)
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    self.check(
                        &at(&path, Segment::Index(i)),
                        v,
                        &questions,
                        &ids,
                        &mut check_ids,
                    )
                })
                .collect()
        };
        let approvers = fields
            .get("approvers")
            .map(|v| self.approvers(&field(top, "approvers"), v))
            .unwrap_or_default();
        Settings {
            name: name.unwrap_or_default(),
            revision: revision.unwrap_or_default(),
            digest: String::new(),
            defaults,
            questions,
            checks,
            approvers,
            policy,
        }
    }

    fn defaults(&mut self, path: &[Segment], value: &Value) -> Defaults {
        const FIELDS: [&str; 3] = ["name", "dpo_contact", "privacy_notice"];
        let Some(map) = self.object(path, value, &FIELDS) else {
            return Defaults::default();
        };
        let mut defaults = Defaults {
            organisation: self.optional_text(path, map, "name", MAX_NAME, false),
            dpo_contact: self.optional_text(path, map, "dpo_contact", MAX_LABEL, false),
            ..Defaults::default()
        };
        if let Some(notice) = map.get("privacy_notice") {
            let path = field(path, "privacy_notice");
            if let Some(notice) = self.object(&path, notice, &["title", "url"]) {
                defaults.privacy_notice_title =
                    self.optional_text(&path, notice, "title", MAX_LABEL, false);
                defaults.privacy_notice_url = self
                    .optional_text(&path, notice, "url", MAX_LABEL, false)
                    .filter(|url| {
                        let web = url.starts_with("https://") || url.starts_with("http://");
                        if !web {
                            self.problem(
                                field(&path, "url"),
                                "must be a web address (https:// or http://)",
                            );
                        }
                        web
                    });
            }
        }
        defaults
    }

    fn question(
        &mut self,
        path: &[Segment],
        value: &Value,
        ids: &mut VecSet<String>,
    ) -> Option<Question> {
        const FIELDS: [&str; 7] = [
            "id", "section", "kind", "label", "hint", "required", "options",
        ];
        let map = self.object(path, value, &FIELDS)?;
        let id = self.item_id(path, map, ids, "question");
        let sections = Section::ALL.map(|s| (s.key(), s));
        let section = self.one_of(path, map, "section", &sections);
        let options = map.get("options");
        let kind = match map.get("kind").map(|v| v.as_str()) {
            Some(Some("text")) => Some(Kind::Text),
            Some(Some("yes-no")) => Some(Kind::YesNo),
            Some(Some("choice")) => self
                .options(&field(path, "options"), options)
                .map(Kind::Choice),
            Some(_) => {
                self.problem(
                    field(path, "kind"),
                    "is not a kind of question this tool asks (text, yes-no or choice)",
                );
                None
            }
            None => {
                self.problem(field(path, "kind"), "is missing");
                None
            }
        };
        if options.is_some() && !matches!(kind, Some(Kind::Choice(_)) | None) {
            self.problem(field(path, "options"), "only a choice question has options");
        }
        let label = self.text(path, map, "label", MAX_LABEL, false);
        let hint = self.optional_text(path, map, "hint", MAX_LONG, true);
        let required = self.flag(path, map, "required");
        Some(Question {
            id: id?,
            section: section?,
            kind: kind?,
            label: label?,
            hint,
            required,
        })
    }

    fn options(
        &mut self,
        path: &[Segment],
        value: Option<&Value>,
    ) -> Option<Vec<(String, String)>> {
        if value.is_none() {
            self.problem(
                path.to_vec(),
                "is missing: a choice question needs at least two options",
            );
            return None;
        }
        let items = self.list(path, value, MAX_ITEMS);
        if items.len() < 2 {
            self.problem(
                path.to_vec(),
                "a choice question needs at least two options",
            );
        }
        let mut seen = VecSet::new();
        let mut options = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = at(path, Segment::Index(i));
            let Some(map) = self.object(&path, item, &["id", "label"]) else {
                continue;
            };
            let id = self.item_id(&path, map, &mut seen, "option");
            if let (Some(id), Some(label)) = (id, self.text(&path, map, "label", MAX_LABEL, false))
            {
                options.push((id, label));
            }
        }
        Some(options)
    }

    fn check(
        &mut self,
        path: &[Segment],
        value: &Value,
        questions: &[Question],
        ids: &VecSet<String>,
        seen: &mut VecSet<String>,
    ) -> Option<Check> {
        const FIELDS: [&str; 5] = ["id", "question", "when", "severity", "message"];
        let map = self.object(path, value, &FIELDS)?;
        let id = self.item_id(path, map, seen, "check");
        let question = self.id(path, map, "question");
        let asked = question
            .as_ref()
            .and_then(|q| questions.iter().find(|x| &x.id == q));
        if let (Some(q), None) = (&question, asked) {
            // A question that was refused is reported where it is; only a name that no
            // question of the file has is a problem here.
            if !ids.contains(q) {
                self.problem(
                    field(path, "question"),
                    format!("names no question of these settings (“{q}”)"),
                );
            }
        }
        let when = match map.get("when").map(|v| v.as_str()) {
            Some(Some("unanswered")) => Some(When::Unanswered),
            Some(Some("answered")) => Some(When::Answered),
            Some(Some(answer)) => {
                let allowed: Vec<&str> = match asked.map(|q| &q.kind) {
                    Some(Kind::YesNo) => vec!["yes", "no", "not-sure"],
                    Some(Kind::Choice(options)) => {
                        options.iter().map(|(id, _)| id.as_str()).collect()
                    }
                    Some(Kind::Text) => Vec::new(),
                    None => vec![answer],
                };
                if allowed.contains(&answer) {
                    Some(When::Is(answer.to_string()))
                } else {
                    let mut all = vec!["unanswered", "answered"];
                    all.extend(allowed);
                    self.not_one_of(field(path, "when"), &all);
                    None
                }
            }
            Some(None) => {
                self.problem(field(path, "when"), "must be text");
                None
            }
            None => {
                self.problem(field(path, "when"), "is missing");
                None
            }
        };
        let severity = self.one_of(
            path,
            map,
            "severity",
            &[
                ("blocker", Severity::Blocker),
                ("warning", Severity::Warning),
                ("advice", Severity::Advice),
            ],
        );
        let message = self.text(path, map, "message", MAX_LONG, true);
        Some(Check {
            id: id?,
            question: question?,
            when: when?,
            severity: severity?,
            message: message?,
        })
    }

    fn approvers(&mut self, path: &[Segment], value: &Value) -> Approvers {
        let Some(map) = self.object(path, value, &["cards", "self_approval"]) else {
            return Approvers::default();
        };
        let cards_path = field(path, "cards");
        let cards: Vec<KeyCard> = self
            .list(&cards_path, map.get("cards"), MAX_CARDS)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                match KeyCard::from_value(v).and_then(|card| check_card(&card).map(|()| card)) {
                    Ok(card) => Some(card),
                    Err(why) => {
                        self.problem(
                            at(&cards_path, Segment::Index(i)),
                            format!("is not a usable key card: {why}"),
                        );
                        None
                    }
                }
            })
            .collect();
        Approvers {
            cards,
            self_approval: self.flag(path, map, "self_approval"),
        }
    }

    fn policy(&mut self, path: &[Segment], value: &Value, ids: &mut VecSet<String>) -> Policy {
        const FIELDS: [&str; 3] = ["max_review_months", "consult", "screening"];
        let Some(map) = self.object(path, value, &FIELDS) else {
            return Policy::default();
        };
        let max_review_months = map.get("max_review_months").and_then(|v| match v.as_u64() {
            Some(n @ 1..=MAX_REVIEW_MONTHS) => Some(n as u32),
            _ => {
                self.problem(
                    field(path, "max_review_months"),
                    format!("must be a whole number of months from 1 to {MAX_REVIEW_MONTHS}"),
                );
                None
            }
        });
        let consult = map.get("consult").and_then(|v| {
            let path = field(path, "consult");
            let map = self.object(&path, v, &["at_least", "who"])?;
            let at_least = self.one_of(
                &path,
                map,
                "at_least",
                &[("medium", Risk::Medium), ("high", Risk::High)],
            );
            let who = self.text(&path, map, "who", MAX_LABEL, false);
            Some(Consult {
                at_least: at_least?,
                who: who?,
            })
        });
        let screening_path = field(path, "screening");
        let screening = self
            .list(&screening_path, map.get("screening"), MAX_ITEMS)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let path = at(&screening_path, Segment::Index(i));
                let map = self.object(&path, v, &["id", "label", "hint"])?;
                let id = self.item_id(&path, map, ids, "question or screening question");
                let label = self.text(&path, map, "label", MAX_LABEL, false);
                let hint = self.optional_text(&path, map, "hint", MAX_LONG, true);
                Some(ScreeningQuestion {
                    id: id?,
                    label: label?,
                    hint,
                })
            })
            .collect();
        Policy {
            max_review_months,
            consult,
            screening,
        }
    }
}
