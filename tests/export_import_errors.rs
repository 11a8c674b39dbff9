//! One test per kind of bad file: each gets its own error, and a message that says
//! what is wrong (and where) in plain words.

use lia::assessment::examples::example;
use lia::assessment::schema::SCHEMA_VERSION;
use lia::assessment::Assessment;
use lia::export::{import, to_html, to_json, DigestCheck, ImportError, Imported, MAX_IMPORT_BYTES};
use serde_json::{json, Value};

const AT: &str = "2026-11-22T10:15:00Z";

fn sample() -> Assessment {
    (example("credit-reference").unwrap().build)("sample")
}

fn export_value() -> Value {
    serde_json::from_str(&to_json(&sample(), AT, None)).unwrap()
}

fn import_value(value: &Value) -> Result<Imported, ImportError> {
    import(serde_json::to_string_pretty(value).unwrap().as_bytes())
}

fn error_of(bytes: &[u8]) -> ImportError {
    match import(bytes) {
        Err(e) => e,
        Ok(imported) => panic!("imported {:?}", imported.assessment.id),
    }
}

fn assert_says(e: &ImportError, words: &[&str]) {
    let message = e.message();
    for w in words {
        assert!(message.contains(w), "{message:?} does not say {w:?}");
    }
    assert_eq!(e.to_string(), message);
}

#[test]
fn an_empty_file() {
    for bytes in [&b""[..], b"   \n\t ", b"\xef\xbb\xbf"] {
        let e = error_of(bytes);
        assert_eq!(e, ImportError::Empty, "{bytes:?}");
        assert_says(&e, &["The file is empty"]);
    }
}

#[test]
fn a_file_over_the_size_limit_says_its_size_and_the_limit() {
    let e = error_of(&vec![b' '; 7 * 1024 * 1024 + 300_000]);
    assert_eq!(
        e,
        ImportError::TooLarge {
            bytes: 7 * 1024 * 1024 + 300_000
        }
    );
    assert_says(
        &e,
        &[
            "too large",
            "7.3 MB",
            "7,640,032 bytes",
            "the limit is 5 MB",
            "5,242,880 bytes",
        ],
    );
    // One byte over is refused; a real export padded to exactly the limit is read.
    let e = error_of(&vec![b' '; MAX_IMPORT_BYTES + 1]);
    assert_says(&e, &["5,242,881 bytes"]);
    let mut padded = to_json(&sample(), AT, None).into_bytes();
    padded.resize(MAX_IMPORT_BYTES, b'\n');
    assert_eq!(import(&padded).unwrap().assessment, sample());
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut bytes = b"{\"format\": \"lia-".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    let e = error_of(&bytes);
    assert_eq!(e, ImportError::NotUtf8 { offset: 16 });
    assert_says(&e, &["not UTF-8 text", "byte 17"]);
}

#[test]
fn a_file_that_is_not_json_gives_the_line_and_column() {
    let text = "{\n  \"format\": \"lia-assessment\",\n  oops\n}";
    let e = error_of(text.as_bytes());
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                line: 3,
                column: 3,
                truncated: false,
                ..
            }
        ),
        "{e:?}"
    );
    assert_says(
        &e,
        &["not valid JSON", "line 3, column 3", "key must be a string"],
    );
    let e = error_of(b"Dear colleague, please find the LIA attached.");
    assert_says(&e, &["not valid JSON", "line 1, column 1"]);
}

#[test]
fn a_file_cut_short() {
    let json = to_json(&sample(), AT, None);
    let e = error_of(&json.as_bytes()[..json.len() / 2]);
    assert!(
        matches!(
            e,
            ImportError::NotJson {
                truncated: true,
                ..
            }
        ),
        "{e:?}"
    );
    assert_says(&e, &["not valid JSON", "cut short"]);
}

#[test]
fn json_that_is_not_an_export() {
    for (value, words) in [
        (
            json!([1, 2, 3]),
            &["not an assessment exported from this tool"][..],
        ),
        (
            json!({"name": "something"}),
            &["not an assessment exported", "\"format\""],
        ),
        (
            json!({"format": "ico-template"}),
            &["its format is \"ico-template\", not \"lia-assessment\""],
        ),
    ] {
        let e = import_value(&value).unwrap_err();
        assert!(matches!(e, ImportError::NotAnExport { .. }), "{e:?}");
        assert_says(&e, words);
    }
    let bare = serde_json::to_value(sample()).unwrap();
    let e = import_value(&bare).unwrap_err();
    assert_says(&e, &["holds an assessment but not the export details"]);
}

#[test]
fn an_export_without_its_assessment_or_version() {
    for field in ["assessment", "schema_version"] {
        let mut value = export_value();
        value.as_object_mut().unwrap().remove(field);
        let e = import_value(&value).unwrap_err();
        assert_eq!(e, ImportError::MissingField(field));
        assert_says(&e, &[&format!("it has no \"{field}\" field")]);
    }
}

#[test]
fn envelope_fields_of_the_wrong_type_are_named() {
    for (field, bad, words) in [
        ("schema_version", json!("1"), "should be a whole number"),
        ("schema_version", json!(-1), "should be a whole number"),
        ("schema_version", json!(1.5), "should be a whole number"),
        ("format", json!(7), "should be the text \"lia-assessment\""),
        (
            "exported_at",
            json!(20261122),
            "should be a date and time as text",
        ),
    ] {
        let mut value = export_value();
        value[field] = bad;
        let e = import_value(&value).unwrap_err();
        assert!(matches!(e, ImportError::WrongType { .. }), "{e:?}");
        assert_says(&e, &[&format!("\"{field}\" field is not right"), words]);
    }
}

#[test]
fn an_assessment_of_the_wrong_shape_names_the_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, &str, &str)> = vec![
        (|v| v["assessment"]["impacts"][0]["likelihood"] = json!("sometimes"), "impacts[0].likelihood", "\"sometimes\" is not one of \"remote\", \"possible\" or \"probable\""),
        (|v| v["assessment"]["impacts"][1]["id"] = json!("two"), "impacts[1].id", "it is the text \"two\", but should be a whole number"),
        (|v| v["assessment"]["impacts"][0]["colour"] = json!("red"), "impacts[0].colour", "there is no such field (the fields here are \"id\", \"description\", \"likelihood\", \"severity\", \"safeguards\", \"residual_likelihood\" and \"residual_severity\")"),
        (|v| v["assessment"]["answers"]["purpose.why"] = json!(42), "answers.purpose.why", "it should be text"),
        (|v| v["assessment"]["answers"]["nature.special"] = json!("maybe"), "answers.nature.special", "\"maybe\" is not yes, no or not-sure"),
        (|v| v["assessment"]["answers"]["about.people"] = json!(["aliens"]), "answers.about.people", "\"aliens\" is not one of the options"),
        (|v| v["assessment"]["answers"]["no.such"] = json!("x"), "answers.no.such", "there is no question with this key"),
        (|v| v["assessment"]["id"] = json!(7), "id", "it is the number 7, but should be text"),
        (|v| v["assessment"]["status"] = json!("signed"), "status", "\"signed\" is not one of \"draft\" or \"approved\""),
        (|v| v["assessment"]["version"] = json!(-3), "version", "it is the number -3, but should be a whole number"),
        (|v| v["assessment"]["answers"]["about.people"] = json!("tenants"), "answers.about.people", "it should be a list of option keys"),
    ];
    for (edit, path, reason) in cases {
        let mut value = export_value();
        edit(&mut value);
        let e = import_value(&value).unwrap_err();
        match &e {
            ImportError::Shape { path: p, .. } => assert_eq!(p, path, "{e:?}"),
            other => panic!("{path}: {other:?}"),
        }
        assert_says(
            &e,
            &[&format!("the field \"{path}\" is not right: {reason}.")],
        );
    }
    let mut value = export_value();
    value["assessment"]["review_log"] = json!([{"date": "2026-01-01"}]);
    let e = import_value(&value).unwrap_err();
    assert_says(&e, &["the field \"review_log[0].note\" is missing."]);
}

#[test]
fn an_assessment_that_is_not_an_object_or_has_unknown_fields() {
    let mut value = export_value();
    value["assessment"] = json!("see attached");
    let e = import_value(&value).unwrap_err();
    assert_says(
        &e,
        &["cannot be read: it is the text \"see attached\", but should be an object"],
    );

    let mut value = export_value();
    value["assessment"]["signature"] = json!("x");
    let e = import_value(&value).unwrap_err();
    assert_says(
        &e,
        &["the field \"signature\" is not right: there is no such field"],
    );

    let mut value = export_value();
    value["assessment"].as_object_mut().unwrap().remove("id");
    let e = import_value(&value).unwrap_err();
    assert_says(&e, &["the field \"id\" is missing"]);
}

#[test]
fn a_file_from_a_newer_version_of_the_tool() {
    let mut value = export_value();
    value["schema_version"] = json!(SCHEMA_VERSION + 1);
    // Even with a shape this version cannot read.
    value["assessment"]["new_field"] = json!(true);
    let e = import_value(&value).unwrap_err();
    assert_eq!(
        e,
        ImportError::Future {
            version: SCHEMA_VERSION + 1
        }
    );
    assert_says(
        &e,
        &[
            "saved by a newer version of this tool",
            &format!("format version {}", SCHEMA_VERSION + 1),
        ],
    );
}

#[test]
fn a_format_version_no_release_has_written() {
    let mut value = export_value();
    value["schema_version"] = json!(0);
    let e = import_value(&value).unwrap_err();
    assert_eq!(e, ImportError::UnknownVersion { version: 0 });
    assert_says(
        &e,
        &["format version 0", "no version of this tool has written"],
    );
}

#[test]
fn an_html_file_without_an_assessment() {
    for html in [
        "<!DOCTYPE html><html><body><p>Minutes of the meeting</p></body></html>",
        "<html><script type=\"application/json\" id=\"other\">{}</script></html>",
        "<p>",
    ] {
        let e = error_of(html.as_bytes());
        assert_eq!(e, ImportError::NoEmbeddedAssessment, "{html}");
        assert_says(&e, &["This HTML file has no assessment in it"]);
    }
}

#[test]
fn an_html_report_whose_copy_is_damaged_says_so_and_why() {
    let html = to_html(&sample(), AT, None);
    let damaged = html.replacen("\"format\": \"lia-assessment\"", "\"format\": lia", 1);
    let e = error_of(damaged.as_bytes());
    assert!(
        matches!(&e, ImportError::InReport(inner) if matches!(**inner, ImportError::NotJson { .. })),
        "{e:?}"
    );
    assert_says(
        &e,
        &[
            "This HTML report carries a copy of an assessment, but it cannot be read",
            "not valid JSON",
        ],
    );

    let damaged = html.replacen(
        "\"likelihood\": \"possible\"",
        "\"likelihood\": \"often\"",
        1,
    );
    let e = error_of(damaged.as_bytes());
    assert_says(&e, &["HTML report", "impacts[0].likelihood"]);
}

#[test]
fn a_file_without_a_digest_is_read_and_flagged() {
    let mut value = export_value();
    value.as_object_mut().unwrap().remove("digest");
    let imported = import_value(&value).unwrap();
    assert_eq!(imported.digest, DigestCheck::Missing);
    assert_eq!(imported.assessment, sample());
}

#[test]
fn messages_stay_short_when_a_file_holds_huge_values() {
    let mut value = export_value();
    value["format"] = json!("x".repeat(100_000));
    let e = import_value(&value).unwrap_err();
    assert!(e.message().len() < 600, "{}", e.message().len());
}
