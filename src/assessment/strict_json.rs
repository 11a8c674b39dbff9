//! JSON read into a `serde_json::Value` exactly as `serde_json::from_str` reads it, but
//! refusing an object that has the same key twice (serde_json keeps the last value, so
//! an edited file could carry two answers and show either). The duplicate's path comes
//! back typed (`assessment.answers.purpose.why`), beside serde_json's own error, so no
//! error text is ever read back.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::assessment::shape::{Path, Segment};

/// Why the text could not be read.
#[derive(Debug)]
pub(crate) enum Error {
    /// Not JSON, as serde_json says (with the line and column).
    Json(serde_json::Error),
    /// An object with the same key twice; the path ends with that key.
    DuplicateKey(Path),
}

/// Reads `text` as one JSON value, refusing duplicate keys at any depth.
pub(crate) fn from_str(text: &str) -> Result<Value, Error> {
    let mut state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let read = Node(&mut state)
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    match (read, state.duplicate) {
        (_, Some(path)) => Err(Error::DuplicateKey(path)),
        (Ok(value), None) => Ok(value),
        (Err(e), None) => Err(Error::Json(e)),
    }
}

#[derive(Default)]
struct State {
    /// Where the value being read is.
    path: Vec<Segment>,
    /// Set when a key is found twice (the error serde_json then returns is ours).
    duplicate: Option<Path>,
}

/// One value, at `state.path`. (serde_json limits the depth, so this recursion is
/// bounded.)
struct Node<'s>(&'s mut State);

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // As serde_json's own `Value` does (JSON text never holds a non-finite number).
        Ok(Value::from(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.0.path.push(Segment::Index(items.len()));
            let item = seq.next_element_seed(Node(&mut *self.0));
            self.0.path.pop();
            match item? {
                Some(value) => items.push(value),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let mut path = self.0.path.clone();
                path.push(Segment::Field(key));
                self.0.duplicate = Some(Path(path));
                return Err(de::Error::custom("a key is repeated"));
            }
            self.0.path.push(Segment::Field(key.clone()));
            let value = map.next_value_seed(Node(&mut *self.0));
            self.0.path.pop();
            object.insert(key, value?);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> Segment {
        Segment::Field(name.into())
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            "null",
            "true",
            " [1, -2, 3.5, 1e300, 18446744073709551615, -9223372036854775808] ",
            r#"{"a": {"b": [{"c": "d\u00e9\n"}], "e": {}}, "f": []}"#,
            r#""\ud83d\ude00""#,
        ] {
            assert_eq!(
                from_str(text).unwrap(),
                serde_json::from_str::<Value>(text).unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_repeated_key_is_refused_with_its_path() {
        for (text, path) in [
            (r#"{"a": 1, "a": 2}"#, vec![field("a")]),
            (
                r#"{"a": {"b": 1, "c": 2, "b": 1}}"#,
                vec![field("a"), field("b")],
            ),
            (
                r#"{"x": [0, {"k": [], "k": []}]}"#,
                vec![field("x"), Segment::Index(1), field("k")],
            ),
            (
                r#"[{"a": 1}, {"a": 1, "a": 1}]"#,
                vec![Segment::Index(1), field("a")],
            ),
            // The same key in different objects is fine, until one repeats it.
            (r#"{"a": {"a": {"a": 1, "a": 1}}}"#, vec![field("a"); 3]),
        ] {
            match from_str(text) {
                Err(Error::DuplicateKey(found)) => assert_eq!(found, Path(path), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(from_str(r#"{"a": {"a": 1}, "b": {"a": 1}}"#).is_ok());
    }

    #[test]
    fn other_mistakes_are_serde_json_s_own() {
        for text in ["{\"a\": 1,}", "[1, 2", "{\"a\": 1} x", ""] {
            let ours = match from_str(text) {
                Err(Error::Json(e)) => e,
                other => panic!("{text}: {other:?}"),
            };
            let theirs = serde_json::from_str::<Value>(text).unwrap_err();
            assert_eq!(
                (ours.line(), ours.column(), ours.is_eof()),
                (theirs.line(), theirs.column(), theirs.is_eof()),
                "{text}"
            );
        }
    }
}
