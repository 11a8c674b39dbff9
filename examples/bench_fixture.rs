//! Writes the browser benchmark's fixtures, as the store itself would write them:
//! `full.json`, one record of a complete assessment whose purpose answer holds 20,000
//! characters and every other question is answered, and `drafts.json`, 200 records of
//! the built-in examples. Run by `./dev bench`:
//!
//!     cargo run --release --example bench_fixture -- target/bench

use std::path::PathBuf;

use lia::assessment::examples::{example, EXAMPLES};
use lia::assessment::{AnswerKind, Assessment, Ctx, QuestionId, QUESTIONS};
use lia::storage::index::Index;
use lia::storage::record::encode;
use lia::storage::Summary;

/// Every shown question answered: the credit example, with the purpose answer grown to
/// 20,000 characters and anything it leaves empty filled in.
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
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/bench".into()),
    );
    std::fs::create_dir_all(&dir).expect("the output directory can be made");
    let saved_at = 1_795_000_000_000.0;
    let full = vec![full()];
    let drafts: Vec<Assessment> = (0..200)
        .map(|i| (EXAMPLES[i % EXAMPLES.len()].build)(&format!("bench-draft-{i:03}")))
        .collect();
    for (name, set) in [("full.json", &full), ("drafts.json", &drafts)] {
        // The records and the index, as the store would have written them.
        let index = Index {
            summaries: set
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    Summary::new(a, 1, saved_at + i as f64).with_digest(&encode(
                        a,
                        1,
                        saved_at + i as f64,
                    ))
                })
                .collect(),
            unreadable: Default::default(),
            lost: Vec::new(),
        };
        let records: Vec<serde_json::Value> = set
            .iter()
            .enumerate()
            .map(|(i, a)| serde_json::json!({ "id": a.id, "record": encode(a, 1, saved_at + i as f64) }))
            .collect();
        let fixture = serde_json::json!({ "records": records, "index": index.encode() });
        std::fs::write(dir.join(name), fixture.to_string()).expect("written");
    }
    println!(
        "bench_fixture: wrote full.json and drafts.json to {}",
        dir.display()
    );
}
