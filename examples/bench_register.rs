//! Times the register natively: reading 5,000 record files (import, digest, row) and
//! arranging them into one row per assessment. Run with `./dev bench` (or `cargo run
//! --release --example bench_register`). Prints figures; asserts nothing.

use std::time::Instant;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::{outcome, Date};
use lia::export::{import, to_json};
use lia::register::{Filter, Register, Sort};

const FILES: usize = 5_000;

fn main() {
    let today = Date::parse("2026-12-04");
    let files: Vec<(String, Vec<u8>)> = (0..FILES)
        .map(|i| {
            let e = &EXAMPLES[i % EXAMPLES.len()];
            let a = (e.build)(&format!("rec-{i}"));
            (
                format!("rec-{i}.json"),
                to_json(&a, "2026-11-22T10:00:00Z", today).into_bytes(),
            )
        })
        .collect();
    let kb = files.iter().map(|f| f.1.len()).sum::<usize>() as f64 / FILES as f64 / 1024.0;
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;

    let t = Instant::now();
    let imported: Vec<_> = files.iter().map(|(_, b)| import(b).unwrap()).collect();
    let import_ms = ms(t);
    let t = Instant::now();
    for i in &imported {
        std::hint::black_box(outcome(&i.assessment, today));
    }
    let outcome_ms = ms(t);
    let t = Instant::now();
    for i in &imported {
        std::hint::black_box(lia::assessment::assessment_digest(&i.assessment));
    }
    let digest_ms = ms(t);

    let t = Instant::now();
    let mut register = Register::new(today.expect("a date"));
    for (name, bytes) in &files {
        register.read(name, bytes);
    }
    let read_ms = ms(t);
    let t = Instant::now();
    let groups = register.groups();
    let group_ms = ms(t);
    let t = Instant::now();
    let order = register.arrange_groups(&groups, Sort::default(), &Filter::default());
    let arrange_ms = ms(t);
    assert_eq!(order.len(), FILES);
    println!("register (native): {FILES} files of {kb:.1} KB");
    println!(
        "  reading them into the register   {read_ms:8.1} ms ({:.3} ms a file)",
        read_ms / FILES as f64
    );
    println!("    of which: import {import_ms:.1} ms, rules {outcome_ms:.1} ms, a digest {digest_ms:.1} ms");
    println!("  one row per assessment (groups)  {group_ms:8.1} ms");
    println!("  sorted and filtered              {arrange_ms:8.1} ms");
}
