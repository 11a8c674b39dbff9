//! Every refusal of a file is said in plain English and names what is wrong: no
//! message passes on a parser's wording ("invalid length 0, expected struct Assessment
//! with 7 elements"). Files are made by damaging a real export in every way a hand edit,
//! a cut or another program could: any value replaced by a value of another type, a
//! field removed or added, text cut short.

use lia::assessment::examples::EXAMPLES;
use lia::export::{import, to_json};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Words that only a parser would use, never a message for people.
const PARSER_WORDS: &[&str] = &[
    "`",
    "invalid type",
    "invalid value",
    "invalid length",
    "expected struct",
    "expected a ",
    "expected one of",
    "unknown variant",
    "missing field",
    "unknown field",
    "EOF",
    "trailing characters",
    "elements",
    "map",
    "sequence",
    "u32",
    "u64",
    "i64",
    "f64",
    "Option",
    "struct",
    "enum",
    "variant",
];

fn example_export(index: usize) -> Value {
    let example = &EXAMPLES[index % EXAMPLES.len()];
    let a = (example.build)("file-1");
    serde_json::from_str(&to_json(&a, "2026-11-26T10:00:00Z", None)).unwrap()
}

/// Every place in a JSON value: a path of keys and indexes.
fn places(value: &Value, path: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = path.clone();
                p.push(json!(k));
                places(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut p = path.clone();
                p.push(json!(i));
                places(v, p, out);
            }
        }
        _ => {}
    }
}

fn at<'v>(value: &'v mut Value, path: &[Value]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => v,
    })
}

/// The values a damaged file may hold where another was expected.
fn odd_values() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(4_294_967_296u64),
        json!(1.5),
        json!(""),
        json!("nonsense"),
        json!([]),
        json!([1, "two"]),
        json!({}),
        json!({"unexpected": 1}),
    ]
}

fn assert_plain(message: &str, context: &str) {
    for word in PARSER_WORDS {
        assert!(
            !message.contains(word),
            "the message uses the parser's word {word:?}: {message}\n(file: {context})"
        );
    }
    assert!(
        message.ends_with('.') || message.ends_with('…'),
        "{message}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_value_replaced_by_one_of_another_type_is_refused_in_plain_english(
        example in 0usize..8, which in any::<prop::sample::Index>(), odd in any::<prop::sample::Index>(),
    ) {
        let mut file = example_export(example);
        let mut all = Vec::new();
        places(&file, Vec::new(), &mut all);
        let path = which.get(&all).clone();
        let values = odd_values();
        let replacement = odd.get(&values).clone();
        *at(&mut file, &path) = replacement;
        let text = file.to_string();
        if let Err(e) = import(text.as_bytes()) {
            let message = e.message();
            assert_plain(&message, &text.chars().take(300).collect::<String>());
            // A fault inside the assessment names the field at fault.
            if path.first() == Some(&json!("assessment")) && path.len() > 1 {
                prop_assert!(
                    message.contains("the field \"") || message.contains("is missing") || message.contains("could not be"),
                    "{message} (at {path:?})"
                );
            }
        }
    }

    #[test]
    fn a_field_removed_or_added_is_refused_in_plain_english(
        example in 0usize..8, which in any::<prop::sample::Index>(), add in any::<bool>(),
    ) {
        let mut file = example_export(example);
        let mut objects = Vec::new();
        places(&file, Vec::new(), &mut objects);
        objects.retain(|p| matches!(at(&mut file.clone(), p), Value::Object(_)));
        let path = which.get(&objects).clone();
        let target = at(&mut file, &path);
        if let Value::Object(map) = target {
            if add {
                map.insert("colour".into(), json!("red"));
            } else if let Some(key) = map.keys().next().cloned() {
                map.remove(&key);
            }
        }
        let text = file.to_string();
        if let Err(e) = import(text.as_bytes()) {
            assert_plain(&e.message(), &text.chars().take(300).collect::<String>());
        }
    }

    #[test]
    fn text_cut_short_or_mangled_is_refused_in_plain_english(
        example in 0usize..8, cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}:,\"a0 ]{0,3}",
    ) {
        let text = example_export(example).to_string();
        let at = cut.index(text.len());
        let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let damaged = format!("{}{junk}", &text[..at]);
        if let Err(e) = import(damaged.as_bytes()) {
            assert_plain(&e.message(), &damaged.chars().take(300).collect::<String>());
        }
    }
}

#[test]
fn the_message_the_adversarial_run_found_is_now_plain() {
    // A list where the assessment was: it was read by position, and refused in serde's words.
    let mut file = example_export(0);
    file["assessment"] = json!([]);
    let message = import(file.to_string().as_bytes()).unwrap_err().message();
    assert_plain(&message, "assessment: []");
    assert!(
        message.contains("assessment") && message.contains("should be an object"),
        "{message}"
    );
}
