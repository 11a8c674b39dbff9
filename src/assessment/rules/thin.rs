//! Answers that give no reason where the ICO asks for reasoning: a bare "yes", "none" or
//! "N/A", a few words, the question repeated, or a law named as the whole answer (the
//! heuristics are `text::thin`). Each question is listed with what the ICO asks there.
//! A blocker where the decision rests on it (the necessity test, the decision's
//! justification); a warning elsewhere.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{Hit, Rule};
use crate::assessment::choices::{codes, purpose};
use crate::assessment::context::Ctx;
use crate::assessment::questions::{QuestionId as Q, Section};
use crate::assessment::text::{thin, Thin};

/// Each question of an area, with what the ICO asks for in it.
type Asks = [(Q, &'static str)];

const PURPOSE: &Asks = &[
    (Q::PurposeBenefit, "what benefit you expect, and for whom"),
    (
        Q::PurposeImportance,
        "how important those benefits are, and why",
    ),
    (
        Q::PurposeImpactIfNot,
        "what would happen if you could not go ahead",
    ),
    (
        Q::PurposeOutcome,
        "what the intended outcome is for the people",
    ),
];
const NECESSITY: &Asks = &[
    (
        Q::NecessityHelpsHow,
        "how it actually helps achieve the purpose",
    ),
    (
        Q::NecessityProportionate,
        "why it is proportionate: what data, about whom, how often",
    ),
    (
        Q::NecessityAlternatives,
        "why each less intrusive alternative is not reasonable",
    ),
];
const NATURE: &Asks = &[(Q::NatureChildrenProtection, "what extra care you take")];
const EXPECTATIONS: &Asks = &[
    (Q::ExpRelationshipNature, "what the relationship is"),
    (
        Q::ExpTold,
        "what you told people when you collected the data",
    ),
    (
        Q::ExpEvidenceDetail,
        "what the evidence shows about what people expect",
    ),
];
const IMPACT: &Asks = &[
    (Q::ImpactPossible, "the possible impacts on people"),
    (
        Q::ImpactSafeguardsDetail,
        "each safeguard and what it reduces",
    ),
    (
        Q::ImpactOptOutWhyNot,
        "why people cannot be offered an opt-out",
    ),
];
const DECISION: &Asks = &[
    (
        Q::DecisionFactorsFor,
        "each factor in favour of the processing",
    ),
    (
        Q::DecisionFactorsAgainst,
        "every factor against it, even small ones",
    ),
];
const JUSTIFICATION: &Asks = &[(
    Q::DecisionJustification,
    "why the benefits of the processing justify the risks you found",
)];

/// The answer, cut to a few words for a message.
fn excerpt(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// A hit at each thin answer of `asks`, saying why and what the ICO asks for there.
fn thin_answers(c: &Ctx, asks: &Asks) -> Option<Hit> {
    let found: Vec<(Q, String)> = asks
        .iter()
        .filter_map(|(q, what)| {
            let text = c.text(*q);
            let why = thin(text, q.question().text)?;
            Some((
                *q,
                format!(
                    "{}: “{}” {}; say {what}.",
                    q.question().short,
                    excerpt(text),
                    why.says()
                ),
            ))
        })
        .collect();
    (!found.is_empty()).then(|| Hit {
        questions: found.iter().map(|(q, _)| *q).collect(),
        detail: Some(
            found
                .iter()
                .map(|(_, d)| d.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    })
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "purpose.thin",
        severity: Warning,
        weight: Record,
        section: Section::Purpose,
        message: "Some answers to the purpose test give no reason. Be as specific as possible about the benefits, how important they are and what would happen without the processing.",
        source: &ICO_PURPOSE,
        check: |c| {
            // For marketing and intra-group transfers, `purpose.fuller-lia-needed` asks
            // for more on the benefits already.
            let asks = if c.purpose_is(purpose::NEED_FULLER_LIA) {
                &PURPOSE[3..]
            } else {
                PURPOSE
            };
            thin_answers(c, asks)
        },
    },
    Rule {
        id: "purpose.codes-unnamed",
        severity: Warning,
        weight: Record,
        section: Section::Purpose,
        message: "You say you comply with industry guidelines or codes of practice, but do not name them. Name each one, so a reviewer can check the processing against it.",
        source: &ICO_PURPOSE,
        check: |c| {
            let detail = c.text(Q::PurposeCodesDetail);
            // A name can be short ("the CAP Code"): only a bare "yes" or "see above" is none.
            let unnamed = detail.is_empty()
                || thin(detail, Q::PurposeCodesDetail.question().text) == Some(Thin::Bare);
            super::when(c.choice(Q::PurposeCodes) == Some(codes::YES) && unnamed, Q::PurposeCodesDetail)
        },
    },
    Rule {
        id: "necessity.thin",
        severity: Blocker,
        weight: Borderline,
        section: Section::Necessity,
        message: "The necessity test gives no reasons: how the processing helps, why it is proportionate and not a sledgehammer to crack a nut, and why a less intrusive way is not reasonable. Without them it is not shown to be necessary.",
        source: &ICO_NECESSITY,
        check: |c| thin_answers(c, NECESSITY),
    },
    Rule {
        id: "nature.thin",
        severity: Warning,
        weight: Record,
        section: Section::Nature,
        message: "How you will protect children or vulnerable people gives no reason. Their interests weigh particularly heavily: say what extra care you take.",
        source: &ICO_NATURE,
        check: |c| thin_answers(c, NATURE),
    },
    Rule {
        id: "expectations.thin",
        severity: Warning,
        weight: Record,
        section: Section::Expectations,
        message: "Some answers about reasonable expectations give no reason. The ICO asks about the relationship, what people were told at the time and any evidence of what they expect: say what each is.",
        source: &ICO_EXPECTATIONS,
        check: |c| thin_answers(c, EXPECTATIONS),
    },
    Rule {
        id: "impact.thin",
        severity: Warning,
        weight: Record,
        section: Section::Impact,
        message: "Some answers about the impact and safeguards give no reason. Describe each possible impact and each safeguard, and why there can be no opt-out if there is none.",
        source: &ICO_IMPACT,
        check: |c| thin_answers(c, IMPACT),
    },
    Rule {
        id: "decision.factors-thin",
        severity: Warning,
        weight: Record,
        section: Section::Decision,
        message: "What weighs for or against the processing gives no reason. Record every relevant factor, whether or not it supports your conclusion: \"nothing\" is rarely true.",
        source: &ICO_PROCESS,
        check: |c| thin_answers(c, DECISION),
    },
    Rule {
        id: "decision.justification-thin",
        severity: Blocker,
        weight: Record,
        section: Section::Decision,
        message: "The justification gives no reason. Show why the benefits of the processing justify the risks you found; naming a law, or saying it is compliant, is not a reason. The more significant the risks, the more compelling it must be.",
        source: &ICO_OUTCOME,
        check: |c| thin_answers(c, JUSTIFICATION),
    },
];
