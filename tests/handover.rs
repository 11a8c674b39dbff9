//! The hand-over for approval in the core: sending, the approver's signed decision, the
//! binding of an approval to the digest of the content approved (a change after
//! approval is detected wherever the record is read), its signature verified against
//! the trusted approvers (four outcomes), comments per section with the author's
//! replies, the author's side joining only a round it sent, and the record surviving
//! the round trip through the exported files.

#[path = "fixtures/approver/mod.rs"]
mod approver;

use approver::TestApprover;
use lia::assessment::examples::example;
use lia::assessment::{content_digest, Verdict};
use lia::assessment::{Answer, Assessment, Date, QuestionId as Q, Section, Status, YesNo};
use lia::export::{import, to_html, to_json, DigestCheck};
use lia::handover::{
    approval, read_card, send, stage, verify_decision, Approver, CardProblem, DecisionForm,
    DecisionProblem, FormField, Mismatch, NotJoined, SendRefusal, Stage, Trust, Verification,
};

const AT: &str = "2026-11-22T10:15:00Z";

fn today() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

/// An assessment that can be approved (no blockers, every section complete).
fn ready() -> Assessment {
    let mut a = (example("emergency-contacts").unwrap().build)("emergency");
    // Whoever approves it fills these in; the author leaves them.
    for q in lia::assessment::digest::APPROVAL_ANSWERS {
        a.answers.clear(q);
    }
    a
}

fn approve_form() -> DecisionForm {
    approver::approve_form()
}

/// The approver of these tests: Sam Patel, Data Protection Officer.
fn sam() -> TestApprover {
    TestApprover::new(7, "Sam Patel", "Data Protection Officer", "")
}

/// `form` decided on `a` by Sam, signed.
fn decide(
    a: &Assessment,
    form: &DecisionForm,
    today: Date,
) -> Result<Assessment, Vec<DecisionProblem>> {
    sam().decide(a, form, today)
}

fn return_form() -> DecisionForm {
    DecisionForm {
        verdict: Some(Verdict::Returned),
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
    // Changing only the approver's name is not a change of the content approved, but
    // the sign-off no longer says who signed: the approval does not verify.
    let mut renamed = back.clone();
    renamed.set_text(Q::SignOffApprovedName, "S. Patel");
    assert!(!lia::handover::stage(&renamed).approval_broken());
    assert_eq!(
        verify_decision(&renamed, 0, &sam().trusted(), today()),
        Verification::DoesNotMatch(Mismatch::SignOffAltered)
    );
    assert!(verify_decision(&back, 0, &sam().trusted(), today()).is_trusted());
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
    // The comments beside the questions, read without the content's digest, are the
    // stage's: for a return, and for none of the other stages (sent, approved, not sent).
    let mut approved = through_json(&sent);
    approved = decide(&approved, &approve_form(), today()).unwrap();
    for a in [&back, &returned, &sent, &approved, &ready()] {
        assert_eq!(lia::handover::returned(a), stage(a).comments());
    }
    assert!(lia::handover::returned(&back).is_some());
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
        vec![DecisionProblem::NoVerdict]
    );
    // Without a key, nothing can be signed: the approver is asked to make one first.
    let keyless = Approver::default();
    let problems = lia::handover::decide(&sent, &approve_form(), &keyless, today()).unwrap_err();
    assert_eq!(problems, vec![DecisionProblem::NoKey]);
    assert_eq!(problems[0].field(), FormField::Key);
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
fn decisions_from_a_returned_file_join_only_a_round_the_author_sent() {
    let trust = sam().trusted();
    let mut mine = ready();
    send(&mut mine, today()).unwrap();
    let returned = decide(&mine, &return_form(), today()).unwrap();
    // The author changed it and sent it again before the answer came back.
    let mut later = mine.clone();
    later.set_text(Q::PurposeImportance, "Changed");
    send(&mut later, today()).unwrap();
    let joined = lia::handover::join(&later, &returned, &trust, today()).unwrap();
    assert_eq!(joined.record.handover.len(), 2);
    assert!(joined.record.handover[0].decision.is_some());
    assert!(joined.record.handover[1].decision.is_none());
    assert!(joined.changed_since);
    // The content as returned is kept with the round, for the next round's comparison.
    let copy = joined.record.handover[0].as_returned.as_deref().unwrap();
    assert_eq!(content_digest(copy), mine.handover[0].content);
    // Joining again: the round is decided already.
    assert_eq!(
        lia::handover::join(&joined.record, &returned, &trust, today()).unwrap_err(),
        NotJoined::AlreadyDecided
    );
    // A record that never sent it: not its round.
    assert_eq!(
        lia::handover::join(&ready(), &returned, &trust, today()).unwrap_err(),
        NotJoined::NotSent { round: 1 }
    );
    // Rounds without a decision bring nothing.
    assert_eq!(
        lia::handover::join(&mine, &mine, &trust, today()).unwrap_err(),
        NotJoined::NotDecided
    );
}

// ---- the hand-over between two browsers, through files only ------------------------

mod sessions {
    use std::cell::RefCell;
    use std::rc::Rc;

    use lia::assessment::Verdict;
    use lia::assessment::{Assessment, Date, QuestionId as Q, Section, Status};
    use lia::export::{import, to_html, to_json, Imported};
    use lia::handover::{stage, DecisionForm, DecisionProblem, Stage};
    use lia::session::{Defaults, ImportStep, ImportWarning, Notice, Session};
    use lia::storage::{MemoryKv, Namespace};

    pub type Browser = Session<Rc<RefCell<MemoryKv>>>;

    pub const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 22,
    };
    pub const T0: f64 = 1_795_300_000_000.0;
    const AT: &str = "2026-11-22T10:15:00Z";

    /// A browser of its own: its own storage, nothing shared with the other.
    pub fn browser() -> Browser {
        let mut s = Session::new(
            Rc::new(RefCell::new(MemoryKv::new())),
            true,
            Namespace::default(),
            TODAY,
            Defaults::default(),
        );
        s.start_up();
        s.scan(T0);
        s
    }

    pub fn file(text: String) -> Imported {
        import(text.as_bytes()).unwrap()
    }

    fn form(verdict: Verdict) -> DecisionForm {
        DecisionForm {
            verdict: Some(verdict),
            note: String::new(),
            comments: vec![(Section::Purpose, "Say how important the benefit is.".into())],
        }
    }

    /// The author's browser, which trusts Sam's key card (as the organisation's list).
    pub fn author_browser() -> Browser {
        let mut s = browser();
        s.set_trust(super::sam().trusted());
        s
    }

    /// Decides in `approver`'s browser as Sam, signing with his key, as the shell does.
    pub(super) fn sign_decision(
        approver: &mut Browser,
        form: &DecisionForm,
    ) -> Result<(), Vec<DecisionProblem>> {
        let sam = super::sam();
        let message = approver.decide(form, Some(&sam.signer))?;
        approver
            .signed(&sam.sign(&message), T0)
            .expect("the signature matches");
        Ok(())
    }

    /// The approver opens `sent`, decides, and gives back the file it makes.
    fn approver_decides(sent: String, verdict: Verdict) -> String {
        let mut approver = browser();
        assert_eq!(
            approver.import(file(sent), "for-approval.html", "x".into(), T0),
            ImportStep::ForApproval
        );
        let view = approver.view();
        let approving = view.approving.expect("open for the approver");
        assert!(matches!(
            approving.stage,
            Stage::Waiting { changed: false, .. }
        ));
        assert!(view.open.is_none(), "nothing opened as the approver's own");
        assert!(
            view.summaries.is_empty(),
            "nothing saved in the approver's browser"
        );
        sign_decision(&mut approver, &form(verdict)).unwrap();
        let decided = approver.view().approving.unwrap().decided.clone().unwrap();
        approver.close_approval();
        assert!(approver.view().approving.is_none());
        assert!(approver.view().summaries.is_empty());
        to_json(&decided, AT, Some(TODAY))
    }

    fn ready() -> Assessment {
        super::ready()
    }

    #[test]
    fn send_return_fix_send_approve_and_the_author_has_the_approved_record() {
        let mut author = author_browser();
        assert!(author.start(ready(), T0));
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        assert_eq!(stored_stage(&author), stage(&sent), "saved at once");
        let returned = approver_decides(to_html(&sent, AT, Some(TODAY)), Verdict::Returned);

        // The author opens the returned file: their record, with the comments.
        assert_eq!(
            author.import(file(returned), "returned.json", "new".into(), T0 + 1.0),
            ImportStep::Opened
        );
        let open = author.open().unwrap().clone();
        assert_eq!(open.id, "emergency", "the same record, not a copy");
        let comments = stage(&open).comments().cloned().expect("returned");
        assert_eq!(
            comments.comment(Section::Purpose),
            Some("Say how important the benefit is.")
        );
        assert!(open.review_log.last().unwrap().note.contains("Returned with comments by Sam Patel (Data Protection Officer) on 22 November 2026, from the file returned.json."));
        assert_eq!(author.view().summaries.len(), 1);

        // The author fixes it and sends again; the approver approves.
        author.edit(
            |a| {
                a.set_text(
                    Q::PurposeImportance,
                    "Essential: staff safety depends on it.",
                );
            },
            T0 + 2.0,
        );
        let sent = author.send_for_approval(T0 + 3.0).unwrap().unwrap();
        assert_eq!(sent.handover.len(), 2);
        let approved = approver_decides(to_html(&sent, AT, Some(TODAY)), Verdict::Approved);

        assert_eq!(
            author.import(file(approved), "approved.json", "new".into(), T0 + 4.0),
            ImportStep::Opened
        );
        let open = author.open().unwrap().clone();
        assert_eq!(open.id, "emergency");
        assert_eq!(open.status, Status::Approved);
        assert!(matches!(
            stage(&open),
            Stage::Approved { changed: false, .. }
        ));
        // The import says who signed, and that the approval holds.
        match author.view().import_warnings {
            [ImportWarning::Approval { holds: true, text, .. }] => assert!(
                text.starts_with("Approved by Sam Patel (Data Protection Officer) on 22 November 2026. Signed by a trusted approver"),
                "{text}"
            ),
            other => panic!("{other:?}"),
        }
        let approval = lia::handover::approval(&open, author.trust(), TODAY).unwrap();
        assert!(approval.holds());
        assert_eq!(approval.round, Some(2));
        let record = author.store().load("emergency").unwrap().assessment;
        assert_eq!(record.status, Status::Approved, "saved as approved");
        assert_eq!(author.view().summaries.len(), 1, "still one record");
        assert_eq!(
            record
                .handover
                .iter()
                .filter(|r| r.decision.is_some())
                .count(),
            2,
            "both decisions kept"
        );
    }

    fn stored_stage(s: &Browser) -> Stage {
        stage(&s.store().load("emergency").unwrap().assessment)
    }

    #[test]
    fn a_file_changed_after_approval_says_so_wherever_it_is_opened() {
        let mut author = author_browser();
        author.start(ready(), T0);
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        let approved = approver_decides(to_json(&sent, AT, Some(TODAY)), Verdict::Approved);
        // Someone edits an answer in the approved file and even makes its export digest
        // match again: only the approval's binding can tell.
        let mut changed = file(approved).assessment;
        changed.set_text(Q::PurposeBenefit, "A benefit no one approved");
        let text = to_json(&changed, AT, Some(TODAY));

        // In the author's browser: never joined to the record; opened as a separate copy
        // with a warning that says why, the author's draft untouched.
        assert_eq!(
            author.import(file(text.clone()), "approved.json", "copy".into(), T0 + 1.0),
            ImportStep::Opened
        );
        assert_eq!(author.open().unwrap().id, "copy");
        let warnings = author.view().import_warnings.to_vec();
        assert!(
            matches!(&warnings[0], ImportWarning::NotYourRound { why, .. } if why.contains("its content was changed")),
            "{warnings:?}"
        );
        assert!(warnings.contains(&ImportWarning::ChangedAfterApproval {
            file: "approved.json".into()
        }));
        assert!(stage(author.open().unwrap()).approval_broken());
        assert_eq!(
            author.store().load("emergency").unwrap().assessment.status,
            Status::Draft,
            "the author's draft is untouched"
        );

        // In a browser that has never seen it: opened, with the same warning.
        let mut other = author_browser();
        assert_eq!(
            other.import(file(text), "approved.json", "n".into(), T0),
            ImportStep::Opened
        );
        let warning = other.view().import_warnings[0].to_string();
        assert!(
            warning.contains("was changed after it was approved"),
            "{warning}"
        );
        assert!(lia::handover::describe(&stage(other.open().unwrap()))
            .starts_with("Changed after approval"));
        let approval =
            lia::handover::approval(other.open().unwrap(), other.trust(), TODAY).unwrap();
        assert_eq!(
            approval.verification,
            lia::handover::Verification::DoesNotMatch(lia::handover::Mismatch::ContentChanged)
        );
        assert!(!approval.holds());
    }

    #[test]
    fn the_approver_sees_a_file_changed_after_sending_and_cannot_approve_it() {
        let mut author = browser();
        author.start(ready(), T0);
        let mut sent = author.send_for_approval(T0).unwrap().unwrap();
        sent.set_text(Q::PurposeBenefit, "Slipped in on the way");
        let mut approver = browser();
        approver.import(
            file(to_json(&sent, AT, Some(TODAY))),
            "f.json",
            "x".into(),
            T0,
        );
        assert!(matches!(
            approver.view().approving.unwrap().stage,
            Stage::Waiting { changed: true, .. }
        ));
        let sam = super::sam();
        assert_eq!(
            approver.decide(&form(Verdict::Approved), Some(&sam.signer)),
            Err(vec![DecisionProblem::ChangedSinceSent])
        );
        assert!(approver
            .decide(&form(Verdict::Returned), Some(&sam.signer))
            .is_ok());
    }

    #[test]
    fn an_approval_of_a_version_since_changed_keeps_the_changes_as_a_review() {
        let mut author = author_browser();
        author.start(ready(), T0);
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        author.edit(
            |a| {
                a.set_text(Q::PurposeImportance, "Changed after sending");
            },
            T0 + 1.0,
        );
        author.save_now(T0 + 2.0);
        let approved = approver_decides(to_json(&sent, AT, Some(TODAY)), Verdict::Approved);
        assert_eq!(
            author.import(
                file(approved),
                "approved.json",
                "review-id".into(),
                T0 + 3.0
            ),
            ImportStep::Opened
        );
        let open = author.open().unwrap();
        assert_eq!(open.status, Status::Approved);
        assert_ne!(
            open.answers.get(Q::PurposeImportance),
            Some(&lia::assessment::Answer::Text(
                "Changed after sending".into()
            )),
            "the version approved is the one sent"
        );
        assert_eq!(
            author.view().notice,
            Some(&Notice::LaterChangesKept { version: 2 })
        );
        let review = author.store().load("review-id").unwrap().assessment;
        assert_eq!(review.version, 2);
        assert_eq!(review.review_of.as_deref(), Some("emergency"));
        assert_eq!(review.status, Status::Draft);
        assert_eq!(
            review.answers.get(Q::PurposeImportance),
            Some(&lia::assessment::Answer::Text(
                "Changed after sending".into()
            ))
        );
        assert!(review.handover.is_empty(), "the review is sent afresh");
        assert_eq!(author.view().summaries.len(), 2);
    }

    #[test]
    fn the_approver_sees_the_approved_version_a_review_replaces_when_they_have_it() {
        // The approver's browser has version 1, approved, saved.
        let mut approver = browser();
        let v1 = super::approver::approved(ready(), &super::sam(), TODAY);
        approver.start(v1, T0);
        let approved = approver.open().unwrap().clone();
        approver.close(T0);
        // Version 2, a review of it, is sent.
        let mut v2 = lia::assessment::lifecycle::start_review(&approved, "v2", TODAY);
        v2.set_text(Q::PurposeImportance, "Changed in the review");
        lia::handover::send(&mut v2, TODAY).unwrap();
        approver.import(
            file(to_json(&v2, AT, Some(TODAY))),
            "v2.json",
            "x".into(),
            T0,
        );
        let approving = approver.view().approving.unwrap();
        assert_eq!(
            approving.earlier.as_ref().map(|a| a.id.as_str()),
            Some("emergency")
        );
        // Beside it, what changed: the review's own answer, and the chain holds.
        let (changes, chain) = approving.changes.clone().expect("compared with version 1");
        assert!(chain.holds(), "{}", chain.describe());
        let changed: Vec<Q> = changes
            .sections
            .iter()
            .flat_map(|s| s.answers.iter().map(|c| c.question))
            .collect();
        assert!(
            changed.contains(&Q::PurposeImportance),
            "the changed answer is listed: {changed:?}"
        );

        // Without it, nothing to compare with.
        let mut fresh = browser();
        fresh.import(
            file(to_json(&v2, AT, Some(TODAY))),
            "v2.json",
            "x".into(),
            T0,
        );
        assert!(fresh.view().approving.unwrap().earlier.is_none());
        assert!(fresh.view().approving.unwrap().changes.is_none());
        // The author checking what they sent can open it as an assessment instead.
        assert_eq!(fresh.import_instead("mine".into(), T0), ImportStep::Opened);
        assert!(fresh.view().approving.is_none());
        assert_eq!(fresh.open().unwrap().id, "v2");
    }
}

#[test]
fn both_reports_show_the_comments_beside_their_sections_and_the_approval_with_its_binding() {
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    let returned = decide(&sent, &return_form(), today()).unwrap();
    let report = to_html(&returned, AT, Some(today()));
    // Beside its section: after the section's heading, before its questions.
    let purpose = report.find("<section id=\"purpose\">").unwrap();
    let comment = report.find("Say who benefits.").unwrap();
    let first_question = report.find("<tr id=\"q-purpose.why\">").unwrap();
    assert!(purpose < comment && comment < first_question);
    assert!(report.contains("Comment from Sam Patel (Data Protection Officer), 22 November 2026:"));
    let word = String::from_utf8(lia_docx_document(&returned)).unwrap();
    assert!(word.contains("Say who benefits."));

    let approved = decide(&sent, &approve_form(), today()).unwrap();
    // Where Sam is trusted, both reports say approved and signed by a trusted approver;
    // where no one is, "marked approved", signed by a key not on the list.
    let trusted = sam().trusted();
    let html_with = |a: &Assessment, trust: &Trust| {
        lia::export::to_html_with_previous(a, None, AT, Some(today()), trust, None)
    };
    let word_with = |a: &Assessment, trust: &Trust| {
        let bytes = lia::export::to_docx_with_previous(a, None, AT, Some(today()), trust, None);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let start = text.find("<w:document").unwrap();
        let end = text.find("</w:document>").unwrap();
        text[start..end].to_string()
    };
    let holds = "Approved by Sam Patel (Data Protection Officer) on 22 November 2026. Signed by a trusted approver: the signature matches this content and decision";
    let fingerprint = sam().signer.fingerprint().to_string();
    for text in [
        html_with(&approved, &trusted),
        word_with(&approved, &trusted),
    ] {
        assert!(text.contains(holds), "{text}");
        assert!(text.contains(&fingerprint));
        assert!(!text.contains("Marked approved"));
    }
    let not_listed = "Marked approved by Sam Patel (Data Protection Officer) on 22 November 2026, signed by a key not on the trusted list";
    for text in [
        html_with(&approved, &Trust::default()),
        word_with(&approved, &Trust::default()),
    ] {
        assert!(text.contains(not_listed), "{text}");
        assert!(!text.contains("Signed by a trusted approver:"));
    }
    let report = html_with(&approved, &trusted);
    assert!(!report.contains("banner changed"));
    // Approved by someone nobody trusts: never "Approved" in the status.
    let mallory = approver::TestApprover::mallory().approve(&sent, today());
    let report = html_with(&mallory, &trusted);
    assert!(!report.contains("Approved by Mallory"), "{report}");
    assert!(report.contains("Marked approved by Mallory Jones"));

    let mut changed = approved.clone();
    changed.set_text(Q::PurposeWhy, "Not what was approved");
    let report = to_html(&changed, AT, Some(today()));
    assert!(report.contains("<p class=\"banner changed\">Changed after approval: this is not what Sam Patel (Data Protection Officer) approved on 22 November 2026."));
    assert!(String::from_utf8(lia_docx_document(&changed))
        .unwrap()
        .contains("Changed after approval: this is not what Sam Patel"));
}

/// word/document.xml of the Word export (entries are stored, so it is found as is).
fn lia_docx_document(a: &Assessment) -> Vec<u8> {
    let bytes = lia::export::to_docx(a, AT, Some(today()));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let start = text.find("<w:document").unwrap();
    let end = text.find("</w:document>").unwrap() + "</w:document>".len();
    text.as_bytes()[start..end].to_vec()
}

// ---- signatures: the four outcomes, forgeries, replays, key cards ---------------------

/// Sent and approved by Sam, as the approver gives it back.
fn approved_by_sam() -> Assessment {
    approver::approved(ready(), &sam(), today())
}

#[test]
fn each_of_the_four_outcomes_wherever_the_file_goes() {
    let approved = approved_by_sam();
    for back in [through_json(&approved), through_html(&approved)] {
        // Signed by a trusted approver: the only outcome shown as "Approved".
        let trusted = approval(&back, &sam().trusted(), today()).unwrap();
        match &trusted.verification {
            Verification::Trusted {
                signer,
                fingerprint,
                ..
            } => {
                assert_eq!(signer.name, "Sam Patel");
                assert_eq!(*fingerprint, sam().signer.fingerprint());
            }
            other => panic!("{other:?}"),
        }
        assert!(trusted.holds());
        assert_eq!(trusted.status_label(), "Approved");
        let fp = sam().signer.fingerprint().to_string();
        assert_eq!(
            trusted.describe(),
            format!("Approved by Sam Patel (Data Protection Officer) on 22 November 2026. Signed by a trusted approver: the signature matches this content and decision, and the key (fingerprint {fp}) is on the organisation's list of approvers.")
        );
        // Signed by a key not on the trusted list.
        let untrusted = approval(&back, &Trust::default(), today()).unwrap();
        assert!(matches!(
            untrusted.verification,
            Verification::NotTrusted { .. }
        ));
        assert!(!untrusted.holds());
        assert_eq!(
            untrusted.verification.label(),
            "Signed by a key not on the trusted list"
        );
        assert!(untrusted
            .describe()
            .starts_with("Marked approved by Sam Patel"));
        // Signature does not match: the comment changed after signing.
        let mut altered = back.clone();
        altered.handover[0].decision.as_mut().unwrap().note =
            "Approved without reservation.".into();
        let v = approval(&altered, &sam().trusted(), today()).unwrap();
        assert_eq!(
            v.verification,
            Verification::DoesNotMatch(Mismatch::Altered)
        );
        assert_eq!(v.verification.label(), "Signature does not match");
        assert!(v.describe().contains("but the signature does not match"));
        // Not signed.
        let mut unsigned = back.clone();
        unsigned.handover[0].decision.as_mut().unwrap().signature = None;
        let v = approval(&unsigned, &sam().trusted(), today()).unwrap();
        assert_eq!(v.verification, Verification::NotSigned);
        assert_eq!(v.verification.label(), "Not signed");
        assert!(v.describe().contains("but not signed"));
    }
    // A draft never sent claims no approval.
    assert_eq!(approval(&ready(), &sam().trusted(), today()), None);
}

#[test]
fn the_approvers_name_role_or_date_changed_in_a_genuine_approval_fails_verification() {
    let approved = approved_by_sam();
    let trust = sam().trusted();
    type Edit = fn(&mut lia::assessment::Decision);
    let edits: [(Edit, Q, &str); 4] = [
        (
            |d| d.name = "Chief Executive (forged)".into(),
            Q::SignOffApprovedName,
            "Chief Executive (forged)",
        ),
        (
            |d| d.role = "Chief Executive".into(),
            Q::SignOffApprovedRole,
            "Chief Executive",
        ),
        (
            |d| d.date = "2020-01-01".into(),
            Q::SignOffApprovedDate,
            "2020-01-01",
        ),
        (
            |d| d.organisation = "Another Council".into(),
            Q::AboutTitle,
            "",
        ),
    ];
    for (edit, q, value) in edits {
        let mut forged = approved.clone();
        edit(forged.handover[0].decision.as_mut().unwrap());
        if !value.is_empty() {
            forged.set_text(q, value);
        }
        // Through a file whose export digest is made to match again.
        let imported = import(to_json(&forged, AT, Some(today())).as_bytes()).unwrap();
        assert_eq!(imported.digest, DigestCheck::Matches);
        let v = approval(&imported.assessment, &trust, today()).unwrap();
        assert_eq!(
            v.verification,
            Verification::DoesNotMatch(Mismatch::Altered),
            "{q:?}"
        );
        assert!(!v.holds());
        assert_eq!(
            lia::register::Row::of(&imported.assessment, today(), &trust).standing,
            lia::register::Standing::SignatureDoesNotMatch
        );
    }
    // Only the sign-off's copy changed: refused too, naming the sign-off.
    let mut renamed = approved.clone();
    renamed.set_text(Q::SignOffApprovedDate, "2020-01-01");
    assert_eq!(
        approval(&renamed, &trust, today()).unwrap().verification,
        Verification::DoesNotMatch(Mismatch::SignOffAltered)
    );
}

/// The attack of issue 24: the file sent for approval, its answers changed, the content
/// digest and the export digest recomputed as docs/schema.md says, and an approval by a
/// made-up approver added (unsigned, or signed with their own key).
fn forged_approval(sent: &Assessment, signed_by: Option<&TestApprover>) -> Assessment {
    let mut forged = sent.clone();
    forged.set_text(Q::PurposeBenefit, "A benefit the organisation never agreed");
    let index = forged.handover.len() - 1;
    forged.handover[index].content = content_digest(&forged);
    match signed_by {
        Some(mallory) => mallory.approve(&forged, today()),
        None => {
            forged
                .set_text(Q::SignOffApprovedName, "Chief Executive (made up)")
                .set_text(Q::SignOffApprovedRole, "Chief Executive")
                .set_text(Q::SignOffApprovedDate, "2026-11-22");
            forged.status = Status::Approved;
            forged.handover[index].decision = Some(lia::assessment::Decision {
                verdict: Verdict::Approved,
                name: "Chief Executive (made up)".into(),
                role: "Chief Executive".into(),
                organisation: String::new(),
                by_author: false,
                date: "2026-11-22".into(),
                note: String::new(),
                comments: Vec::new(),
                signature: None,
            });
            forged
        }
    }
}

#[test]
fn a_recomputed_digest_with_approved_and_no_signature_is_never_shown_as_approved() {
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    let forged = forged_approval(&sent, None);
    let text = to_json(&forged, AT, Some(today()));
    let back = import(text.as_bytes()).unwrap();
    assert_eq!(back.digest, DigestCheck::Matches, "both digests recomputed");
    assert!(
        !stage(&back.assessment).approval_broken(),
        "the digests agree"
    );
    let trust = sam().trusted();
    let v = approval(&back.assessment, &trust, today()).unwrap();
    assert_eq!(v.verification, Verification::NotSigned);
    assert!(!v.holds());
    assert_ne!(v.status_label(), "Approved");
    let row = lia::register::Row::of(&back.assessment, today(), &trust);
    assert_eq!(row.standing, lia::register::Standing::NotSigned);
    assert_eq!(
        (row.approver.as_str(), row.approved_label()),
        ("", String::new())
    );
    // Marked approved with no hand-over at all: not signed either.
    let mut bare = ready();
    bare.status = Status::Approved;
    let v = approval(&through_json(&bare), &trust, today()).unwrap();
    assert_eq!((v.round, v.verification), (None, Verification::NotSigned));
}

#[test]
fn a_signature_replayed_onto_other_content_or_another_round_fails() {
    let trust = sam().trusted();
    // Round 1 returned, round 2 sent: the return's signature copied into round 2 with
    // the verdict made "approved" and everything else as signed.
    let mut a = ready();
    send(&mut a, today()).unwrap();
    let returned = decide(&a, &return_form(), today()).unwrap();
    let mut second = returned.clone();
    second.set_text(Q::PurposeImportance, "Essential.");
    send(&mut second, today()).unwrap();
    let mut replayed = second.clone();
    replayed.handover[1].decision = returned.handover[0].decision.clone();
    assert_eq!(
        verify_decision(&replayed, 1, &trust, today()),
        Verification::DoesNotMatch(Mismatch::Replayed { from_round: 1 })
    );
    // An approval of round 1 moved to round 2 of the same record (sent on the same day,
    // with the same content): signed for another round.
    let approved = decide(&a, &approve_form(), today()).unwrap();
    let mut moved = approved.clone();
    moved.handover.insert(0, returned.handover[0].clone());
    assert_eq!(
        verify_decision(&moved, 1, &trust, today()),
        Verification::DoesNotMatch(Mismatch::Replayed { from_round: 1 })
    );
    // An approval of one assessment put on another's content (its digests recomputed).
    let mut other = (example("emergency-contacts").unwrap().build)("other");
    other.set_text(Q::PurposeWhy, "Another purpose altogether.");
    send(&mut other, today()).unwrap();
    let mut grafted = other.clone();
    grafted.status = Status::Approved;
    for q in lia::assessment::digest::APPROVAL_ANSWERS {
        if let Some(answer) = approved.answers.get(q) {
            grafted.answers.set(q, answer.clone());
        }
    }
    grafted.handover[0].decision = approved.handover[0].decision.clone();
    let v = verify_decision(&grafted, 0, &trust, today());
    assert_eq!(v, Verification::DoesNotMatch(Mismatch::Altered));
    assert!(Mismatch::Altered
        .describe()
        .contains("the content it was made on"));
    // The genuine approval still verifies.
    assert!(verify_decision(&approved, 0, &trust, today()).is_trusted());
}

#[test]
fn a_decision_dated_in_the_future_or_signed_with_an_unknown_algorithm_or_a_broken_key_fails() {
    let trust = sam().trusted();
    let approved = approved_by_sam();
    // Read the day before it was made: dated in the future.
    let yesterday = Date::new(2026, 11, 21).unwrap();
    let v = verify_decision(&approved, 0, &trust, yesterday);
    assert_eq!(
        v,
        Verification::DoesNotMatch(Mismatch::FutureDate("2026-11-22".into()))
    );
    assert!(Mismatch::FutureDate("2026-11-22".into())
        .describe()
        .contains("dated 22 November 2026, which is after today"));
    // Signed with a date before the round was sent (a clock set wrong): refused when the
    // signature is attached, so such a file is never given out.
    let mut sent = ready();
    send(&mut sent, today()).unwrap();
    let approver = Approver {
        signer: Some(&sam().signer),
        author_here: false,
        self_approval: false,
        findings: &[],
    };
    let unsigned = lia::handover::decide(&sent, &approve_form(), &approver, yesterday).unwrap();
    let signature = sam().sign(&unsigned.message);
    assert_eq!(
        lia::handover::attach(unsigned, &signature),
        Err(Mismatch::BeforeSent("2026-11-21".into()))
    );
    let edit = |change: fn(&mut lia::assessment::Signature)| {
        let mut a = approved.clone();
        change(
            a.handover[0]
                .decision
                .as_mut()
                .unwrap()
                .signature
                .as_mut()
                .unwrap(),
        );
        verify_decision(&a, 0, &trust, today())
    };
    assert_eq!(
        edit(|s| s.algorithm = "RSASSA-PKCS1-v1_5".into()),
        Verification::DoesNotMatch(Mismatch::UnknownAlgorithm("RSASSA-PKCS1-v1_5".into()))
    );
    assert_eq!(
        edit(|s| s.key = "not a key".into()),
        Verification::DoesNotMatch(Mismatch::BadKey)
    );
    assert_eq!(
        edit(|s| s.value = "AAAA".into()),
        Verification::DoesNotMatch(Mismatch::BadSignature)
    );
    // Another key's signature over the same decision: does not match.
    assert_eq!(
        edit(
            |s| s.key = lia::base64::encode(TestApprover::mallory().key.verifying_key().as_bytes())
        ),
        Verification::DoesNotMatch(Mismatch::Altered)
    );
}

#[test]
fn key_cards_are_checked_and_each_bad_one_says_what_is_wrong() {
    let card = sam().card();
    let text = card.to_file();
    assert_eq!(read_card(text.as_bytes()), Ok(card.clone()));
    assert_eq!(card.file_name(), "lia-approver-key-sam-patel.json");
    // Eight groups of four hexadecimal digits.
    let groups: Vec<&str> = card.fingerprint.split(' ').collect();
    assert_eq!(groups.len(), 8);
    assert!(groups
        .iter()
        .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_hexdigit())));
    let edited = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        change(&mut v);
        read_card(v.to_string().as_bytes()).unwrap_err()
    };
    // The name changed, the fingerprint left: the fingerprint does not match.
    let e = edited(&|v| v["name"] = "Chief Executive".into());
    assert!(
        matches!(e, CardProblem::FingerprintMismatch { .. }),
        "{e:?}"
    );
    assert!(e
        .to_string()
        .contains("is not the fingerprint of its key, name, role and organisation"));
    // Another key, with the fingerprint left as it was.
    let e = edited(&|v| {
        v["key"] =
            lia::base64::encode(TestApprover::mallory().key.verifying_key().as_bytes()).into()
    });
    assert!(matches!(e, CardProblem::FingerprintMismatch { .. }));
    assert_eq!(
        edited(&|v| v["algorithm"] = "ECDSA".into()),
        CardProblem::UnknownAlgorithm("ECDSA".into())
    );
    assert!(CardProblem::UnknownAlgorithm("ECDSA".into())
        .to_string()
        .contains("“ECDSA”, which this tool does not know"));
    assert_eq!(edited(&|v| v["key"] = "AAAA".into()), CardProblem::BadKey);
    assert_eq!(
        edited(&|v| v["format"] = "lia-assessment".into()),
        CardProblem::NotACard
    );
    assert_eq!(
        edited(&|v| v["version"] = 2.into()),
        CardProblem::NewerVersion(2)
    );
    assert!(matches!(
        edited(&|v| v["extra"] = 1.into()),
        CardProblem::BadField(_)
    ));
    assert_eq!(
        edited(&|v| v["name"] = "  ".into()),
        CardProblem::BadText("name")
    );
    assert_eq!(read_card(b""), Err(CardProblem::Empty));
    assert_eq!(read_card(b"{\"format\""), Err(CardProblem::NotJson));
    assert_eq!(
        read_card(to_json(&ready(), AT, None).as_bytes()),
        Err(CardProblem::NotACard)
    );
    assert_eq!(read_card(&vec![b' '; 20_000]), Err(CardProblem::Empty));
    assert_eq!(read_card(&[b'x'; 20_000]), Err(CardProblem::TooLarge));
    // The trust list refuses a bad card and keeps the rest.
    let mut bad = card.clone();
    bad.role = "Chief Executive".into();
    let (trust, refused) = Trust::new(&[card.clone(), bad.clone()], &[card]);
    assert_eq!(trust.list().len(), 1, "one card, once");
    assert_eq!(refused.len(), 1);
    assert!(matches!(
        refused[0].1,
        CardProblem::FingerprintMismatch { .. }
    ));
}

#[test]
fn self_approval_is_refused_by_default_and_labelled_when_the_organisation_allows_it() {
    let mut a = ready();
    a.set_text(Q::SignOffCompletedName, "Sam Patel");
    send(&mut a, today()).unwrap();
    let sam = sam();
    // Sam wrote it: his own approval is refused, whether he is recognised by name or
    // because the record is saved in his browser.
    let by_name = Approver {
        signer: Some(&sam.signer),
        author_here: false,
        self_approval: false,
        findings: &[],
    };
    assert_eq!(
        lia::handover::decide(&a, &approve_form(), &by_name, today()).unwrap_err(),
        vec![DecisionProblem::OwnAssessment]
    );
    let other = TestApprover::new(3, "Jo Bloggs", "Director", "");
    let here = Approver {
        signer: Some(&other.signer),
        author_here: true,
        self_approval: false,
        findings: &[],
    };
    assert_eq!(
        lia::handover::decide(&ready_sent(), &approve_form(), &here, today()).unwrap_err(),
        vec![DecisionProblem::OwnAssessment]
    );
    assert!(DecisionProblem::OwnAssessment
        .message()
        .contains("You cannot approve an assessment you wrote"));
    // Returning it with comments is not an approval.
    assert!(lia::handover::decide(&a, &return_form(), &by_name, today()).is_ok());
    // Where the organisation allows it: approved, and said to be by its author.
    let allowed = Approver {
        signer: Some(&sam.signer),
        author_here: false,
        self_approval: true,
        findings: &[],
    };
    let unsigned = lia::handover::decide(&a, &approve_form(), &allowed, today()).unwrap();
    let signature = sam.sign(&unsigned.message);
    let approved = lia::handover::attach(unsigned, &signature).unwrap();
    assert!(approved.handover[0].decision.as_ref().unwrap().by_author);
    let v = approval(&approved, &sam.trusted(), today()).unwrap();
    assert!(v.by_author && v.holds());
    assert_eq!(v.status_label(), "Approved by its author");
    assert!(v.describe().starts_with("Approved by its author, Sam Patel (Data Protection Officer), on 22 November 2026, as the organisation's settings allow."), "{}", v.describe());
    assert_eq!(
        lia::register::Row::of(&approved, today(), &sam.trusted()).standing,
        lia::register::Standing::ApprovedByAuthor
    );
    // Taking the label off breaks the signature.
    let mut hidden = approved.clone();
    hidden.handover[0].decision.as_mut().unwrap().by_author = false;
    hidden.set_text(Q::SignOffCompletedName, "Someone else");
    assert_eq!(
        approval(&hidden, &sam.trusted(), today())
            .unwrap()
            .verification,
        Verification::DoesNotMatch(Mismatch::Altered)
    );
}

fn ready_sent() -> Assessment {
    let mut a = ready();
    send(&mut a, today()).unwrap();
    a
}

#[test]
fn the_file_sent_for_approval_says_what_it_is_and_how_to_decide_on_it() {
    let mut a = ready();
    assert_eq!(lia::handover::cover::for_approval(&a), None);
    a.set_text(Q::SignOffApprovedName, "Sam Patel")
        .set_text(Q::SignOffApprovedRole, "Data Protection Officer");
    send(&mut a, today()).unwrap();
    let cover = lia::handover::cover::for_approval(&a).unwrap();
    assert_eq!(cover.heading, "This file was sent to you for approval");
    assert!(cover.what.starts_with("This is “Employees' emergency contacts”, a legitimate interests assessment sent for approval on 22 November 2026."), "{}", cover.what);
    assert!(cover
        .what
        .contains("reading or printing this file does not approve it"));
    let author = match a.answers.get(Q::SignOffCompletedName) {
        Some(Answer::Text(name)) => name.clone(),
        _ => panic!("the example names its author"),
    };
    assert!(
        cover.who.starts_with(&format!("It was sent by {author}")),
        "{}",
        cover.who
    );
    assert!(
        cover
            .who
            .ends_with("for the decision of Sam Patel (Data Protection Officer)."),
        "{}",
        cover.who
    );
    assert!(cover.steps.iter().any(|s| s.contains("“Choose a file”")));
    assert!(cover.steps.iter().any(|s| s.contains("approver key")));
    assert_eq!(
        cover.digest,
        format!("Content digest: {}. The tool works this out again from the assessment when the file is opened: if anything in the assessment was changed after it was sent, the two differ and the tool will not approve it.", content_digest(&a))
    );
    // Once decided, it is no longer a file waiting for a decision.
    assert_eq!(
        lia::handover::cover::for_approval(&decide(&a, &return_form(), today()).unwrap()),
        None
    );
}

mod rounds_and_forgeries {
    //! Two browsers, files only: the forged approval of issue 24, and the approver's
    //! second round with their comments, the author's replies and what changed.
    use super::sessions::{author_browser, browser, file, sign_decision, T0, TODAY};
    use super::*;
    use lia::handover::{EarlierRound, Verification};
    use lia::session::{ImportStep, ImportWarning, SinceReturned};

    #[test]
    fn a_forged_approval_leaves_the_authors_record_untouched_and_opens_as_an_unverified_copy() {
        for signed_by in [None, Some(TestApprover::mallory())] {
            let mut author = author_browser();
            author.start(ready(), T0);
            let sent = author.send_for_approval(T0).unwrap().unwrap();
            let before = author.store().load("emergency").unwrap();
            let forged = to_json(&forged_approval(&sent, signed_by.as_ref()), AT, Some(TODAY));
            assert_eq!(
                import(forged.as_bytes()).unwrap().digest,
                DigestCheck::Matches
            );
            assert_eq!(
                author.import(
                    file(forged.clone()),
                    "approved.json",
                    "copy".into(),
                    T0 + 1.0
                ),
                ImportStep::Opened
            );
            // The record: exactly as it was, still a draft waiting for its decision.
            let after = author.store().load("emergency").unwrap();
            assert_eq!(after.assessment, before.assessment);
            assert_eq!(after.revision, before.revision);
            assert_eq!(author.view().summaries.len(), 2);
            // The copy: its own id, a plain warning first, never shown as approved.
            let copy = author.open().unwrap().clone();
            assert_eq!(copy.id, "copy");
            let warning = author.view().import_warnings[0].to_string();
            assert!(
                warning.starts_with("Warning: “approved.json” holds a decision on your assessment “Employees' emergency contacts”, but it was not added to your record, because its decision is on a round of the hand-over (round 1) that you did not send from this browser."),
                "{warning}"
            );
            assert!(warning.contains("your own record is unchanged"));
            let v = lia::handover::approval(&copy, author.trust(), TODAY).unwrap();
            assert!(!v.holds());
            let row = author.saved_row("copy").unwrap();
            assert!(row.standing.is_problem(), "{:?}", row.standing);
            assert_eq!(row.approver, "");
            assert!(!author.saved_row("emergency").unwrap().standing.is_problem());

            // In a fresh browser that trusts the real approver: unverified too.
            let mut fresh = super::sessions::author_browser();
            assert_eq!(
                fresh.import(file(forged), "approved.json", "n".into(), T0),
                ImportStep::Opened
            );
            let v = lia::handover::approval(fresh.open().unwrap(), fresh.trust(), TODAY).unwrap();
            assert!(!v.holds(), "{v:?}");
            assert!(fresh
                .view()
                .import_warnings
                .iter()
                .any(|w| matches!(w, ImportWarning::Approval { holds: false, .. })));
        }
    }

    #[test]
    fn an_approval_by_a_key_not_trusted_does_not_join_the_record_until_the_key_is_trusted() {
        let mut author = browser();
        author.start(ready(), T0);
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        let approved = to_json(&super::sam().approve(&sent, TODAY), AT, Some(TODAY));
        assert_eq!(
            author.import(
                file(approved.clone()),
                "approved.json",
                "copy".into(),
                T0 + 1.0
            ),
            ImportStep::Opened
        );
        assert_eq!(author.open().unwrap().id, "copy");
        assert!(author.view().import_warnings[0]
            .to_string()
            .contains("signed by a key not on your list of trusted approvers"));
        assert_eq!(
            author.store().load("emergency").unwrap().assessment.status,
            Status::Draft
        );
        // Once the key card is trusted, the same file joins the record.
        author.set_trust(super::sam().trusted());
        author.open_saved("emergency", T0 + 2.0);
        assert_eq!(
            author.import(file(approved), "approved.json", "copy2".into(), T0 + 3.0),
            ImportStep::Opened
        );
        assert_eq!(author.open().unwrap().id, "emergency");
        assert_eq!(author.open().unwrap().status, Status::Approved);
    }

    #[test]
    fn the_second_round_shows_the_comments_the_replies_and_what_changed_since_it_was_returned() {
        let mut author = author_browser();
        // The author names the approver they expect: not part of what changes.
        let mut mine = ready();
        mine.set_text(Q::SignOffApprovedName, "Sam Patel");
        author.start(mine, T0);
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        // Round 1: returned with a general comment and one on the purpose.
        let mut approver = browser();
        approver.import(
            file(to_json(&sent, AT, Some(TODAY))),
            "f.json",
            "x".into(),
            T0,
        );
        let form = DecisionForm {
            verdict: Some(Verdict::Returned),
            note: "Nearly there.".into(),
            comments: vec![(Section::Purpose, "Say how important the benefit is.".into())],
        };
        sign_decision(&mut approver, &form).unwrap();
        let returned = approver.view().approving.unwrap().decided.clone().unwrap();
        assert_eq!(
            author.import(
                file(to_json(&returned, AT, Some(TODAY))),
                "returned.json",
                "n".into(),
                T0 + 1.0
            ),
            ImportStep::Opened
        );
        // The author replies to each comment (and cannot reply where there is none).
        author
            .reply(
                Some(Section::Purpose),
                "  Done: see the new answer.  ",
                T0 + 2.0,
            )
            .unwrap();
        author.reply(None, "Thank you.", T0 + 2.0).unwrap();
        assert_eq!(
            author.reply(Some(Section::Necessity), "Nothing to reply to", T0 + 2.0),
            Err(lia::handover::ReplyProblem::NoComment)
        );
        author.edit(
            |a| {
                a.set_text(
                    Q::PurposeImportance,
                    "Essential: staff safety depends on it.",
                );
            },
            T0 + 3.0,
        );
        let sent = author.send_for_approval(T0 + 4.0).unwrap().unwrap();
        // Replies cannot change once sent again.
        assert_eq!(
            author.reply(None, "Too late", T0 + 5.0),
            Err(lia::handover::ReplyProblem::NotReturned)
        );

        // Round 2, in the approver's browser, from the file only.
        let mut approver = browser();
        approver.import(
            file(to_html(&sent, AT, Some(TODAY))),
            "f2.html",
            "x".into(),
            T0,
        );
        let approving = approver.view().approving.unwrap().clone();
        let [EarlierRound {
            number: 1,
            comments,
            verification,
            ..
        }] = approving.rounds.as_slice()
        else {
            panic!("{:?}", approving.rounds);
        };
        assert!(
            matches!(verification, Verification::NotTrusted { .. }),
            "signed, by a key this browser does not list"
        );
        assert_eq!(
            comments,
            &vec![
                (
                    None,
                    "Nearly there.".to_string(),
                    Some("Thank you.".to_string())
                ),
                (
                    Some(Section::Purpose),
                    "Say how important the benefit is.".to_string(),
                    Some("Done: see the new answer.".to_string())
                ),
            ]
        );
        match &approving.since_returned {
            Some(SinceReturned::Changes(changes)) => {
                let changed: Vec<Q> = changes
                    .sections
                    .iter()
                    .flat_map(|s| s.answers.iter().map(|a| a.question))
                    .collect();
                assert_eq!(changed, vec![Q::PurposeImportance]);
            }
            other => panic!("{other:?}"),
        }
        // A copy of the returned version that is not what was returned says so.
        let mut tampered = sent.clone();
        tampered.handover[0]
            .as_returned
            .as_mut()
            .unwrap()
            .set_text(Q::PurposeWhy, "Rewritten history");
        let mut approver2 = browser();
        approver2.import(
            file(to_json(&tampered, AT, Some(TODAY))),
            "f3.json",
            "x".into(),
            T0,
        );
        assert_eq!(
            approver2.view().approving.unwrap().since_returned,
            Some(SinceReturned::CopyChanged)
        );
        // Approving round 2 covers the replies: changing one afterwards breaks it.
        sign_decision(&mut approver, &super::approve_form()).unwrap();
        let approved = approver.view().approving.unwrap().decided.clone().unwrap();
        assert!(
            lia::handover::verify_decision(&approved, 1, &super::sam().trusted(), TODAY)
                .is_trusted()
        );
        let mut rewritten = approved.clone();
        rewritten.handover[0].replies[0].text = "Something I never said".into();
        assert_eq!(
            lia::handover::verify_decision(&rewritten, 1, &super::sam().trusted(), TODAY),
            Verification::DoesNotMatch(lia::handover::Mismatch::Altered)
        );
        // Back with the author: joined, both decisions and the replies kept.
        assert_eq!(
            author.import(
                file(to_json(&approved, AT, Some(TODAY))),
                "approved.json",
                "n2".into(),
                T0 + 6.0
            ),
            ImportStep::Opened
        );
        let record = author.store().load("emergency").unwrap().assessment;
        assert_eq!(record.status, Status::Approved);
        assert_eq!(record.handover[0].replies.len(), 2);
        assert!(lia::handover::approval(&record, author.trust(), TODAY)
            .unwrap()
            .holds());
    }
}

#[test]
fn the_reports_list_the_replies_to_comments_and_the_warnings_accepted_with_their_reasons() {
    use lia::assessment::accepted::accept;
    let mut a = (example("housing-marketing").unwrap().build)("h");
    let warning = lia::assessment::outcome(&a, Some(today()))
        .findings
        .into_iter()
        .find(|f| f.id == "pecr.soft-opt-in.evidence")
        .unwrap();
    accept(
        &mut a,
        &warning,
        "Tenants asked for these offers at sign-up.",
        today(),
    )
    .unwrap();
    send(&mut a, today()).unwrap();
    let mut returned = decide(&a, &return_form(), today()).unwrap();
    lia::handover::set_reply(
        &mut returned,
        Some(Section::Purpose),
        "Tenants benefit: see the survey.",
    )
    .unwrap();
    lia::handover::set_reply(&mut returned, None, "Thank you, done.").unwrap();
    let html = lia::export::to_html(&returned, AT, Some(today()));
    // The report as read, without its machine-readable copy of the record.
    let html = html[..html.find("<script type=\"application/json\"").unwrap()].to_string();
    let word = String::from_utf8(lia_docx_document(&returned)).unwrap();
    let odt = String::from_utf8_lossy(&lia::export::to_odt(
        &returned,
        None,
        AT,
        Some(today()),
        &Trust::default(),
        None,
    ))
    .into_owned();
    for (what, text) in [("html", &html), ("word", &word), ("odt", &odt)] {
        // The apostrophe as each format escapes it (or not).
        let text = text
            .replace("&#39;", "'")
            .replace("&apos;", "'")
            .replace("&#x27;", "'");
        for said in [
            "Author's reply: ",
            "Tenants benefit: see the survey.",
            "Thank you, done.",
            "Warnings accepted with a reason (1)",
            "Accepted on 22 November 2026, because: ",
            "Tenants asked for these offers at sign-up.",
            "(and 1 accepted with a reason)",
        ] {
            assert!(text.contains(said), "{what}: {said}");
        }
    }
    // Its answers changed: the report says it counts as open again.
    let mut changed = returned.clone();
    changed.set_text(Q::PecrEvidence, "We will make sure the conditions are met.");
    let html = lia::export::to_html(&changed, AT, Some(today()));
    assert!(html.contains("counts as open"), "reopened");
}

/// This browser's list of trusted approvers is kept sealed whenever a passphrase is set
/// (and always on `file:`): another page of the same site can write IndexedDB, and a
/// card it added would make its forged decisions show as "Approved". A list that is not
/// sealed with the passphrase in use is refused, with a reason, never trusted.
#[test]
fn a_trusted_list_another_page_wrote_is_refused_wherever_a_passphrase_is_set() {
    use lia::handover::keycard::cards_to_json;
    use lia::session::{Defaults, KeptTrust, Protection};
    use lia::storage::{MemoryKv, Namespace};
    use std::cell::RefCell;
    use std::rc::Rc;

    let kv = Rc::new(RefCell::new(MemoryKv::new()));
    let tab = || {
        let mut s = lia::session::Session::new(
            kv.clone(),
            true,
            Namespace::default(),
            today(),
            Defaults::default(),
        );
        s.set_kdf_iterations(10);
        s.start_up();
        s
    };
    let refused = |k: KeptTrust| matches!(k, KeptTrust::Refused(why) if !why.is_empty());
    let sam = sam().card();
    let mallory = TestApprover::mallory().card();
    let planted = cards_to_json(&[sam.clone(), mallory.clone()]);

    // A web site with no passphrase: kept in clear and read back as it is.
    let mut s = tab();
    let clear = s
        .write_trust_list(std::slice::from_ref(&sam), false)
        .unwrap();
    assert_eq!(
        s.read_trust_list(&clear, false),
        KeptTrust::Cards(vec![sam.clone()])
    );
    // Opened as a file with no passphrase: not kept, and a list found there is refused.
    assert!(s
        .write_trust_list(std::slice::from_ref(&sam), true)
        .is_err());
    assert!(refused(s.read_trust_list(&clear, true)));

    // With a passphrase, on a web site too: sealed, and only the sealed list is trusted.
    s.set_passphrase("correct horse battery", *b"0123456789abcdef", 1.0)
        .unwrap();
    let sealed = s
        .write_trust_list(std::slice::from_ref(&sam), false)
        .unwrap();
    assert!(sealed.starts_with("lia-sealed:"), "{sealed}");
    assert!(!sealed.contains("Sam Patel"), "nothing in clear");
    assert_eq!(
        s.read_trust_list(&sealed, false),
        KeptTrust::Cards(vec![sam.clone()])
    );
    assert_eq!(
        s.read_trust_list(&sealed, true),
        KeptTrust::Cards(vec![sam.clone()])
    );
    // What another page writes in clear is refused, in both places.
    assert!(refused(s.read_trust_list(&planted, false)));
    assert!(refused(s.read_trust_list(&planted, true)));
    // So is a list sealed with another passphrase (another browser profile's, say).
    let other_kv = Rc::new(RefCell::new(MemoryKv::new()));
    let mut other = lia::session::Session::new(
        other_kv,
        true,
        Namespace::default(),
        today(),
        Defaults::default(),
    );
    other.set_kdf_iterations(10);
    other.start_up();
    other
        .set_passphrase("another passphrase here", *b"fedcba9876543210", 1.0)
        .unwrap();
    let foreign = other.write_trust_list(&[mallory], false).unwrap();
    assert!(refused(s.read_trust_list(&foreign, false)));

    // Another visit: locked (nothing trusted, nothing refused) until the passphrase is given.
    let mut next = tab();
    assert_eq!(next.view().protection, Protection::Locked);
    assert_eq!(next.read_trust_list(&sealed, false), KeptTrust::Locked);
    assert!(next
        .write_trust_list(std::slice::from_ref(&sam), false)
        .is_err());
    next.unlock("correct horse battery", 2.0).unwrap();
    assert_eq!(
        next.read_trust_list(&sealed, false),
        KeptTrust::Cards(vec![sam.clone()])
    );

    // Removed: kept in clear again; a sealed list is then refused rather than guessed at.
    next.remove_passphrase(3.0).unwrap();
    let clear = next
        .write_trust_list(std::slice::from_ref(&sam), false)
        .unwrap();
    assert_eq!(clear, cards_to_json(std::slice::from_ref(&sam)));
    assert!(refused(next.read_trust_list(&sealed, false)));
}
