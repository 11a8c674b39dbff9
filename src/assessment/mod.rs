//! The functional core: the assessment model, the question bank, the rule engine and
//! the outcome. Plain Rust with no browser types; tested natively.

pub mod accepted;
pub mod bank;
pub mod canonical;
pub mod catalogue;
pub mod choices;
pub mod context;
pub mod date;
pub mod digest;
pub mod display;
pub mod evaluation;
pub mod examples;
pub mod form_values;
pub mod json_write;
pub mod lifecycle;
pub mod matrix;
pub mod model;
pub mod organisation_answers;
pub mod outcome;
pub mod privacy_notice;
pub mod questions;
pub mod read;
pub mod rounds;
pub mod rules;
pub mod schema;
pub mod screening;
pub mod shape;
pub mod stale;
pub mod strict_json;
pub mod text;
pub mod validation;
pub mod write;

pub use context::{Ctx, Suggestion, Visibility};
pub use date::Date;
pub use digest::{assessment_digest, content_digest, reviewed_digest};
pub use evaluation::{Brief, Evaluation};
pub use model::{
    Answer, Assessment, HarmSeverity, Impact, Likelihood, PrivacyEdit, ReviewEntry, Reviewed, Risk,
    Status, YesNo,
};
pub use outcome::{outcome, Outcome, Reading, SectionStatus};
pub use questions::{AnswerKind, Question, QuestionId, Section, QUESTIONS};
pub use rounds::{Comment, Decision, Reply, Round, Signature, Verdict};
pub use rules::{check, Finding, Severity};
