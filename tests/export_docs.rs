//! docs/schema.md and docs/lia-assessment.schema.json are generated from the code; these
//! tests fail when either is out of date, and check that every export validates
//! against the schema (with a small validator for the keywords the schema uses).
//! Regenerate with: UPDATE_DOCS=1 cargo test --test docs

#[path = "fixtures/export/generate.rs"]
#[allow(dead_code)]
mod generate;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::{AnswerKind, QUESTIONS};
use lia::export::{json_schema, json_schema_text, schema_markdown, to_json};
use proptest::prelude::*;
use serde_json::{json, Value};

const MARKDOWN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema.md");
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/docs/lia-assessment.schema.json"
);
const AT: &str = "2026-11-22T10:15:00Z";

fn up_to_date(path: &str, generated: &str) {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{path} is out of date: run UPDATE_DOCS=1 cargo test --test docs"
    );
}

/// docs/lia-settings.schema.json, written from the settings reader's limits
/// (`organisation::schema`).
#[test]
fn settings_schema_file_is_up_to_date() {
    up_to_date(
        concat!(env!("CARGO_MANIFEST_DIR"), "/docs/lia-settings.schema.json"),
        &lia::organisation::schema::json_schema_text(),
    );
}

#[test]
fn schema_markdown_is_up_to_date() {
    up_to_date(MARKDOWN, &schema_markdown());
}

#[test]
fn json_schema_file_is_up_to_date() {
    up_to_date(SCHEMA, &json_schema_text());
}

#[test]
fn the_markdown_lists_every_answer_key_with_its_kind_and_options() {
    let doc = schema_markdown();
    for q in QUESTIONS {
        if matches!(q.kind, AnswerKind::Impacts) {
            continue;
        }
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", q.key)))
            .unwrap_or_else(|| panic!("{} is not documented", q.key));
        assert!(row.contains(&q.text.replace('|', "\\|")), "{row}");
        for c in q.kind.choices() {
            assert!(row.contains(&format!("`{}` ({})", c.key, c.label)), "{row}");
        }
        if matches!(q.kind, AnswerKind::YesNo) {
            assert!(row.contains("`\"not-sure\"`"), "{row}");
        }
    }
    for field in [
        "`format`",
        "`schema_version`",
        "`app_version`",
        "`exported_at`",
        "`outcome`",
        "`digest`",
        "`residual_likelihood`",
        "`review_log`",
    ] {
        assert!(doc.contains(&format!("| {field} |")), "{field}");
    }
}

/// Validates `value` against `schema` (resolving `$ref` in `root`), collecting errors.
/// Supports exactly the keywords our schema uses and panics on any other, so the schema
/// cannot quietly grow a keyword this check ignores.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        panic!("schema at {path} is not an object");
    };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "$comment" | "$defs" => {}
            "$ref" => {
                let name = rule.as_str().unwrap().strip_prefix("#/$defs/").unwrap();
                validate(root, &root["$defs"][name], value, path, errors);
            }
            "type" => {
                let ok = match rule.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "boolean" => value.is_boolean(),
                    other => panic!("type {other}"),
                };
                if !ok {
                    errors.push(format!("{path}: not {rule}"));
                }
            }
            "const" if value != rule => errors.push(format!("{path}: not {rule}")),
            "const" => {}
            "enum" if !rule.as_array().unwrap().contains(value) => {
                errors.push(format!("{path}: {value} not in {rule}"))
            }
            "enum" => {}
            "minimum" if value.as_f64().is_some_and(|v| v < rule.as_f64().unwrap()) => {
                errors.push(format!("{path}: below {rule}"))
            }
            "maximum" if value.as_f64().is_some_and(|v| v > rule.as_f64().unwrap()) => {
                errors.push(format!("{path}: above {rule}"))
            }
            "minimum" | "maximum" => {}
            "minLength" | "maxLength" => {
                let n = value.as_str().map(|t| t.chars().count());
                let limit = rule.as_u64().unwrap() as usize;
                let out = if keyword == "minLength" {
                    n.is_some_and(|n| n < limit)
                } else {
                    n.is_some_and(|n| n > limit)
                };
                if out {
                    errors.push(format!("{path}: {keyword} {rule}"));
                }
            }
            "maxItems"
                if value
                    .as_array()
                    .is_some_and(|a| a.len() as u64 > rule.as_u64().unwrap()) =>
            {
                errors.push(format!("{path}: more than {rule} items"))
            }
            "maxProperties"
                if value
                    .as_object()
                    .is_some_and(|o| o.len() as u64 > rule.as_u64().unwrap()) =>
            {
                errors.push(format!("{path}: more than {rule} properties"))
            }
            "maxItems" | "maxProperties" => {}
            "pattern" => {
                let text = value.as_str().unwrap_or_default();
                let ok = match rule.as_str().unwrap() {
                    "^[0-9a-f]{64}$" => {
                        text.len() == 64
                            && text
                                .bytes()
                                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                    }
                    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$" => {
                        let digits =
                            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                        let b = text.as_bytes();
                        text.len() >= 20
                            && digits(&text[0..4])
                            && b[4] == b'-'
                            && digits(&text[5..7])
                            && b[7] == b'-'
                            && digits(&text[8..10])
                            && b[10] == b'T'
                            && digits(&text[11..13])
                            && b[13] == b':'
                            && digits(&text[14..16])
                            && b[16] == b':'
                            && digits(&text[17..19])
                            && match &text[19..] {
                                "Z" => true,
                                rest => rest
                                    .strip_prefix('.')
                                    .and_then(|r| r.strip_suffix('Z'))
                                    .is_some_and(digits),
                            }
                    }
                    "^[a-z0-9]+(-[a-z0-9]+)*$" => text.split('-').all(|part| {
                        !part.is_empty()
                            && part
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    }),
                    "^https?://" => text.starts_with("https://") || text.starts_with("http://"),
                    other => panic!("pattern {other} has no check here"),
                };
                if value.is_string() && !ok {
                    errors.push(format!("{path}: {value} does not match {rule}"));
                }
            }
            "required" => {
                for name in rule.as_array().unwrap() {
                    if value.is_object() && value.get(name.as_str().unwrap()).is_none() {
                        errors.push(format!("{path}: {name} missing"));
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(v) = object.get(name) {
                            validate(root, sub, v, &format!("{path}.{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &json!(false));
                let known = schema["properties"].as_object().unwrap();
                if let Some(object) = value.as_object() {
                    for name in object.keys().filter(|k| !known.contains_key(*k)) {
                        errors.push(format!("{path}: unexpected {name}"));
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    validate(root, rule, item, &format!("{path}[{i}]"), errors);
                }
            }
            "uniqueItems" => {
                let items = value.as_array().cloned().unwrap_or_default();
                if items
                    .iter()
                    .enumerate()
                    .any(|(i, a)| items[..i].contains(a))
                {
                    errors.push(format!("{path}: repeated items"));
                }
            }
            "oneOf" => {
                let passing = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|sub| {
                        let mut e = Vec::new();
                        validate(root, sub, value, path, &mut e);
                        e.is_empty()
                    })
                    .count();
                if passing != 1 {
                    errors.push(format!("{path}: matches {passing} of oneOf"));
                }
            }
            other => panic!("the schema uses {other}, which this check does not know"),
        }
    }
}

fn errors(value: &Value) -> Vec<String> {
    let schema = json_schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, value, "", &mut errors);
    errors
}

#[test]
fn the_schema_is_draft_2020_12_and_strict() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for def in [
        "assessment",
        "answers",
        "impact",
        "review_entry",
        "outcome",
        "finding",
    ] {
        assert_eq!(
            schema["$defs"][def]["additionalProperties"],
            json!(false),
            "{def}"
        );
    }
    let answers = schema["$defs"]["answers"]["properties"]
        .as_object()
        .unwrap();
    assert_eq!(answers["about.people"]["uniqueItems"], json!(true));
    assert_eq!(
        answers["nature.special"]["enum"],
        json!(["yes", "no", "not-sure"])
    );
    assert!(!answers.contains_key("impact.list"));
    assert_eq!(answers.len(), QUESTIONS.len() - 1);
}

#[test]
fn every_example_export_validates() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        for today in [None, lia::assessment::Date::new(2030, 1, 1)] {
            let value: Value = serde_json::from_str(&to_json(&a, AT, today)).unwrap();
            assert_eq!(errors(&value), Vec::<String>::new(), "{}", example.key);
        }
    }
}

#[test]
fn broken_exports_do_not_validate() {
    let a = (EXAMPLES[0].build)("x");
    let valid: Value = serde_json::from_str(&to_json(&a, AT, None)).unwrap();
    type Edit = fn(&mut Value);
    let edits: Vec<(Edit, &str)> = vec![
        (
            |v| v["assessment"]["impacts"][0]["likelihood"] = json!("often"),
            "likelihood",
        ),
        (
            |v| v["assessment"]["answers"]["about.people"] = json!(["tenants", "tenants"]),
            "repeated",
        ),
        (
            |v| v["assessment"]["answers"]["about.people"] = json!(["aliens"]),
            "aliens",
        ),
        (
            |v| v["assessment"]["answers"]["nature.special"] = json!("maybe"),
            "maybe",
        ),
        (
            |v| v["assessment"]["answers"]["impact.list"] = json!([]),
            "unexpected impact.list",
        ),
        (|v| v["assessment"]["extra"] = json!(1), "unexpected extra"),
        (|v| v["assessment"]["version"] = json!(-1), "below"),
        (|v| v["digest"]["value"] = json!("ABC"), "does not match"),
        (|v| v["exported_at"] = json!("22/11/2026"), "does not match"),
        (|v| v["format"] = json!("other"), "not \"lia-assessment\""),
        (
            |v| {
                v.as_object_mut().unwrap().remove("digest");
            },
            "\"digest\" missing",
        ),
        (
            |v| v["outcome"]["dpia"] = json!({"dpia": "required"}),
            "oneOf",
        ),
        (
            |v| v["assessment"]["organisation"] = organisation(json!({"text": "t"}), "choice"),
            "oneOf",
        ),
        (
            |v| {
                let mut o = organisation(json!({"text": "t"}), "text");
                o["answers"][0]["yes_no"] = json!("yes");
                v["assessment"]["organisation"] = o;
            },
            "more than 5 properties",
        ),
        (
            |v| {
                let mut o = organisation(json!({"text": "t"}), "text");
                o["answers"][0]["id"] = json!("Funding");
                v["assessment"]["organisation"] = o;
            },
            "does not match",
        ),
        (
            |v| {
                let mut o = organisation(json!({"text": "t"}), "text");
                o["answers"][0]["label"] = json!("l".repeat(201));
                v["assessment"]["organisation"] = o;
            },
            "maxLength",
        ),
        (
            |v| {
                let choice = json!({"choice": {"id": "a"}});
                v["assessment"]["organisation"] = organisation(choice, "choice");
            },
            "\"label\" missing",
        ),
        (
            |v| v["outcome"]["sections"][0]["status"] = json!({"status": "not-applicable"}),
            "oneOf",
        ),
    ];
    for (edit, expected) in edits {
        let mut value = valid.clone();
        edit(&mut value);
        let found = errors(&value);
        assert!(
            found.iter().any(|e| e.contains(expected)),
            "{expected}: {found:?}"
        );
    }
}

/// An organisation block with one answer of `kind`, its answer in `given`'s fields.
fn organisation(given: Value, kind: &str) -> Value {
    let mut answer =
        json!({"id": "funding", "section": "about", "kind": kind, "label": "Who funds it?"});
    for (k, v) in given.as_object().unwrap() {
        answer[k.as_str()] = v.clone();
    }
    json!({"name": "Riverside", "revision": "1", "digest": "0".repeat(64), "answers": [answer]})
}

#[test]
fn an_export_made_under_settings_validates() {
    let mut a = (EXAMPLES[0].build)("x");
    let mut value: Value = serde_json::from_str(&to_json(&a, AT, None)).unwrap();
    value["assessment"]["organisation"] = organisation(json!({"yes_no": "not-sure"}), "yes-no");
    a = lia::assessment::read::assessment(value["assessment"].clone().into()).unwrap();
    let value: Value = serde_json::from_str(&to_json(&a, AT, None)).unwrap();
    assert!(a.organisation.is_some());
    assert_eq!(errors(&value), Vec::<String>::new());
}

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 100, failure_persistence: None, ..Default::default() })]

    #[test]
    fn every_generated_export_validates(
        a in generate::assessment(),
        today in generate::today(),
        org in prop::option::of(generate::organisation()),
    ) {
        let mut a = a;
        a.organisation = org.map(Box::new);
        let value: Value = serde_json::from_str(&to_json(&a, "2026-11-22T10:15:00.123Z", today)).unwrap();
        let found = errors(&value);
        prop_assert!(found.is_empty(), "{:?}", found);
    }
}
