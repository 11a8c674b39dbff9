//! The suggested privacy information: one test per route (ordinary legitimate
//! interests, a recognised legitimate interest, direct marketing with its absolute right
//! to object), and what it says where answers are missing (never inventing them).

use lia::assessment::choices::{channels, decision, pecr_basis, purpose, recognised};
use lia::assessment::examples::example;
use lia::assessment::privacy_notice::{privacy_wording, Missing, Part, Route};
use lia::assessment::{Assessment, QuestionId as Q, YesNo};

fn built(key: &str) -> Assessment {
    (example(key).unwrap().build)(key)
}

/// The text of the paragraph about the right to object (always the last).
fn objection(text: &str) -> &str {
    text.rsplit("\n\n").next().unwrap()
}

#[test]
fn ordinary_legitimate_interests_names_purpose_basis_interests_and_the_qualified_right_to_object() {
    let a = built("emergency-contacts");
    let w = privacy_wording(&a);
    assert_eq!(w.route, Route::Ordinary);
    let text = w.text();
    // What we use and why, told to the reader from the answers (Art. 13(1)(c)).
    assert!(
        text.starts_with(
            "We, Example Manufacturing Ltd, use your contact details to manage your employment with us."
        ),
        "{text}"
    );
    // The lawful basis, and what the interest is (Art. 13(1)(c)-(d)).
    assert!(text
        .contains("Our lawful basis for this is legitimate interests (UK GDPR Article 6(1)(f))"));
    assert!(
        text.contains("Our legitimate interest is managing our workforce fairly and efficiently.")
    );
    // Others benefit: a check to name them if their interests are relied on, not a
    // paste of the answer.
    assert!(!text.contains("The nominated person"), "{text}");
    assert!(w.checks.iter().any(|c| c.contains("others benefit")));
    // The right to object in a paragraph of its own (Art. 21(4)), qualified (Art. 21(1)),
    // with how to use it from the answers.
    assert_eq!(w.paragraphs.len(), 3);
    let object = objection(&text);
    assert!(object.starts_with("You have the right to object at any time to this use of your information, on grounds relating to your particular situation (UK GDPR Article 21(1))."), "{object}");
    assert!(object.contains("compelling legitimate grounds"));
    assert!(object.contains("How to object: A nominated person can ask HR to delete their details"));
    assert!(
        !object.contains("absolute"),
        "only direct marketing is absolute"
    );
    assert!(w.missing().is_empty(), "{:?}", w.missing());
    assert!(!text.contains("[Missing"));
    // The decision is yes, so no warning that it is not made.
    assert!(!w.checks.iter().any(|c| c.contains("decision is not made")));
}

#[test]
fn recognised_route_names_the_annex_1_condition_and_not_the_balancing_wording() {
    let mut a = built("legal-advice");
    a.set_yes_no(Q::TriageRecognised, YesNo::Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
        .set_text(
            Q::TriageRecognisedDetail,
            "We pass evidence of a suspected theft to the police.",
        );
    let w = privacy_wording(&a);
    assert_eq!(w.route, Route::Recognised);
    let text = w.text();
    assert!(text.contains("Our lawful basis for this is a recognised legitimate interest (UK GDPR Article 6(1)(ea)). The condition in Annex 1 to the UK GDPR that applies is: detecting, investigating or preventing crime, or catching or prosecuting offenders."), "{text}");
    // The reader is told what the information is used for, not the assessment's own account.
    assert!(!text.contains("We pass evidence"), "{text}");
    assert!(!text.contains("Article 6(1)(f)"), "{text}");
    assert!(!text.contains("Our legitimate interest is"), "{text}");
    // How the right to object applies here is not settled by the answers: the wording
    // says so, and the checks say what to look at.
    assert!(w.missing().contains(&Missing {
        what: "whether and how people can object to this use of their information",
        question: None
    }));
    assert!(w
        .checks
        .iter()
        .any(|c| c.contains("recognised legitimate interests")));
}

#[test]
fn direct_marketing_says_the_right_to_object_is_absolute_and_how_to_opt_out() {
    let a = built("postal-offers");
    let w = privacy_wording(&a);
    assert_eq!(w.route, Route::DirectMarketing);
    let text = w.text();
    assert!(
        text.contains(
            "use your contact details to tell you about our services, offers and news by post."
        ),
        "{text}"
    );
    let object = objection(&text);
    assert!(object.contains("(UK GDPR Article 21(2)). This right is absolute: if you object, we will stop using your information for direct marketing."), "{object}");
    assert!(
        object.contains("How to opt out: The tick box on the order form"),
        "{object}"
    );
    assert!(
        !object.contains("compelling legitimate grounds"),
        "no balancing for marketing"
    );
    assert!(w.missing().is_empty(), "{:?}", w.missing());
    assert!(w.checks.iter().any(|c| c.contains("Article 21(4)")));

    // E-mail with an opt-out in every message: said; with PECR consent: a check that
    // consent is then likely to be the lawful basis.
    let mut a = built("postal-offers");
    a.set_choices(Q::TriageChannels, &[channels::EMAIL])
        .set_choice(Q::TriageSubscribers, "individuals")
        .set_choice(Q::PecrEmailBasis, pecr_basis::SOFT_OPT_IN)
        .set_yes_no(Q::PecrRefusalEveryMessage, YesNo::Yes);
    let w = privacy_wording(&a);
    assert!(
        w.text().contains("offers and news by e-mail."),
        "{}",
        w.text()
    );
    assert!(w
        .text()
        .contains("Every marketing message we send also gives you a simple, free way to opt out."));
    assert!(!w.checks.iter().any(|c| c.contains("consent")));
    a.set_choice(Q::PecrEmailBasis, pecr_basis::CONSENT);
    assert!(privacy_wording(&a)
        .checks
        .iter()
        .any(|c| c.contains("consent is likely to be the lawful basis")));
}

#[test]
fn missing_answers_are_named_in_the_wording_never_invented() {
    // The real housing LIA left the opt-out and the decision open.
    let a = built("housing-marketing");
    let w = privacy_wording(&a);
    assert_eq!(w.route, Route::DirectMarketing);
    let text = w.text();
    assert!(
        text.contains("How to opt out: [Missing: how people can object or opt out"),
        "{text}"
    );
    let missing: Vec<Option<Q>> = w.missing().iter().map(|m| m.question).collect();
    assert_eq!(missing, vec![None]);
    assert!(w.checks.iter().any(|c| c.contains("decision is not made")));

    // An empty assessment: every piece it needs is a gap, and each gap points at the
    // question that would fill it.
    let w = privacy_wording(&Assessment::new("empty"));
    assert_eq!(w.route, Route::Ordinary);
    let questions: Vec<Option<Q>> = w.missing().iter().map(|m| m.question).collect();
    assert_eq!(
        questions,
        vec![
            Some(Q::AboutOrganisation),
            Some(Q::AboutData),
            // What the information is used for, and the interest it serves.
            Some(Q::TriagePurposeCategory),
            Some(Q::TriagePurposeCategory),
            None
        ]
    );
    // The text is only the wording and the gaps: no answer appears from nowhere.
    for part in w.paragraphs.iter().flatten() {
        if let Part::Text(t) = part {
            assert!(!t.contains("Ltd"), "{t}");
        }
    }
    // A purpose of another kind gives the reader no words: the author writes them.
    let mut a = built("emergency-contacts");
    a.set_choice(Q::TriagePurposeCategory, purpose::OTHER);
    let w = privacy_wording(&a);
    assert!(
        w.text()
            .contains("to [Missing: what you use the information for"),
        "{}",
        w.text()
    );
    assert!(w
        .text()
        .contains("Our legitimate interest is [Missing: your legitimate interest"));
    assert!(w
        .missing()
        .iter()
        .all(|m| m.question != Some(Q::PurposeWhy)));
    // Marketing with no channel chosen says so too.
    let mut a = Assessment::new("m");
    a.set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING);
    assert!(privacy_wording(&a)
        .missing()
        .iter()
        .any(|m| m.question == Some(Q::TriageChannels)));
}

#[test]
fn no_wording_where_legitimate_interests_cannot_be_used() {
    let mut a = built("emergency-contacts");
    a.set_choice(Q::DecisionRely, decision::NO);
    let w = privacy_wording(&a);
    assert!(matches!(w.route, Route::NotApplicable(reason) if reason.contains("cannot rely")));
    assert!(w.paragraphs.is_empty() && w.text().is_empty());

    let mut a = built("emergency-contacts");
    a.set_yes_no(Q::TriagePublicAuthority, YesNo::Yes)
        .set_yes_no(Q::TriagePublicTask, YesNo::Yes);
    assert!(
        matches!(privacy_wording(&a).route, Route::NotApplicable(reason) if reason.contains("public authority"))
    );
}

#[test]
fn user_text_is_kept_as_typed() {
    // The wording is plain text: escaping is each report's job, and the text is kept.
    let mut a = built("emergency-contacts");
    let hostile = "<b>Tom & Jerry's</b> \u{202e}evil\u{202c} 😀";
    a.set_text(Q::AboutOrganisation, hostile);
    assert!(privacy_wording(&a).text().contains(hostile));
}

/// The answers that argue the case to a reviewer, never the reader's notice.
const REASONING: [Q; 9] = [
    Q::PurposeWhy,
    Q::PurposeBenefit,
    Q::PurposeThirdParties,
    Q::PurposeImportance,
    Q::NecessityProportionate,
    Q::NecessityAlternatives,
    Q::DecisionJustification,
    Q::TriageRecognisedDetail,
    Q::ExpOtherFactors,
];

#[test]
fn the_wording_speaks_to_the_reader_and_never_pastes_the_assessment_s_reasoning() {
    use lia::assessment::examples::EXAMPLES;
    use lia::assessment::{Answer, Ctx};
    let mut checked = 0;
    for e in EXAMPLES {
        let a = (e.build)(e.key);
        let w = privacy_wording(&a);
        if let Route::NotApplicable(_) = w.route {
            continue;
        }
        let text = w.text();
        assert!(text.starts_with("We, "), "{}: {text}", e.key);
        assert!(text.contains(" your "), "{}: {text}", e.key);
        let ctx = Ctx::new(&a, None);
        for q in REASONING {
            if let Some(Answer::Text(t)) = ctx.answer(q) {
                // No sentence of the reasoning, nor a long run of it, appears.
                let words: Vec<&str> = t.split_whitespace().collect();
                for run in words.windows(6) {
                    assert!(
                        !text.contains(&run.join(" ")),
                        "{}: {q:?} pasted: {}",
                        e.key,
                        run.join(" ")
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 15, "{checked}");
}

#[test]
fn the_author_s_wording_is_saved_with_the_assessment_and_printed_in_the_reports() {
    use lia::assessment::privacy_notice::{
        edit, settled, use_suggestion, Settled, EDITED_NOTE, STALE_NOTE,
    };
    use lia::export::{import, to_json};
    use lia::report::{Block, Report};
    let at = "2026-11-22T10:15:00Z";
    let today = lia::assessment::Date::new(2026, 11, 22);
    let mut a = built("emergency-contacts");
    let suggested = privacy_wording(&a).text();
    // Writing the suggestion itself word for word is no edit.
    edit(&mut a, &suggested);
    assert_eq!(a.privacy_wording, None);
    let mine =
        "We keep a contact for you in case of an emergency at work.\n\nTo remove it, tell HR.";
    edit(&mut a, mine);
    assert!(matches!(settled(&a), Settled::Edited { ref text, stale: false, .. } if text == mine));
    // Saved with the assessment: a file keeps it, and it is part of the digest.
    let back = import(to_json(&a, at, today).as_bytes())
        .unwrap()
        .assessment;
    assert_eq!(back.privacy_wording, a.privacy_wording);
    assert_ne!(
        lia::assessment::content_digest(&a),
        lia::assessment::content_digest(&built("emergency-contacts"))
    );
    // Printed in the reports as the author wrote it, paragraph by paragraph, said so.
    let privacy = |a: &Assessment| {
        let r = Report::of(a, None, today, at);
        r.parts
            .into_iter()
            .find(|p| p.anchor == "privacy-information")
            .unwrap()
    };
    let part = privacy(&a);
    let lines: Vec<String> = part
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(l) | Block::Banner(_, l) => l.iter().map(|s| s.text.clone()).collect(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(
        lines,
        [
            EDITED_NOTE,
            "We keep a contact for you in case of an emergency at work.",
            "To remove it, tell HR."
        ]
    );
    // The answers change: the wording stands, and is flagged for checking.
    a.set_text(Q::AboutOrganisation, "Example Engineering Ltd");
    assert!(matches!(settled(&a), Settled::Edited { stale: true, .. }));
    let part = privacy(&a);
    assert!(part
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Banner(_, l) if l[0].text == STALE_NOTE)));
    // Back to the suggestion from the answers as they are now.
    use_suggestion(&mut a);
    assert!(matches!(settled(&a), Settled::Suggested(_)));
    assert!(privacy_wording(&a)
        .text()
        .contains("Example Engineering Ltd"));
}
