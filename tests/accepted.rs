//! Warnings accepted with a written reason (src/assessment/accepted.rs): an accepted
//! warning no longer counts as open, opens again when the answers it is about change,
//! only a warning can be accepted and only with a reason, the acceptance is part of the
//! content an approval covers, and the approver sees each one with its reason.

use lia::assessment::accepted::{
    accept, accepted_warnings, is_accepted, standing, withdraw, AcceptProblem, Standing,
};
use lia::assessment::examples::example;
use lia::assessment::{
    content_digest, outcome, Assessment, Date, Finding, QuestionId as Q, Severity,
};

fn today() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

/// An example with warnings and a blocker (direct marketing to tenants).
fn with_warnings() -> Assessment {
    (example("housing-marketing").unwrap().build)("h")
}

fn find(a: &Assessment, rule: &str) -> Finding {
    outcome(a, Some(today()))
        .findings
        .into_iter()
        .find(|f| f.id == rule)
        .unwrap_or_else(|| panic!("{rule} is found"))
}

fn first(a: &Assessment, severity: Severity) -> Finding {
    outcome(a, Some(today()))
        .findings
        .into_iter()
        .find(|f| f.severity == severity)
        .unwrap_or_else(|| panic!("the example has a {severity:?}"))
}

#[test]
fn an_accepted_warning_no_longer_counts_as_open_and_reopens_when_its_answers_change() {
    let mut a = with_warnings();
    let warning = find(&a, "pecr.soft-opt-in.evidence");
    let before = outcome(&a, Some(today())).counts.warnings;
    let digest = content_digest(&a);
    accept(
        &mut a,
        &warning,
        "  Tenants asked for these offers at sign-up.  ",
        today(),
    )
    .unwrap();
    assert!(is_accepted(&a, &warning));
    assert_eq!(outcome(&a, Some(today())).counts.warnings, before - 1);
    assert_ne!(
        content_digest(&a),
        digest,
        "the acceptance is part of the content approved"
    );
    let listed = accepted_warnings(&a, &outcome(&a, Some(today())).findings);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].rule, warning.id);
    assert_eq!(
        listed[0].reason,
        "Tenants asked for these offers at sign-up."
    );
    assert!(listed[0].current);
    assert_eq!(
        listed[0].describe(),
        "Accepted on 22 November 2026, because: Tenants asked for these offers at sign-up."
    );

    // An answer it is not about changes: still accepted.
    let mut other = a.clone();
    other.set_text(Q::SignOffObjections, "By e-mail to the DPO.");
    assert!(is_accepted(&other, &warning));
    assert_eq!(
        outcome(&other, Some(today())).counts.warnings,
        before - 2,
        "that warning is fixed too"
    );

    // Withdrawn: open again.
    assert!(withdraw(&mut a, &warning));
    assert_eq!(outcome(&a, Some(today())).counts.warnings, before);
}

#[test]
fn only_a_warning_can_be_accepted_and_only_with_a_reason() {
    let mut a = with_warnings();
    let blocker = first(&a, Severity::Blocker);
    assert_eq!(
        accept(&mut a, &blocker, "We disagree", today()),
        Err(AcceptProblem::NotAWarning)
    );
    let warning = first(&a, Severity::Warning);
    assert_eq!(
        accept(&mut a, &warning, "   ", today()),
        Err(AcceptProblem::NoReason)
    );
    assert_eq!(
        AcceptProblem::NoReason.to_string(),
        "Enter why you accept this warning"
    );
    assert!(a.accepted.is_empty(), "nothing changed");
    let mut approved = a.clone();
    approved.status = lia::assessment::Status::Approved;
    assert_eq!(
        accept(&mut approved, &warning, "Reason", today()),
        Err(AcceptProblem::ReadOnly)
    );
    // Accepting again replaces the reason, once.
    accept(&mut a, &warning, "First reason", today()).unwrap();
    accept(&mut a, &warning, "Better reason", today()).unwrap();
    assert_eq!(a.accepted.len(), 1);
    assert_eq!(a.accepted[0].reason, "Better reason");
}

#[test]
fn the_session_accepts_a_warning_of_the_open_assessment_and_the_approver_sees_it() {
    use lia::export::{import, to_json};
    use lia::session::{Defaults, ImportStep, Session};
    use lia::storage::{MemoryKv, Namespace};
    let mut s = Session::new(
        MemoryKv::new(),
        true,
        Namespace::default(),
        today(),
        Defaults::default(),
    );
    s.start_up();
    s.scan(0.0);
    s.start(with_warnings(), 1.0);
    let warning = first(s.open().unwrap(), Severity::Warning);
    assert_eq!(
        s.accept_warning(&warning.id, warning.detail.as_deref(), "", 2.0),
        Err(AcceptProblem::NoReason)
    );
    s.accept_warning(&warning.id, warning.detail.as_deref(), "Because.", 2.0)
        .unwrap();
    s.save_now(3.0);
    let saved = s.store().load("h").unwrap().assessment;
    assert_eq!(saved.accepted.len(), 1);
    // A blocker is refused by the session too.
    let blocker = first(s.open().unwrap(), Severity::Blocker);
    assert_eq!(
        s.accept_warning(&blocker.id, blocker.detail.as_deref(), "No", 4.0),
        Err(AcceptProblem::NotAWarning)
    );
    // Sent: the approver sees the accepted warning with its reason.
    let sent = s.send_for_approval(5.0).unwrap().unwrap();
    let mut approver = Session::new(
        MemoryKv::new(),
        true,
        Namespace::default(),
        today(),
        Defaults::default(),
    );
    approver.start_up();
    approver.scan(0.0);
    let file = import(to_json(&sent, "2026-11-22T10:15:00Z", Some(today())).as_bytes()).unwrap();
    assert_eq!(
        approver.import(file, "f.json", "x".into(), 6.0),
        ImportStep::ForApproval
    );
    let approving = approver.view().approving.unwrap();
    assert_eq!(approving.accepted.len(), 1);
    assert_eq!(approving.accepted[0].reason, "Because.");
    assert!(s.withdraw_acceptance(&warning.id, warning.detail.as_deref(), 7.0));
}

#[test]
fn a_warning_whose_answers_change_but_that_is_still_found_opens_again_and_says_so() {
    let mut a = with_warnings();
    let warning = find(&a, "purpose.fuller-lia-needed");
    accept(
        &mut a,
        &warning,
        "A short assessment is enough here.",
        today(),
    )
    .unwrap();
    let accepted_count = outcome(&a, Some(today())).counts.warnings;
    // One of its answers changes, and it is still not explained in enough detail.
    a.set_text(Q::PurposeImportance, "Some.");
    let again = find(&a, "purpose.fuller-lia-needed");
    assert!(matches!(standing(&a, &again), Standing::Reopened(_)));
    assert!(!is_accepted(&a, &again));
    assert_eq!(
        outcome(&a, Some(today())).counts.warnings,
        accepted_count + 1,
        "open again"
    );
    let listed = accepted_warnings(&a, &outcome(&a, Some(today())).findings);
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].current);
    assert!(listed[0]
        .describe()
        .ends_with("The answers it is about have changed since, so it counts as open again."));
    // Accepted again for the answers as they are now: one entry, current.
    accept(&mut a, &again, "Still enough.", today()).unwrap();
    assert_eq!(a.accepted.len(), 1);
    assert!(is_accepted(&a, &again));
    // Changed back: the digest is of the answers, so it matches again only if they do.
    a.set_text(Q::PurposeImportance, "Some more.");
    assert!(!is_accepted(&a, &find(&a, "purpose.fuller-lia-needed")));
}
