//! The digest: any edit of the assessment's content shows as a mismatch; re-indenting
//! the file or re-ordering its keys does not; and the value is the documented one.

use lia::assessment::assessment_digest;
use lia::assessment::examples::EXAMPLES;
use lia::assessment::Assessment;
use lia::export::{import, to_json, DigestCheck};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const AT: &str = "2026-11-22T10:15:00Z";

fn examples() -> Vec<Assessment> {
    EXAMPLES.iter().map(|e| (e.build)(e.key)).collect()
}

fn export(a: &Assessment) -> Value {
    serde_json::from_str(&to_json(a, AT, None)).unwrap()
}

fn check(text: &str) -> (DigestCheck, Assessment) {
    let imported = import(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message()));
    (imported.digest, imported.assessment)
}

/// Another valid answer: text changed by one character, yes/no flipped, another
/// option, one option fewer or more.
fn edited(key: &str, value: &Value) -> Value {
    let question = lia::assessment::QuestionId::from_key(key)
        .unwrap()
        .question();
    let options: Vec<&str> = question.kind.choices().iter().map(|c| c.key).collect();
    let yes_no = matches!(question.kind, lia::assessment::AnswerKind::YesNo);
    match value {
        Value::String(s) if yes_no => json!(if s == "yes" { "no" } else { "yes" }),
        Value::String(s) if options.contains(&s.as_str()) => {
            json!(options.iter().find(|o| **o != s).unwrap())
        }
        Value::String(s) => json!(format!("{s}.")),
        Value::Array(items) if items.len() > 1 => json!(items[..items.len() - 1]),
        Value::Array(items) => {
            let other = options.iter().find(|o| !items.contains(&json!(o))).unwrap();
            let mut more = items.clone();
            more.push(json!(other));
            json!(more)
        }
        other => panic!("{key}: {other}"),
    }
}

#[test]
fn editing_any_answer_is_a_mismatch() {
    let mut edits = 0;
    for a in examples() {
        let original = export(&a);
        for (key, value) in original["assessment"]["answers"].as_object().unwrap() {
            let mut changed = original.clone();
            changed["assessment"]["answers"][key] = edited(key, value);
            let (digest, read) = check(&serde_json::to_string_pretty(&changed).unwrap());
            assert_eq!(digest, DigestCheck::Mismatch, "{} {key}", a.id);
            assert_ne!(read, a, "{key}");
            edits += 1;
        }
    }
    assert!(edits > 150, "{edits}");
}

#[test]
fn editing_anything_else_in_the_assessment_is_a_mismatch() {
    let a = &examples()[0];
    let original = export(a);
    let edits: Vec<fn(&mut Value)> = vec![
        |v| v["assessment"]["status"] = json!("approved"),
        |v| v["assessment"]["version"] = json!(2),
        |v| v["assessment"]["id"] = json!("another"),
        |v| v["assessment"]["impacts"][0]["description"] = json!("Nothing much"),
        |v| v["assessment"]["impacts"][0]["residual_severity"] = json!("minimal"),
        |v| v["assessment"]["impacts"].as_array_mut().unwrap().reverse(),
        |v| v["assessment"]["review_log"] = json!([{"date": "2026-01-01", "note": "Added"}]),
        |v| {
            v["assessment"]["answers"]
                .as_object_mut()
                .unwrap()
                .remove("purpose.why");
        },
        // The same assessment once read, but not the text that was exported.
        |v| {
            v["assessment"].as_object_mut().unwrap().remove("version");
        },
    ];
    for edit in edits {
        let mut changed = original.clone();
        edit(&mut changed);
        let (digest, _) = check(&changed.to_string());
        assert_eq!(digest, DigestCheck::Mismatch, "{changed}");
    }
}

/// JSON written with every object's keys in reverse order and the given indent.
fn write_reordered(value: &Value, indent: &str, depth: usize, out: &mut String) {
    let pad = |d: usize| format!("\n{}", indent.repeat(d));
    match value {
        Value::Object(map) => {
            out.push('{');
            let keys: Vec<&String> = map.keys().rev().collect();
            for (i, key) in keys.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { "," });
                out.push_str(&pad(depth + 1));
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push_str(" :  ");
                write_reordered(&map[key.as_str()], indent, depth + 1, out);
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { " " } else { ", " });
                write_reordered(item, indent, depth + 1, out);
            }
            out.push_str(" ]");
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

#[test]
fn reindenting_or_reordering_keys_still_matches() {
    for a in examples() {
        let value = export(&a);
        let mut reordered = String::new();
        write_reordered(&value, "\t", 0, &mut reordered);
        assert_ne!(reordered, to_json(&a, AT, None));
        for text in [
            serde_json::to_string(&value).unwrap(),
            reordered,
            format!(
                "\u{feff}\r\n{}\r\n\r\n",
                to_json(&a, AT, None).replace('\n', "\r\n    ")
            ),
        ] {
            let (digest, read) = check(&text);
            assert_eq!(digest, DigestCheck::Matches, "{}", a.id);
            assert_eq!(read, a);
        }
    }
}

#[test]
fn the_digest_is_sha256_of_the_assessment_as_compact_json_with_sorted_keys() {
    for a in examples() {
        // Natively serde_json keeps object keys sorted, so its compact form is the
        // canonical form for an assessment (all keys ASCII, no fractions).
        let value = serde_json::to_value(&a).unwrap();
        let canonical = serde_json::to_string(&value).unwrap();
        assert_eq!(
            canonical,
            lia::assessment::canonical::canonical_json(&value.clone().into())
        );
        let expected: String = Sha256::digest(canonical.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(assessment_digest(&a), expected);
        let exported = export(&a);
        assert_eq!(
            exported["digest"],
            json!({"algorithm": "sha256", "value": expected})
        );
    }
}

#[test]
fn a_missing_or_unusable_digest_is_reported() {
    let a = &examples()[1];
    let original = export(a);
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, DigestCheck)> = vec![
        (
            |v| {
                v.as_object_mut().unwrap().remove("digest");
            },
            DigestCheck::Missing,
        ),
        (
            |v| v["digest"]["algorithm"] = json!("md5"),
            DigestCheck::Mismatch,
        ),
        (|v| v["digest"] = json!("sha256"), DigestCheck::Mismatch),
        (|v| v["digest"]["value"] = json!(42), DigestCheck::Mismatch),
        (
            |v| v["digest"]["value"] = json!("0".repeat(64)),
            DigestCheck::Mismatch,
        ),
        // Upper-case hex is the same number.
        (
            |v| {
                let upper = v["digest"]["value"].as_str().unwrap().to_uppercase();
                v["digest"]["value"] = json!(upper);
            },
            DigestCheck::Matches,
        ),
        // Nothing outside the assessment is covered: the outcome is for the record only.
        (
            |v| v["outcome"]["reading"] = json!("appropriate"),
            DigestCheck::Matches,
        ),
        (
            |v| v["exported_at"] = json!("2030-01-01T00:00:00Z"),
            DigestCheck::Matches,
        ),
    ];
    for (edit, expected) in cases {
        let mut changed = original.clone();
        edit(&mut changed);
        let (digest, read) = check(&changed.to_string());
        assert_eq!(digest, expected, "{}", changed["digest"]);
        assert_eq!(&read, a);
    }
}

/// The digest the import hands the register (so the register need not work it out
/// again) is the `assessment_digest` of what was imported, from the JSON export and the
/// HTML report alike, re-indented or with its keys re-ordered; none is handed over for
/// a file whose digest does not match or that has none.
#[test]
fn the_digest_an_import_hands_on_is_the_imported_assessments() {
    use lia::export::{import_with_digest, to_html};
    for a in examples() {
        let json = to_json(&a, AT, None);
        let pretty = serde_json::to_string_pretty(&export(&a)).unwrap();
        let html = to_html(&a, AT, None);
        for text in [&json, &pretty, &html] {
            let (imported, digest) = import_with_digest(text.as_bytes()).unwrap();
            assert_eq!(
                digest,
                Some(assessment_digest(&imported.assessment)),
                "{}",
                a.id
            );
            assert_eq!(digest, Some(assessment_digest(&a)));
        }
        let mut edited = export(&a);
        edited["assessment"]["answers"]["about.title"] = json!("Changed by hand");
        let (imported, digest) = import_with_digest(edited.to_string().as_bytes()).unwrap();
        assert_eq!((imported.digest, digest), (DigestCheck::Mismatch, None));
        let mut missing = export(&a);
        missing.as_object_mut().unwrap().remove("digest");
        let (imported, digest) = import_with_digest(missing.to_string().as_bytes()).unwrap();
        assert_eq!((imported.digest, digest), (DigestCheck::Missing, None));
    }
}
