//! Times the rule engine natively on full assessments. Run with `./dev bench` (or
//! `cargo run --release --example bench_engine`). Prints figures; asserts nothing,
//! because shared machines are noisy.

use std::hint::black_box;
use std::time::{Duration, Instant};

use lia::assessment::examples::{example, EXAMPLES};
use lia::assessment::model::Answer;
use lia::assessment::{check, outcome, AnswerKind, Assessment, Date, QUESTIONS};

const RUNS: usize = 2_000;
const BUDGET: Duration = Duration::from_millis(1);

fn time(mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..50 {
        f(); // warm up
    }
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    (samples[RUNS / 2], samples[RUNS * 95 / 100])
}

/// The credit reference example with every text answer made 20,000 characters long.
fn stuffed() -> Assessment {
    let mut a = (example("credit-reference").unwrap().build)("bench");
    let long = "We will process the data carefully and only as described. ".repeat(345);
    for q in QUESTIONS {
        if matches!(q.kind, AnswerKind::LongText) {
            a.answers
                .set(q.id, Answer::Text(long[..20_000].to_string()));
        }
    }
    a
}

fn main() {
    let today = Date::new(2026, 11, 22);
    let mut cases: Vec<(String, Assessment)> = EXAMPLES
        .iter()
        .map(|e| (e.key.to_string(), (e.build)(e.key)))
        .collect();
    cases.push((
        "credit-reference, 20,000-character answers".into(),
        stuffed(),
    ));

    println!("Rule engine, native, {RUNS} runs each (budget: well under {BUDGET:?})");
    println!(
        "{:<46} {:>12} {:>12} {:>12} {:>8}",
        "assessment", "check p50", "check p95", "outcome p95", "budget"
    );
    for (name, a) in &cases {
        let (p50, p95) = time(|| {
            black_box(check(black_box(a), today));
        });
        let (_, outcome_p95) = time(|| {
            black_box(outcome(black_box(a), today));
        });
        let verdict = if outcome_p95 < BUDGET { "pass" } else { "miss" };
        println!("{name:<46} {p50:>12.2?} {p95:>12.2?} {outcome_p95:>12.2?} {verdict:>8}");
    }
    organisation(today);
}

/// Settings of 30 questions (10 text, 10 yes/no, 10 choices of 4 options) in every
/// section, 30 checks on them (each `when`: answered, yes, an option) and 10 added
/// screening questions, made with the settings page's own core (`organisation::edit`).
fn thirty() -> lia::organisation::Settings {
    use lia::assessment::{Section, Severity};
    use lia::organisation::{Kind, Settings, When};
    let mut s = Settings::blank("Bench settings", "1");
    for i in 0..30 {
        let section = Section::ALL[i % Section::ALL.len()];
        let kind = match i % 3 {
            0 => Kind::Text,
            1 => Kind::YesNo,
            _ => Kind::Choice(
                (1..=4)
                    .map(|o| (format!("option-{o}"), format!("Option {o}")))
                    .collect(),
            ),
        };
        let id = s
            .add_question(
                section,
                kind,
                &format!("Question {i} of the organisation?"),
                "A hint.",
                i % 2 == 0,
            )
            .unwrap();
        let when = match i % 3 {
            0 => When::Answered,
            1 => When::Is("yes".into()),
            _ => When::Is("option-2".into()),
        };
        let severity = [Severity::Blocker, Severity::Warning, Severity::Advice][i % 3];
        s.add_check(
            &id,
            when,
            severity,
            &format!("Check {i} found something to look at."),
        )
        .unwrap();
    }
    for i in 0..10 {
        s.add_screening(&format!("Screening question {i}?"), "")
            .unwrap();
    }
    s.validate().expect("the bench's settings are valid")
}

/// The one-pass evaluation with the organisation's 30 questions and checks, beside the
/// same evaluation without settings: what they add to each evaluation (the typing
/// budget's evaluations run this, after a pause in typing).
fn organisation(today: Option<Date>) {
    use lia::assessment::Evaluation;
    use lia::organisation::answering::{answer, start_under};
    use lia::organisation::evaluate::evaluation;
    use lia::organisation::{Answer, Kind};
    let settings = thirty();
    let mut a = stuffed();
    start_under(&mut a, &settings);
    for q in settings.questions.clone() {
        let given = match &q.kind {
            Kind::Text => Answer::Text("Answered at some length. ".repeat(40)),
            Kind::YesNo => Answer::YesNo(lia::assessment::YesNo::Yes),
            Kind::Choice(_) => Answer::Choice("option-2".into()),
        };
        assert!(answer(&mut a, &settings, &q.id, Some(given)));
    }
    let found = evaluation(&a, Some(&settings), today)
        .outcome
        .findings
        .iter()
        .filter(|f| f.id.starts_with("org."))
        .count();
    let (without_p50, without_p95) = time(|| {
        black_box(Evaluation::of(black_box(&a), today));
    });
    let (with_p50, with_p95) = time(|| {
        black_box(evaluation(black_box(&a), Some(&settings), today));
    });
    println!();
    println!(
        "Evaluation with the organisation's settings, native, {RUNS} runs each: 30 questions \
         answered, 30 checks ({found} organisation findings), 10 screening questions, on the \
         20,000-character assessment"
    );
    println!("{:<46} {:>12} {:>12}", "evaluation", "p50", "p95");
    println!(
        "{:<46} {without_p50:>12.2?} {without_p95:>12.2?}",
        "without settings"
    );
    println!(
        "{:<46} {with_p50:>12.2?} {with_p95:>12.2?}",
        "with the 30 questions and checks"
    );
    println!(
        "{:<46} {:>12.2?} {:>12.2?}",
        "what they add",
        with_p50.saturating_sub(without_p50),
        with_p95.saturating_sub(without_p95)
    );
}
