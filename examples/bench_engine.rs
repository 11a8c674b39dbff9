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
}
