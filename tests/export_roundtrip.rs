//! Property tests of the export and import: exports of generated assessments read back
//! to the same assessment and the same JSON, reports are safe whatever the text, and
//! no file, however damaged, makes import panic or pass off a changed assessment.

#[path = "fixtures/export/generate.rs"]
mod generate;
#[path = "fixtures/export/html_scan.rs"]
mod html_scan;

use lia::assessment::Assessment;
use lia::export::{import, to_html, to_json, DigestCheck, FileKind, ImportError, Imported};
use proptest::prelude::*;
use proptest::test_runner::Config;

const AT: &str = "2026-11-22T10:15:00Z";

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Never write regression files into the repository.
        failure_persistence: None,
        ..Config::default()
    }
}

/// A damaged file either fails with an error whose message is written out, or reads
/// back the original assessment, or is flagged as changed after export.
fn damaged_import_is_safe(bytes: &[u8], original: &Assessment) -> Result<(), TestCaseError> {
    match import(bytes) {
        Err(e) => {
            prop_assert!(!e.message().is_empty());
        }
        Ok(Imported {
            assessment, digest, ..
        }) => {
            prop_assert!(
                digest == DigestCheck::Mismatch || assessment == *original,
                "a changed assessment was read as {digest:?}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn json_export_import_export_is_identical(
        a in generate::assessment(),
        today in generate::today(),
        org in prop::option::of(generate::organisation()),
    ) {
        // A record made under settings carries them and its answers to their questions.
        let mut a = a;
        a.organisation = org.map(Box::new);
        let json = to_json(&a, AT, today);
        let imported = import(json.as_bytes()).map_err(|e| TestCaseError::fail(e.message()))?;
        prop_assert_eq!(&imported.assessment, &a);
        prop_assert_eq!(imported.digest, DigestCheck::Matches);
        prop_assert_eq!(imported.kind, FileKind::Json);
        prop_assert_eq!(imported.migrated_from, None);
        prop_assert_eq!(imported.exported_at.as_deref(), Some(AT));
        prop_assert_eq!(to_json(&imported.assessment, AT, today), json);
    }
}

proptest! {
    // Reports are large and each is tokenized, so fewer cases keep the run short.
    #![proptest_config(config(128))]

    #[test]
    fn html_report_imports_to_the_identical_assessment_and_is_safe(
        a in generate::assessment(),
        today in generate::today(),
        org in prop::option::of(generate::organisation()),
    ) {
        let mut a = a;
        a.organisation = org.map(Box::new);
        let html = to_html(&a, AT, today);
        let problems = html_scan::problems(&html);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let imported = import(html.as_bytes()).map_err(|e| TestCaseError::fail(e.message()))?;
        prop_assert_eq!(&imported.assessment, &a);
        prop_assert_eq!(imported.digest, DigestCheck::Matches);
        prop_assert_eq!(imported.kind, FileKind::Html);
        // The report carries exactly the JSON export.
        prop_assert_eq!(to_json(&imported.assessment, AT, today), to_json(&a, AT, today));
    }
}

/// Ways to damage a file.
#[derive(Debug, Clone)]
enum Damage {
    /// XOR one byte (the position as a fraction of the length) with a non-zero mask.
    Flip(f64, u8),
    /// Keep only the first part.
    Truncate(f64),
    /// Insert bytes at a position.
    Insert(f64, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Vec<Damage>> {
    let one = prop_oneof![
        (0.0..1.0f64, 1u8..=255).prop_map(|(p, m)| Damage::Flip(p, m)),
        (0.0..1.0f64).prop_map(Damage::Truncate),
        (0.0..1.0f64, prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(p, b)| Damage::Insert(p, b)),
    ];
    prop::collection::vec(one, 1..4)
}

fn apply(mut bytes: Vec<u8>, damage: &[Damage]) -> Vec<u8> {
    for d in damage {
        let at = |p: f64, len: usize| ((p * len as f64) as usize).min(len.saturating_sub(1));
        match d {
            Damage::Flip(p, mask) if !bytes.is_empty() => {
                let i = at(*p, bytes.len());
                bytes[i] ^= mask;
            }
            Damage::Truncate(p) => bytes.truncate((p * bytes.len() as f64) as usize),
            Damage::Insert(p, extra) => {
                let i = at(*p, bytes.len() + 1);
                bytes.splice(i..i, extra.iter().copied());
            }
            _ => {}
        }
    }
    bytes
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        generate::text().prop_map(Value::String),
        prop::sample::select(vec!["yes", "remote", "severe", "draft", "tenants", "1"])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z._-]{1,12}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value found by walking `steps` (indexes into objects' and arrays'
/// members, modulo their size) with `new`.
fn replace_somewhere(value: &mut serde_json::Value, steps: &[usize], new: serde_json::Value) {
    use serde_json::Value;
    let Some((step, rest)) = steps.split_first() else {
        *value = new;
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let n = map.len();
            if let Some((_, inner)) = map.iter_mut().nth(step % n) {
                replace_somewhere(inner, rest, new);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            replace_somewhere(&mut items[step % n], rest, new);
        }
        _ => *value = new,
    }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn damaged_json_exports_never_pass_as_the_original(
        a in generate::assessment(),
        damage in damage(),
    ) {
        let bytes = apply(to_json(&a, AT, None).into_bytes(), &damage);
        damaged_import_is_safe(&bytes, &a)?;
    }

    #[test]
    fn damaged_html_reports_never_pass_as_the_original(
        a in generate::assessment(),
        damage in damage(),
    ) {
        let bytes = apply(to_html(&a, AT, None).into_bytes(), &damage);
        damaged_import_is_safe(&bytes, &a)?;
    }

    #[test]
    fn exports_with_a_value_replaced_are_refused_or_flagged(
        a in generate::assessment(),
        steps in prop::collection::vec(any::<usize>(), 1..6),
        new in json_value(),
    ) {
        let mut value: serde_json::Value = serde_json::from_str(&to_json(&a, AT, None)).unwrap();
        replace_somewhere(&mut value, &steps, new);
        let bytes = serde_json::to_vec_pretty(&value).unwrap();
        damaged_import_is_safe(&bytes, &a)?;
    }

    #[test]
    fn random_bytes_and_strings_are_refused(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        text in any::<String>(),
        value in json_value(),
    ) {
        prop_assert!(import(&bytes).is_err());
        prop_assert!(import(text.as_bytes()).is_err());
        let json = serde_json::to_vec(&value).unwrap();
        prop_assert!(import(&json).is_err());
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for depth in [200, 100_000] {
        let text = format!(
            "{{\"format\":\"lia-assessment\",\"schema_version\":1,\"assessment\":{}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        // Said for what it is, where the one too deep opens.
        let too_deep =
            "{\"format\":\"lia-assessment\",\"schema_version\":1,\"assessment\":".len() + 127;
        assert_eq!(
            import(text.as_bytes()),
            Err(ImportError::TooDeep {
                line: 1,
                column: too_deep
            })
        );
    }
}

/// Pieces of HTML that move the tokenizer between its states.
const HTML_PIECES: &[&str] = &[
    "<",
    ">",
    "/",
    "/>",
    "!",
    "-",
    "--",
    "?",
    "=",
    "\"",
    "'",
    " ",
    "\n",
    "\t",
    "x",
    "é",
    "\u{0}",
    "&",
    "&#",
    "&#108;",
    "&#x6C;",
    "&#x",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<!---->",
    "<!",
    "</",
    "<?",
    "<!doctype html>",
    "<![CDATA[",
    "]]>",
    "<script",
    "<script>",
    "</script",
    "</script>",
    "<SCRIPT",
    "script",
    "<template>",
    "</template>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<style>",
    "</style>",
    "<noscript>",
    "</noscript>",
    "<plaintext>",
    "<xmp>",
    "<iframe>",
    "<svg>",
    "</svg>",
    "<math>",
    "</math>",
    "<mi>",
    "<desc>",
    "<foreignObject>",
    "<select>",
    "<frameset>",
    "<col>",
    "<p>",
    "</p>",
    "<br>",
    "id",
    "ID",
    "id=",
    " id=",
    " id=\"lia-assessment\"",
    " id='lia-assessment'",
    " id=lia-assessment",
    "lia-assessment",
    "{}",
    "{\"format\": \"lia-assessment\"}",
];

/// Text made of those pieces, or any text at all.
fn html_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(HTML_PIECES), 0..80)
            .prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
    ]
}

/// `import` of `text`, which must come back within ten seconds.
fn import_in_time(text: String) -> Result<Result<Imported, ImportError>, TestCaseError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(import(text.as_bytes()));
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .map_err(|_| TestCaseError::fail("import did not end (or it panicked)"))
}

/// Ways to put a copy where a browser would not read it, or beside the real one.
const HIDING: &[&str] = &[
    "{copy}",
    "<!-- {copy} -->",
    "<!-- {copy} --!>",
    "<template>{copy}</template>",
    "<template><template></template>{copy}</template>",
    "<textarea>{copy}</textarea>",
    "<title>{copy}</title>",
    "<style>{copy}</style>",
    "<noscript>{copy}</noscript>",
    "<xmp>{copy}</xmp>",
    "<iframe>{copy}</iframe>",
    "<noembed>{copy}</noembed>",
    "<noframes>{copy}</noframes>",
    "<plaintext>{copy}",
    "<svg>{copy}</svg>",
    "<p title='{copy}'></p>",
    "<script>var s = '{copy}';</script>",
    "<script><!--<script></script>{copy}--></script>",
    "<div id=\"lia-assessment\"></div>",
    "<SCRIPT ID=lia-assessment>{}</SCRIPT>",
    "<script id=\"x\" id=\"lia-assessment\">{}</script>",
];

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn the_html_scan_never_panics_and_always_ends(text in html_like()) {
        let result = import_in_time(format!("<{text}"))?;
        if let Err(e) = result {
            prop_assert!(!e.message().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_report_with_a_second_copy_anywhere_is_refused(
        a in generate::assessment(),
        hiding in prop::sample::select(HIDING),
        line in any::<prop::sample::Index>(),
    ) {
        let report = to_html(&a, AT, None);
        let start = report.find("<script type=\"application/json\"").unwrap();
        let end = start + report[start..].find("</script>").unwrap() + "</script>".len();
        let copy = report[start..end].to_string();
        // At the start of any line of the report, inside its JSON copy included.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(report.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let at = starts[line.index(starts.len())];
        let mut planted = report.clone();
        planted.insert_str(at, &hiding.replace("{copy}", &copy));
        let result = import_in_time(planted)?;
        prop_assert!(
            matches!(
                result,
                Err(ImportError::SeveralEmbedded { .. } | ImportError::HiddenEmbedded { .. })
            ),
            "{hiding} at byte {at}: {:?}",
            result.map(|i| i.assessment.id)
        );
    }
}
