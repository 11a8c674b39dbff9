//! The hand-over for approval in the core: sending, the approver's decision, the
//! binding of an approval to the digest of the content approved (a change after
//! approval is detected wherever the record is read), comments per section, and the
//! record surviving the round trip through the exported files.

use lia::assessment::examples::example;
use lia::assessment::{Answer, Assessment, Date, QuestionId as Q, Section, Status, YesNo};
use lia::export::{import, to_html, to_json, DigestCheck};
use lia::handover::{
    content_digest, decide, merge_rounds, send, stage, DecisionForm, DecisionProblem, FormField,
    SendRefusal, Stage, Verdict,
};

const AT: &str = "2026-11-22T10:15:00Z";

fn today() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

/// An assessment that can be approved (no blockers, every section complete).
fn ready() -> Assessment {
    let mut a = (example("emergency-contacts").unwrap().build)("emergency");
    // Whoever approves it fills these in; the author leaves them.
    for q in lia::handover::APPROVAL_ANSWERS {
        a.answers.clear(q);
    }
    a
}

fn approve_form() -> DecisionForm {
    DecisionForm {
        verdict: Some(Verdict::Approved),
        name: " Sam Patel ".into(),
        role: "Data Protection Officer".into(),
        ..DecisionForm::default()
    }
}

fn return_form() -> DecisionForm {
    DecisionForm {
        verdict: Some(Verdict::Returned),
        name: "Sam Patel".into(),
        role: "Data Protection Officer".into(),
        note: "Nearly there.".into(),
        comments: vec![
            (Section::Purpose, "  Say who benefits.  ".into()),
            (Section::Necessity, "   ".into()),
            (Section::About, "Name the HR system.".into()),
        ],
    }
}

/// Through a file and back, as the other person would get it.
fn through_json(a: &Assessment) -> Assessment {
    let imported = import(to_json(a, AT, Some(today())).as_bytes()).unwrap();
    assert_eq!(imported.digest, DigestCheck::Matches);
    imported.assessment
}

fn through_html(a: &Assessment) -> Assessment {
    import(to_html(a, AT, Some(today())).as_bytes())
        .unwrap()
        .assessment
}

#[test]
fn sending_records_the_content_digest_once_per_content() {
    let mut a = ready();
    assert_eq!(stage(&a), Stage::NotSent);
    send(&mut a, today()).unwrap();
    assert_eq!(a.handover.len(), 1);
    assert_eq!(a.handover[0].sent, "2026-11-22");
    assert_eq!(a.handover[0].content, content_digest(&a));
    assert_eq!(
        stage(&a),
        Stage::Waiting {
            sent: "2026-11-22".into(),
            changed: false
        }
    );
    // Sending the same content again makes the same file.
    send(&mut a, today()).unwrap();
    assert_eq!(a.handover.len(), 1);
    // A change, then sending again: a new round; the first stays unanswered.
    a.set_text(Q::PurposeImportance, "Essential for staff safety.");
    assert!(matches!(stage(&a), Stage::Waiting { changed: true, .. }));
    send(&mut a, today()).unwrap();
    assert_eq!(a.handover.len(), 2);
    assert!(matches!(stage(&a), Stage::Waiting { changed: false, .. }));

    // An approved record cannot be sent: a review is.
    let mut approved = a.clone();
    approved.status = Status::Approved;
    assert_eq!(send(&mut approved, today()), Err(SendRefusal::Approved));
}

#[test]
fn the_content_digest_ignores_only_what_the_hand_over_itself_changes() {
    let a = ready();
    let digest = content_digest(&a);
    let mut same = a.clone();
    send(&mut same, today()).unwrap();
    same.id = "stored-under-another-id".into();
    same.status = Status::Approved;
    same.review_log.push(lia::assessment::ReviewEntry {
        date: "2026-11-23".into(),
        note: "Imported from a file.".into(),
    });
    same.set_text(Q::SignOffApprovedName, "Sam Patel")
        .set_text(Q::SignOffApprovedRole, "DPO")
        .set_text(Q::SignOffApprovedDate, "2026-11-22");
    assert_eq!(content_digest(&same), digest);
    // Any answer, an impact, the version: all content.
    let changes: [fn(&mut Assessment); 5] = [
        |a| {
            a.set_text(Q::PurposeWhy, "Something else");
        },
        |a| {
            a.set_yes_no(Q::NatureSpecial, YesNo::Yes);
        },
        |a| a.impacts[0].safeguards.push('.'),
        |a| a.version += 1,
        |a| {
            a.set_text(Q::SignOffCompletedName, "Someone else");
        },
    ];
    for change in changes {
        let mut b = a.clone();
        change(&mut b);
        assert_ne!(content_digest(&b), digest);
    }
}

#[test]
fn an_approval_fills_in_the_sign_off_and_is_bound_to_the_content_approved() {
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    // The approver has the file, not the author's record.
    let received = through_html(&sent);
    let approved = decide(&received, &approve_form(), today()).unwrap();
    assert_eq!(approved.status, Status::Approved);
    assert_eq!(
        approved.answers.get(Q::SignOffApprovedName),
        Some(&Answer::Text("Sam Patel".into()))
    );
    assert_eq!(
        approved.answers.get(Q::SignOffApprovedRole),
        Some(&Answer::Text("Data Protection Officer".into()))
    );
    assert_eq!(
        approved.answers.get(Q::SignOffApprovedDate),
        Some(&Answer::Text("2026-11-22".into()))
    );
    let decision = approved.handover[0].decision.as_ref().unwrap();
    assert_eq!(decision.verdict, Verdict::Approved);
    assert_eq!(decision.who(), "Sam Patel (Data Protection Officer)");

    // Back with the author, through a file: the approval holds.
    let back = through_json(&approved);
    match stage(&back) {
        Stage::Approved {
            digest, changed, ..
        } => {
            assert!(!changed);
            assert_eq!(digest, content_digest(&sent));
        }
        other => panic!("{other:?}"),
    }

    // Any change to the content after approval is detected, even when the file's own
    // export digest is made to match again (the approval is bound to the content).
    let mut tampered = back.clone();
    tampered.set_text(Q::PurposeWhy, "Something the approver never saw");
    let json = to_json(&tampered, AT, Some(today()));
    let reopened = import(json.as_bytes()).unwrap();
    assert_eq!(reopened.digest, DigestCheck::Matches, "a careful editor");
    let stage = stage(&reopened.assessment);
    assert!(stage.approval_broken(), "{stage:?}");
    assert!(matches!(stage, Stage::Approved { changed: true, .. }));
    // Changing only the approver's name is not a change of the content approved.
    let mut renamed = back.clone();
    renamed.set_text(Q::SignOffApprovedName, "S. Patel");
    assert!(!lia::handover::stage(&renamed).approval_broken());
}

#[test]
fn returning_needs_a_comment_and_keeps_the_comments_by_section() {
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    let received = through_json(&sent);

    let mut no_comments = return_form();
    no_comments.note.clear();
    no_comments.comments = vec![(Section::Purpose, "  ".into())];
    let problems = decide(&received, &no_comments, today()).unwrap_err();
    assert_eq!(problems, vec![DecisionProblem::NoComments]);
    assert_eq!(problems[0].field(), FormField::Comments);

    let returned = decide(&received, &return_form(), today()).unwrap();
    assert_eq!(returned.status, Status::Draft);
    assert_eq!(returned.answers.get(Q::SignOffApprovedName), None);
    let decision = returned.handover[0].decision.as_ref().unwrap();
    assert_eq!(decision.verdict, Verdict::Returned);
    assert_eq!(decision.note, "Nearly there.");
    // Trimmed, empty ones dropped, in section order.
    let comments: Vec<(Section, &str)> = decision
        .comments
        .iter()
        .map(|c| (c.section, c.text.as_str()))
        .collect();
    assert_eq!(
        comments,
        vec![
            (Section::About, "Name the HR system."),
            (Section::Purpose, "Say who benefits.")
        ]
    );
    assert_eq!(
        decision.comment(Section::Purpose),
        Some("Say who benefits.")
    );
    assert_eq!(decision.comment(Section::Necessity), None);
    let back = through_html(&returned);
    assert_eq!(
        stage(&back).comments().map(|d| d.comments.len()),
        Some(2),
        "the comments survive the file"
    );
    // It was decided: a second decision on the same file is refused.
    assert_eq!(
        decide(&back, &approve_form(), today()).unwrap_err(),
        vec![DecisionProblem::NotWaiting]
    );
}

#[test]
fn the_approver_form_is_checked_and_approval_refused_when_it_could_not_be_approved() {
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    assert_eq!(
        decide(&sent, &DecisionForm::default(), today()).unwrap_err(),
        vec![
            DecisionProblem::NoVerdict,
            DecisionProblem::NoName,
            DecisionProblem::NoRole
        ]
    );
    // Never sent: nothing to decide.
    assert_eq!(
        decide(&ready(), &approve_form(), today()).unwrap_err(),
        vec![DecisionProblem::NotWaiting]
    );
    // A blocker: approval refused with the reasons; returning it is still possible.
    let mut blocked = ready();
    blocked.set_yes_no(Q::PurposeOtherLaws, YesNo::No);
    send(&mut blocked, today()).unwrap();
    match decide(&blocked, &approve_form(), today())
        .unwrap_err()
        .as_slice()
    {
        [DecisionProblem::NotReady(reasons)] => assert!(!reasons.is_empty()),
        other => panic!("{other:?}"),
    }
    assert!(decide(&blocked, &return_form(), today()).is_ok());

    // A file changed after it was sent cannot be approved.
    let mut changed = sent.clone();
    changed.set_text(Q::PurposeImportance, "Changed on the way");
    assert!(matches!(
        stage(&changed),
        Stage::Waiting { changed: true, .. }
    ));
    assert_eq!(
        decide(&changed, &approve_form(), today()).unwrap_err(),
        vec![DecisionProblem::ChangedSinceSent]
    );
    assert!(decide(&changed, &return_form(), today()).is_ok());
}

#[test]
fn decisions_from_a_returned_file_join_the_authors_rounds() {
    let mut mine = ready();
    send(&mut mine, today()).unwrap();
    let returned = decide(&mine, &return_form(), today()).unwrap();
    // The author changed it and sent it again before the answer came back.
    mine.set_text(Q::PurposeImportance, "Changed");
    send(&mut mine, today()).unwrap();
    let merged = merge_rounds(&mine.handover, &returned.handover);
    assert_eq!(merged.len(), 2);
    assert!(merged[0].decision.is_some());
    assert!(merged[1].decision.is_none());
    // Merging again changes nothing; a round the author does not have is added.
    assert_eq!(merge_rounds(&merged, &returned.handover), merged);
    assert_eq!(merge_rounds(&[], &returned.handover).len(), 1);
    // Rounds without a decision bring nothing.
    assert_eq!(merge_rounds(&[], &mine.handover), vec![]);
}
