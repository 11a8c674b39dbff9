//! `Value`: a JSON value, as the app reads (`strict_json`), checks and writes
//! (`json_write`, `canonical`) it. It replaces `serde_json::Value` in the code compiled
//! into the wasm: serde_json's object is a `BTreeMap<String, Value>`, and the B-tree's
//! node code for that one key and value type (insert, remove, split, merge, steal,
//! clone, drop, iterators) cost about 7 KB of raw wasm, besides `Value`'s own impls. An
//! object here is a `VecMap`, which keeps its keys sorted as the B-tree did, so every
//! object iterates, and is written, in the same order as before. Numbers are still
//! serde_json's `Number` (small, and it writes a number as serde_json always has).
//!
//! Tests compare with serde_json, so the two convert into each other there.

pub use serde_json::Number;

use crate::vec_map::VecMap;

/// A JSON object: its members sorted by key, each key once.
pub type Map<K = String, V = Value> = VecMap<K, V>;

/// A JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The member `key` of an object; `None` for a value of another kind.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

macro_rules! from_integer {
    ($($t:ty)*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(Number::from(n))
            }
        }
    )*};
}

from_integer!(u32 u64 usize i64);

/// As serde_json's: a number that is not finite (which JSON cannot write) is `null`.
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::Object(map)
    }
}

/// serde_json's value, member for member (a key it holds twice cannot be in either).
impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, Value::from(v))).collect())
            }
        }
    }
}

/// The same value as serde_json's.
impl From<Value> for serde_json::Value {
    fn from(value: Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Number(n) => serde_json::Value::Number(n),
            Value::String(s) => serde_json::Value::String(s),
            Value::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(serde_json::Value::from).collect())
            }
            Value::Object(map) => serde_json::Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, serde_json::Value::from(v)))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::Value::from(self.clone()).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn sample() -> serde_json::Value {
        json!({
            "b": [null, true, false, 0, -1, 18446744073709551615u64, 1.5, -0.0, "x"],
            "a": {"z": {}, "y": [], "é": "\u{1F600}"},
            "": ""
        })
    }

    #[test]
    fn converts_both_ways_without_loss() {
        let theirs = sample();
        let ours = Value::from(theirs.clone());
        assert_eq!(serde_json::Value::from(ours.clone()), theirs);
        // Written the same, so `-0.0` stays `-0.0` and `1` stays an integer.
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        assert_eq!(ours, Value::from(theirs));
    }

    #[test]
    fn objects_keep_their_keys_in_serde_json_s_order() {
        let ours = Value::from(sample());
        let keys: Vec<&String> = ours.as_object().unwrap().keys().collect();
        let theirs = sample();
        let expected: Vec<&String> = theirs.as_object().unwrap().keys().collect();
        assert_eq!(keys, expected);
        assert_eq!(keys, ["", "a", "b"]);
    }

    #[test]
    fn accessors_answer_as_serde_json_s_do() {
        let theirs = sample();
        let ours = Value::from(theirs.clone());
        assert_eq!(
            ours.get("a").map(|a| a.get("é")),
            Some(Some(&Value::from("😀")))
        );
        assert_eq!(ours.get("nothing"), None);
        assert_eq!(Value::from("x").get("x"), None);
        assert_eq!(Value::from("x").as_str(), theirs["b"][8].as_str());
        assert_eq!(ours.as_str(), None);
        for (i, item) in theirs["b"].as_array().unwrap().iter().enumerate() {
            let ours = Value::from(item.clone());
            assert_eq!(ours.as_u64(), item.as_u64(), "{i}");
            assert_eq!(ours.is_null(), item.is_null(), "{i}");
            assert_eq!(ours.as_str(), item.as_str(), "{i}");
        }
        let mut object = Value::from(Map::new());
        object
            .as_object_mut()
            .unwrap()
            .insert("k".into(), Value::from(7u32));
        assert_eq!(object, Value::from(json!({"k": 7})));
        assert!(Value::Null.as_object().is_none() && Value::default().is_null());
    }

    #[test]
    fn numbers_are_made_as_serde_json_makes_them() {
        assert_eq!(Value::from(7u32), Value::from(json!(7)));
        assert_eq!(Value::from(7usize), Value::from(json!(7)));
        assert_eq!(Value::from(u64::MAX), Value::from(json!(u64::MAX)));
        assert_eq!(Value::from(-7i64), Value::from(json!(-7)));
        // A non-negative i64 is the same number as the u64.
        assert_eq!(Value::from(7i64), Value::from(7u64));
        assert_eq!(Value::from(1.5), Value::from(json!(1.5)));
        assert_eq!(Value::from(f64::NAN), Value::Null);
        assert_eq!(
            Value::from(f64::INFINITY),
            Value::from(serde_json::Value::from(f64::INFINITY))
        );
        // 1 and 1.0 are different numbers, as in serde_json.
        assert_ne!(Value::from(1.0), Value::from(1u64));
        assert_eq!(Value::from(true), Value::from(json!(true)));
        assert_eq!(Value::from(vec![Value::Null]), Value::from(json!([null])));
        assert_eq!(Value::from(String::from("s")), Value::from(json!("s")));
    }
}
