//! The serde-based reader `strict_json` replaced, kept unchanged for the tests only: the
//! hand-written reader must give what this gives, for every text (`differential.rs`).

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::MAX_DEPTH;
use crate::assessment::shape::{Path, Segment};

/// Why the text could not be read.
#[derive(Debug)]
pub(crate) enum Error {
    /// Not JSON, as serde_json says (with the line and column).
    Json(serde_json::Error),
    /// An object with the same key twice; the path ends with that key.
    DuplicateKey(Path),
    /// Lists and objects nested deeper than serde_json reads (`MAX_DEPTH`): where the
    /// one too deep opens (line and column as serde_json counts them).
    TooDeep { line: usize, column: usize },
    /// A `\uXXXX` escape for half a character (a surrogate without its other half),
    /// which text cannot hold: the escape as written, and where it is.
    HalfCharacter {
        line: usize,
        column: usize,
        escape: String,
    },
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
        (Err(e), None) => Err(named(text, e)),
    }
}

/// serde_json's error, or, when it stopped at (or just after) what serde_json's error
/// does not name, that: nesting too deep, or half a character.
fn named(text: &str, e: serde_json::Error) -> Error {
    let stopped = offset(text, e.line(), e.column());
    match first_unreadable(text) {
        Some((at, escape)) if at <= stopped => {
            let (line, column) = position(text, at);
            match escape {
                None => Error::TooDeep { line, column },
                Some(escape) => Error::HalfCharacter {
                    line,
                    column,
                    escape,
                },
            }
        }
        _ => Error::Json(e),
    }
}

/// The byte offset of serde_json's line and column (both from 1; the column in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start + column.saturating_sub(1)
}

/// The line and column of a byte offset, as serde_json counts them.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - start + 1)
}

/// The first place, outside or inside strings as JSON reads them, where a list or
/// object opens deeper than `MAX_DEPTH` (`None` for the escape), or a `\u` escape
/// stands for half a character (with the escape as written).
fn first_unreadable(text: &str) -> Option<(usize, Option<String>)> {
    let b = text.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        b.get(at..at + 4)?
            .iter()
            .try_fold(0, |n, &c| Some(n * 16 + char::from(c).to_digit(16)?))
    };
    let (mut depth, mut i, mut in_string) = (0usize, 0, false);
    while i < b.len() {
        match (in_string, b[i]) {
            (false, b'"') | (true, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((i, None));
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            (true, b'\\') if b.get(i + 1) == Some(&b'u') => {
                let unit = hex(i + 2)?;
                let pair = b.get(i + 6..i + 8) == Some(b"\\u")
                    && hex(i + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                match unit {
                    0xD800..=0xDBFF if pair => i += 6,
                    0xD800..=0xDFFF => {
                        // Six ASCII characters: `\u` and the four digits just read.
                        return Some((i, Some(text[i..i + 6].to_string())));
                    }
                    _ => {}
                }
                i += 5;
            }
            (true, b'\\') => i += 1,
            _ => {}
        }
        i += 1;
    }
    None
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
