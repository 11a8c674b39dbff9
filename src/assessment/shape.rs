//! Why a JSON value is not an assessment, and where: `ShapeError`.
//!
//! The app reads assessments with `read.rs`, by hand. `from_value` here is a small serde
//! deserialiser over a JSON `Value` (`crate::json`), used natively with the model's derived
//! deserialisers as the reference `read.rs` is tested against. Its error,
//! `ShapeError`, is built by serde's structured constructors (`missing_field`,
//! `unknown_field`, `invalid_type`, …) into a typed `Kind`, and the map and list
//! accessors put the key or index in front of an error as it passes up through them.
//! So the error says where (`impacts[2].residual_severity`) and what (a typed kind)
//! without anyone ever reading an error's text back; the English is written once, by
//! `Display`, when the error is shown.

use std::fmt;

use crate::json::{Map, Number, Value};
use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Unexpected, Visitor};

/// One step of a path: a field (or answer) name, or a position in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Field(String),
    Index(usize),
}

/// Where in the assessment: `impacts[0].likelihood`, `answers.about.people`; empty for
/// the assessment as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Segment>);

impl Path {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(short(name))?,
                Segment::Field(name) => write!(f, ".{}", short(name))?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// What a value that does not fit turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Boolean(bool),
    /// As written in JSON (`7`, `-3`, `1.5`).
    Number(String),
    Text(String),
    List,
    Object,
    /// Something JSON does not have (only from a deserialiser of another kind).
    Other,
}

/// What the value should have been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    WholeNumber,
    TrueOrFalse,
    List,
    Object,
    /// One of these texts (an enum's variants).
    OneOf(&'static [&'static str]),
    /// In the words of the type that refused the value (serde's `Expected`), for the
    /// few types whose expectation is not one of the above (e.g. an answer's form).
    Said(String),
}

/// What is wrong at the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A field that must be there is not (the path ends with its name).
    Missing,
    /// A field the object does not have (the path ends with it); `fields` are its fields.
    UnknownField { fields: &'static [&'static str] },
    /// An answer whose key is no question's (the path ends with the key).
    UnknownQuestion,
    /// A value of the wrong type.
    WrongType { found: Found, expected: Expected },
    /// A value of the right type that is out of range (a negative count).
    WrongValue { found: Found, expected: Expected },
    /// Text that is not one of the options; `options` is empty when they are not listed
    /// (an answer's options, which the question bank holds).
    UnknownOption {
        found: String,
        options: &'static [&'static str],
    },
    /// The same option (or field) given twice.
    ListedTwice(&'static str),
    /// A list of the wrong length.
    WrongLength { found: usize, expected: String },
    /// A type's own reason, in its own words (`serde::de::Error::custom`).
    Other(String),
}

/// Why the JSON is not an assessment, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    pub path: Path,
    pub kind: Kind,
}

/// What `Answers` passes to `unknown_field` for a key that is no question's.
/// `ShapeError` recognises this list by its address (not by any text) and makes the
/// error `Kind::UnknownQuestion`; other deserialisers just show it as the expectation.
pub static QUESTION_KEY: [&str; 1] = ["a question key"];

/// Reads a `T` from `value`, naming the path of the first thing that does not fit.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    T::deserialize(Shape(value))
}

impl ShapeError {
    pub(crate) fn new(kind: Kind) -> ShapeError {
        ShapeError {
            path: Path::default(),
            kind,
        }
    }

    /// The same error, one level further out: `segment` goes in front of the path.
    pub(crate) fn within(mut self, segment: Segment) -> ShapeError {
        self.path.0.insert(0, segment);
        self
    }

    /// A type refused this very value (not one inside it): say what was expected in
    /// our words rather than the type's name (`u32`, `a string`).
    fn expecting(mut self, want: Expected) -> ShapeError {
        if self.path.is_empty() {
            if let Kind::WrongType { expected, .. } | Kind::WrongValue { expected, .. } =
                &mut self.kind
            {
                *expected = want;
            }
        }
        self
    }

    /// `found` was given where `expected` was wanted.
    pub(crate) fn wrong_type(found: &Value, expected: Expected) -> ShapeError {
        ShapeError::new(Kind::WrongType {
            found: found_in(found),
            expected,
        })
    }

    /// A number given where a whole number of 32 bits was wanted, and out of its range.
    pub(crate) fn wrong_value(found: &Value) -> ShapeError {
        ShapeError::new(Kind::WrongValue {
            found: found_in(found),
            expected: Expected::WholeNumber,
        })
    }
}

impl std::error::Error for ShapeError {}

/// "the field "impacts[0].likelihood" is not right: …", "the field "id" is missing", or
/// the reason alone for the assessment as a whole.
impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kind, self.path.is_empty()) {
            (Kind::Missing, false) => return write!(f, "the field \"{}\" is missing", self.path),
            (_, false) => write!(f, "the field \"{}\" is not right: ", self.path)?,
            (_, true) => {}
        }
        match &self.kind {
            Kind::Missing => f.write_str("a field is missing"),
            Kind::UnknownField { fields: &[] } => f.write_str("there is no such field"),
            Kind::UnknownField { fields } => {
                write!(
                    f,
                    "there is no such field (the fields here are {})",
                    List(fields, "and")
                )
            }
            Kind::UnknownQuestion => f.write_str("there is no question with this key"),
            Kind::WrongType { found, expected } | Kind::WrongValue { found, expected } => {
                write!(f, "it is {found}, but should be {expected}")
            }
            Kind::UnknownOption {
                found,
                options: &[],
            } => write!(f, "\"{}\" is not one of the options", short(found)),
            Kind::UnknownOption { found, options } => {
                write!(
                    f,
                    "\"{}\" is not one of {}",
                    short(found),
                    List(options, "or")
                )
            }
            Kind::ListedTwice(name) => write!(f, "\"{name}\" is listed twice"),
            Kind::WrongLength { found, expected } => {
                let items = if *found == 1 { "item" } else { "items" };
                write!(f, "it has {found} {items}, but should be {expected}")
            }
            Kind::Other(reason) => f.write_str(short(reason)),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Null => f.write_str("null"),
            Found::Boolean(b) => write!(f, "{b}"),
            Found::Number(n) => write!(f, "the number {}", short(n)),
            Found::Text(t) => write!(f, "the text \"{}\"", short(t)),
            Found::List => f.write_str("a list"),
            Found::Object => f.write_str("an object"),
            Found::Other => f.write_str("a value of another kind"),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Text => f.write_str("text"),
            Expected::WholeNumber => f.write_str("a whole number"),
            Expected::TrueOrFalse => f.write_str("true or false"),
            Expected::List => f.write_str("a list"),
            Expected::Object => f.write_str("an object"),
            Expected::OneOf(options) => write!(f, "one of {}", List(options, "or")),
            Expected::Said(words) => f.write_str(short(words)),
        }
    }
}

/// `"a", "b" or "c"` (or `and`).
struct List<'a>(&'a [&'a str], &'a str);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let List(items, conjunction) = *self;
        for (i, item) in items.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == items.len() => write!(f, " {conjunction} ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "\"{item}\"")?;
        }
        Ok(())
    }
}

/// At most the first 100 characters of text from the file, so a huge value cannot make
/// the message unreadable.
fn short(text: &str) -> &str {
    match text.char_indices().nth(100) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn found_in(value: &Value) -> Found {
    match value {
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Boolean(*b),
        Value::Number(n) => Found::Number(n.to_string()),
        Value::String(s) => Found::Text(s.clone()),
        Value::Array(_) => Found::List,
        Value::Object(_) => Found::Object,
    }
}

fn found(unexpected: Unexpected<'_>) -> Found {
    match unexpected {
        Unexpected::Bool(b) => Found::Boolean(b),
        Unexpected::Unsigned(n) => Found::Number(n.to_string()),
        Unexpected::Signed(n) => Found::Number(n.to_string()),
        // serde_json's own number formatting, so the app needs no float printing of its own.
        Unexpected::Float(x) => {
            Number::from_f64(x).map_or(Found::Other, |n| Found::Number(n.to_string()))
        }
        Unexpected::Char(c) => Found::Text(c.to_string()),
        Unexpected::Str(s) => Found::Text(s.to_string()),
        Unexpected::Unit | Unexpected::Option => Found::Null,
        Unexpected::Seq => Found::List,
        Unexpected::Map => Found::Object,
        _ => Found::Other,
    }
}

impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(reason: T) -> ShapeError {
        ShapeError::new(Kind::Other(reason.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> ShapeError {
        ShapeError::new(Kind::WrongType {
            found: found(unexpected),
            expected: Expected::Said(expected.to_string()),
        })
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> ShapeError {
        ShapeError::new(Kind::WrongValue {
            found: found(unexpected),
            expected: Expected::Said(expected.to_string()),
        })
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> ShapeError {
        ShapeError::new(Kind::WrongLength {
            found: len,
            expected: expected.to_string(),
        })
    }

    fn unknown_variant(variant: &str, options: &'static [&'static str]) -> ShapeError {
        ShapeError::new(Kind::UnknownOption {
            found: variant.to_string(),
            options,
        })
    }

    /// The map accessor puts the field's name on the path.
    fn unknown_field(_field: &str, fields: &'static [&'static str]) -> ShapeError {
        if std::ptr::eq(fields, &QUESTION_KEY[..]) {
            ShapeError::new(Kind::UnknownQuestion)
        } else {
            ShapeError::new(Kind::UnknownField { fields })
        }
    }

    /// Raised once the object has been read, so the name goes on the path here.
    fn missing_field(field: &'static str) -> ShapeError {
        ShapeError::new(Kind::Missing).within(Segment::Field(field.to_string()))
    }

    fn duplicate_field(field: &'static str) -> ShapeError {
        ShapeError::new(Kind::ListedTwice(field))
    }
}

/// The deserialiser: one JSON value, taken apart as the type asks.
struct Shape(Value);

pub(crate) type Result<T> = std::result::Result<T, ShapeError>;

impl Shape {
    /// Any of the scalar types: the visitor decides, and a refusal says `expected`.
    fn scalar<'de, V: Visitor<'de>>(self, visitor: V, expected: Expected) -> Result<V::Value> {
        de::Deserializer::deserialize_any(self, visitor).map_err(|e| e.expecting(expected))
    }
}

impl<'de> de::Deserializer<'de> for Shape {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_list(items, visitor),
            Value::Object(fields) => visit_object(fields, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::TrueOrFalse)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::WholeNumber)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::Text)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::Text)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.scalar(visitor, Expected::Text)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Shape(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Array(items) => visit_list(items, visitor),
            other => Err(ShapeError::wrong_type(&other, Expected::List)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Object(fields) => visit_object(fields, visitor),
            other => Err(ShapeError::wrong_type(&other, Expected::Object)),
        }
    }

    /// Only from an object: a list in a struct's place is refused, not read by position.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// The model's enums are all plain words (`"draft"`, `"possible"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(StrDeserializer::<ShapeError>::new(&s)),
            other => Err(ShapeError::wrong_type(&other, Expected::OneOf(variants))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        f32 f64 bytes byte_buf unit unit_struct identifier
    }
}

fn visit_list<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value> {
    let len = items.len();
    let mut list = ListAccess {
        items: items.into_iter(),
        index: 0,
    };
    let value = visitor.visit_seq(&mut list)?;
    match list.items.len() {
        0 => Ok(value),
        _ => Err(ShapeError::new(Kind::WrongLength {
            found: len,
            expected: format!("a list of {}", list.index),
        })),
    }
}

fn visit_object<'de, V: Visitor<'de>>(fields: Map<String, Value>, visitor: V) -> Result<V::Value> {
    let mut object = ObjectAccess {
        fields: fields.into_iter(),
        value: None,
    };
    visitor.visit_map(&mut object)
}

struct ListAccess {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for ListAccess {
    type Error = ShapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Shape(item))
            .map(Some)
            .map_err(|e| e.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct ObjectAccess {
    fields: std::vec::IntoIter<(String, Value)>,
    /// The value of the key just read, with the key for its path.
    value: Option<(String, Value)>,
}

impl<'de> de::MapAccess<'de> for ObjectAccess {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        let read = seed
            .deserialize(StrDeserializer::<ShapeError>::new(&key))
            .map_err(|e| e.within(Segment::Field(key.clone())))?;
        self.value = Some((key, value));
        Ok(Some(read))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(Shape(value))
            .map_err(|e| e.within(Segment::Field(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    fn field(name: &str) -> Segment {
        Segment::Field(name.into())
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
        flag: Option<bool>,
        word: Option<Word>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Word {
        Yes,
        NotSure,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        #[serde(default)]
        inner: Vec<Inner>,
        pair: Option<(u32, u32)>,
    }

    fn error(value: serde_json::Value) -> ShapeError {
        from_value::<Outer>(value.into()).unwrap_err()
    }

    #[test]
    fn paths_are_built_from_keys_and_indexes() {
        let e = error(json!({"name": "x", "inner": [{"count": 1}, {"count": "two"}]}));
        assert_eq!(
            e.path,
            Path(vec![field("inner"), Segment::Index(1), field("count")])
        );
        assert_eq!(e.path.to_string(), "inner[1].count");
        assert_eq!(
            e.kind,
            Kind::WrongType {
                found: Found::Text("two".into()),
                expected: Expected::WholeNumber
            }
        );
        assert_eq!(
            e.to_string(),
            "the field \"inner[1].count\" is not right: it is the text \"two\", but should be a whole number"
        );
    }

    #[test]
    fn each_kind_is_typed() {
        let cases = [
            (json!({"inner": []}), "name", Kind::Missing),
            (
                json!({"name": "x", "colour": 1}),
                "colour",
                Kind::UnknownField {
                    fields: &["name", "inner", "pair"],
                },
            ),
            (
                json!({"name": 7}),
                "name",
                Kind::WrongType {
                    found: Found::Number("7".into()),
                    expected: Expected::Text,
                },
            ),
            (
                json!({"name": "x", "inner": [{"count": -3}]}),
                "inner[0].count",
                Kind::WrongValue {
                    found: Found::Number("-3".into()),
                    expected: Expected::WholeNumber,
                },
            ),
            (
                json!({"name": "x", "inner": [{"count": 1.5}]}),
                "inner[0].count",
                Kind::WrongType {
                    found: Found::Number("1.5".into()),
                    expected: Expected::WholeNumber,
                },
            ),
            (
                json!({"name": "x", "inner": [{"count": 1, "flag": "yes"}]}),
                "inner[0].flag",
                Kind::WrongType {
                    found: Found::Text("yes".into()),
                    expected: Expected::TrueOrFalse,
                },
            ),
            (
                json!({"name": "x", "inner": [{"count": 1, "word": "maybe"}]}),
                "inner[0].word",
                Kind::UnknownOption {
                    found: "maybe".into(),
                    options: &["yes", "not-sure"],
                },
            ),
            (
                json!({"name": "x", "inner": [{"count": 1, "word": [1]}]}),
                "inner[0].word",
                Kind::WrongType {
                    found: Found::List,
                    expected: Expected::OneOf(&["yes", "not-sure"]),
                },
            ),
            (
                json!({"name": "x", "inner": {}}),
                "inner",
                Kind::WrongType {
                    found: Found::Object,
                    expected: Expected::List,
                },
            ),
            (
                json!({"name": "x", "inner": [null]}),
                "inner[0]",
                Kind::WrongType {
                    found: Found::Null,
                    expected: Expected::Object,
                },
            ),
            (
                json!({"name": "x", "pair": [1, 2, 3]}),
                "pair",
                Kind::WrongLength {
                    found: 3,
                    expected: "a list of 2".into(),
                },
            ),
            (
                json!({"name": "x", "pair": [1]}),
                "pair",
                Kind::WrongLength {
                    found: 1,
                    expected: "a tuple of size 2".into(),
                },
            ),
            (
                json!(["x"]),
                "",
                Kind::WrongType {
                    found: Found::List,
                    expected: Expected::Object,
                },
            ),
        ];
        for (value, path, kind) in cases {
            let e = error(value.clone());
            assert_eq!(
                (e.path.to_string(), &e.kind),
                (path.to_string(), &kind),
                "{value}"
            );
        }
    }

    #[test]
    fn messages_are_written_from_the_typed_error() {
        for (value, message) in [
            (json!({}), "the field \"name\" is missing"),
            (
                json!({"name": "x", "inner": [{"count": 1, "size": 2}]}),
                "the field \"inner[0].size\" is not right: there is no such field (the fields here are \"count\", \"flag\" and \"word\")",
            ),
            (
                json!({"name": "x", "inner": [{"count": 1, "word": "no"}]}),
                "the field \"inner[0].word\" is not right: \"no\" is not one of \"yes\" or \"not-sure\"",
            ),
            (
                json!({"name": "x", "inner": [{"count": 1, "word": false}]}),
                "the field \"inner[0].word\" is not right: it is false, but should be one of \"yes\" or \"not-sure\"",
            ),
            (
                json!("text"),
                "it is the text \"text\", but should be an object",
            ),
            (
                json!({"name": "x", "pair": [1]}),
                "the field \"pair\" is not right: it has 1 item, but should be a tuple of size 2",
            ),
        ] {
            assert_eq!(error(value).to_string(), message);
        }
    }

    #[test]
    fn huge_values_are_cut_short_in_messages() {
        let huge = "x".repeat(10_000);
        let e = error(json!({ "name": "x", huge.clone(): 1 }));
        assert_eq!(e.path, Path(vec![Segment::Field(huge.clone())]));
        assert!(e.to_string().len() < 400, "{}", e.to_string().len());
        let e = error(json!({ "name": ["x"], "inner": [{"count": huge}] }));
        assert!(e.to_string().len() < 400, "{}", e.to_string().len());
    }
}
