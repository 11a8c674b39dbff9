//! Times the register natively: reading 5,000 record files (import, digest, row) and
//! arranging them into one row per assessment; and verifying 500 signed approvals (the
//! register verifies each one it reads). Run with `./dev bench` (or `cargo run
//! --release --example bench_register`). Prints figures; asserts nothing.

use std::time::Instant;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::{outcome, Date};
use lia::export::{import, to_json};
use lia::register::{Filter, Register, Sort};

const FILES: usize = 5_000;
const SIGNED: usize = 500;

/// `SIGNED` records, each sent for approval and approved, signed with an Ed25519 key as
/// an approver's browser signs (the bytes `handover::decide` gives), as export files.
fn signed_files(today: Date) -> (Vec<(String, Vec<u8>)>, lia::handover::Trust) {
    use ed25519_dalek::{Signer as _, SigningKey};
    use lia::handover::{self, Approver, DecisionForm, Signer, Trust, TrustSource};
    let key = SigningKey::from_bytes(&[7; 32]);
    let signer = Signer {
        name: "Sam Patel".into(),
        role: "Data Protection Officer".into(),
        organisation: "Bench Housing".into(),
        algorithm: handover::ALGORITHM.into(),
        key: lia::base64::encode(key.verifying_key().as_bytes()),
    };
    let approver = Approver {
        signer: Some(&signer),
        author_here: false,
        self_approval: false,
        findings: &[],
    };
    let form = DecisionForm {
        verdict: Some(lia::assessment::Verdict::Approved),
        ..DecisionForm::default()
    };
    let files = (0..SIGNED)
        .map(|i| {
            let mut a = (lia::assessment::examples::example("emergency-contacts")
                .expect("built in")
                .build)(&format!("signed-{i}"));
            for q in lia::assessment::digest::APPROVAL_ANSWERS {
                a.answers.clear(q);
            }
            handover::send(&mut a, today).expect("sent");
            let unsigned = handover::decide(&a, &form, &approver, today).expect("approved");
            let signature = key.sign(&unsigned.message).to_bytes();
            let a = handover::attach(unsigned, &signature).expect("it verifies");
            (
                format!("signed-{i}.json"),
                to_json(&a, "2026-12-04T10:00:00Z", Some(today)).into_bytes(),
            )
        })
        .collect();
    let mut trust = Trust::default();
    trust
        .add(signer.card(), TrustSource::Organisation)
        .expect("a valid card");
    (files, trust)
}

/// Reading the files of a folder into the register, as the browser bench's files are
/// (`BENCH_REGISTER_DIR`, written by scripts/bench.mjs), to compare with the browser.
fn folder(dir: &str, today: Date) {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            let path = e.expect("an entry").path();
            (
                path.display().to_string(),
                std::fs::read(&path).expect("a file"),
            )
        })
        .collect();
    files.sort();
    let t = Instant::now();
    let mut register = Register::new(today);
    for (name, bytes) in &files {
        register.read(name, bytes);
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "register (native): the {} files of {dir} read in {ms:.1} ms ({:.3} ms a file)",
        files.len(),
        ms / files.len() as f64
    );
}

fn main() {
    let today = Date::parse("2026-12-04");
    if let Ok(dir) = std::env::var("BENCH_REGISTER_DIR") {
        return folder(&dir, today.expect("a date"));
    }
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
    register.groups();
    let group_ms = ms(t);
    let t = Instant::now();
    let order = register.arrange_groups(Sort::default(), &Filter::default());
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

    let day = today.expect("a date");
    let (signed, trust) = signed_files(day);
    let records: Vec<_> = signed
        .iter()
        .map(|(_, b)| import(b).unwrap().assessment)
        .collect();
    let t = Instant::now();
    let trusted = records
        .iter()
        .filter(|a| lia::handover::approval(a, &trust, day).is_some_and(|ap| ap.holds()))
        .count();
    let verify_ms = ms(t);
    assert_eq!(trusted, SIGNED, "every signature verifies");
    let t = Instant::now();
    let mut register = Register::with_trust(day, trust);
    for (name, bytes) in &signed {
        register.read(name, bytes);
    }
    let signed_read_ms = ms(t);
    println!(
        "  verifying {SIGNED} signed approvals      {verify_ms:8.1} ms ({:.3} ms each)",
        verify_ms / SIGNED as f64
    );
    println!("  reading those {SIGNED} files into the register {signed_read_ms:.1} ms");
}
