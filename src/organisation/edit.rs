//! The settings page's edits, on the settings as held: add, change, order and remove the
//! organisation's questions, checks and DPIA screening questions, and set the other parts.
//! `validate` then writes them and reads the text back, so edited settings are held to
//! exactly the checks a file from outside is, every problem with its path.
//!
//! No draft type: `Settings` can already hold a half-written question (an empty label
//! while it is retyped, a choice with fewer than two options yet), and `validate` reports
//! it where it is, as it would in a file. A second set of types would double the code
//! (and the wasm) for nothing the page needs.
//!
//! An operation refuses, in words for the page to show, what would leave the settings
//! incoherent: an unknown id, a move past the end, a check whose `when` does not fit its
//! question, an option a check still names, more items than a file may have. What the
//! user types (labels, hints, messages, defaults) is trimmed, as `read` trims it, and held
//! as typed: its faults (empty, too long, markup) are `validate`'s, shown beside the field
//! while the user goes on typing. An operation that refuses changes nothing.
//!
//! Edits leave `digest` as it was: it is the digest of the file last read. The file to
//! offer for download is `write(&settings)`, the very text `validate` reads, so the
//! settings `validate` returns carry that file's digest.

use std::fmt;

use super::answering;
use super::checks::{findings, Answer, Finding};
use super::evaluate::facts_of;
use super::read::{MAX_CARDS, MAX_ITEMS, MAX_REVIEW_MONTHS};
use super::write::{kind_key, when_key, write};
use super::{
    read, Check, Consult, Defaults, Kind, Problem, Question, ScreeningQuestion, Settings, When,
};
use crate::assessment::date::Date;
use crate::assessment::model::{Risk, YesNo};
use crate::assessment::organisation_answers::{is_id, MAX_ID};
use crate::assessment::questions::Section;
use crate::assessment::rules::Severity;
use crate::assessment::shape::{Path, Segment};
use crate::handover::keycard::{check_card, KeyCard};

/// Why an edit cannot be made, in plain English for the page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn refused<T>(message: String) -> Result<T, Refused> {
    Err(Refused(message))
}

/// Which way to move an item in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// The words a check's `when` has for itself: an option with one of these ids could not
/// be named by a check, so no option is given one.
const WHEN_WORDS: [&str; 2] = ["unanswered", "answered"];
const YES_NO: [&str; 3] = ["yes", "no", "not-sure"];

/// An id made from `text`: its ASCII letters and digits in lower case, any run of other
/// characters one hyphen, at most 40 characters (cut at a hyphen where it can be), then
/// `-2`, `-3`, … until it is not `taken`. `fallback` when `text` has no such letters.
pub fn id_from(text: &str, fallback: &str, taken: &[&str]) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str(fallback);
    }
    let mut n = 1usize;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            let mut s = String::from("-");
            s.push_str(&n.to_string());
            s
        };
        let id = cut(&slug, MAX_ID - suffix.len()) + &suffix;
        if !taken.contains(&id.as_str()) {
            return id;
        }
        n += 1;
    }
}

/// `slug` in at most `max` characters, at a hyphen if there is one to cut at.
fn cut(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_string();
    }
    // All ASCII, so any byte is a character boundary.
    let end = slug[..=max].rfind('-').filter(|&i| i > 0).unwrap_or(max);
    slug[..end].trim_end_matches('-').to_string()
}

/// `text` trimmed; `None` when nothing is left.
fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The index `i`'s item moves to: the nearest one before or after it (by `dir`) that
/// `peer` accepts, if any.
fn neighbour(len: usize, i: usize, dir: Move, peer: &dyn Fn(usize) -> bool) -> Option<usize> {
    match dir {
        Move::Up => (0..i).rev().find(|&j| peer(j)),
        Move::Down => (i + 1..len).find(|&j| peer(j)),
    }
}

fn first_or_last(dir: Move) -> &'static str {
    match dir {
        Move::Up => "first",
        Move::Down => "last",
    }
}

impl Settings {
    /// New settings with nothing in them but their name and revision.
    pub fn blank(name: &str, revision: &str) -> Settings {
        Settings {
            name: name.trim().to_string(),
            revision: revision.trim().to_string(),
            digest: String::new(),
            defaults: Defaults::default(),
            questions: Vec::new(),
            checks: Vec::new(),
            approvers: Default::default(),
            policy: Default::default(),
        }
    }

    /// The settings as a file, read back: the settings with the digest of `write(self)`
    /// (the file to offer), or every problem a file from outside would have, with its
    /// path.
    pub fn validate(&self) -> Result<Settings, Vec<Problem>> {
        read(&write(self))
    }

    /// The ids of the questions and the screening questions, which must differ.
    fn question_ids(&self) -> Vec<&str> {
        let asked = self.questions.iter().map(|q| q.id.as_str());
        asked
            .chain(self.policy.screening.iter().map(|s| s.id.as_str()))
            .collect()
    }

    fn question_at(&self, id: &str) -> Result<usize, Refused> {
        match self.questions.iter().position(|q| q.id == id) {
            Some(i) => Ok(i),
            None if self.policy.screening.iter().any(|s| s.id == id) => refused(format!(
                "“{id}” is a DPIA screening question, not one of the organisation's own questions (a check can only be on one of those)."
            )),
            None => refused(format!("These settings have no question “{id}”.")),
        }
    }

    fn check_at(&self, id: &str) -> Result<usize, Refused> {
        match self.checks.iter().position(|c| c.id == id) {
            Some(i) => Ok(i),
            None => refused(format!("These settings have no check “{id}”.")),
        }
    }

    fn screening_at(&self, id: &str) -> Result<usize, Refused> {
        match self.policy.screening.iter().position(|s| s.id == id) {
            Some(i) => Ok(i),
            None => refused(format!(
                "These settings have no DPIA screening question “{id}”."
            )),
        }
    }

    // The organisation's questions.

    /// Adds a question, asked last in `section`, with an id made from its label; gives
    /// the id. A choice's options with an empty id are given one made from their label.
    pub fn add_question(
        &mut self,
        section: Section,
        kind: Kind,
        label: &str,
        hint: &str,
        required: bool,
    ) -> Result<String, Refused> {
        if self.questions.len() >= MAX_ITEMS {
            return refused(format!(
                "These settings have {MAX_ITEMS} questions already, the most they can have."
            ));
        }
        let label = label.trim();
        if label.is_empty() {
            return refused("Give the question a label: its id is made from it.".into());
        }
        let kind = match kind {
            Kind::Choice(options) => Kind::Choice(options_with_ids(options)?),
            kind => kind,
        };
        let id = id_from(label, "question", &self.question_ids());
        self.questions.push(Question {
            id: id.clone(),
            section,
            kind,
            label: label.to_string(),
            hint: optional(hint),
            required,
        });
        Ok(id)
    }

    /// Changes a question's label. Its id stays as it was: records and checks name it.
    pub fn set_question_label(&mut self, id: &str, label: &str) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        self.questions[i].label = label.trim().to_string();
        Ok(())
    }

    /// Changes a question's hint (empty: none).
    pub fn set_question_hint(&mut self, id: &str, hint: &str) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        self.questions[i].hint = optional(hint);
        Ok(())
    }

    pub fn set_question_required(&mut self, id: &str, required: bool) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        self.questions[i].required = required;
        Ok(())
    }

    /// Moves a question to another section, where it is asked last.
    pub fn set_question_section(&mut self, id: &str, section: Section) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        if self.questions[i].section != section {
            let mut q = self.questions.remove(i);
            q.section = section;
            self.questions.push(q);
        }
        Ok(())
    }

    /// Replaces a choice question's options (in their order). An option with an empty id
    /// is given one made from its label; an option a check names cannot be left out.
    pub fn set_question_options(
        &mut self,
        id: &str,
        options: Vec<(String, String)>,
    ) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        let q = &self.questions[i];
        if !matches!(q.kind, Kind::Choice(_)) {
            return refused(format!(
                "“{}” is a {} question: only a choice question has options.",
                q.label,
                kind_key(&q.kind)
            ));
        }
        let options = options_with_ids(options)?;
        for c in self.checks.iter().filter(|c| c.question == id) {
            if let When::Is(option) = &c.when {
                if !options.iter().any(|(o, _)| o == option) {
                    return refused(format!(
                        "The check “{}” is about the answer “{option}” to “{}”: change or remove that check before removing that option.",
                        c.id, q.label
                    ));
                }
            }
        }
        self.questions[i].kind = Kind::Choice(options);
        Ok(())
    }

    /// Moves a question before the one above it in its section, or after the one below:
    /// the order of the file is the order a section asks them in.
    pub fn move_question(&mut self, id: &str, dir: Move) -> Result<(), Refused> {
        let i = self.question_at(id)?;
        let section = self.questions[i].section;
        let questions = &self.questions;
        match neighbour(questions.len(), i, dir, &|j| {
            questions[j].section == section
        }) {
            // Only questions of other sections are between the two, so swapping them
            // keeps every section's order but theirs.
            Some(j) => {
                self.questions.swap(i, j);
                Ok(())
            }
            None => refused(format!(
                "“{}” is the {} question of its section already.",
                questions[i].label,
                first_or_last(dir)
            )),
        }
    }

    /// Removes a question and the checks on it; gives those checks, for the page to say
    /// which went with it.
    pub fn remove_question(&mut self, id: &str) -> Result<Vec<Check>, Refused> {
        let i = self.question_at(id)?;
        self.questions.remove(i);
        Ok(self.remove_checks_on(id))
    }

    fn remove_checks_on(&mut self, id: &str) -> Vec<Check> {
        let (gone, kept) = std::mem::take(&mut self.checks)
            .into_iter()
            .partition(|c| c.question == id);
        self.checks = kept;
        gone
    }

    // The checks.

    /// Whether `when` is an answer `question` can have; the question's index if so.
    fn fits(&self, question: &str, when: &When) -> Result<usize, Refused> {
        let i = self.question_at(question)?;
        let q = &self.questions[i];
        let When::Is(answer) = when else {
            return Ok(i);
        };
        let answer = answer.as_str();
        let fits = match &q.kind {
            Kind::Text => {
                return refused(format!(
                    "“{}” is a text question: a check on it can only be for “unanswered” or “answered”.",
                    q.label
                ))
            }
            Kind::YesNo => YES_NO.contains(&answer),
            Kind::Choice(options) => options.iter().any(|(o, _)| o == answer),
        };
        if fits && !WHEN_WORDS.contains(&answer) {
            return Ok(i);
        }
        let answers = match &q.kind {
            Kind::Choice(options) => options
                .iter()
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            _ => YES_NO.join(", "),
        };
        refused(format!(
            "“{answer}” is not an answer to “{}”: it can be unanswered, answered, or {answers}.",
            q.label
        ))
    }

    /// Adds a check, last, with an id made from its question's id and `when`; gives the
    /// id.
    pub fn add_check(
        &mut self,
        question: &str,
        when: When,
        severity: Severity,
        message: &str,
    ) -> Result<String, Refused> {
        if self.checks.len() >= MAX_ITEMS {
            return refused(format!(
                "These settings have {MAX_ITEMS} checks already, the most they can have."
            ));
        }
        self.fits(question, &when)?;
        let mut base = question.to_string();
        base.push('-');
        base.push_str(when_key(&when));
        let taken: Vec<&str> = self.checks.iter().map(|c| c.id.as_str()).collect();
        let id = id_from(&base, "check", &taken);
        self.checks.push(Check {
            id: id.clone(),
            question: question.to_string(),
            when,
            severity,
            message: message.trim().to_string(),
        });
        Ok(id)
    }

    /// Changes everything about a check but its id, which stays as it was: the finding's
    /// id (`org.<id>`) is made from it.
    pub fn change_check(
        &mut self,
        id: &str,
        question: &str,
        when: When,
        severity: Severity,
        message: &str,
    ) -> Result<(), Refused> {
        let i = self.check_at(id)?;
        self.fits(question, &when)?;
        let c = &mut self.checks[i];
        c.question = question.to_string();
        c.when = when;
        c.severity = severity;
        c.message = message.trim().to_string();
        Ok(())
    }

    /// Moves a check before or after its neighbour: checks' findings come in this order.
    pub fn move_check(&mut self, id: &str, dir: Move) -> Result<(), Refused> {
        let i = self.check_at(id)?;
        match neighbour(self.checks.len(), i, dir, &|_| true) {
            Some(j) => {
                self.checks.swap(i, j);
                Ok(())
            }
            None => refused(format!(
                "The check “{id}” is the {} check already.",
                first_or_last(dir)
            )),
        }
    }

    pub fn remove_check(&mut self, id: &str) -> Result<Check, Refused> {
        let i = self.check_at(id)?;
        Ok(self.checks.remove(i))
    }

    // The DPIA screening questions.

    /// Adds a DPIA screening question, asked last, with an id made from its label (unique
    /// among the questions and screening questions); gives the id.
    pub fn add_screening(&mut self, label: &str, hint: &str) -> Result<String, Refused> {
        if self.policy.screening.len() >= MAX_ITEMS {
            return refused(format!(
                "These settings have {MAX_ITEMS} DPIA screening questions already, the most they can have."
            ));
        }
        let label = label.trim();
        if label.is_empty() {
            return refused("Give the screening question a label: its id is made from it.".into());
        }
        let id = id_from(label, "screening", &self.question_ids());
        self.policy.screening.push(ScreeningQuestion {
            id: id.clone(),
            label: label.to_string(),
            hint: optional(hint),
        });
        Ok(id)
    }

    /// Changes a screening question's label and hint (empty: none); its id stays.
    pub fn change_screening(&mut self, id: &str, label: &str, hint: &str) -> Result<(), Refused> {
        let i = self.screening_at(id)?;
        let s = &mut self.policy.screening[i];
        s.label = label.trim().to_string();
        s.hint = optional(hint);
        Ok(())
    }

    pub fn move_screening(&mut self, id: &str, dir: Move) -> Result<(), Refused> {
        let i = self.screening_at(id)?;
        match neighbour(self.policy.screening.len(), i, dir, &|_| true) {
            Some(j) => {
                self.policy.screening.swap(i, j);
                Ok(())
            }
            None => refused(format!(
                "“{}” is the {} screening question already.",
                self.policy.screening[i].label,
                first_or_last(dir)
            )),
        }
    }

    /// Removes a screening question, and any check on it (a file may have one; these
    /// edits make none); gives those checks.
    pub fn remove_screening(&mut self, id: &str) -> Result<Vec<Check>, Refused> {
        let i = self.screening_at(id)?;
        self.policy.screening.remove(i);
        Ok(self.remove_checks_on(id))
    }

    // The other parts.

    /// Sets the defaults, each trimmed (empty: none).
    pub fn set_defaults(&mut self, defaults: Defaults) {
        let trim = |text: Option<String>| text.as_deref().and_then(optional);
        self.defaults = Defaults {
            organisation: trim(defaults.organisation),
            dpo_contact: trim(defaults.dpo_contact),
            privacy_notice_title: trim(defaults.privacy_notice_title),
            privacy_notice_url: trim(defaults.privacy_notice_url),
        };
    }

    /// Sets the longest time to the next review the organisation accepts (none: no
    /// limit).
    pub fn set_review_months(&mut self, months: Option<u32>) -> Result<(), Refused> {
        if months.is_some_and(|m| m == 0 || u64::from(m) > MAX_REVIEW_MONTHS) {
            return refused(format!(
                "The longest time to the next review must be from 1 to {MAX_REVIEW_MONTHS} months."
            ));
        }
        self.policy.max_review_months = months;
        Ok(())
    }

    /// Sets who must be consulted from a risk up (none: nobody).
    pub fn set_consult(&mut self, consult: Option<Consult>) -> Result<(), Refused> {
        if consult.as_ref().is_some_and(|c| c.at_least == Risk::Low) {
            return refused(
                "Consulting can be asked for from a medium or a high risk, not a low one.".into(),
            );
        }
        self.policy.consult = consult.map(|c| Consult {
            who: c.who.trim().to_string(),
            ..c
        });
        Ok(())
    }

    /// Adds an approver's key card, checked as a file's card is.
    pub fn add_card(&mut self, card: KeyCard) -> Result<(), Refused> {
        if self.approvers.cards.len() >= MAX_CARDS {
            return refused(format!(
                "These settings have {MAX_CARDS} approvers' key cards already, the most they can have."
            ));
        }
        if let Err(why) = check_card(&card) {
            return refused(format!("That key card cannot be added. {why}"));
        }
        if let Some(same) = self.approvers.cards.iter().find(|c| c.key == card.key) {
            return refused(format!(
                "A key card with that key is one of the approvers' already ({}).",
                same.name
            ));
        }
        self.approvers.cards.push(card);
        Ok(())
    }

    /// Removes the approver's key card at `index` (in the order shown); gives it.
    pub fn remove_card(&mut self, index: usize) -> Result<KeyCard, Refused> {
        if index >= self.approvers.cards.len() {
            return refused("These settings have no such approver's key card.".into());
        }
        Ok(self.approvers.cards.remove(index))
    }
}

/// `options` trimmed, each with an id: one given must be an id, not given twice; an
/// empty one is made from its label, unlike any given.
fn options_with_ids(options: Vec<(String, String)>) -> Result<Vec<(String, String)>, Refused> {
    let options: Vec<(&str, &str)> = options
        .iter()
        .map(|(id, label)| (id.trim(), label.trim()))
        .collect();
    let mut taken: Vec<&str> = WHEN_WORDS.to_vec();
    for &(id, _) in &options {
        if id.is_empty() {
            continue;
        }
        if !is_id(id) || WHEN_WORDS.contains(&id) {
            return refused(format!(
                "“{id}” cannot be an option's id: use lower-case letters and digits, with single hyphens between them (at most {MAX_ID}), and not “answered” or “unanswered”."
            ));
        }
        if taken.contains(&id) {
            return refused(format!(
                "Two options have the id “{id}”: each option's id must differ."
            ));
        }
        taken.push(id);
    }
    let mut made: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(options.len());
    for (id, label) in options {
        let id = if id.is_empty() {
            let mut all = taken.clone();
            all.extend(made.iter().map(String::as_str));
            let new = id_from(label, "option", &all);
            made.push(new.clone());
            new
        } else {
            id.to_string()
        };
        out.push((id, label.to_string()));
    }
    Ok(out)
}

// What the editing page needs besides the edits: the settings' name and revision, the
// file's name, a choice's options from a text box, the answers a check can be for, where
// a problem of `validate` is, and the findings of the settings on a sample assessment.

/// The example assessment the editing page tries the settings on.
pub const SAMPLE: &str = "emergency-contacts";

impl Settings {
    /// Renames the settings (trimmed, held as typed: an empty name is `validate`'s).
    pub fn set_name(&mut self, name: &str) {
        self.name = name.trim().to_string();
    }

    /// Sets the revision (trimmed, held as typed).
    pub fn set_revision(&mut self, revision: &str) {
        self.revision = revision.trim().to_string();
    }

    /// The name of the file offered for download: `lia-settings-<name as an id>.json`
    /// (`lia-settings-settings.json` when the name has no letters or digits).
    pub fn file_name(&self) -> String {
        format!("lia-settings-{}.json", id_from(&self.name, "settings", &[]))
    }

    /// What the settings find in the sample assessment (`SAMPLE`, made under them) given
    /// `answers` to their questions and screening questions: its checks', screening
    /// questions' and policy's findings, as an author's assessment would get them. An
    /// answer to a question the settings no longer have is left out.
    pub fn try_on(&self, answers: &[(String, Answer)], today: Option<Date>) -> Vec<Finding> {
        let Some(example) = crate::assessment::examples::example(SAMPLE) else {
            return Vec::new();
        };
        let mut a = (example.build)("sample");
        answering::start_under(&mut a, self);
        for (id, answer) in answers {
            answering::answer(&mut a, self, id, Some(answer.clone()));
        }
        findings(self, &facts_of(&a, today))
    }
}

/// A choice's options from a text box, one a line: each line trimmed, empty lines left
/// out, each option without an id yet (`add_question` makes them from the labels).
pub fn options_from_lines(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| (String::new(), l.to_string()))
        .collect()
}

impl When {
    /// The `when` a file's word stands for (`answered`, `unanswered`, or an answer).
    pub fn from_key(key: &str) -> When {
        match key {
            "answered" => When::Answered,
            "unanswered" => When::Unanswered,
            answer => When::Is(answer.to_string()),
        }
    }
}

/// The answers a check on a question of `kind` can be for, each as its word in the file
/// and in plain words: the question's own answers first, then any answer, then none.
pub fn whens(kind: &Kind) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = match kind {
        Kind::Text => Vec::new(),
        Kind::YesNo => YesNo::ALL
            .iter()
            .map(|y| (y.key().to_string(), format!("Answered “{}”", y.label())))
            .collect(),
        Kind::Choice(options) => options
            .iter()
            .map(|(id, label)| (id.clone(), format!("Answered “{label}”")))
            .collect(),
    };
    out.push(("answered".into(), "Answered (any answer)".into()));
    out.push(("unanswered".into(), "Not answered".into()));
    out
}

/// The part of the settings a problem of `validate` is in, for the page to point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Name,
    Revision,
    /// The question at this index (in `questions`), and so on.
    Question(usize),
    Check(usize),
    Screening(usize),
    Organisation,
    DpoContact,
    NoticeTitle,
    NoticeUrl,
    ReviewMonths,
    Consult,
    Approvers,
}

/// Where the problem at `path` is, if in one part (not the file as a whole).
pub fn part_of(path: &Path) -> Option<Part> {
    let field = |i: usize| match path.0.get(i) {
        Some(Segment::Field(f)) => f.as_str(),
        _ => "",
    };
    let index = |i: usize| match path.0.get(i) {
        Some(Segment::Index(n)) => Some(*n),
        _ => None,
    };
    Some(match (field(0), field(1)) {
        ("name", _) => Part::Name,
        ("revision", _) => Part::Revision,
        ("questions", _) => Part::Question(index(1)?),
        ("checks", _) => Part::Check(index(1)?),
        ("organisation", "name") => Part::Organisation,
        ("organisation", "dpo_contact") => Part::DpoContact,
        ("organisation", "privacy_notice") if field(2) == "url" => Part::NoticeUrl,
        ("organisation", "privacy_notice") => Part::NoticeTitle,
        ("policy", "screening") => Part::Screening(index(2)?),
        ("policy", "max_review_months") => Part::ReviewMonths,
        ("policy", "consult") => Part::Consult,
        ("approvers", _) => Part::Approvers,
        _ => return None,
    })
}
