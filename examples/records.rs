//! Writes the records of every built-in example (HTML report, Word document, OpenDocument
//! text) into a folder, to look at or to open in a word processor:
//! `cargo run --example records -- target/records`.

use lia::assessment::examples::EXAMPLES;
use lia::assessment::Date;
use lia::export::{to_docx, to_html, to_odt};
fn main() {
    let out = std::env::args().nth(1).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    for e in EXAMPLES {
        let a = (e.build)(e.key);
        let today = Date::new(2026, 11, 22);
        std::fs::write(
            format!("{out}/{}.docx", e.key),
            to_docx(&a, "2026-11-22T10:15:00Z", today),
        )
        .unwrap();
        std::fs::write(
            format!("{out}/{}.odt", e.key),
            to_odt(
                &a,
                None,
                "2026-11-22T10:15:00Z",
                today,
                &lia::handover::Trust::default(),
                None,
            ),
        )
        .unwrap();
        std::fs::write(
            format!("{out}/{}.html", e.key),
            to_html(&a, "2026-11-22T10:15:00Z", today),
        )
        .unwrap();
    }
}
