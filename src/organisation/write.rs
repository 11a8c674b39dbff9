//! Writes settings back as their file, in the format `read` reads, for the settings page
//! to offer for download: pretty-printed (two spaces), fields in a fixed order (the
//! order of `docs/settings.md`'s table and the example file), empty optional parts left
//! out. The digest is of the canonical JSON, so the layout chosen here does not change it.
//!
//! What is left out and what is always written follows the example file, so that writing
//! it back gives the same content, and so the same digest: a hint, a default, the review
//! interval and who to consult only when set; `required` only when true; the lists only
//! when not empty; `approvers` only with a card or self-approval allowed, and then always
//! with `self_approval`.

use super::{Check, Kind, Question, ScreeningQuestion, Settings, When, FORMAT, VERSION};
use crate::assessment::json_write::Writer;
use crate::assessment::model::Risk;
use crate::assessment::rules::Severity;
use crate::handover::keycard::KeyCard;

/// The settings as the text of their file (ending in a line break).
pub fn write(settings: &Settings) -> String {
    let mut w = Writer::pretty();
    w.open('{');
    text(&mut w, "format", FORMAT);
    w.key("version");
    w.number(VERSION);
    text(&mut w, "name", &settings.name);
    text(&mut w, "revision", &settings.revision);

    let d = &settings.defaults;
    if d.organisation.is_some()
        || d.dpo_contact.is_some()
        || d.privacy_notice_title.is_some()
        || d.privacy_notice_url.is_some()
    {
        w.key("organisation");
        w.open('{');
        optional(&mut w, "name", &d.organisation);
        optional(&mut w, "dpo_contact", &d.dpo_contact);
        if d.privacy_notice_title.is_some() || d.privacy_notice_url.is_some() {
            w.key("privacy_notice");
            w.open('{');
            optional(&mut w, "title", &d.privacy_notice_title);
            optional(&mut w, "url", &d.privacy_notice_url);
            w.close('}');
        }
        w.close('}');
    }

    if !settings.questions.is_empty() {
        w.key("questions");
        w.open('[');
        for q in &settings.questions {
            w.item();
            question(&mut w, q);
        }
        w.close(']');
    }

    if !settings.checks.is_empty() {
        w.key("checks");
        w.open('[');
        for c in &settings.checks {
            w.item();
            check(&mut w, c);
        }
        w.close(']');
    }

    let a = &settings.approvers;
    if !a.cards.is_empty() || a.self_approval {
        w.key("approvers");
        w.open('{');
        if !a.cards.is_empty() {
            w.key("cards");
            w.open('[');
            for c in &a.cards {
                w.item();
                card(&mut w, c);
            }
            w.close(']');
        }
        w.key("self_approval");
        w.boolean(a.self_approval);
        w.close('}');
    }

    let p = &settings.policy;
    if p.max_review_months.is_some() || p.consult.is_some() || !p.screening.is_empty() {
        w.key("policy");
        w.open('{');
        if let Some(months) = p.max_review_months {
            w.key("max_review_months");
            w.number(u64::from(months));
        }
        if let Some(consult) = &p.consult {
            w.key("consult");
            w.open('{');
            text(&mut w, "at_least", risk_key(consult.at_least));
            text(&mut w, "who", &consult.who);
            w.close('}');
        }
        if !p.screening.is_empty() {
            w.key("screening");
            w.open('[');
            for s in &p.screening {
                w.item();
                screening(&mut w, s);
            }
            w.close(']');
        }
        w.close('}');
    }
    w.close('}');
    let mut out = w.finish();
    out.push('\n');
    out
}

fn text(w: &mut Writer, key: &str, value: &str) {
    w.key(key);
    w.string(value);
}

fn optional(w: &mut Writer, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        text(w, key, value);
    }
}

fn question(w: &mut Writer, q: &Question) {
    w.open('{');
    text(w, "id", &q.id);
    text(w, "section", q.section.key());
    text(w, "kind", kind_key(&q.kind));
    text(w, "label", &q.label);
    optional(w, "hint", &q.hint);
    if q.required {
        w.key("required");
        w.boolean(true);
    }
    if let Kind::Choice(options) = &q.kind {
        w.key("options");
        w.open('[');
        for (id, label) in options {
            w.item();
            w.open('{');
            text(w, "id", id);
            text(w, "label", label);
            w.close('}');
        }
        w.close(']');
    }
    w.close('}');
}

fn check(w: &mut Writer, c: &Check) {
    w.open('{');
    text(w, "id", &c.id);
    text(w, "question", &c.question);
    text(w, "when", when_key(&c.when));
    text(w, "severity", severity_key(c.severity));
    text(w, "message", &c.message);
    w.close('}');
}

/// A card's fields in the order of its own file (`KeyCard::to_file`).
fn card(w: &mut Writer, c: &KeyCard) {
    w.open('{');
    text(w, "format", &c.format);
    w.key("version");
    w.number(u64::from(c.version));
    text(w, "name", &c.name);
    text(w, "role", &c.role);
    text(w, "organisation", &c.organisation);
    text(w, "algorithm", &c.algorithm);
    text(w, "key", &c.key);
    text(w, "fingerprint", &c.fingerprint);
    w.close('}');
}

fn screening(w: &mut Writer, s: &ScreeningQuestion) {
    w.open('{');
    text(w, "id", &s.id);
    text(w, "label", &s.label);
    optional(w, "hint", &s.hint);
    w.close('}');
}

/// The word the file uses for a kind of question.
pub(crate) fn kind_key(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::YesNo => "yes-no",
        Kind::Choice(_) => "choice",
    }
}

pub(crate) fn when_key(when: &When) -> &str {
    match when {
        When::Unanswered => "unanswered",
        When::Answered => "answered",
        When::Is(answer) => answer,
    }
}

pub(crate) fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Blocker => "blocker",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
    }
}

fn risk_key(risk: Risk) -> &'static str {
    match risk {
        Risk::Low => "low",
        Risk::Medium => "medium",
        Risk::High => "high",
    }
}
