//! Status tags: a word always, colour only as a second cue.

use leptos::prelude::*;

use crate::assessment::outcome::SectionStatus;
use crate::assessment::{Reading, Severity};

#[component]
pub fn StatusTag(
    status: SectionStatus,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let modifier = match status {
        SectionStatus::NotApplicable(_) => "grey",
        SectionStatus::NotStarted => "grey",
        SectionStatus::InProgress => "blue",
        SectionStatus::Completed => "green",
        SectionStatus::HasProblems => "red",
        SectionStatus::CheckAgain => "yellow",
    };
    view! { <strong class=format!("lia-tag lia-tag--{modifier}") id=id>{status.label()}</strong> }
}

#[component]
pub fn SeverityTag(severity: Severity) -> impl IntoView {
    let modifier = match severity {
        Severity::Blocker => "red",
        Severity::Warning => "yellow",
        Severity::Advice => "blue",
    };
    view! { <strong class=format!("lia-tag lia-tag--{modifier}")>{severity.label()}</strong> }
}

#[component]
pub fn ReadingTag(reading: Reading) -> impl IntoView {
    let modifier = match reading {
        Reading::TooEarly => "grey",
        Reading::Appropriate => "green",
        Reading::Borderline => "yellow",
        Reading::Unlikely | Reading::PublicTask => "red",
    };
    view! { <strong class=format!("lia-tag lia-tag--{modifier} lia-tag--wide")>{reading.label()}</strong> }
}
