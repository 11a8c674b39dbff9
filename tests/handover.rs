//! The hand-over for approval in the core: sending, the approver's decision, the
//! binding of an approval to the digest of the content approved (a change after
//! approval is detected wherever the record is read), comments per section, and the
//! record surviving the round trip through the exported files.

use lia::assessment::examples::example;
use lia::assessment::{content_digest, Verdict};
use lia::assessment::{Answer, Assessment, Date, QuestionId as Q, Section, Status, YesNo};
use lia::export::{import, to_html, to_json, DigestCheck};
use lia::handover::{
    decide, merge_rounds, send, stage, DecisionForm, DecisionProblem, FormField, SendRefusal, Stage,
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

// ---- the hand-over between two browsers, through files only ------------------------

mod sessions {
    use std::cell::RefCell;
    use std::rc::Rc;

    use lia::assessment::Verdict;
    use lia::assessment::{Assessment, Date, QuestionId as Q, Section, Status};
    use lia::export::{import, to_html, to_json, Imported};
    use lia::handover::{stage, DecisionForm, DecisionProblem, Stage};
    use lia::session::{Defaults, ImportChoice, ImportStep, ImportWarning, Notice, Session};
    use lia::storage::{MemoryKv, Namespace};

    type Browser = Session<Rc<RefCell<MemoryKv>>>;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 22,
    };
    const T0: f64 = 1_795_300_000_000.0;
    const AT: &str = "2026-11-22T10:15:00Z";

    /// A browser of its own: its own storage, nothing shared with the other.
    fn browser() -> Browser {
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

    fn file(text: String) -> Imported {
        import(text.as_bytes()).unwrap()
    }

    fn form(verdict: Verdict) -> DecisionForm {
        DecisionForm {
            verdict: Some(verdict),
            name: "Sam Patel".into(),
            role: "Data Protection Officer".into(),
            note: String::new(),
            comments: vec![(Section::Purpose, "Say how important the benefit is.".into())],
        }
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
        approver.decide(&form(verdict)).unwrap();
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
        let mut author = browser();
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
        assert!(author.view().import_warnings.is_empty());
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
        let mut author = browser();
        author.start(ready(), T0);
        let sent = author.send_for_approval(T0).unwrap().unwrap();
        let approved = approver_decides(to_json(&sent, AT, Some(TODAY)), Verdict::Approved);
        // Someone edits an answer in the approved file and even makes its export digest
        // match again: only the approval's binding can tell.
        let mut changed = file(approved).assessment;
        changed.set_text(Q::PurposeBenefit, "A benefit no one approved");
        let text = to_json(&changed, AT, Some(TODAY));

        // In the author's browser: not adopted as the approved record; a clash, and the
        // warning says it plainly.
        assert_eq!(
            author.import(file(text.clone()), "approved.json", "copy".into(), T0 + 1.0),
            ImportStep::Clash
        );
        assert_eq!(
            author.resolve_import(ImportChoice::KeepBoth, "copy".into(), T0 + 2.0),
            ImportStep::Opened
        );
        assert!(author
            .view()
            .import_warnings
            .contains(&ImportWarning::ChangedAfterApproval {
                file: "approved.json".into()
            }));
        assert!(stage(author.open().unwrap()).approval_broken());
        assert_eq!(
            author.store().load("emergency").unwrap().assessment.status,
            Status::Draft,
            "the author's draft is untouched"
        );

        // In a browser that has never seen it: opened, with the same warning.
        let mut other = browser();
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
        assert_eq!(
            approver.decide(&form(Verdict::Approved)),
            Err(vec![DecisionProblem::ChangedSinceSent])
        );
        assert!(approver.decide(&form(Verdict::Returned)).is_ok());
    }

    #[test]
    fn an_approval_of_a_version_since_changed_keeps_the_changes_as_a_review() {
        let mut author = browser();
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
        let mut v1 = ready();
        v1.set_text(Q::SignOffApprovedName, "Sam Patel")
            .set_text(Q::SignOffApprovedRole, "DPO");
        approver.start(v1, T0);
        approver.approve(T0).unwrap();
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
    let digest = content_digest(&sent);
    let report = to_html(&approved, AT, Some(today()));
    let statement = format!("Approved by Sam Patel (Data Protection Officer) on 22 November 2026. The approval is bound to the content with the digest {digest}, and the content matches it.");
    assert!(report.contains(&statement));
    assert!(String::from_utf8(lia_docx_document(&approved))
        .unwrap()
        .contains(&statement));
    assert!(!report.contains("banner changed"));

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
