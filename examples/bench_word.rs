//! Times making the Word document, the OpenDocument text and the HTML report natively for the
//! housing example as filled in, and for the full benchmark assessment (every question
//! answered, a 20,000-character answer). Run with `./dev bench` (or `cargo run --release
//! --example bench_word`). Prints figures; asserts nothing, because shared machines are
//! noisy. The browser's own figure is in scripts/bench.mjs ("export: Word document").

use std::hint::black_box;
use std::time::{Duration, Instant};

use lia::assessment::examples::example;
use lia::assessment::{AnswerKind, Assessment, Ctx, Date, QuestionId, QUESTIONS};
use lia::export::{to_docx, to_html, to_odt};

const RUNS: usize = 200;
const AT: &str = "2026-11-22T10:15:00Z";

fn time(mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..10 {
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

/// As examples/bench_fixture.rs makes it: the credit example with a 20,000-character
/// purpose and every other shown text question answered.
fn full() -> Assessment {
    let mut a = (example("credit-reference").expect("built in").build)("bench-full");
    let sentence = "We will process the data carefully and only as described in this assessment. ";
    let long: String = sentence
        .repeat(20_000 / sentence.len() + 1)
        .chars()
        .take(20_000)
        .collect();
    a.set_text(QuestionId::PurposeWhy, long);
    let ctx = Ctx::new(&a, None);
    let empty: Vec<QuestionId> = QUESTIONS
        .iter()
        .filter(|q| ctx.is_visible(q.id) && ctx.answer(q.id).is_none())
        .filter(|q| matches!(q.kind, AnswerKind::ShortText | AnswerKind::LongText))
        .map(|q| q.id)
        .collect();
    for q in empty {
        a.set_text(q, "Recorded for the benchmark.");
    }
    a
}

fn main() {
    let today = Date::new(2026, 11, 22);
    let cases = [
        (
            "housing example (as filled in)",
            (example("housing-marketing").unwrap().build)("housing"),
        ),
        ("full assessment (20,000-character answer)", full()),
    ];
    println!("Word document, OpenDocument text and HTML report, native, {RUNS} runs each");
    println!(
        "{:<44} {:>10} {:>10} {:>8} {:>10} {:>10} {:>8} {:>10} {:>8}",
        "assessment",
        "docx p50",
        "docx p95",
        "docx kB",
        "odt p50",
        "odt p95",
        "odt kB",
        "html p50",
        "html kB"
    );
    for (name, a) in &cases {
        let (docx_p50, docx_p95) = time(|| {
            black_box(to_docx(black_box(a), AT, today));
        });
        let (odt_p50, odt_p95) = time(|| {
            black_box(to_odt(
                black_box(a),
                None,
                AT,
                today,
                &lia::handover::Trust::default(),
                None,
            ));
        });
        let (html_p50, _) = time(|| {
            black_box(to_html(black_box(a), AT, today));
        });
        let docx_kb = to_docx(a, AT, today).len() as f64 / 1000.0;
        let odt_kb = to_odt(a, None, AT, today, &lia::handover::Trust::default(), None).len()
            as f64
            / 1000.0;
        let html_kb = to_html(a, AT, today).len() as f64 / 1000.0;
        println!(
            "{name:<44} {docx_p50:>10.2?} {docx_p95:>10.2?} {docx_kb:>8.1} {odt_p50:>10.2?} {odt_p95:>10.2?} {odt_kb:>8.1} {html_p50:>10.2?} {html_kb:>8.1}"
        );
    }
}
