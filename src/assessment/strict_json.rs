//! JSON text read into a `Value` (`crate::json`) exactly as `serde_json::from_str` reads
//! it (the same value, or a mistake at the same line and column), by a small reader
//! written here: serde_json's own reader is generic over serde's machinery and was most
//! of what the WebAssembly build carried for reading JSON. The value is built directly.
//!
//! `from_str` is strict, for imports and stored records: it refuses an object that has
//! the same key twice (serde_json keeps the last value, so an edited file could carry two
//! answers and show either). The duplicate's path comes back typed
//! (`assessment.answers.purpose.why`), and so do nesting too deep and half a character,
//! which serde_json's mistakes do not name. `from_str_lenient` reads what serde_json
//! reads, repeated keys and all, for text this tool wrote itself.
//!
//! The positions are serde_json's to the byte, and which mistake is named when a text has
//! several is the serde-based reader's this replaced: `reference.rs` keeps that reader for
//! the tests, and `differential.rs` compares the two on thousands of texts.

use crate::json::{Map, Value};

use crate::assessment::shape::{Path, Segment};
use crate::sort::positions;

#[cfg(test)]
mod differential;
#[cfg(test)]
mod reference;

/// Why the text could not be read.
#[derive(Debug)]
#[cfg_attr(test, derive(PartialEq))]
pub(crate) enum Error {
    /// Not JSON: where serde_json would say so.
    Json(Syntax),
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

/// Where the text stops being JSON, as serde_json counts it (its `Error`'s `line`,
/// `column` and `is_eof`).
#[derive(Clone, Copy, Debug)]
#[cfg_attr(test, derive(PartialEq))]
pub(crate) struct Syntax {
    line: usize,
    column: usize,
    eof: bool,
}

impl Syntax {
    /// The line, from 1.
    pub(crate) fn line(&self) -> usize {
        self.line
    }

    /// The column in bytes, from 1; 0 is the line break that ends the line before.
    pub(crate) fn column(&self) -> usize {
        self.column
    }

    /// Whether the text ended where more was needed (it was cut short).
    pub(crate) fn is_eof(&self) -> bool {
        self.eof
    }
}

/// How deep serde_json reads lists and objects inside one another.
pub(crate) const MAX_DEPTH: usize = 127;

/// Reads `text` as one JSON value, refusing duplicate keys at any depth.
pub(crate) fn from_str(text: &str) -> Result<Value, Error> {
    Reader::new(text, true).whole()
}

/// Reads `text` as one JSON value exactly as `serde_json::from_str::<Value>` does: of a
/// key given twice, the last value is kept. `None` if it is not JSON.
pub(crate) fn from_str_lenient(text: &str) -> Option<Value> {
    Reader::new(text, false).whole().ok()
}

type Read<T> = Result<T, Error>;

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// The next byte, as serde_json's reader would have it: positions in its errors are
    /// counted from it.
    at: usize,
    /// How many lists and objects are open around the value being read.
    depth: usize,
    /// Whether a repeated key is refused.
    strict: bool,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str, strict: bool) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
            strict,
        }
    }

    /// The text as one value, with nothing after it but whitespace.
    fn whole(mut self) -> Read<Value> {
        let value = self.value()?;
        match self.blank() {
            Some(_) => Err(self.peeked(false)),
            None => Ok(value),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn digit(&self) -> Option<u8> {
        self.peek().filter(u8::is_ascii_digit).map(|b| b - b'0')
    }

    /// Skips JSON's four whitespace characters; the byte after them.
    fn blank(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Read<Value> {
        let Some(b) = self.blank() else {
            return Err(self.peeked(true));
        };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' => {
                self.at += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                if self.depth == MAX_DEPTH {
                    return Err(self.too_deep(self.at));
                }
                self.at += 1;
                // Bounded by `MAX_DEPTH`, so is the recursion.
                self.depth += 1;
                let read = if b == b'[' {
                    self.list()
                } else {
                    self.object()
                };
                self.depth -= 1;
                read
            }
            _ => Err(self.peeked(false)),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Read<Value> {
        for &expected in word {
            match self.next() {
                None => return Err(self.read(true)),
                Some(b) if b != expected => return Err(self.read(false)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// A list, its `[` read.
    fn list(&mut self) -> Read<Value> {
        let mut items = Vec::new();
        loop {
            match self.blank() {
                Some(b']') => break,
                Some(b',') if !items.is_empty() => {
                    self.at += 1;
                    if let b @ (Some(b']') | None) = self.blank() {
                        return Err(self.peeked(b.is_none()));
                    }
                }
                Some(_) if items.is_empty() => {}
                b => return Err(self.peeked(b.is_none())),
            }
            let item = self
                .value()
                .map_err(|e| within(e, Segment::Index(items.len())))?;
            items.push(item);
        }
        self.at += 1;
        Ok(Value::Array(items))
    }

    /// An object, its `{` read. Its members are kept in the order read and sorted once
    /// at the end: inserted one by one into a sorted map, each would move those after it,
    /// and a hostile file of a million keys in reverse order would take hours.
    fn object(&mut self) -> Read<Value> {
        let mut members: Vec<(String, Value)> = Vec::new();
        let read = self.members(&mut members);
        let order = positions(members.len(), &|a, b| members[a].0.cmp(&members[b].0));
        if self.strict {
            // The first key, in the order read, that was given before: refused before
            // any mistake after it, as when each key was checked as it was read.
            let twice = order
                .windows(2)
                .filter(|w| members[w[0]].0 == members[w[1]].0)
                .map(|w| w[1])
                .min();
            if let Some(j) = twice {
                let key = std::mem::take(&mut members[j].0);
                return Err(Error::DuplicateKey(Path(vec![Segment::Field(key)])));
            }
        }
        read?;
        // In key order; of a key given twice (read leniently), the last value.
        let mut slots: Vec<Option<(String, Value)>> = members.into_iter().map(Some).collect();
        let mut sorted: Vec<(String, Value)> = Vec::with_capacity(slots.len());
        for i in order {
            let Some(member) = slots[i].take() else {
                continue;
            };
            match sorted.last_mut() {
                Some(last) if last.0 == member.0 => *last = member,
                _ => sorted.push(member),
            }
        }
        Ok(Value::Object(Map::from_sorted(sorted)))
    }

    /// An object's members up to its `}`, each pushed as soon as its key is read (so a
    /// key given twice is seen even when a mistake follows it).
    fn members(&mut self, members: &mut Vec<(String, Value)>) -> Read<()> {
        loop {
            match self.blank() {
                Some(b'}') => break,
                Some(b'"') if members.is_empty() => {}
                Some(b',') if !members.is_empty() => {
                    self.at += 1;
                    match self.blank() {
                        Some(b'"') => {}
                        b => return Err(self.peeked(b.is_none())),
                    }
                }
                b => return Err(self.peeked(b.is_none())),
            }
            self.at += 1;
            let key = self.string()?;
            members.push((key, Value::Null));
            match self.blank() {
                Some(b':') => self.at += 1,
                b => return Err(self.peeked(b.is_none())),
            }
            let value = self.value();
            let member = members.last_mut().expect("just pushed");
            member.1 = value.map_err(|e| within(e, Segment::Field(member.0.clone())))?;
        }
        self.at += 1;
        Ok(())
    }

    /// A string's characters, its opening quote read.
    fn string(&mut self) -> Read<String> {
        let mut out = String::new();
        let mut from = self.at;
        loop {
            let Some(b) = self.next() else {
                return Err(self.fail(self.at, true, true));
            };
            match b {
                b'"' | b'\\' => {
                    // Both ASCII, so the slice ends on a character's boundary.
                    out.push_str(&self.text[from..self.at - 1]);
                    if b == b'"' {
                        return Ok(out);
                    }
                    self.escape(&mut out)?;
                    from = self.at;
                }
                0..=0x1F => return Err(self.fail(self.at, false, true)),
                _ => {}
            }
        }
    }

    /// An escape, its backslash read.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let Some(b) = self.next() else {
            return Err(self.fail(self.at, true, true));
        };
        out.push(match b {
            b'"' | b'\\' | b'/' => char::from(b),
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let at = self.at - 2;
                // serde_json takes the four digits before judging them, and its errors
                // are positioned after them (or at the end, if there are not four).
                self.at = (self.at + 4).min(self.bytes.len());
                if self.at < at + 6 {
                    return Err(self.fail(self.at, true, true));
                }
                match self.unicode(at) {
                    None => return Err(Error::Json(self.syntax(self.at, false))),
                    Some(None) => return Err(self.half(at)),
                    Some(Some((c, len))) => {
                        self.at = at + len;
                        c
                    }
                }
            }
            _ => return Err(self.fail(self.at, false, true)),
        });
        Ok(())
    }

    /// What the `\uXXXX` escape at byte `at` stands for: `None` if there is none there,
    /// `Some(None)` if half a character (a surrogate not in a pair), otherwise the
    /// character and how many bytes its escape takes (12 for a pair).
    fn unicode(&self, at: usize) -> Option<Option<(char, usize)>> {
        let unit = |at: usize| -> Option<u32> {
            if self.bytes.get(at..at + 2)? != b"\\u" {
                return None;
            }
            self.bytes
                .get(at + 2..at + 6)?
                .iter()
                .try_fold(0, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
        };
        let high = unit(at)?;
        Some(match (high, unit(at + 6)) {
            (0xD800..=0xDBFF, Some(low @ 0xDC00..=0xDFFF)) => {
                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map(|c| (c, 12))
            }
            // `None` for a surrogate.
            _ => char::from_u32(high).map(|c| (c, 6)),
        })
    }

    /// A number, after its `-` if negative, as serde_json reads one by default (not
    /// `float_roundtrip`): an integer that fits in a `u64` (`i64` if negative) stays one,
    /// anything else is a float made from at most 19 or 20 significant digits and a
    /// power of ten.
    fn number(&mut self, positive: bool) -> Read<Value> {
        let mut significand = match self.next() {
            None => return Err(self.read(true)),
            Some(b'0') if self.digit().is_some() => return Err(self.peeked(false)),
            Some(b @ b'0'..=b'9') => u64::from(b - b'0'),
            Some(_) => return Err(self.read(false)),
        };
        let more = |s: u64, d: u8| s.checked_mul(10)?.checked_add(d.into());
        // Digits past what a u64 holds count only as powers of ten.
        let mut exponent: i32 = 0;
        while let Some(d) = self.digit() {
            match more(significand, d) {
                Some(s) if exponent == 0 => significand = s,
                _ => exponent += 1,
            }
            self.at += 1;
        }
        let float = exponent > 0 || matches!(self.peek(), Some(b'.' | b'e' | b'E'));
        if self.peek() == Some(b'.') {
            self.at += 1;
            let first = self.at;
            // Once the significand is full, further decimals are dropped.
            let mut full = false;
            while let Some(d) = self.digit() {
                match more(significand, d).filter(|_| !full) {
                    Some(s) => {
                        significand = s;
                        exponent -= 1;
                    }
                    None => full = true,
                }
                self.at += 1;
            }
            if self.at == first {
                return Err(self.peeked(self.peek().is_none()));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let up = self.peek() != Some(b'-');
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            let mut power: i32 = match self.next() {
                None => return Err(self.read(true)),
                Some(b @ b'0'..=b'9') => (b - b'0').into(),
                Some(_) => return Err(self.read(false)),
            };
            while let Some(d) = self.digit() {
                self.at += 1;
                match power.checked_mul(10).and_then(|p| p.checked_add(d.into())) {
                    Some(p) => power = p,
                    // A power too large for an i32: infinite (refused), or zero.
                    None if significand != 0 && up => return Err(self.read(false)),
                    None => {
                        while self.digit().is_some() {
                            self.at += 1;
                        }
                        return Ok(Value::from(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            exponent = if up {
                exponent.saturating_add(power)
            } else {
                exponent.saturating_sub(power)
            };
        }
        if float {
            let f = scaled(significand, exponent).ok_or_else(|| self.read(false))?;
            return Ok(Value::from(if positive { f } else { -f }));
        }
        if positive {
            return Ok(Value::from(significand));
        }
        // Too large for an i64 when negative, or `-0`: a float, as in serde_json.
        match (significand as i64).wrapping_neg() {
            n if n < 0 => Ok(Value::from(n)),
            _ => Ok(Value::from(-(significand as f64))),
        }
    }

    /// serde_json's mistake at the byte it just took.
    fn read(&self, eof: bool) -> Error {
        self.fail(self.at, eof, false)
    }

    /// serde_json's mistake at the byte it looked at but did not take.
    fn peeked(&self, eof: bool) -> Error {
        self.fail((self.at + 1).min(self.bytes.len()), eof, false)
    }

    /// serde_json's mistake, its position counted from `p`; or nesting too deep or half a
    /// character, if one is at the byte that position names: the reader this replaced
    /// named those wherever serde_json stopped at (or after) them, though serde_json had
    /// read that byte as something else or not at all. `string`: inside a string.
    fn fail(&self, p: usize, eof: bool, string: bool) -> Error {
        let syntax = self.syntax(p, eof);
        // The byte before `p`, or the one at `p` if that starts a line (column 0).
        let named = p - usize::from(syntax.column > 0);
        if !eof {
            if string {
                if let Some(None) = self.unicode(named) {
                    return self.half(named);
                }
            } else if self.depth == MAX_DEPTH && matches!(self.bytes.get(named), Some(b'[' | b'{'))
            {
                return self.too_deep(named);
            }
        }
        Error::Json(syntax)
    }

    /// serde_json's position for its index `p`: the line, and how many bytes of it come
    /// before `p`.
    fn syntax(&self, p: usize, eof: bool) -> Syntax {
        let before = &self.bytes[..p];
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Syntax {
            line: 1 + before[..start].iter().filter(|&&b| b == b'\n').count(),
            column: p - start,
            eof,
        }
    }

    /// The list or object opening at byte `at`, one too deep.
    fn too_deep(&self, at: usize) -> Error {
        let Syntax { line, column, .. } = self.syntax(at + 1, false);
        Error::TooDeep { line, column }
    }

    /// The escape for half a character at byte `at`.
    fn half(&self, at: usize) -> Error {
        let Syntax { line, column, .. } = self.syntax(at + 1, false);
        Error::HalfCharacter {
            line,
            column,
            // Six ASCII characters: `\u` and four hex digits.
            escape: self.text[at..at + 6].to_string(),
        }
    }
}

/// `e`, from the value at `segment` of a list or object: a repeated key's path starts
/// there.
fn within(e: Error, segment: Segment) -> Error {
    match e {
        Error::DuplicateKey(Path(mut path)) => {
            path.insert(0, segment);
            Error::DuplicateKey(Path(path))
        }
        e => e,
    }
}

/// `significand` × 10^`exponent` as serde_json computes it (one multiplication or
/// division by a power of ten from its table); `None` if infinite.
fn scaled(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        match POW10.get(exponent.unsigned_abs() as usize) {
            Some(&pow) if exponent >= 0 => {
                f *= pow;
                return (!f.is_infinite()).then_some(f);
            }
            Some(&pow) => return Some(f / pow),
            None if f == 0.0 => return Some(f),
            None if exponent >= 0 => return None,
            None => {
                f /= 1e308;
                exponent += 308;
            }
        }
    }
}

/// 1e0 to 1e308, each the nearest `f64` (serde_json's table; `powi` is not exact).
static POW10: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32,
    1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39, 1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48,
    1e49, 1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59, 1e60, 1e61, 1e62, 1e63, 1e64,
    1e65, 1e66, 1e67, 1e68, 1e69, 1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79, 1e80,
    1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89, 1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96,
    1e97, 1e98, 1e99, 1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109, 1e110,
    1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119, 1e120, 1e121, 1e122, 1e123,
    1e124, 1e125, 1e126, 1e127, 1e128, 1e129, 1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136,
    1e137, 1e138, 1e139, 1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162,
    1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175,
    1e176, 1e177, 1e178, 1e179, 1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188,
    1e189, 1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201,
    1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214,
    1e215, 1e216, 1e217, 1e218, 1e219, 1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227,
    1e228, 1e229, 1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239, 1e240,
    1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, 1e250, 1e251, 1e252, 1e253,
    1e254, 1e255, 1e256, 1e257, 1e258, 1e259, 1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266,
    1e267, 1e268, 1e269, 1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289, 1e290, 1e291, 1e292,
    1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303, 1e304, 1e305,
    1e306, 1e307, 1e308,
];

#[cfg(test)]
mod tests {
    use serde_json::json;

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
            "[-0, 18446744073709551616, -9223372036854775809, 1.5e-400, 0.1e-999999999999, 0e999999999999]",
            r#"{"a": {"b": [{"c": "d\u00e9\n"}], "e": {}}, "f": []}"#,
            r#""\ud83d\ude00 \" \\ \/ \b \f \r \t é""#,
        ] {
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap();
            for ours in [from_str(text).unwrap(), from_str_lenient(text).unwrap()] {
                let ours = serde_json::Value::from(ours);
                // As text too: `-0.0 == 0.0`, and 1 and 1.0 are different numbers.
                assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
            }
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
            // Spelt differently, the same key; refused before its value is read.
            (r#"{"ab": 1, "a\u0062": "#, vec![field("ab")]),
        ] {
            match from_str(text) {
                Err(Error::DuplicateKey(found)) => assert_eq!(found, Path(path), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(from_str(r#"{"a": {"a": 1}, "b": {"a": 1}}"#).is_ok());
    }

    #[test]
    fn the_lenient_reader_keeps_the_last_of_a_repeated_key() {
        assert_eq!(
            from_str_lenient(r#"{"b": 1, "a": 2, "b": [3]}"#),
            Some(Value::from(json!({"a": 2, "b": [3]})))
        );
    }

    #[test]
    fn nesting_too_deep_and_half_characters_are_named_where_they_are() {
        // No stack overflow either way: the depth is counted before going deeper.
        let deep = format!("{{\"a\":\n{}", "[".repeat(100_000));
        match from_str(&deep) {
            Err(Error::TooDeep { line, column }) => assert_eq!((line, column), (2, 127)),
            other => panic!("{other:?}"),
        }
        assert_eq!(from_str_lenient(&deep), None);
        assert_eq!(from_str_lenient(&"{\"a\":".repeat(100_000)), None);
        // As deep as serde_json reads is fine; one more is not.
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(from_str(&fine).is_ok() && from_str_lenient(&fine).is_some());
        let deeper = format!("[{fine}]");
        assert!(matches!(from_str(&deeper), Err(Error::TooDeep { .. })));
        assert_eq!(from_str_lenient(&deeper), None);
        for (text, at, escape) in [
            (r#""\ud800""#, 2, r"\ud800"),
            (r#"{"a": "b\uD800"}"#, 9, r"\uD800"),
            (r#"["\udc00"]"#, 3, r"\udc00"),
            (r#""\ud800\u0041""#, 2, r"\ud800"),
            (r#""\\ud800 \ud83d\ude00 \uDBFF\uDBFF""#, 23, r"\uDBFF"),
        ] {
            match from_str(text) {
                Err(Error::HalfCharacter {
                    line: 1,
                    column,
                    escape: found,
                }) => assert_eq!((column, found.as_str()), (at, escape), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
            assert_eq!(from_str_lenient(text), None, "{text}");
        }
        // A mistake before either is serde_json's own.
        assert!(matches!(
            from_str(&format!("{{x {}", "[".repeat(200))),
            Err(Error::Json(_))
        ));
    }

    #[test]
    fn other_mistakes_are_serde_json_s_own() {
        for text in [
            "{\"a\": 1,}",
            "[1, 2",
            "{\"a\": 1} x",
            "",
            "[1e999]",
            "\"a\nb\"",
        ] {
            let ours = match from_str(text) {
                Err(Error::Json(e)) => e,
                other => panic!("{text}: {other:?}"),
            };
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!(
                (ours.line(), ours.column(), ours.is_eof()),
                (theirs.line(), theirs.column(), theirs.is_eof()),
                "{text}"
            );
        }
    }
}
