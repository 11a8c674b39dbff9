//! The hand-written reader held to what it replaced, text by text: `from_str` must give
//! what the serde-based reader (`reference.rs`) gives (the same value, or the same
//! mistake at the same place), and `from_str_lenient` what `serde_json::from_str` gives.
//! The texts are JSON of every kind, made from a seeded generator so that a failure
//! repeats, and the same texts damaged: cut short, a byte changed, added or removed.

use std::time::Instant;

use serde_json::Value;

use super::{from_str, from_str_lenient, reference, Error, Syntax, MAX_DEPTH};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Numbers of every shape serde_json reads differently, and some it refuses.
const NUMBERS: [&str; 40] = [
    "0",
    "-0",
    "1e5",
    "1E-5",
    "1.5e+300",
    "1e400",
    "2e-400",
    "-2e-400",
    "18446744073709551615",
    "18446744073709551616",
    "18446744073709551616.0",
    "184467440737095516150",
    "-9223372036854775808",
    "-9223372036854775809",
    "-18446744073709551616",
    "0.1234567890123456789012",
    "123456789012345678901234567890e-10",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "4.9e-324",
    "2.4e-324",
    "1e-400000",
    "0e99999999999",
    "1e99999999999",
    "1e-99999999999",
    "-1e2147483647",
    "1e2147483648",
    "00",
    "01",
    "-01",
    "1.",
    ".5",
    "-",
    "1e",
    "1e+",
    "1e-",
    "+1",
    "1.e5",
    "-.5",
    "1ee5",
];

/// Pieces of strings: escapes of every kind, surrogate pairs and halves, non-ASCII,
/// control characters, broken escapes, and brackets that are only text.
const PIECES: [&str; 37] = [
    "a",
    "hello",
    "é",
    "€",
    "😀",
    "中文",
    r"\u00e9",
    r"\u0041",
    r"\uD83D\uDE00",
    r"\ud83d\ude00",
    r"\uDBFF\uDFFF",
    r#"\""#,
    r"\\",
    r"\/",
    r"\b",
    r"\f",
    r"\n",
    r"\r",
    r"\t",
    r"\ud800",
    r"\udc00",
    r"\uDBFF\u0041",
    r"\uD800\uD800\uDC00",
    r"\ud800\n",
    r"\ud800\",
    r"\x",
    r"\u12G4",
    r"\u00",
    "\u{1}",
    "\t",
    "\n",
    "\u{1f}",
    "\u{7f}",
    "[",
    "{",
    "]}",
    r"\\u",
];

/// Keys, few so that objects repeat them (`a\u0062` is `ab` spelt differently).
const KEYS: [&str; 6] = ["a", "b", "ab", r"a\u0062", "é", ""];

/// Whitespace of all four kinds, often a line break, so lines and columns matter.
fn blank(rng: &mut Rng, out: &mut String) {
    for _ in 0..rng.below(3) {
        out.push_str(rng.pick(&[" ", "\n", "\t", "\r", "\r\n", "  "]));
    }
}

fn number(rng: &mut Rng, out: &mut String) {
    if rng.one_in(2) {
        out.push_str(rng.pick(&NUMBERS));
        return;
    }
    let digits = |rng: &mut Rng, out: &mut String, most: usize| {
        for _ in 0..rng.below(most) {
            out.push(char::from(b'0' + rng.below(10) as u8));
        }
    };
    if rng.one_in(3) {
        out.push('-');
    }
    out.push(char::from(b'1' + rng.below(9) as u8));
    let most = if rng.one_in(4) { 25 } else { 4 };
    digits(rng, out, most);
    if rng.one_in(2) {
        out.push('.');
        digits(rng, out, 25);
    }
    if rng.one_in(3) {
        out.push_str(rng.pick(&["e", "E", "e+", "e-", "E-"]));
        digits(rng, out, 5);
    }
}

fn string(rng: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..rng.below(4) {
        // Mostly what is valid (the first 19); the rest now and then.
        let pieces = if rng.one_in(8) {
            &PIECES[..]
        } else {
            &PIECES[..19]
        };
        out.push_str(rng.pick(pieces));
    }
    out.push('"');
}

fn value(rng: &mut Rng, out: &mut String, depth: usize) {
    blank(rng, out);
    match rng.below(if depth >= 4 { 5 } else { 8 }) {
        0 => out.push_str(rng.pick(&["null", "true", "false"])),
        1 | 2 => number(rng, out),
        3 | 4 => string(rng, out),
        5 => {
            out.push('[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(',');
                }
                value(rng, out, depth + 1);
            }
            blank(rng, out);
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(5) {
                if i > 0 {
                    out.push(',');
                }
                blank(rng, out);
                out.push('"');
                out.push_str(rng.pick(&KEYS));
                out.push('"');
                blank(rng, out);
                out.push(':');
                value(rng, out, depth + 1);
            }
            blank(rng, out);
            out.push('}');
        }
    }
    blank(rng, out);
}

/// A value inside `levels` lists and objects, around `MAX_DEPTH`.
fn nested(rng: &mut Rng, levels: usize) -> String {
    let mut out = String::new();
    let mut closers = Vec::new();
    for _ in 0..levels {
        if rng.one_in(2) {
            out.push('[');
            closers.push(']');
        } else {
            out.push_str(r#"{"a":"#);
            closers.push('}');
        }
        if rng.one_in(20) {
            blank(rng, &mut out);
        }
    }
    value(rng, &mut out, 3);
    out.extend(closers.iter().rev());
    out
}

/// The text with one byte changed, added or removed (as text: a broken UTF-8 sequence
/// becomes U+FFFD).
fn damaged(rng: &mut Rng, text: &str) -> String {
    const BYTES: &[u8] = b"[]{}\",:\\u0123456789.eE+-tfnl \t\r\nxd\x01";
    let mut bytes = text.as_bytes().to_vec();
    let at = rng.below(bytes.len() + 1);
    let byte = if rng.one_in(4) {
        rng.below(128) as u8
    } else {
        BYTES[rng.below(BYTES.len())]
    };
    match rng.below(3) {
        0 if at < bytes.len() => bytes[at] = byte,
        1 if at < bytes.len() => {
            bytes.remove(at);
        }
        _ => bytes.insert(at, byte),
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn garbage(rng: &mut Rng) -> String {
    const TOKENS: [&str; 28] = [
        "[", "]", "{", "}", ",", ":", "\"", "\\", "u", "d800", "dc00", "1", "-", ".", "e", "0",
        "tru", "null", " ", "\n", "é", "\"a\"", r"\ud800", "\r", "\t", "x", "+", "9",
    ];
    let mut out = String::new();
    for _ in 0..rng.below(16) {
        out.push_str(rng.pick(&TOKENS));
    }
    out
}

/// Texts where the reader this replaced named nesting too deep or half a character one
/// byte past what serde_json had read (or had read as something else).
fn edges() -> Vec<String> {
    let open = "[".repeat(MAX_DEPTH);
    let mut texts: Vec<String> = [
        "tru\n[", "tr[", "1.\n[", "1.\n{", "-[", "-\n[", "1e[", "1e+\n{", "0[", "0 [", "1 {", "[",
        "\"a\" [", "\"\\x\n[",
    ]
    .iter()
    .map(|tail| format!("{open}{tail}"))
    .collect();
    let obj = r#"{"a":"#.repeat(MAX_DEPTH);
    for tail in ["\"b\" [", "1 [", "\"b\":1 {", "1,[", "{[", "{\"a\" ["] {
        texts.push(format!("{obj}{tail}"));
    }
    for text in [
        "\"a\n\\ud800\"",
        "\"a\\\n\\ud800\"",
        "\"\\u12\n\\ud800\"",
        "\"\\u12\n[",
        "\"a\u{1}\\ud800\"",
        "\"\\ud800\n\"",
        "\"\\ud800\\\n\"",
        "\"\\ud800\\u12\n\"",
        "\"a\n\\ud800\\udc00\"",
        "\"a\n\\udc00\"",
        "[\"\\ud800\", [",
        "{\"\\ud800\": 1}",
        "{\"a\": 1, \"a\": \"\\ud800\"}",
        "{\"a\": \"\\ud800\", \"a\": 1}",
    ] {
        texts.push(text.to_string());
    }
    texts
}

/// The reference's answer in this reader's terms.
fn reference(text: &str) -> Result<Value, Error> {
    reference::from_str(text).map_err(|e| match e {
        reference::Error::Json(e) => Error::Json(Syntax {
            line: e.line(),
            column: e.column(),
            eof: e.is_eof(),
        }),
        reference::Error::DuplicateKey(path) => Error::DuplicateKey(path),
        reference::Error::TooDeep { line, column } => Error::TooDeep { line, column },
        reference::Error::HalfCharacter {
            line,
            column,
            escape,
        } => Error::HalfCharacter {
            line,
            column,
            escape,
        },
    })
}

/// How often each answer came, so the generator is seen to reach every one.
#[derive(Default, Debug)]
struct Seen {
    texts: usize,
    values: usize,
    json: usize,
    eof: usize,
    duplicate: usize,
    too_deep: usize,
    half: usize,
}

fn check(text: &str, seen: &mut Seen) {
    // Values compared as text too: `-0.0 == 0.0`, but serde_json writes `-0.0`.
    let as_text = |read: Result<Value, Error>| read.map(|v| (v.to_string(), v));
    // Ours as serde_json's value, to compare with the reference's and serde_json's.
    let ours = from_str(text).map(Value::from);
    match &ours {
        Ok(_) => seen.values += 1,
        Err(Error::Json(e)) => {
            seen.json += 1;
            seen.eof += usize::from(e.is_eof());
        }
        Err(Error::DuplicateKey(_)) => seen.duplicate += 1,
        Err(Error::TooDeep { .. }) => seen.too_deep += 1,
        Err(Error::HalfCharacter { .. }) => seen.half += 1,
    }
    assert_eq!(as_text(ours), as_text(reference(text)), "strict: {text:?}");
    let lenient = from_str_lenient(text)
        .map(Value::from)
        .map(|v| (v.to_string(), v));
    let theirs = serde_json::from_str::<Value>(text)
        .ok()
        .map(|v| (v.to_string(), v));
    assert_eq!(lenient, theirs, "lenient: {text:?}");
    seen.texts += 1;
}

#[test]
fn the_reader_gives_what_the_serde_based_reader_and_serde_json_give() {
    let started = Instant::now();
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let mut seen = Seen::default();
    for text in edges() {
        check(&text, &mut seen);
    }
    for round in 0..5000 {
        let text = match round % 10 {
            0 => {
                let levels = MAX_DEPTH - 3 + rng.below(6);
                nested(&mut rng, levels)
            }
            1 => garbage(&mut rng),
            _ => {
                let mut out = String::new();
                value(&mut rng, &mut out, 0);
                out
            }
        };
        check(&text, &mut seen);
        // Cut short at every byte, for some (a deep one every 300th).
        if round % 50 == 2 || round % 300 == 0 {
            for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                check(&text[..cut], &mut seen);
            }
        }
        for _ in 0..4 {
            check(&damaged(&mut rng, &text), &mut seen);
        }
    }
    eprintln!("{seen:?} in {:?}", started.elapsed());
    // Every kind of answer, many times over.
    let Seen {
        texts,
        values,
        json,
        eof,
        duplicate,
        too_deep,
        half,
    } = seen;
    assert!(texts > 30_000, "{seen:?}");
    for count in [values, json, eof, duplicate, too_deep, half] {
        assert!(count > 200, "{seen:?}");
    }
}
