//! Canonical JSON and the SHA-256 digest of an assessment.
//!
//! The digest must not change when a file is re-indented or its keys re-ordered, and
//! must change with any change of content, so it is taken over a canonical form:
//!
//! - no insignificant whitespace;
//! - object members sorted by key, comparing keys as UTF-16 code units (as RFC 8785
//!   does; every key an assessment can hold is ASCII, where this is plain byte order);
//! - strings escaped as serde_json writes them: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
//!   `\t`, other characters below U+0020 as `\u00xx` (lower-case hex), everything
//!   else as itself in UTF-8;
//! - integers in plain decimal; `null`, `true`, `false` as themselves.
//!
//! For the values an assessment holds (strings, integers, nulls, arrays and objects)
//! this is the JSON Canonicalization Scheme of RFC 8785. The digest is the SHA-256 of
//! the UTF-8 bytes of that text, written as 64 lower-case hexadecimal digits.

use crate::json::Value;
use sha2::{Digest, Sha256};

use super::json_write::write_string;

/// The name of the digest algorithm, as written in exports.
pub const ALGORITHM: &str = "sha256";

/// The canonical text of a JSON value (see the module documentation).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

/// The SHA-256 of the canonical JSON of `value`, as lower-case hex.
pub fn digest_hex(value: &Value) -> String {
    sha256_hex(canonical_json(value).as_bytes())
}

/// The SHA-256 of `bytes`, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in hash.iter() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// What a digest in a record should be, in the words of an import's message.
pub(crate) const DIGEST_WORDS: &str =
    "a SHA-256 digest: 64 digits and letters from a to f, in lower case";

/// Whether `text` is a digest as records write it: 64 lower-case hex digits.
pub(crate) fn is_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| HEX.contains(&b))
}

/// Reads a digest field of a record (a round's `content`, a review's `digest`): text of
/// 64 lower-case hex digits, as the schema says, or a refusal naming the field's value.
pub(crate) fn digest_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(d)?;
    if is_digest(&text) {
        Ok(text)
    } else {
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Str(&text),
            &DIGEST_WORDS,
        ))
    }
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // serde_json prints integers in plain decimal; an assessment holds no fractions.
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Sorted here by UTF-16 code units (RFC 8785), not in the map's order: by
            // UTF-8 bytes, which differs for some characters beyond U+FFFF.
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            crate::sort::sort_by(&mut members, |a, b| {
                a.0.encode_utf16().cmp(b.0.encode_utf16())
            });
            out.push('{');
            for (i, (key, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_at_every_level_and_drops_whitespace() {
        let value = json!({"b": [1, {"z": null, "a": true}], "a": "x"});
        assert_eq!(
            canonical_json(&value.into()),
            r#"{"a":"x","b":[1,{"a":true,"z":null}]}"#
        );
    }

    #[test]
    fn escapes_strings_like_serde_json() {
        let text = "q\"b\\\u{08}\u{0c}\n\r\t\u{01}\u{1f}\u{7f}é\u{2028}</";
        let value = Value::String(text.into());
        assert_eq!(
            canonical_json(&value),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(
            canonical_json(&value),
            "\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}é\u{2028}</\""
        );
    }

    #[test]
    fn keys_compare_as_utf16_code_units() {
        // U+FF61 comes before U+1F600 as a code point, but after it in UTF-16, where
        // U+1F600 starts with the surrogate 0xD83D.
        let value = json!({"\u{FF61}": 2, "\u{1F600}": 1});
        assert_eq!(
            canonical_json(&value.into()),
            "{\"\u{1F600}\":1,\"\u{FF61}\":2}"
        );
    }

    #[test]
    fn digest_is_sha256_of_the_canonical_text() {
        // Expected values from `printf '{"a":1}' | sha256sum` and the like.
        assert_eq!(
            digest_hex(&json!({"a": 1}).into()),
            "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"
        );
        let reordered: serde_json::Value =
            serde_json::from_str(" { \"b\" : null,\n \"a\" : [ 1, \"x\" ] } ").unwrap();
        assert_eq!(
            digest_hex(&reordered.into()),
            "854ef06dc57f5dfed10206344ab2d02e0b6c84b0e19436703a5afd0f1f9f2687"
        );
        assert_ne!(
            digest_hex(&json!({"a": 2}).into()),
            digest_hex(&json!({"a": 3}).into())
        );
    }
}
