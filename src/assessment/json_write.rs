//! JSON text written by hand, byte for byte as serde_json writes it: compact
//! (`to_string`) or pretty (`to_string_pretty`: two spaces, `": "`, an empty list or
//! object as `[]` or `{}`), strings escaped as serde_json escapes them.
//!
//! The stored records, the index, the notes and the lock, and the JSON export were
//! written through serde's serialisers; serde_json's serialiser and each type's derived
//! `Serialize` were code in the wasm that these few functions replace. The derived impls
//! are kept for the native tests, which hold this writer to serde_json's text
//! (`tests/json_by_hand.rs`).

use crate::json::Value;

/// A JSON text being written, one member or item at a time, in the order given (a
/// struct's fields in their declared order, as serde writes them).
pub(crate) struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the list or object just opened has nothing in it yet.
    empty: bool,
}

impl Writer {
    pub(crate) fn compact() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            depth: 0,
            empty: true,
        }
    }

    pub(crate) fn pretty() -> Writer {
        Writer {
            pretty: true,
            ..Writer::compact()
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Opens an object (`{`) or a list (`[`).
    pub(crate) fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes what `open` opened (`}` or `]`).
    pub(crate) fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if self.pretty && !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the next item of a list.
    pub(crate) fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        if self.pretty {
            self.newline();
        }
        self.empty = false;
    }

    /// Starts the next member of an object: its key, then the value to write.
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        write_string(key, &mut self.out);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    pub(crate) fn string(&mut self, s: &str) {
        write_string(s, &mut self.out);
    }

    pub(crate) fn number(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    pub(crate) fn boolean(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub(crate) fn null(&mut self) {
        self.out.push_str("null");
    }

    /// A whole value, its objects' members in the map's (sorted) order.
    pub(crate) fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.null(),
            Value::Bool(b) => self.boolean(*b),
            // serde_json writes a number as its `Display` does.
            Value::Number(n) => self.out.push_str(&n.to_string()),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.open('[');
                for item in items {
                    self.item();
                    self.value(item);
                }
                self.close(']');
            }
            Value::Object(map) => {
                self.open('{');
                for (key, item) in map {
                    self.key(key);
                    self.value(item);
                }
                self.close('}');
            }
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

/// `value` as compact JSON text (serde_json's `to_string`).
pub(crate) fn to_text(value: &Value) -> String {
    let mut w = Writer::compact();
    w.value(value);
    w.finish()
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A JSON string as serde_json writes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// other characters below U+0020 as `\u00xx` (lower-case hex), everything else as
/// itself. (The canonical JSON of the digests escapes the same way.)
pub(crate) fn write_string(s: &str, out: &mut String) {
    out.push('"');
    // Runs that need no escape are copied whole. Every byte escaped is ASCII, so never
    // part of a longer character: the runs are cut at character boundaries.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Map, Number, Value};

    use super::*;

    /// Any JSON value: every kind of number, text with every character class an escape
    /// treats differently, lists and objects nested, empty and not.
    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter_map("finite", Number::from_f64)
                .prop_map(Value::Number),
            "(\\PC|[\\x00-\\x1f\"\\\\/\\x7f\u{2028}\u{1F600}]){0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec(("[a-z\"\\\\\\x01é]{0,4}", inner), 0..5)
                    .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn values_are_written_as_serde_json_writes_them(v in any_value()) {
            let ours = crate::json::Value::from(v.clone());
            prop_assert_eq!(to_text(&ours), serde_json::to_string(&v).unwrap());
            let mut w = Writer::pretty();
            w.value(&ours);
            prop_assert_eq!(w.finish(), serde_json::to_string_pretty(&v).unwrap());
        }
    }

    #[test]
    fn every_character_below_u0020_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..0x80).map(char::from).collect();
        assert_eq!(
            to_text(&crate::json::Value::String(all.clone())),
            serde_json::to_string(&all).unwrap()
        );
    }
}
