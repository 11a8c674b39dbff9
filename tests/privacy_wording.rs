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
    // Purpose, with who and what, from the answers (Art. 13(1)(c)).
    assert!(
        text.starts_with(
            "We, Example Manufacturing Ltd, use contact details about family members or friends"
        ),
        "{text}"
    );
    assert!(
        text.contains("To be able to contact an employee's designated family member or friend"),
        "{text}"
    );
    // The lawful basis, and what the interests are (Art. 13(1)(c)-(d)).
    assert!(text
        .contains("Our lawful basis for this is legitimate interests (UK GDPR Article 6(1)(f))"));
    assert!(text.contains("Our legitimate interests are: Someone close to the employee learns quickly of an emergency"));
    assert!(text.contains("It also benefits others: The nominated person"));
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
    // The purpose is how the condition is met.
    assert!(text.contains("for this purpose: We pass evidence of a suspected theft to the police."));
    assert!(!text.contains("Article 6(1)(f)"), "{text}");
    assert!(!text.contains("Our legitimate interests are"), "{text}");
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
            "use contact details about customers or clients to send you marketing by post."
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
        w.text().contains("to send you marketing by e-mail."),
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
    // The real housing LIA left the benefit, the opt-out and the decision open.
    let a = built("housing-marketing");
    let w = privacy_wording(&a);
    assert_eq!(w.route, Route::DirectMarketing);
    let text = w.text();
    assert!(text.contains("Our legitimate interests are: [Missing: what your legitimate interests are: the benefit you expect from the processing]."), "{text}");
    assert!(
        text.contains("How to opt out: [Missing: how people can object or opt out"),
        "{text}"
    );
    let missing: Vec<Option<Q>> = w.missing().iter().map(|m| m.question).collect();
    assert_eq!(missing, vec![Some(Q::PurposeBenefit), None]);
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
            Some(Q::AboutPeople),
            Some(Q::PurposeWhy),
            Some(Q::PurposeBenefit),
            None
        ]
    );
    // The text is only the wording and the gaps: no answer appears from nowhere.
    for part in w.paragraphs.iter().flatten() {
        if let Part::Text(t) = part {
            assert!(!t.contains("Ltd"), "{t}");
        }
    }
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
    a.set_text(Q::PurposeBenefit, hostile);
    assert!(privacy_wording(&a).text().contains(hostile));
}

/// Both reports carry the wording: every piece of every paragraph, escaped as each
/// format escapes text, and where an answer is missing, what is missing.
#[test]
fn both_reports_hold_the_wording_whole_for_every_example() {
    use lia::assessment::examples::EXAMPLES;
    use lia::assessment::privacy_notice::gap_text;
    use lia::export::{escape::html, escape_xml, to_docx, to_html};
    let at = "2026-11-22T10:15:00Z";
    let today = lia::assessment::Date::new(2026, 11, 22);
    let mut pieces = 0;
    for e in EXAMPLES {
        let mut a = (e.build)(e.key);
        // A gap as well as text: the organisation left out.
        a.answers.clear(Q::AboutOrganisation);
        let wording = privacy_wording(&a);
        let report = to_html(&a, at, today);
        let document = lia_docx_parts(&to_docx(&a, at, today));
        if let Route::NotApplicable(reason) = wording.route {
            assert!(
                report.contains(&html(reason)),
                "{}: the reason in HTML",
                e.key
            );
            assert!(
                document.contains(&escape_xml(reason)),
                "{}: the reason in Word",
                e.key
            );
            continue;
        }
        for paragraph in &wording.paragraphs {
            for part in paragraph {
                let text = match part {
                    Part::Text(t) => t.clone(),
                    Part::Gap(m) => gap_text(m),
                };
                // Word may split a piece into runs at line breaks: each line is checked.
                for line in text.split('\n').filter(|l| !l.trim().is_empty()) {
                    pieces += 1;
                    assert!(
                        report.contains(&html(line)),
                        "{}: not in the HTML report: {line:?}",
                        e.key
                    );
                    assert!(
                        document.contains(&escape_xml(line)),
                        "{}: not in the Word document: {line:?}",
                        e.key
                    );
                }
            }
        }
    }
    assert!(pieces > 50, "only {pieces} pieces checked");
}

/// word/document.xml of a `.docx` (stored, not compressed, as the tool writes it).
fn lia_docx_parts(bytes: &[u8]) -> String {
    let files = docx::unzip(bytes);
    String::from_utf8(files["word/document.xml"].clone()).unwrap()
}

#[path = "fixtures/export/docx.rs"]
#[allow(dead_code)] // the package reader only; its other helpers serve other tests
mod docx;
