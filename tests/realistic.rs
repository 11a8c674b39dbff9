//! Realistic assessments (issue 15): whole assessments written as practitioners fill them
//! in, each with the exact findings it must get; and, for the sound ones, a walk through
//! every page as the interface saves it, which must never meet a blocker.

#[path = "realistic/assessments.rs"]
mod assessments;

use assessments::{Case, CASES};
use lia::assessment::{
    outcome, Assessment, Ctx, Date, Evaluation, QuestionId, Reading, Section, Severity,
};

const TODAY: Option<Date> = Date::new(2026, 11, 22);

fn finding_ids(a: &Assessment) -> Vec<&'static str> {
    let mut ids: Vec<&str> = outcome(a, TODAY)
        .findings
        .iter()
        .filter_map(|f| f.rule())
        .collect();
    ids.sort();
    ids
}

#[test]
fn there_are_at_least_ten_covering_every_route_and_three_sound() {
    assert!(CASES.len() >= 10, "{} cases", CASES.len());
    assert!(CASES.iter().filter(|c| c.sound).count() >= 3);
    let mut keys: Vec<&str> = CASES.iter().map(|c| c.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), CASES.len(), "keys are unique");
    for case in CASES {
        let a = (case.build)();
        assert_eq!(a.id, case.key, "{}: built under its own key", case.key);
        let mut sorted = case.findings.to_vec();
        sorted.sort();
        assert_eq!(
            sorted, case.findings,
            "{}: list the findings sorted",
            case.key
        );
    }
    // Every route and channel the issue names is covered somewhere.
    use lia::assessment::choices::{channels, pecr_basis};
    let built: Vec<Assessment> = CASES.iter().map(|c| (c.build)()).collect();
    let any = |f: &dyn Fn(&Ctx) -> bool| built.iter().any(|a| f(&Ctx::new(a, TODAY)));
    type Q = QuestionId;
    assert!(
        any(&|c| !c.recognised_route() && !c.is_yes(Q::TriagePublicTask)),
        "ordinary route"
    );
    assert!(any(&|c| c.recognised_route()), "recognised route");
    assert!(any(&|c| c.is_yes(Q::TriagePublicTask)), "public authority");
    for channel in [
        channels::POST,
        channels::EMAIL,
        channels::SMS,
        channels::LIVE_CALLS,
        channels::AUTOMATED_CALLS,
        channels::ONLINE_ADS,
    ] {
        assert!(
            any(&|c| c.has_choice(Q::TriageChannels, channel)),
            "channel {channel}"
        );
    }
    assert!(
        any(&|c| c.choice(Q::PecrEmailBasis) == Some(pecr_basis::SOFT_OPT_IN)),
        "e-mail soft opt-in"
    );
    assert!(
        any(&|c| c.choice(Q::PecrEmailBasis) == Some(pecr_basis::CHARITY)),
        "charity soft opt-in"
    );
    assert!(
        any(&|c| c.is_yes(Q::NatureSpecial)),
        "special category data"
    );
    assert!(
        any(&|c| c.is_yes(Q::NatureCriminal)),
        "criminal offence data"
    );
    assert!(
        any(&|c| c.has_choice(Q::AboutPeople, "children")),
        "children"
    );
    assert!(
        any(&|c| c.is_yes(Q::TriageReuse)),
        "reuse for a new purpose"
    );
    assert!(
        any(&|c| c.is_yes(Q::TriageAutomated)),
        "automated decisions"
    );
}

/// Each assessment answers only questions it shows, as the interface allows.
#[test]
fn each_answers_only_what_it_is_asked() {
    for case in CASES {
        let a = (case.build)();
        let ctx = Ctx::new(&a, TODAY);
        for (q, _) in a.answers.iter() {
            assert!(
                ctx.is_visible(q),
                "{}: answers hidden question {}",
                case.key,
                q.key()
            );
        }
    }
}

#[test]
fn each_gets_exactly_its_findings() {
    let mut wrong = Vec::new();
    for case in CASES {
        let found = finding_ids(&(case.build)());
        if found != case.findings {
            wrong.push(format!(
                "{} ({}):\n    expected {:?}\n    found    {:?}",
                case.key, case.covers, case.findings, found
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The sound ones: no blocker, no warning (a DPO would dismiss none of what is found),
/// every section complete and ready to sign off, and legitimate interests appropriate.
#[test]
fn the_sound_ones_are_ready_with_no_blocker_or_warning() {
    for case in CASES.iter().filter(|c| c.sound) {
        let o = outcome(&(case.build)(), TODAY);
        let serious: Vec<(&str, Severity)> = o
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Advice)
            .map(|f| (f.rule().unwrap(), f.severity))
            .collect();
        assert!(serious.is_empty(), "{}: {serious:?}", case.key);
        assert!(
            o.ready_for_sign_off,
            "{}: {:?}",
            case.key, o.sign_off_refusals
        );
        assert_eq!(o.reading, Reading::Appropriate, "{}", case.key);
    }
}

/// The others are not ready, and each gets at least one finding that is more than advice.
#[test]
fn the_others_are_each_caught() {
    for case in CASES.iter().filter(|c| !c.sound) {
        let o = outcome(&(case.build)(), TODAY);
        assert!(
            o.findings.iter().any(|f| f.severity != Severity::Advice),
            "{}: {:?}",
            case.key,
            o.findings
        );
    }
}

#[test]
fn the_public_authority_is_pointed_to_public_task() {
    let case = CASES
        .iter()
        .find(|c| c.key == "council-library-app")
        .unwrap();
    assert_eq!(outcome(&(case.build)(), TODAY).reading, Reading::PublicTask);
}

// ---- no false blocker: every page saved as the interface saves it ----------------------

/// The answers and impacts of `section` in `from`, copied into `to` as a person would
/// enter them on that page. With `leave_suggestions`, an answer the interface offers as
/// its suggestion is left alone at first, as a person who agrees with it might.
fn enter_page(to: &mut Assessment, from: &Assessment, section: Section, leave_suggestions: bool) {
    for q in section.questions() {
        let suggested = Ctx::new(to, TODAY).suggestion(q.id);
        match from.answers.get(q.id) {
            Some(lia::assessment::Answer::YesNo(y))
                if leave_suggestions && suggested.is_some_and(|s| s.answer == *y) => {}
            Some(answer) => to.answers.set(q.id, answer.clone()),
            None => {}
        }
    }
    if section == Section::Impact {
        to.impacts = from.impacts.clone();
    }
}

/// Walks the pages in the order "Save and continue" takes, entering each page's answers
/// and saving it; after each save, no blocker. With `leave_suggestions`, a suggestion left
/// in place is not an answer (issue 26): "Save and continue" refuses the page, naming
/// only questions that show a suggestion, until the person uses each suggestion (the
/// page's "Use this answer"). Returns the sections visited and how many suggestions
/// had to be used.
fn walk(case: &Case, leave_suggestions: bool) -> (Assessment, Vec<Section>, usize) {
    let target = (case.build)();
    let mut a = Assessment::new(case.key);
    let mut section = Some(Section::ALL[0]);
    let mut visited = Vec::new();
    let mut used = 0;
    while let Some(here) = section {
        visited.push(here);
        let evaluation = Evaluation::of(&a, TODAY);
        if evaluation.applies(here) {
            enter_page(&mut a, &target, here, leave_suggestions);
        }
        let mut evaluation = Evaluation::of(&a, TODAY);
        if let Err(errors) = evaluation.save_and_continue(here) {
            if leave_suggestions {
                for e in &errors {
                    let s = evaluation
                        .visibility
                        .suggestion(e.question)
                        .unwrap_or_else(|| {
                            panic!(
                                "{}: refused on {:?}, which shows no suggestion",
                                case.key, e.question
                            )
                        });
                    a.set_yes_no(e.question, s.answer);
                    used += 1;
                }
                evaluation = Evaluation::of(&a, TODAY);
            }
        }
        section = match evaluation.save_and_continue(here) {
            Ok(next) => next,
            Err(errors) => panic!(
                "{}: \"Save and continue\" refused on {here:?}: {:?}",
                case.key,
                errors
                    .iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
            ),
        };
        let blockers: Vec<&str> = evaluation
            .outcome
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker)
            .filter_map(|f| f.rule())
            .collect();
        assert!(
            blockers.is_empty(),
            "{}: after saving {here:?}{}, blockers {blockers:?}",
            case.key,
            if leave_suggestions {
                " with the suggested answers used"
            } else {
                ""
            }
        );
    }
    (a, visited, used)
}

#[test]
fn no_false_blocker_when_every_page_is_saved_with_the_answers_given() {
    for case in CASES.iter().filter(|c| c.sound) {
        let (a, visited, _) = walk(case, false);
        let applying: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| Evaluation::of(&a, TODAY).applies(*s))
            .collect();
        assert_eq!(
            visited, applying,
            "{}: every page that applies, in order",
            case.key
        );
        assert_eq!(
            finding_ids(&a),
            case.findings,
            "{}: the walk ends where the builder does",
            case.key
        );
    }
}

/// Suggestions are never pre-selected and never answers (issue 26): a page whose
/// suggestions are left untouched is refused, for those questions only; using them ends
/// where the builder does, with no blocker on the way.
#[test]
fn suggestions_left_in_place_are_unanswered_until_used() {
    let mut used_somewhere = false;
    for case in CASES.iter().filter(|c| c.sound) {
        let (a, _, used) = walk(case, true);
        used_somewhere |= used > 0;
        assert_eq!(finding_ids(&a), case.findings, "{}", case.key);
    }
    assert!(used_somewhere, "some sound case has suggestions to use");
}

/// The payroll case of issue 15: data from the person and from HMRC, nothing matched.
/// A thorough, low-risk assessment saved page by page gets no blocker.
#[test]
fn no_false_blocker_for_data_from_two_sources() {
    let case = CASES.iter().find(|c| c.key == "references").unwrap();
    let a = (case.build)();
    assert_eq!(
        Ctx::new(&a, TODAY).suggestion(QuestionId::DpiaMatching),
        None,
        "a candidate and their referees are two sources, but nothing is matched"
    );
    let _ = walk(case, true);
}

/// Issue 26: at least six more, of the kinds it names, and the reviews cannot be sent or
/// approved while their answers are to be checked again.
#[test]
fn the_issue_26_cases_cover_what_it_names() {
    assert!(CASES.len() >= 20, "{} cases", CASES.len());
    let with = |id: &str| CASES.iter().filter(|c| c.findings.contains(&id)).count();
    assert!(
        with("decision.justification-thin") + with("necessity.thin") >= 2,
        "thin reasoning"
    );
    assert!(with("record.check-again") >= 2, "reviews made stale");
    assert!(
        with("pecr.charity.sender") >= 1,
        "a charity's message sent by another"
    );
    let reuse = CASES
        .iter()
        .find(|c| c.key == "alumni-mentoring-reuse")
        .unwrap();
    assert!(reuse.sound);
    for case in CASES
        .iter()
        .filter(|c| c.findings.contains(&"record.check-again"))
    {
        let mut a = (case.build)();
        assert!(a.review_of.is_some(), "{}: a review", case.key);
        let finding = outcome(&a, TODAY)
            .findings
            .into_iter()
            .find(|f| f.id == "record.check-again")
            .unwrap();
        let detail = finding.detail.unwrap();
        assert!(detail.starts_with("Changed: “"), "{}: {detail}", case.key);
        assert!(
            matches!(
                lia::handover::send(&mut a, TODAY.unwrap()),
                Err(lia::handover::SendRefusal::CheckAgain(_))
            ),
            "{}: sending is refused",
            case.key
        );
        assert!(lia::assessment::lifecycle::approve(&mut a, TODAY.unwrap()).is_err());
        // Once each is confirmed, nothing stands in the way.
        for q in lia::assessment::stale::marked(&a) {
            a.confirm(q);
        }
        assert!(
            lia::handover::send(&mut a, TODAY.unwrap()).is_ok(),
            "{}",
            case.key
        );
    }
}
