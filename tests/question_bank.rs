//! The question bank: the ICO's questions verbatim, and the invariants the rest of the
//! engine relies on (unique keys, conditions that only look back, error messages).

use std::collections::HashSet;

use lia::assessment::questions::{Cond, Origin};
use lia::assessment::{AnswerKind, QuestionId, Section, QUESTIONS};

const GUIDANCE: &str = include_str!("fixtures/ico-lia-in-practice.txt");
const TEMPLATE: &str = include_str!("fixtures/sample-lia-housing-marketing.txt");

/// The questions the guidance asks, as bullet points ("  • …?"). A bullet holding two
/// questions ("… individual? If so, …?") gives two.
fn guidance_questions() -> Vec<String> {
    GUIDANCE
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("• "))
        .filter(|bullet| bullet.ends_with('?'))
        .flat_map(|bullet| {
            bullet
                .split_inclusive("? ")
                .map(|q| q.trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn bank_texts(origin: Origin) -> Vec<&'static str> {
    QUESTIONS
        .iter()
        .filter(|q| q.origin == origin)
        .map(|q| q.text)
        .collect()
}

#[test]
fn every_question_of_the_ico_guidance_is_in_the_bank_verbatim() {
    let asked = guidance_questions();
    // Purpose 10, necessity 4, nature of the data 5, reasonable expectations 12.
    assert_eq!(asked.len(), 31, "{asked:#?}");
    let bank: Vec<&str> = QUESTIONS.iter().map(|q| q.text).collect();
    let missing: Vec<&String> = asked
        .iter()
        .filter(|q| !bank.contains(&q.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the bank verbatim: {missing:#?}");
}

#[test]
fn questions_marked_as_ico_wording_really_are() {
    let asked = guidance_questions();
    for text in bank_texts(Origin::IcoGuidance) {
        assert!(
            asked.iter().any(|q| q == text),
            "not in the guidance: {text}"
        );
    }
    for text in bank_texts(Origin::IcoTemplate) {
        assert!(TEMPLATE.contains(text), "not in the ICO template: {text}");
    }
}

#[test]
fn the_template_questions_the_guidance_lacks_are_in_the_bank() {
    // Part 3 "Likely impact" and the decision, as worded on the ICO's template.
    for text in [
        "What are the possible impacts of the processing on people?",
        "Will individuals lose any control over the use of their personal data?",
        "What is the likelihood and severity of any potential impact?",
        "Are some people likely to object to the processing or find it intrusive?",
        "Would you be happy to explain the processing to individuals?",
        "Can you adopt any safeguards to minimise the impact?",
        "Can you offer individuals an opt-out?",
        "Can you rely on legitimate interests for this processing?",
        "Do you have any comments to justify your answer?",
    ] {
        assert!(TEMPLATE.contains(text), "the fixture lacks: {text}");
        assert!(
            bank_texts(Origin::IcoTemplate).contains(&text),
            "not in the bank: {text}"
        );
    }
}

#[test]
fn ids_index_the_bank_and_keys_are_unique_and_stable() {
    let mut keys = HashSet::new();
    for (i, question) in QUESTIONS.iter().enumerate() {
        assert_eq!(question.id as usize, i);
        assert_eq!(QuestionId::ALL[i], question.id);
        assert!(keys.insert(question.key), "duplicate key {}", question.key);
        assert_eq!(QuestionId::from_key(question.key), Some(question.id));
        let prefix = question.key.split('.').next().unwrap();
        let expected = match question.section {
            Section::Triage if prefix == "pecr" => "pecr",
            s => s.key(),
        };
        assert_eq!(
            prefix, expected,
            "{} is in {:?}",
            question.key, question.section
        );
        let json = serde_json::to_string(&question.id).unwrap();
        assert_eq!(json, format!("\"{}\"", question.key));
    }
    assert_eq!(QUESTIONS.len(), QuestionId::ALL.len());
}

#[test]
fn sections_come_in_order() {
    let order: Vec<Section> = QUESTIONS.iter().map(|q| q.section).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    for section in Section::ALL {
        assert!(
            section.questions().next().is_some(),
            "{section:?} has no questions"
        );
    }
}

#[test]
fn conditions_only_look_at_earlier_questions() {
    for question in QUESTIONS {
        let mut refers = Vec::new();
        question.shown.refers_to(&mut refers);
        for earlier in refers {
            assert!(
                earlier < question.id,
                "{} looks at {}",
                question.key,
                earlier.key()
            );
        }
    }
}

#[test]
fn conditions_name_real_options() {
    fn options_exist(cond: &Cond, key: &str) {
        match cond {
            Cond::ChoiceIn(q, keys) | Cond::ChoicesAny(q, keys) => {
                for k in *keys {
                    assert!(
                        q.question().choice(k).is_some(),
                        "{key}: {k} is not an option of {}",
                        q.key()
                    );
                }
            }
            Cond::YesNoIn(q, _) => assert!(matches!(q.question().kind, AnswerKind::YesNo), "{key}"),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| options_exist(c, key)),
            Cond::Always | Cond::Answered(_) => {}
        }
    }
    for question in QUESTIONS {
        options_exist(&question.shown, question.key);
    }
}

#[test]
fn required_questions_say_what_is_missing_and_hints_are_plain() {
    for q in QUESTIONS {
        assert_eq!(q.required, !q.missing.is_empty(), "{}", q.key);
        assert!(!q.text.is_empty() && !q.short.is_empty(), "{}", q.key);
        assert!(!q.hint.contains("http"), "hints have no links: {}", q.key);
        let mut seen = HashSet::new();
        for choice in q.kind.choices() {
            assert!(
                seen.insert(choice.key),
                "{}: duplicate option {}",
                q.key,
                choice.key
            );
            assert!(!choice.label.is_empty());
        }
        if let AnswerKind::Single(options) = q.kind {
            assert!(options.iter().all(|o| !o.exclusive), "{}", q.key);
        }
    }
    let impact_lists = QUESTIONS
        .iter()
        .filter(|q| matches!(q.kind, AnswerKind::Impacts))
        .count();
    assert_eq!(impact_lists, 1);
}

/// A question asked on one route only is decided by the route, which comes from the
/// triage questions: they must come earlier in the bank, so visibility stays one pass.
#[test]
fn questions_asked_on_one_route_come_after_the_route_is_known() {
    use lia::assessment::questions::OnRoute;
    for q in QUESTIONS.iter().filter(|q| q.route != OnRoute::Any) {
        assert!(
            q.id > QuestionId::TriageRecognisedCondition,
            "{} is asked on one route but comes before the route is known",
            q.key
        );
    }
}

/// "Applicants" are not only job applicants (issue 15): people applying for a service,
/// housing, a benefit or a place have a category of their own.
#[test]
fn applicants_for_services_housing_benefits_and_places_have_a_category() {
    let people = QuestionId::AboutPeople.question();
    assert_eq!(people.choice("applicants").unwrap().label, "Job applicants");
    let service = people.choice("service-applicants").unwrap();
    for word in ["service", "housing", "benefit", "place"] {
        assert!(service.label.contains(word), "{}", service.label);
    }
}

/// Issue 26: what each answer rests on is declared in the bank, and only ever on earlier
/// answers (so a change can only make later answers stale), and the balancing test, the
/// DPIA screening and the decision rest on whose data, which data and why.
#[test]
fn answers_rest_only_on_earlier_answers_and_the_balancing_rests_on_the_purpose() {
    type Q = QuestionId;
    for question in QUESTIONS {
        for on in question.rests_on.questions() {
            assert!(*on < question.id, "{} rests on {}", question.key, on.key());
        }
    }
    for section in [Section::Expectations, Section::Impact, Section::Dpia] {
        for q in section.questions() {
            let dpia_record = [Q::DpiaDone, Q::DpiaDate, Q::DpiaReference].contains(&q.id);
            if dpia_record {
                assert!(
                    q.rests_on.questions().is_empty(),
                    "{} records a fact",
                    q.key
                );
                continue;
            }
            for on in [Q::AboutPeople, Q::AboutData, Q::PurposeWhy] {
                assert!(
                    q.rests_on.questions().contains(&on),
                    "{} rests on {}",
                    q.key,
                    on.key()
                );
            }
        }
    }
    for q in Section::Necessity.questions() {
        assert!(q.rests_on.questions().contains(&Q::PurposeWhy), "{}", q.key);
    }
    assert!(Q::DecisionJustification
        .question()
        .rests_on
        .questions()
        .contains(&Q::PurposeWhy));
    assert!(Q::SignOffCompletedName
        .question()
        .rests_on
        .questions()
        .is_empty());
}

/// Issue 26: the questions DPOs expect beside the ICO's are asked only where they apply.
#[test]
fn the_extra_questions_are_asked_only_where_they_apply() {
    use lia::assessment::choices::{channels, pecr_basis, purpose, subscribers};
    use lia::assessment::model::YesNo;
    use lia::assessment::{Assessment, Ctx};
    type Q = QuestionId;
    let mut a = Assessment::new("x");
    let shown = |a: &Assessment, q: Q| Ctx::new(a, None).is_visible(q);
    for q in [Q::AboutRetention, Q::AboutProcessors, Q::AboutTransfers] {
        assert!(shown(&a, q), "{} is always asked", q.key());
    }
    for q in [
        Q::AboutProcessorContract,
        Q::AboutTransferSafeguard,
        Q::PecrIdentity,
        Q::PecrTracking,
        Q::PecrTrackingConsent,
        Q::PecrCharitySender,
        Q::PecrCharityAbout,
    ] {
        assert!(!shown(&a, q), "{} waits until it applies", q.key());
    }
    a.set_yes_no(Q::AboutProcessors, YesNo::Yes)
        .set_yes_no(Q::AboutTransfers, YesNo::Yes)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_choices(Q::TriageChannels, &[channels::POST]);
    assert!(shown(&a, Q::AboutProcessorContract));
    assert!(shown(&a, Q::AboutTransferSafeguard));
    assert!(
        !shown(&a, Q::PecrTracking),
        "post carries no tracking pixel"
    );
    a.set_choices(Q::TriageChannels, &[channels::EMAIL])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrEmailBasis, pecr_basis::CHARITY);
    for q in [
        Q::PecrIdentity,
        Q::PecrTracking,
        Q::PecrCharitySender,
        Q::PecrCharityAbout,
    ] {
        assert!(shown(&a, q), "{}", q.key());
    }
    assert!(!shown(&a, Q::PecrTrackingConsent));
    a.set_yes_no(Q::PecrTracking, YesNo::Yes);
    assert!(shown(&a, Q::PecrTrackingConsent));
}
