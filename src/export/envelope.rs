//! The JSON export: the assessment with what is needed to identify, date, check and
//! understand it years later.

use crate::assessment::json_write::Writer;
use crate::assessment::outcome::{DpiaOutcome, Reading, SectionStatus};
use crate::assessment::rules::{Severity, Weight};
use crate::assessment::schema::SCHEMA_VERSION;
use crate::assessment::{outcome, Assessment, Date, Outcome};

use super::FORMAT;
use crate::assessment::canonical::{digest_hex, ALGORITHM};

/// The JSON export (pretty-printed) of an assessment. `exported_at` is an ISO 8601 UTC
/// timestamp supplied by the caller (e.g. "2026-11-22T10:15:00Z"); `today` drives
/// date-dependent rules.
pub fn to_json(a: &Assessment, exported_at: &str, today: Option<Date>) -> String {
    to_json_with(a, exported_at, &outcome(a, today))
}

/// `to_json`, its outcome with the findings of the organisation's settings loaded here.
pub fn to_json_under(
    a: &Assessment,
    exported_at: &str,
    today: Option<Date>,
    settings: Option<&crate::organisation::Settings>,
) -> String {
    to_json_with(
        a,
        exported_at,
        &crate::organisation::evaluate::outcome(a, settings, today),
    )
}

/// `to_json` with an outcome already computed (the HTML report needs both).
pub(super) fn to_json_with(a: &Assessment, exported_at: &str, outcome: &Outcome) -> String {
    // Its digest is `assessment_digest(a)`, from the one `Value`.
    let assessment = crate::assessment::write::assessment(a);
    // Written by hand, field by field in `Envelope`'s order (the serde derive that
    // `tests/json_by_hand.rs` holds this to); the assessment's keys are sorted.
    let mut w = Writer::pretty();
    w.open('{');
    w.key("format");
    w.string(FORMAT);
    w.key("schema_version");
    w.number(SCHEMA_VERSION.into());
    w.key("app_version");
    w.string(env!("CARGO_PKG_VERSION"));
    w.key("exported_at");
    w.string(exported_at);
    w.key("assessment");
    w.value(&assessment);
    w.key("outcome");
    write_outcome(&mut w, outcome);
    w.key("digest");
    w.open('{');
    w.key("algorithm");
    w.string(ALGORITHM);
    w.key("value");
    w.string(&digest_hex(&assessment));
    w.close('}');
    w.close('}');
    w.finish()
}

/// The outcome as its derived `Serialize` writes it (`Outcome` and its parts).
fn write_outcome(w: &mut Writer, o: &Outcome) {
    w.open('{');
    w.key("findings");
    w.open('[');
    for f in &o.findings {
        w.item();
        w.open('{');
        w.key("id");
        w.string(&f.id);
        w.key("severity");
        w.string(match f.severity {
            Severity::Blocker => "blocker",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        });
        w.key("weight");
        w.string(match f.weight {
            Weight::Record => "record",
            Weight::Borderline => "borderline",
            Weight::Against => "against",
        });
        w.key("section");
        w.string(f.section.key());
        w.key("questions");
        w.open('[');
        for q in &f.questions {
            w.item();
            w.string(q.key());
        }
        w.close(']');
        if let Some(id) = &f.organisation_question {
            w.key("organisation_question");
            w.string(id);
        }
        w.key("message");
        w.string(&f.message);
        if let Some(detail) = &f.detail {
            w.key("detail");
            w.string(detail);
        }
        w.key("source");
        w.open('{');
        for (key, text) in [
            ("citation", f.source.citation()),
            ("url", f.source.url()),
            ("version", f.source.version()),
        ] {
            w.key(key);
            w.string(text);
        }
        w.close('}');
        w.close('}');
    }
    w.close(']');
    w.key("sections");
    w.open('[');
    for s in &o.sections {
        w.item();
        w.open('{');
        w.key("section");
        w.string(s.section.key());
        w.key("status");
        w.open('{');
        w.key("status");
        w.string(match s.status {
            SectionStatus::NotApplicable(_) => "not-applicable",
            SectionStatus::NotStarted => "not-started",
            SectionStatus::InProgress => "in-progress",
            SectionStatus::Completed => "completed",
            SectionStatus::HasProblems => "has-problems",
            SectionStatus::CheckAgain => "check-again",
        });
        if let SectionStatus::NotApplicable(reason) = s.status {
            w.key("reason");
            w.string(reason);
        }
        w.close('}');
        w.close('}');
    }
    w.close(']');
    w.key("counts");
    w.open('{');
    for (key, n) in [
        ("blockers", o.counts.blockers),
        ("warnings", o.counts.warnings),
        ("advice", o.counts.advice),
    ] {
        w.key(key);
        w.number(n as u64);
    }
    w.close('}');
    w.key("ready_for_sign_off");
    w.boolean(o.ready_for_sign_off);
    w.key("sign_off_refusals");
    w.open('[');
    for r in &o.sign_off_refusals {
        w.item();
        w.string(r);
    }
    w.close(']');
    w.key("dpia");
    w.open('{');
    w.key("dpia");
    match o.dpia {
        DpiaOutcome::NotNeeded => w.string("not-needed"),
        DpiaOutcome::Required { done } => {
            w.string("required");
            w.key("done");
            w.boolean(done);
        }
        DpiaOutcome::NotYetKnown => w.string("not-yet-known"),
    }
    w.close('}');
    w.key("reading");
    w.string(match o.reading {
        Reading::TooEarly => "too-early",
        Reading::Appropriate => "appropriate",
        Reading::Borderline => "borderline",
        Reading::Unlikely => "unlikely",
        Reading::PublicTask => "public-task",
    });
    w.close('}');
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::assessment::examples::EXAMPLES;
    use crate::assessment::model::{Answer, YesNo};
    use crate::assessment::outcome::SectionStatus;
    use crate::assessment::QuestionId;

    /// The top-level object of an export as serde's derive wrote it before the export
    /// was written by hand: the reference the hand-written text is held to.
    #[derive(Serialize)]
    struct Envelope<'a> {
        format: &'static str,
        schema_version: u32,
        app_version: &'static str,
        exported_at: &'a str,
        assessment: serde_json::Value,
        outcome: &'a Outcome,
        digest: Digest,
    }

    #[derive(Serialize)]
    struct Digest {
        algorithm: &'static str,
        value: String,
    }

    fn by_serde(a: &Assessment, exported_at: &str, outcome: &Outcome) -> String {
        let assessment = crate::assessment::write::assessment(a);
        serde_json::to_string_pretty(&Envelope {
            format: FORMAT,
            schema_version: SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION"),
            exported_at,
            digest: Digest {
                algorithm: ALGORITHM,
                value: digest_hex(&assessment),
            },
            assessment: assessment.into(),
            outcome,
        })
        .unwrap()
    }

    /// Every example, whole and with the answers of each section taken out in turn, on
    /// three dates: the text written by hand is serde's, byte for byte. The cases are
    /// checked to reach every form the outcome's parts take.
    #[test]
    fn the_export_is_written_as_serde_wrote_it() {
        let mut statuses = std::collections::BTreeSet::new();
        let (mut dpia, mut detail) = (std::collections::BTreeSet::new(), false);
        for example in EXAMPLES {
            let whole = (example.build)("e-1");
            let mut cases = vec![whole.clone(), Assessment::new("empty")];
            // A recognised legitimate interest: the balancing sections are not needed.
            let mut recognised = whole.clone();
            recognised
                .answers
                .set(QuestionId::TriageRecognised, Answer::YesNo(YesNo::Yes));
            recognised.answers.set(
                QuestionId::TriageRecognisedCondition,
                Answer::Choice(crate::assessment::choices::recognised::EMERGENCY.into()),
            );
            cases.push(recognised);
            // A DPIA needed and not (yet) done.
            let mut not_done = whole.clone();
            not_done
                .answers
                .set(QuestionId::DpiaDone, Answer::YesNo(YesNo::No));
            cases.push(not_done);
            for section in crate::assessment::Section::ALL {
                let mut a = whole.clone();
                let keys: Vec<QuestionId> = a.answers.iter().map(|(q, _)| q).collect();
                for q in keys.into_iter().filter(|q| q.section() == section) {
                    a.answers.clear(q);
                }
                cases.push(a);
            }
            for a in &cases {
                for today in [None, Date::parse("2020-01-01"), Date::parse("2031-06-30")] {
                    let o = outcome(a, today);
                    for s in &o.sections {
                        statuses.insert(s.status.label());
                    }
                    dpia.insert(format!("{:?}", o.dpia));
                    detail |= o.findings.iter().any(|f| f.detail.is_some());
                    assert_eq!(
                        to_json_with(a, "2026-12-05T10:00:00Z", &o),
                        by_serde(a, "2026-12-05T10:00:00Z", &o)
                    );
                }
            }
        }
        assert!(
            statuses.contains(SectionStatus::NotApplicable("").label()),
            "a section not needed"
        );
        assert!(statuses.len() >= 5, "{statuses:?}");
        assert_eq!(dpia.len(), 4, "{dpia:?}");
        assert!(detail, "a finding with its detail");
    }
}
