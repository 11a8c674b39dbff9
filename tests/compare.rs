//! Versions side by side (src/compare): identical versions give nothing; each kind of
//! change is reported once, under its section; reordered impacts are matched, not
//! removed and added; findings raised and resolved come from the rules run on both; the
//! chain of records holds for the exact approved version and breaks for anything else.

use lia::assessment::display::Shown;
use lia::assessment::examples::{example, EXAMPLES};
use lia::assessment::lifecycle::{approve, start_review};
use lia::assessment::model::{HarmSeverity, Likelihood, ReviewEntry, YesNo};
use lia::assessment::{Assessment, Date, Impact, QuestionId as Q, Reading, Section};
use lia::compare::{check_chain, compare, Chain, ChainBreak, ImpactChange, Kind, Piece};

const TODAY: Option<Date> = Date::new(2026, 4, 16);

fn approved(key: &str, id: &str) -> Assessment {
    let mut a = (example(key).unwrap().build)(id);
    approve(&mut a, TODAY.unwrap()).expect("the example can be approved");
    a
}

fn review_of(a: &Assessment) -> Assessment {
    start_review(a, "v2", Date::new(2027, 4, 1).unwrap())
}

/// Every change as one line: "section: kind question" or "impact: …", "raised: id".
fn lines(before: &Assessment, after: &Assessment) -> Vec<String> {
    let changes = compare(before, after, TODAY);
    let mut out = Vec::new();
    for s in &changes.sections {
        for a in &s.answers {
            out.push(format!(
                "{}: {:?} {}",
                s.section.key(),
                a.kind,
                a.question.key()
            ));
        }
        for i in &s.impacts {
            out.push(match i {
                ImpactChange::Added(x) => format!("impact added {}", x.id),
                ImpactChange::Removed(x) => format!("impact removed {}", x.id),
                ImpactChange::Changed {
                    after,
                    description,
                    rated,
                    safeguards,
                    ..
                } => format!(
                    "impact changed {} description={} rated={} safeguards={}",
                    after.id,
                    description.is_some(),
                    rated,
                    safeguards.is_some()
                ),
            });
        }
    }
    out.extend(changes.raised.iter().map(|f| format!("raised: {}", f.id)));
    out.extend(
        changes
            .resolved
            .iter()
            .map(|f| format!("resolved: {}", f.id)),
    );
    if let Some((a, b)) = changes.reading {
        out.push(format!("reading: {a:?} -> {b:?}"));
    }
    assert_eq!(out.len(), changes.len(), "len counts each change once");
    out
}

#[test]
fn identical_versions_give_an_empty_list() {
    for e in EXAMPLES {
        let a = (e.build)("x");
        let changes = compare(&a, &a.clone(), TODAY);
        assert!(changes.is_empty(), "{}: {changes:?}", e.key);
        assert!(!changes.sign_off_pending);
    }
    // A review just started, with nothing changed yet: nothing to list, and the sign-off
    // it clears is waiting to be done again, not "removed".
    let v1 = approved("emergency-contacts", "v1");
    let v2 = review_of(&v1);
    let changes = compare(&v1, &v2, TODAY);
    assert!(changes.is_empty(), "{changes:?}");
    assert!(changes.sign_off_pending);
    assert_eq!(
        changes.before.describe(),
        "version 1 (approved on 16 April 2026)"
    );
    assert_eq!(changes.after.describe(), "version 2 (draft)");
    // Record fields are not answers: another id, log or link back changes nothing listed.
    let mut other = v1.clone();
    other.id = "elsewhere".into();
    other.review_log.push(ReviewEntry {
        date: "2026-05-01".into(),
        note: "Imported.".into(),
    });
    assert!(compare(&v1, &other, TODAY).is_empty());
}

#[test]
fn each_kind_of_change_is_reported_once_under_its_section() {
    let v1 = approved("emergency-contacts", "v1");
    let mut v2 = review_of(&v1);
    v2.set_text(
        Q::PurposeWhy,
        "To be able to contact an employee's chosen family member or friend if the employee has an accident or becomes seriously ill at work. This is a legitimate interest of a responsible employer.",
    )
    .set_text(Q::AboutOrganisation, "Example Manufacturing plc")
    .set_yes_no(Q::NaturePrivate, YesNo::NotSure)
    .set_text(Q::PurposeCodesDetail, "ignored: the question is not shown")
    .set_text(Q::AboutDataOther, "hidden too");
    v2.answers.clear(Q::PurposePublicBenefit);
    v2.answers.clear(Q::ExpPastUse);
    v2.set_text(Q::SignOffReviewDate, "2028-04-01");
    // Re-rate the one impact and add another.
    let first = v2.impacts[0].id;
    v2.impact_mut(first).unwrap().likelihood = Some(Likelihood::Possible);
    v2.push_impact(Impact {
        description: "Contacts called for something other than an emergency".into(),
        likelihood: Some(Likelihood::Remote),
        severity: Some(HarmSeverity::Minimal),
        ..Impact::default()
    });
    let found = lines(&v1, &v2);
    assert_eq!(
        found,
        vec![
            "about: Changed about.organisation",
            "purpose: Changed purpose.why",
            "purpose: Removed purpose.public-benefit",
            "nature: Changed nature.private",
            "expectations: Removed expectations.past-use",
            "impact changed 1 description=false rated=true safeguards=false",
            "impact added 2",
            "sign-off: Changed sign-off.review-date",
        ]
    );
    let changes = compare(&v1, &v2, TODAY);
    let purpose = changes
        .sections
        .iter()
        .find(|s| s.section == Section::Purpose)
        .unwrap();
    let why = &purpose.answers[0];
    assert_eq!(
        why.question.question().text,
        "Why do you want to process the data?"
    );
    // The long text has its changed words marked; the short one is before and after.
    let marked: Vec<&Piece> = why
        .words
        .as_ref()
        .unwrap()
        .iter()
        .filter(|p| !matches!(p, Piece::Same(_)))
        .collect();
    assert_eq!(
        marked,
        vec![
            &Piece::Removed("designated".into()),
            &Piece::Added("chosen".into())
        ]
    );
    let org = &changes.sections[0].answers[0];
    assert_eq!(org.before, Shown::Text("Example Manufacturing Ltd".into()));
    assert_eq!(org.after, Shown::Text("Example Manufacturing plc".into()));
    assert!(org.words.is_none());
    let review_date = changes.sections.last().unwrap();
    assert_eq!(
        review_date.answers[0].before,
        Shown::Text("16 April 2028".into())
    );
    assert_eq!(
        review_date.answers[0].after,
        Shown::Text("1 April 2028".into())
    );
    // The re-rated impact has its ratings before and after.
    let impact = &changes
        .sections
        .iter()
        .find(|s| s.section == Section::Impact)
        .unwrap()
        .impacts[0];
    let ImpactChange::Changed { before, after, .. } = impact else {
        panic!("{impact:?}")
    };
    assert_eq!(
        (before.risk, after.risk),
        (
            Some(lia::assessment::Risk::Low),
            Some(lia::assessment::Risk::Low)
        )
    );
    assert_eq!(before.residual_risk, after.residual_risk);
    // Going back gives the same changes the other way round.
    let back = lines(&v2, &v1);
    assert!(
        back.contains(&"purpose: Added purpose.public-benefit".to_string()),
        "{back:?}"
    );
    assert!(back.contains(&"impact removed 2".to_string()), "{back:?}");
}

#[test]
fn reordered_impacts_are_matched_not_removed_and_added() {
    let a = (example("legal-advice").unwrap().build)("x");
    assert!(a.impacts.len() >= 2);
    let mut b = a.clone();
    b.impacts.reverse();
    assert!(compare(&a, &b, TODAY).is_empty(), "{:?}", lines(&a, &b));
    // Reordered and one of them edited: that one is changed, nothing else.
    let id = b.impacts[0].id;
    b.impact_mut(id)
        .unwrap()
        .safeguards
        .push_str(" Reviewed every year.");
    assert_eq!(
        lines(&a, &b),
        vec![format!(
            "impact changed {id} description=false rated=false safeguards=true"
        )]
    );
}

#[test]
fn findings_newly_raised_and_resolved_come_from_the_rules() {
    let a = (example("emergency-contacts").unwrap().build)("x");
    let mut b = a.clone();
    b.set_yes_no(Q::PurposeOtherLaws, YesNo::No);
    let found = lines(&a, &b);
    assert!(
        found.contains(&"purpose: Changed purpose.other-laws".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"raised: purpose.unlawful".to_string()),
        "{found:?}"
    );
    let back = lines(&b, &a);
    assert!(
        back.contains(&"resolved: purpose.unlawful".to_string()),
        "{back:?}"
    );
    let changes = compare(&a, &b, TODAY);
    assert!(changes
        .reading
        .is_some_and(|(x, y)| x != y && y != Reading::TooEarly));
}

#[test]
fn an_answer_to_a_question_no_longer_asked_is_listed_as_removed_once() {
    use lia::assessment::choices::data;
    let mut a = (example("emergency-contacts").unwrap().build)("x");
    a.set_choices(Q::AboutData, &[data::CONTACT, data::OTHER])
        .set_text(Q::AboutDataOther, "Their relationship to the employee");
    let mut b = a.clone();
    b.set_choices(Q::AboutData, &[data::CONTACT]);
    // The answer is kept (nothing typed is deleted), but no longer shown or used.
    assert!(b.answers.get(Q::AboutDataOther).is_some());
    assert_eq!(
        lines(&a, &b),
        vec![
            "about: Changed about.data",
            "about: Removed about.data-other"
        ]
    );
    let changes = compare(&a, &b, TODAY);
    assert_eq!(changes.sections[0].answers[1].kind, Kind::Removed);
}

#[test]
fn an_approved_review_lists_its_sign_off_changes() {
    let v1 = approved("emergency-contacts", "v1");
    let mut v2 = review_of(&v1);
    v2.set_text(Q::SignOffCompletedDate, "2027-04-01")
        .set_text(Q::SignOffApprovedName, "Jo Bloggs")
        .set_text(Q::SignOffApprovedRole, "Data Protection Lead")
        .set_text(Q::SignOffReviewDate, "2029-04-01")
        .set_choices(
            Q::SignOffChecklist,
            &lia::assessment::choices::checklist::OPTIONS
                .iter()
                .map(|c| c.key)
                .collect::<Vec<_>>(),
        );
    approve(&mut v2, Date::new(2027, 4, 2).unwrap()).unwrap();
    let changes = compare(&v1, &v2, TODAY);
    assert!(!changes.sign_off_pending);
    let found = lines(&v1, &v2);
    assert_eq!(
        found,
        vec![
            "sign-off: Changed sign-off.completed-date",
            "sign-off: Changed sign-off.approved-name",
            "sign-off: Changed sign-off.approved-date",
            "sign-off: Changed sign-off.review-date",
        ]
    );
    assert_eq!(
        changes.after.describe(),
        "version 2 (approved on 2 April 2027)"
    );
}

#[test]
fn the_chain_holds_for_the_exact_approved_version_only() {
    let v1 = approved("emergency-contacts", "v1");
    let v2 = review_of(&v1);
    let chain = check_chain(&v2, &v1);
    assert_eq!(
        chain,
        Chain::Holds {
            version: 2,
            previous: 1
        }
    );
    assert_eq!(
        chain.describe(),
        "Version 2 reviews exactly the approved version 1."
    );

    // A copy with a note in its log (say, from being imported) is still that version.
    let mut imported = v1.clone();
    imported.review_log.push(ReviewEntry {
        date: "2026-05-01".into(),
        note: "Imported from lia-v1.json.".into(),
    });
    assert!(check_chain(&v2, &imported).holds());
    // A review started from that imported copy records the same digest.
    assert_eq!(review_of(&imported).reviewed, v2.reviewed);

    // Any change to what was approved breaks it.
    let mut changed = v1.clone();
    changed.set_text(Q::PurposeWhy, "Something else.");
    let broken = check_chain(&v2, &changed);
    assert_eq!(
        broken,
        Chain::Broken {
            version: 2,
            previous: 1,
            reasons: vec![ChainBreak::Changed]
        }
    );
    assert!(broken
        .describe()
        .starts_with("Version 2 does not review exactly this copy of version 1."));
    let mut reordered = v1.clone();
    reordered.impacts.push(Impact {
        id: 9,
        ..Impact::default()
    });
    assert!(!check_chain(&v2, &reordered).holds());

    // Another assessment, a draft, another version: each reason once.
    let other = (example("postal-offers").unwrap().build)("other");
    let Chain::Broken { reasons, .. } = check_chain(&v2, &other) else {
        panic!()
    };
    assert_eq!(
        reasons,
        vec![
            ChainBreak::OtherAssessment {
                expected: "v1".into(),
                found: "other".into()
            },
            ChainBreak::NotApproved,
            ChainBreak::Changed
        ]
    );
    let mut v3 = review_of(&v2);
    v3.version = 3;
    let Chain::Broken { reasons, .. } = check_chain(&v3, &v1) else {
        panic!()
    };
    assert!(reasons.contains(&ChainBreak::OtherVersion {
        expected: 2,
        found: 1
    }));

    // A review from before reviews recorded a digest cannot be checked.
    let mut old = v2.clone();
    old.reviewed = None;
    assert_eq!(
        check_chain(&old, &v1),
        Chain::Broken {
            version: 2,
            previous: 1,
            reasons: vec![ChainBreak::NoDigest]
        }
    );
    assert_eq!(check_chain(&v1, &v1), Chain::NotAReview { version: 1 });
}

#[test]
fn the_recorded_digest_survives_export_and_import() {
    let v1 = approved("emergency-contacts", "v1");
    let v2 = review_of(&v1);
    let at = "2027-04-01T10:00:00Z";
    let back = lia::export::import(lia::export::to_json(&v2, at, TODAY).as_bytes()).unwrap();
    assert_eq!(back.digest, lia::export::DigestCheck::Matches);
    assert_eq!(back.assessment.reviewed, v2.reviewed);
    let previous = lia::export::import(lia::export::to_html(&v1, at, TODAY).as_bytes()).unwrap();
    assert!(check_chain(&back.assessment, &previous.assessment).holds());
}

#[test]
fn the_report_of_a_review_lists_the_same_changes_in_an_appendix() {
    use lia::compare::listing;
    use lia::export::{import, to_html, to_html_with_previous, DigestCheck};
    let v1 = approved("emergency-contacts", "v1");
    let mut v2 = review_of(&v1);
    let hostile = "<script>alert(1)</script> & \"quotes\" \u{202e}right-to-left\u{202c}";
    v2.set_text(Q::ExpPastUse, hostile);
    v2.set_yes_no(Q::NaturePrivate, YesNo::Yes);
    let at = "2027-04-01T10:00:00Z";
    let report = to_html_with_previous(
        &v2,
        Some(&v1),
        at,
        TODAY,
        &lia::handover::Trust::default(),
        None,
    );
    assert!(
        report.contains("<h2>Appendix B: Changes since version 1, approved on 16 April 2026</h2>")
    );
    assert!(report.contains("Version 2 reviews exactly the approved version 1."));
    assert!(
        !report.contains("<script>alert"),
        "the user's text is escaped"
    );
    assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    // One row per change, as the listing has them.
    let changes = compare(&v1, &v2, TODAY);
    let rows: usize = listing(&changes).iter().map(|g| g.lines.len()).sum();
    assert_eq!(rows, changes.len());
    let appendix = &report[report.find("id=\"changes\"").unwrap()..];
    assert_eq!(appendix.matches("<th scope=\"row\">").count(), rows);
    assert!(appendix.contains(
        "<th scope=\"row\"><strong>How have you used their data in the past?</strong></th><td>Changed</td>"
    ));
    // The words put in are marked on the later side, those taken out on the earlier.
    let line = listing(&changes)
        .into_iter()
        .flat_map(|g| g.lines)
        .find(|l| l.what == "How have you used their data in the past?")
        .unwrap();
    assert!(line
        .after
        .iter()
        .any(|s| s.marked && s.text.contains("right-to-left")));
    assert!(line
        .before
        .iter()
        .all(|s| !s.text.contains("right-to-left")));
    assert!(
        line.before.iter().any(|s| s.marked),
        "the old answer's words are marked"
    );
    assert!(
        report.contains("<ins>"),
        "the report marks the words put in"
    );
    // The report still opens as the same record, digest and all.
    let back = import(report.as_bytes()).unwrap();
    assert_eq!(back.digest, DigestCheck::Matches);
    assert_eq!(back.assessment, v2);
    // Without the earlier version the appendix says so, with the digest it should have.
    let alone = to_html(&v2, at, TODAY);
    assert!(alone.contains("was not available when this record was made"));
    assert!(alone.contains(&v2.reviewed.as_ref().unwrap().digest));
    // A first version has no appendix; a changed copy of version 1 is called out.
    assert!(!to_html(&v1, at, TODAY).contains("id=\"changes\""));
    let mut changed = v1.clone();
    changed.set_text(Q::PurposeWhy, "Something else.");
    let report = to_html_with_previous(
        &v2,
        Some(&changed),
        at,
        TODAY,
        &lia::handover::Trust::default(),
        None,
    );
    assert!(report.contains("Version 2 does not review exactly this copy of version 1."));
}

#[test]
fn the_author_s_wording_for_the_privacy_information_is_a_change_of_its_own() {
    use lia::assessment::privacy_notice::{edit, use_suggestion};
    use lia::compare::listing;
    let v1 = approved("emergency-contacts", "v1");
    let mut v2 = review_of(&v1);
    assert!(compare(&v1, &v2, TODAY).privacy.is_none());
    edit(&mut v2, "We keep an emergency contact for you.");
    let changes = compare(&v1, &v2, TODAY);
    let privacy = changes.privacy.as_ref().expect("listed");
    assert_eq!(privacy.kind, lia::compare::Kind::Added);
    let groups = listing(&changes);
    let group = groups
        .iter()
        .find(|g| g.heading == "Privacy information")
        .expect("a group of its own");
    assert_eq!(group.lines.len(), 1);
    assert!(group.lines[0]
        .after
        .iter()
        .any(|s| s.marked && s.text.contains("emergency")));
    // Going back to the suggestion is a change too; the same wording twice is none.
    let mut v3 = v2.clone();
    use_suggestion(&mut v3);
    assert_eq!(
        compare(&v2, &v3, TODAY).privacy.map(|p| p.kind),
        Some(lia::compare::Kind::Removed)
    );
    assert!(compare(&v2, &v2.clone(), TODAY).privacy.is_none());
}
