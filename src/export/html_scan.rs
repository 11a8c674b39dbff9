//! Finding the report's copy of the assessment the way a browser finds it.
//!
//! A report carries its JSON export in `<script type="application/json"
//! id="lia-assessment">`. To read only the copy a browser would read, and to refuse a
//! file with any other, this module tokenizes the file by the WHATWG HTML parsing rules
//! that decide where elements are:
//!
//! - tags, with attributes double-quoted, single-quoted or unquoted, a repeated attribute
//!   ignored (a browser keeps the first `id`), names in any case, and a tag the file ends
//!   inside dropped;
//! - comments (`<!-- … -->`, with the `<!-->`, `<!--->` and `--!>` endings, and one
//!   never closed running to the end), bogus comments (`<!…>`, `<?…>`, `</ …>`) and the
//!   DOCTYPE;
//! - the elements whose content is text: script (with the script data states, so that
//!   after `<!--<script>` a `</script>` does not end the script, exactly as a browser
//!   reads it), style, xmp, iframe, noembed, noframes, noscript (scripting is on),
//!   textarea and title, each running to its end tag (`</name` followed by white space,
//!   `/` or `>`, in any case), and plaintext (the rest of the file is text);
//! - `<template>` content, which is not part of the document (nested templates counted);
//! - `<svg>` and `<math>` drawings, followed while they hold only their own elements;
//!   a script inside one is not the report's copy.
//!
//! A *candidate* is a script start tag whose first `id` attribute is `lia-assessment`.
//! It is *visible* when a browser puts it in the document (where `getElementById` finds
//! it), and *hidden* when it is in template content or a drawing. As well, a plain
//! search finds every `id="lia-assessment"` in the file written as an attribute could
//! be (the name in any case after white space, `/` or a quote; white space around `=`;
//! the value quoted either way or not at all, any character of it written as a numeric
//! character reference), and each one that is not the `id` of a candidate counts as a
//! hidden copy, named by where the tokenizer found it: in a comment, in the text of a
//! textarea, in another attribute, in the page's text. So a copy a browser would not read
//! is found even where the tokenizer reads only text, and one this tokenizer misread
//! could not pass unseen.
//!
//! The file is read only when it has exactly one visible candidate and nothing hidden.
//! Some markup changes how a browser builds the page in ways this tokenizer does not
//! follow (`<select>`, `<col>` first in a template, markup in `<noscript>`, a drawing
//! that mixes in HTML); before the copy, it makes the file refused too, and so do a
//! `<frameset>` anywhere (it can take the place of the body that holds the copy) and a
//! declared encoding other than UTF-8 anywhere (a browser would decode the whole file
//! otherwise). The file must also be one every browser would show in UTF-8, as the
//! import reads it (`Encoding`): with a byte order mark, or a `<meta charset>` of UTF-8 in
//! its first 1024 bytes that the WHATWG prescan finds (this tokenizer sees a subset of
//! what the prescan sees, so one it finds, the prescan finds), and no XML declaration of
//! another encoding at its start (which Chromium follows); with none of these, a browser
//! guesses, so only plain ASCII is read. The
//! report this tool writes has none of it. Nothing here panics, and every step moves
//! forward through the file, so it always ends.

use std::ops::Range;

use super::SCRIPT_ID;

/// Where a copy of the assessment (or an `id="lia-assessment"`) is that a browser would
/// not read as the report's copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HiddenPlace {
    /// `<!-- … -->`.
    Comment,
    /// `<!…>`, `<?…>` or `</ …>`, which a browser reads as a comment.
    BogusComment,
    /// The `<!DOCTYPE …>` line.
    Doctype,
    /// The content of a `<template>`, which is not part of the document.
    Template,
    /// The content of an element a browser reads as text (textarea, title, style, xmp,
    /// iframe, noembed, noframes, noscript); the element's name.
    TextOf(&'static str),
    /// After `<plaintext>`: the rest of the file is text.
    Plaintext,
    /// The text of a script (another one, or the copy itself).
    ScriptText,
    /// Inside an `<svg>` or `<math>` drawing.
    Drawing,
    /// In the value (or the name) of another attribute.
    AttributeValue,
    /// In an attribute a browser ignores: a repeated one, or one on an end tag.
    IgnoredAttribute,
    /// The `id` of an element that is not a script (its name, shortened).
    OtherElement(String),
    /// In the text of the page.
    Text,
    /// In a tag the file ends inside, which a browser drops.
    UnfinishedTag,
}

impl HiddenPlace {
    /// Where, in words that follow "it is".
    pub fn describe(&self) -> String {
        match self {
            HiddenPlace::Comment => "inside a comment (<!-- … -->)".to_string(),
            HiddenPlace::BogusComment => {
                "inside a tag a browser treats as a comment (<!…>, <?…> or </…>)".to_string()
            }
            HiddenPlace::Doctype => "inside the <!DOCTYPE> line".to_string(),
            HiddenPlace::Template => {
                "inside a <template>, whose content is not part of the page".to_string()
            }
            HiddenPlace::TextOf(name) => {
                format!("inside a <{name}> element, whose content a browser reads as text")
            }
            HiddenPlace::Plaintext => {
                "after a <plaintext> tag, after which a browser reads everything as text"
                    .to_string()
            }
            HiddenPlace::ScriptText => "inside the text of a script".to_string(),
            HiddenPlace::Drawing => "inside an <svg> or <math> drawing".to_string(),
            HiddenPlace::AttributeValue => "inside another attribute of a tag".to_string(),
            HiddenPlace::IgnoredAttribute => "in an attribute a browser ignores (a second id \
                                              on the same tag, or an attribute of a closing \
                                              tag)"
                .to_string(),
            HiddenPlace::OtherElement(name) => {
                format!("the id of a <{name}> element, not of a script")
            }
            HiddenPlace::Text => "in the text of the page".to_string(),
            HiddenPlace::UnfinishedTag => {
                "in a tag that the file ends inside, which a browser drops".to_string()
            }
        }
    }
}

/// Markup before the copy that a browser may build differently from how this tokenizer
/// reads it, so the copy it found may not be the one a browser reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnclearMarkup {
    /// `<select>`: what it may hold differs between browsers (and their versions).
    Select,
    /// `<frameset>` (before the copy or after it): a browser may put it in place of the
    /// page's body, and drops most of what follows it.
    Frameset,
    /// `<col>` first in a `<template>`: a browser drops what follows in it.
    ColumnInTemplate,
    /// Markup inside `<noscript>`: read as text with scripting on, as markup without.
    Noscript,
    /// An `<svg>` or `<math>` drawing with HTML inside it (or an end tag that is not
    /// one of its open elements').
    Drawing,
    /// A character encoding other than UTF-8 declared anywhere (`charset=…`): a browser
    /// would decode the file, and so read its markup and the copy, differently.
    Encoding,
}

impl UnclearMarkup {
    /// What, in words.
    pub fn describe(self) -> &'static str {
        match self {
            UnclearMarkup::Select => "a <select> element",
            UnclearMarkup::Frameset => "a <frameset> element",
            UnclearMarkup::ColumnInTemplate => "a <col> element in a <template>",
            UnclearMarkup::Noscript => "markup inside a <noscript> element",
            UnclearMarkup::Drawing => "an <svg> or <math> drawing with HTML inside it",
            UnclearMarkup::Encoding => "a declaration that the file is not in UTF-8",
        }
    }
}

/// Why a browser might show the report in another encoding than UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// It starts with an XML declaration (or its UTF-16 form) of this encoding.
    Xml(String),
    /// No UTF-8 is declared near its start, and it has characters beyond plain ASCII.
    Undeclared,
}

/// The labels of UTF-8, and those of UTF-16, which a `<meta>` or an XML declaration
/// cannot set (a browser reads UTF-8 instead), as the WHATWG Encoding Standard lists them.
fn is_utf8_label(label: &[u8]) -> bool {
    const UTF8: [&str; 15] = [
        "unicode-1-1-utf-8",
        "unicode11utf8",
        "unicode20utf8",
        "utf-8",
        "utf8",
        "x-unicode20utf8",
        "csunicode",
        "iso-10646-ucs-2",
        "ucs-2",
        "unicode",
        "unicodefeff",
        "utf-16",
        "utf-16le",
        "unicodefffe",
        "utf-16be",
    ];
    let label = label.trim_ascii();
    UTF8.iter()
        .any(|l| label.eq_ignore_ascii_case(l.as_bytes()))
}

/// The label of an XML declaration at the very start, as Chromium reads it.
fn xml_encoding(b: &[u8]) -> Option<&[u8]> {
    let decl = &b[..find(b, 0, b'>')?];
    let at = find_bytes(decl, 0, b"encoding")? + 8;
    let rest = decl[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    Some(&rest[1..find(rest, 1, quote)?])
}

/// Why no copy was taken from an HTML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// No copy at all.
    None,
    /// More than one copy, all where a browser reads them.
    Several { copies: usize },
    /// One or more copies where a browser would not read them; `place` is the first.
    Hidden {
        place: HiddenPlace,
        hidden: usize,
        copies: usize,
    },
    /// One copy, but after markup this tokenizer does not follow.
    Unclear(UnclearMarkup),
    /// A browser might show the file in another encoding than UTF-8.
    Encoding(Encoding),
}

/// The text of the one `<script … id="lia-assessment">` element a browser would find,
/// or why there is not exactly one (`bom`: the file started with a UTF-8 byte order mark,
/// which decides its encoding before anything in it).
pub(crate) fn embedded_json(html: &str, bom: bool) -> Result<&str, Problem> {
    let found = Scanner::new(html).run();
    let b = html.as_bytes();
    // Chromium reads `<?xml` in UTF-16 as UTF-16, whatever follows.
    let xml = match b.starts_with(b"<\0?\0x\0") {
        true => Some(&b"UTF-16LE"[..]),
        false if b.starts_with(b"<?xml") => xml_encoding(b).filter(|l| !is_utf8_label(l)),
        false => None,
    };
    // ESC starts ISO-2022-JP, which a browser's guess can pick for 7-bit text.
    let encoding = match xml {
        _ if bom => None,
        Some(label) => Some(Encoding::Xml(
            label.iter().take(40).map(|&c| char::from(c)).collect(),
        )),
        None if !found.utf8_meta && !b.iter().all(|&c| c < 0x80 && c != 0x1B) => {
            Some(Encoding::Undeclared)
        }
        None => None,
    };
    let mut visible = Vec::new();
    // How many hidden copies, and the first in the file.
    let mut hidden = 0;
    let mut first: Option<(usize, HiddenPlace)> = None;
    let mut hide = |at: usize, place: HiddenPlace| {
        hidden += 1;
        if first.as_ref().is_none_or(|(earliest, _)| at < *earliest) {
            first = Some((at, place));
        }
    };
    for c in found.candidates {
        match c.hidden {
            Some(place) => hide(c.id_at, place),
            None => visible.push(c),
        }
    }
    for (at, mark) in found.hits.iter().zip(found.marks) {
        match mark {
            Mark::Candidate => {}
            Mark::Unseen => hide(*at, HiddenPlace::Text),
            Mark::Hidden(place) => hide(*at, place),
        }
    }
    let copies = visible.len() + hidden;
    match (visible.as_slice(), first) {
        ([], None) => Err(Problem::None),
        ([one], None) => {
            // Markup before the copy may change how a browser reads up to it; a
            // `<frameset>` anywhere may take the whole body, the copy with it, out of the
            // document.
            let unclear = found
                .unclear
                .iter()
                .find(|(markup, at)| *at < one.read_to || *markup == UnclearMarkup::Frameset);
            match (unclear, encoding) {
                (Some((markup, _)), _) => Err(Problem::Unclear(*markup)),
                (None, Some(encoding)) => Err(Problem::Encoding(encoding)),
                (None, None) => html.get(one.content.clone()).ok_or(Problem::None),
            }
        }
        (_, None) => Err(Problem::Several { copies }),
        (_, Some((_, place))) => Err(Problem::Hidden {
            place,
            hidden,
            copies,
        }),
    }
}

/// A script start tag whose first `id` is ours.
#[derive(Debug)]
struct Candidate {
    /// Where its `id` attribute starts.
    id_at: usize,
    /// Its text (empty for a hidden one).
    content: Range<usize>,
    /// How far the file was read to find its end.
    read_to: usize,
    hidden: Option<HiddenPlace>,
}

/// What became of an `id="lia-assessment"` found by the plain search.
#[derive(Clone, Debug)]
enum Mark {
    /// Not passed by the tokenizer yet (at the end: in text).
    Unseen,
    /// The `id` of a candidate.
    Candidate,
    Hidden(HiddenPlace),
}

/// A start or end tag as a browser reads it, with what matters here of its attributes
/// (so a tag with a million attributes costs no more than its length).
struct Tag {
    /// Lower-cased (ASCII only, as a browser does).
    name: String,
    /// Its `id` attributes: where each name starts, and its value. A browser keeps the
    /// first and ignores the others.
    ids: Vec<(usize, Range<usize>)>,
    /// It has a `color`, `face` or `size` attribute (a `<font>` with one ends a drawing).
    font_attribute: bool,
    /// The value of its first `charset` attribute.
    charset: Option<Range<usize>>,
    self_closing: bool,
    /// Just after its `>`.
    end: usize,
}

/// An element of an `<svg>` or `<math>` drawing that is still open.
struct Foreign {
    name: String,
    /// An element whose children a browser reads by the HTML rules (an SVG
    /// `foreignObject`, `desc` or `title`, a MathML text element or `annotation-xml`).
    integration: bool,
}

struct Found {
    candidates: Vec<Candidate>,
    hits: Vec<usize>,
    marks: Vec<Mark>,
    /// The first markup of each kind the tokenizer does not follow, and where.
    unclear: Vec<(UnclearMarkup, usize)>,
    utf8_meta: bool,
}

/// The bytes the WHATWG prescan looks at for a `<meta charset>`.
const PRESCAN: usize = 1024;

struct Scanner<'a> {
    b: &'a [u8],
    /// Where the plain search found `id="lia-assessment"`, in order.
    hits: Vec<usize>,
    marks: Vec<Mark>,
    candidates: Vec<Candidate>,
    /// How many `<template>` elements are open.
    template: usize,
    /// The open elements of a drawing (empty outside one), at most `MAX_DEPTH`.
    foreign: Vec<Foreign>,
    /// The first markup of each kind the tokenizer does not follow, and where.
    unclear: Vec<(UnclearMarkup, usize)>,
    /// A `<meta charset>` of UTF-8 that the prescan finds, in its first 1024 bytes.
    utf8_meta: bool,
    /// Where the prescan stops following this tokenizer: after a comment it ends
    /// differently (`--!>`), what this tokenizer sees the prescan may not.
    prescan_differs: bool,
}

/// HTML white space (no vertical tab).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Elements whose content is text up to their end tag (raw text and escapable raw text).
const TEXT_ELEMENTS: [&str; 8] = [
    "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// Start tags that end a drawing (the HTML parser's "breakout" list).
const BREAKOUT: [&str; 44] = [
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// How deep a drawing is followed.
const MAX_DEPTH: usize = 256;

/// Elements of a drawing whose children follow the HTML rules.
const INTEGRATION: [&str; 9] = [
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

impl<'a> Scanner<'a> {
    fn new(html: &'a str) -> Scanner<'a> {
        let b = html.as_bytes();
        let hits = search(b);
        let mut unclear = Vec::new();
        if declares_another_encoding(b) {
            unclear.push((UnclearMarkup::Encoding, 0));
        }
        Scanner {
            b,
            marks: vec![Mark::Unseen; hits.len()],
            hits,
            candidates: Vec::new(),
            template: 0,
            foreign: Vec::new(),
            unclear,
            utf8_meta: false,
            prescan_differs: false,
        }
    }

    fn run(mut self) -> Found {
        let mut i = 0;
        while i < self.b.len() {
            let next = self.step(i);
            debug_assert!(next > i, "the scan must move forward");
            i = next.max(i + 1);
        }
        Found {
            candidates: self.candidates,
            hits: self.hits,
            marks: self.marks,
            unclear: self.unclear,
            utf8_meta: self.utf8_meta,
        }
    }

    /// Reads from `i` in the data state; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        let b = self.b;
        let Some(lt) = find(b, i, b'<') else {
            self.mark(i..b.len(), HiddenPlace::Text);
            return b.len();
        };
        self.mark(i..lt, HiddenPlace::Text);
        match b.get(lt + 1) {
            Some(b'!') => self.markup_declaration(lt),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => match self.tag(lt, lt + 2) {
                    Some(tag) => {
                        self.end_tag(lt, &tag);
                        tag.end
                    }
                    None => b.len(),
                },
                // `</>` is dropped.
                Some(b'>') => lt + 3,
                Some(_) => self.bogus_comment(lt, lt + 2),
                None => b.len(),
            },
            Some(b'?') => self.bogus_comment(lt, lt + 1),
            Some(c) if c.is_ascii_alphabetic() => match self.tag(lt, lt + 1) {
                Some(tag) => self.start_tag(lt, tag),
                None => b.len(),
            },
            // A `<` that opens nothing is text.
            _ => lt + 1,
        }
    }

    /// After `<!`: a comment, the DOCTYPE, CDATA in a drawing, or a bogus comment.
    fn markup_declaration(&mut self, lt: usize) -> usize {
        let rest = &self.b[lt + 2..];
        if rest.starts_with(b"--") {
            let end = comment_end(self.b, lt + 4);
            self.mark(lt..end, HiddenPlace::Comment);
            // The prescan ends a comment only at `-->` (`<!-->` and `<!--->` included).
            self.prescan_differs |= !self.b[..end].ends_with(b"-->");
            end
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            let end = find(self.b, lt + 9, b'>').map_or(self.b.len(), |e| e + 1);
            self.mark(lt..end, HiddenPlace::Doctype);
            end
        } else if rest.starts_with(b"[CDATA[") && !self.foreign.is_empty() {
            let end = find_bytes(self.b, lt + 9, b"]]>").map_or(self.b.len(), |e| e + 3);
            self.mark(lt..end, HiddenPlace::Drawing);
            end
        } else {
            self.bogus_comment(lt, lt + 2)
        }
    }

    fn bogus_comment(&mut self, lt: usize, from: usize) -> usize {
        let end = find(self.b, from, b'>').map_or(self.b.len(), |e| e + 1);
        self.mark(lt..end, HiddenPlace::BogusComment);
        end
    }

    /// Reads a tag from its name (at `from`) to its `>`, as the tag name, attribute and
    /// self-closing states do. `None` when the file ends inside it (a browser drops it).
    fn tag(&mut self, lt: usize, from: usize) -> Option<Tag> {
        let b = self.b;
        let mut i = from;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let mut tag = Tag {
            name: lower(&b[from..i]),
            ids: Vec::new(),
            font_attribute: false,
            charset: None,
            self_closing: false,
            end: 0,
        };
        let unfinished = |s: &mut Self| {
            s.mark(lt..b.len(), HiddenPlace::UnfinishedTag);
            None
        };
        loop {
            let Some(&c) = b.get(i) else {
                return unfinished(self);
            };
            match c {
                c if is_space(c) => i += 1,
                b'>' => {
                    tag.end = i + 1;
                    return Some(tag);
                }
                // The self-closing start tag state: `/>` ends the tag; any other `/` is
                // dropped and what follows starts an attribute.
                b'/' => match b.get(i + 1) {
                    Some(b'>') => {
                        tag.self_closing = true;
                        tag.end = i + 2;
                        return Some(tag);
                    }
                    Some(_) => i += 1,
                    None => return unfinished(self),
                },
                _ => {
                    // An attribute name takes its first character whatever it is (even
                    // `=`), then runs to white space, `/`, `>` or `=`.
                    let at = i;
                    i += 1;
                    while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                        i += 1;
                    }
                    let name = &b[at..i];
                    while i < b.len() && is_space(b[i]) {
                        i += 1;
                    }
                    let mut value = i..i;
                    if b.get(i) == Some(&b'=') {
                        i += 1;
                        while i < b.len() && is_space(b[i]) {
                            i += 1;
                        }
                        match b.get(i) {
                            Some(&q @ (b'"' | b'\'')) => {
                                let Some(close) = find(b, i + 1, q) else {
                                    return unfinished(self);
                                };
                                value = i + 1..close;
                                i = close + 1;
                            }
                            // `id=>`: an empty value, and the tag ends.
                            Some(b'>') => value = i..i,
                            Some(_) => {
                                let start = i;
                                while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                                    i += 1;
                                }
                                value = start..i;
                            }
                            None => return unfinished(self),
                        }
                    }
                    if name.eq_ignore_ascii_case(b"id") {
                        tag.ids.push((at, value));
                    } else if name.eq_ignore_ascii_case(b"charset") {
                        tag.charset.get_or_insert(value);
                    } else if [&b"color"[..], b"face", b"size"]
                        .iter()
                        .any(|a| name.eq_ignore_ascii_case(a))
                    {
                        tag.font_attribute = true;
                    }
                }
            }
        }
    }

    fn end_tag(&mut self, lt: usize, tag: &Tag) {
        // Attributes of an end tag are ignored.
        self.mark(lt..tag.end, HiddenPlace::IgnoredAttribute);
        if !self.foreign.is_empty() {
            // In a drawing, an end tag closes the innermost open element of its name and
            // those inside it; `</p>`, `</br>` and any other name go by the HTML rules.
            let open = self.foreign.iter().rposition(|f| f.name == tag.name);
            match open {
                Some(open) if tag.name != "p" && tag.name != "br" => self.foreign.truncate(open),
                _ => {
                    self.unsure(UnclearMarkup::Drawing, lt);
                    if tag.name == "p" || tag.name == "br" {
                        // A browser leaves the drawing here, as for a breakout start tag.
                        self.foreign.clear();
                    }
                }
            }
        } else if tag.name == "template" {
            self.template = self.template.saturating_sub(1);
        }
    }

    /// A start tag (read up to `tag.end`): what it is, and the text it starts.
    fn start_tag(&mut self, lt: usize, tag: Tag) -> usize {
        if !self.foreign.is_empty() {
            return self.start_tag_in_drawing(lt, tag);
        }
        let name = tag.name.as_str();
        match name {
            "select" => self.unsure(UnclearMarkup::Select, lt),
            "frameset" => self.unsure(UnclearMarkup::Frameset, lt),
            "col" if self.template > 0 => self.unsure(UnclearMarkup::ColumnInTemplate, lt),
            _ => {}
        }
        if name == "meta" && tag.end <= PRESCAN && !self.prescan_differs {
            let charset = tag.charset.clone().map(|r| &self.b[r]);
            self.utf8_meta |= charset.is_some_and(is_utf8_label);
        }
        let candidate = self.classify_tag(lt, &tag);
        match name {
            "template" => self.template += 1,
            "svg" | "math" if !tag.self_closing => self.foreign.push(Foreign {
                name: tag.name.clone(),
                integration: false,
            }),
            "plaintext" => {
                self.mark(tag.end..self.b.len(), HiddenPlace::Plaintext);
                return self.b.len();
            }
            "script" => {
                let end = script_end(self.b, tag.end);
                self.mark(tag.end..end, HiddenPlace::ScriptText);
                let after = self.closing_tag(end, "script");
                if let Some(id_at) = candidate {
                    let hidden = (self.template > 0).then_some(HiddenPlace::Template);
                    self.candidates.push(Candidate {
                        id_at,
                        content: tag.end..end,
                        read_to: after,
                        hidden,
                    });
                }
                return after;
            }
            _ => {}
        }
        if let Some(&element) = TEXT_ELEMENTS.iter().find(|e| **e == name) {
            let end = text_end(self.b, tag.end, element);
            if element == "noscript" && self.b[tag.end..end].contains(&b'<') {
                self.unsure(UnclearMarkup::Noscript, lt);
            }
            self.mark(tag.end..end, HiddenPlace::TextOf(element));
            return self.closing_tag(end, element);
        }
        tag.end
    }

    /// A start tag inside a drawing: a foreign element, whose content is markup (a
    /// script there is an SVG script, not the report's copy).
    fn start_tag_in_drawing(&mut self, lt: usize, tag: Tag) -> usize {
        let integration = self.foreign.last().is_some_and(|f| f.integration);
        let breakout =
            BREAKOUT.contains(&tag.name.as_str()) || (tag.name == "font" && tag.font_attribute);
        if integration || breakout {
            self.unsure(UnclearMarkup::Drawing, lt);
        }
        if let Some(id_at) = self.classify_tag(lt, &tag) {
            self.candidates.push(Candidate {
                id_at,
                content: tag.end..tag.end,
                read_to: tag.end,
                hidden: Some(self.place(HiddenPlace::Drawing)),
            });
        }
        if breakout {
            // A browser leaves the drawing here (our best guess, and already unclear).
            self.foreign.clear();
        } else if self.foreign.len() >= MAX_DEPTH {
            // Browsers limit how deeply elements nest, each in its own way.
            self.unsure(UnclearMarkup::Drawing, lt);
        } else if !tag.self_closing {
            self.foreign.push(Foreign {
                integration: INTEGRATION.contains(&tag.name.as_str()),
                name: tag.name,
            });
        }
        tag.end
    }

    /// Marks the search's finds inside a start tag. Returns where the `id` starts when
    /// the tag is a candidate.
    fn classify_tag(&mut self, lt: usize, tag: &Tag) -> Option<usize> {
        let mut ours = None;
        if let Some((at, value)) = tag.ids.first() {
            if tag.name == "script" && matches_id(self.b, value.start) == Some(value.end) {
                ours = Some(*at);
                self.set(*at, Mark::Candidate);
            } else {
                let place = self.place(HiddenPlace::OtherElement(shorten(&tag.name)));
                self.set(*at, Mark::Hidden(place));
            }
        }
        for (at, _) in tag.ids.iter().skip(1) {
            self.set(*at, Mark::Hidden(self.place(HiddenPlace::IgnoredAttribute)));
        }
        self.mark(lt..tag.end, HiddenPlace::AttributeValue);
        ours
    }

    /// Reads the end tag of a text element found at `at` (or nothing, at the end of the
    /// file); returns where the data state goes on.
    fn closing_tag(&mut self, at: usize, name: &str) -> usize {
        if at >= self.b.len() {
            return at;
        }
        match self.tag(at, at + 2) {
            Some(tag) => {
                debug_assert_eq!(tag.name, name);
                self.end_tag(at, &tag);
                tag.end
            }
            None => self.b.len(),
        }
    }

    /// `specific`, unless the whole region is in template content or a drawing.
    fn place(&self, specific: HiddenPlace) -> HiddenPlace {
        if self.template > 0 {
            HiddenPlace::Template
        } else if !self.foreign.is_empty() {
            HiddenPlace::Drawing
        } else {
            specific
        }
    }

    /// Marks the search's finds in `range` not marked yet.
    fn mark(&mut self, range: Range<usize>, place: HiddenPlace) {
        let first = self.hits.partition_point(|&h| h < range.start);
        let place = self.place(place);
        for k in first..self.hits.len() {
            if self.hits[k] >= range.end {
                break;
            }
            if matches!(self.marks[k], Mark::Unseen) {
                self.marks[k] = Mark::Hidden(place.clone());
            }
        }
    }

    /// Marks the find at exactly `at`, if there is one.
    fn set(&mut self, at: usize, mark: Mark) {
        if let Ok(k) = self.hits.binary_search(&at) {
            if matches!(self.marks[k], Mark::Unseen) {
                self.marks[k] = mark;
            }
        }
    }

    fn unsure(&mut self, markup: UnclearMarkup, at: usize) {
        if self.unclear.iter().all(|(m, _)| *m != markup) {
            self.unclear.push((markup, at));
        }
    }
}

/// ASCII lower case, as a browser folds tag and attribute names.
fn lower(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

/// An element's name for a message: at most 30 characters.
fn shorten(name: &str) -> String {
    name.chars().take(30).collect()
}

fn find(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&x| x == c)
        .map(|p| from + p)
}

fn find_bytes(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where a comment that starts at `from` (just after `<!--`) ends, just after its `>`,
/// by the comment states (the `<!` states inside a comment never change where it ends).
fn comment_end(b: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy)]
    enum S {
        Comment,
        EndDash,
        End,
        EndBang,
    }
    // The comment start and start dash states: `<!-->` and `<!--->` end at once.
    let (mut s, mut i) = match (b.get(from), b.get(from + 1)) {
        (Some(b'>'), _) => return from + 1,
        (Some(b'-'), Some(b'>')) => return from + 2,
        (Some(b'-'), Some(b'-')) => (S::End, from + 2),
        (Some(b'-'), _) => (S::Comment, from + 1),
        _ => (S::Comment, from),
    };
    while let Some(&c) = b.get(i) {
        s = match (s, c) {
            (S::Comment, b'-') => S::EndDash,
            (S::Comment, _) => S::Comment,
            (S::EndDash, b'-') => S::End,
            (S::End, b'>') | (S::EndBang, b'>') => return i + 1,
            (S::End, b'!') => S::EndBang,
            (S::End, b'-') => S::End,
            (S::EndBang, b'-') => S::EndDash,
            (S::EndDash | S::End | S::EndBang, _) => S::Comment,
        };
        i += 1;
    }
    b.len()
}

/// Whether `</name` at `at` is followed by white space, `/` or `>`, in any case: the end
/// tag of a text element.
fn is_end_tag(b: &[u8], at: usize, name: &str) -> bool {
    let n = name.len();
    b.get(at) == Some(&b'<')
        && b.get(at + 1) == Some(&b'/')
        && b.get(at + 2..at + 2 + n)
            .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
        && b.get(at + 2 + n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the text of a raw text or escapable raw text element ends: at the `<` of its end
/// tag, or the end of the file.
fn text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(lt) = find(b, i, b'<') {
        if is_end_tag(b, lt, name) {
            return lt;
        }
        i = lt + 1;
    }
    b.len()
}

/// Where a script's text ends: at the `<` of the `</script` that ends it, by the script
/// data states (escaped after `<!--`, double-escaped after a `<script` inside that, until
/// `</script` or `-->`), or the end of the file.
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    /// After `<` or `</`: the ASCII letters there, and the character after them when
    /// it is white space, `/` or `>` (the delimiter of the double escape states).
    fn word(b: &[u8], at: usize) -> (usize, Option<usize>) {
        let mut i = at;
        while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        let delimited = b
            .get(i)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
        (i, delimited.then_some(i))
    }
    let is_script = |r: Range<usize>| b[r].eq_ignore_ascii_case(b"script");
    let mut s = S::Data;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        match (s, c) {
            (S::Data, b'<') => {
                if is_end_tag(b, i, "script") {
                    return i;
                }
                if b[i + 1..].starts_with(b"!--") {
                    s = S::EscapedDashDash;
                    i += 4;
                    continue;
                }
            }
            (S::Data, _) => {}
            (S::Escaped | S::EscapedDash | S::EscapedDashDash, b'<') => {
                if is_end_tag(b, i, "script") {
                    return i;
                }
                s = S::Escaped;
                let (letters, delimiter) = word(b, i + 1);
                if letters > i + 1 {
                    // The script data double escape start state.
                    if let Some(d) = delimiter {
                        if is_script(i + 1..letters) {
                            s = S::Double;
                        }
                        i = d + 1;
                    } else {
                        i = letters;
                    }
                    continue;
                }
            }
            (S::Escaped, b'-') => s = S::EscapedDash,
            (S::EscapedDash, b'-') => s = S::EscapedDashDash,
            (S::EscapedDashDash, b'-') => {}
            (S::EscapedDashDash, b'>') => s = S::Data,
            (S::Escaped | S::EscapedDash | S::EscapedDashDash, _) => s = S::Escaped,
            (S::Double | S::DoubleDash | S::DoubleDashDash, b'<') => {
                s = S::Double;
                if b.get(i + 1) == Some(&b'/') {
                    // The script data double escape end state.
                    let (letters, delimiter) = word(b, i + 2);
                    if let Some(d) = delimiter {
                        if is_script(i + 2..letters) {
                            s = S::Escaped;
                        }
                        i = d + 1;
                    } else {
                        i = letters;
                    }
                    continue;
                }
            }
            (S::Double, b'-') => s = S::DoubleDash,
            (S::DoubleDash, b'-') => s = S::DoubleDashDash,
            (S::DoubleDashDash, b'-') => {}
            (S::DoubleDashDash, b'>') => s = S::Data,
            (S::Double | S::DoubleDash | S::DoubleDashDash, _) => s = S::Double,
        }
        i += 1;
    }
    b.len()
}

/// Every place the file says `id="lia-assessment"` as an attribute could say it, whatever
/// the tokenizer made of that place: `id` in any case, after white space, `/` or a quote
/// (an attribute's name starts nowhere else, so `data-id=` is not one), white space
/// allowed around `=`, the value in double, single or no quotes, each of its characters
/// written as itself or as a numeric character reference (`&#108;`, `&#x6C;`), as a
/// browser reads an attribute. (No named reference stands for a letter of the id or
/// `-`.) Returns where each `id` starts.
fn search(b: &[u8]) -> Vec<usize> {
    let mut hits = Vec::new();
    for i in 0..b.len().saturating_sub(1) {
        let starts_name = i == 0 || matches!(b[i - 1], b'/' | b'"' | b'\'') || is_space(b[i - 1]);
        if starts_name && b[i..i + 2].eq_ignore_ascii_case(b"id") && is_id_at(b, i + 2) {
            hits.push(i);
        }
    }
    hits
}

/// Whether the file says `charset=` anything but UTF-8, anywhere: a browser reads a
/// `<meta charset>` (or `http-equiv` content type) in the first 1024 bytes before
/// parsing, and may parse again from the start on one found later. (The UTF-16 labels
/// count as UTF-8 there.) A plain search, so it also finds them where no browser would
/// look; the report writes only `charset="utf-8"`, and escapes `=` in anything typed.
fn declares_another_encoding(b: &[u8]) -> bool {
    (0..b.len()).any(|i| {
        let Some(word) = b.get(i..i + 7) else {
            return false;
        };
        if !word.eq_ignore_ascii_case(b"charset") {
            return false;
        }
        let mut j = i + 7;
        while b.get(j).copied().is_some_and(is_space) {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            return false;
        }
        j += 1;
        while b
            .get(j)
            .copied()
            .is_some_and(|c| is_space(c) || c == b'"' || c == b'\'')
        {
            j += 1;
        }
        let start = j;
        while b
            .get(j)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'"' | b'\'' | b';' | b'>' | b'/'))
        {
            j += 1;
        }
        !is_utf8_label(&b[start..j])
    })
}

/// Whether `=` and our id, as an attribute value, follow `at` (just after `id`).
fn is_id_at(b: &[u8], at: usize) -> bool {
    let skip = |mut i: usize| {
        while b.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        i
    };
    let mut i = skip(at);
    if b.get(i) != Some(&b'=') {
        return false;
    }
    i = skip(i + 1);
    let quote = match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            i += 1;
            Some(q)
        }
        _ => None,
    };
    let Some(end) = matches_id(b, i) else {
        return false;
    };
    match quote {
        Some(q) => b.get(end) == Some(&q),
        None => b.get(end).is_none_or(|&c| is_space(c) || c == b'>'),
    }
}

/// If the attribute text at `at` reads `lia-assessment` (each character as itself or a
/// numeric character reference, in this case: ids are compared exactly), where that
/// text ends.
fn matches_id(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    for want in SCRIPT_ID.bytes() {
        let (got, next) = match b.get(i)? {
            b'&' if b.get(i + 1) == Some(&b'#') => numeric_reference(b, i + 2)?,
            &c => (u32::from(c), i + 1),
        };
        if got != u32::from(want) {
            return None;
        }
        i = next;
    }
    Some(i)
}

/// A numeric character reference whose digits start at `at` (after `&#`): the code it
/// stands for (only ASCII matters here; anything larger is returned as is, saturated),
/// and where it ends (after its optional `;`).
fn numeric_reference(b: &[u8], at: usize) -> Option<(u32, usize)> {
    let (radix, mut i) = match b.get(at) {
        Some(b'x' | b'X') => (16, at + 1),
        _ => (10, at),
    };
    let start = i;
    let mut code: u32 = 0;
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
        code = code.saturating_mul(radix).saturating_add(d);
        i += 1;
    }
    if i == start {
        // `&#` without digits is text.
        return None;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    Some((code, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(html: &str) -> Result<&str, Problem> {
        embedded_json(html, false)
    }

    #[test]
    fn comments_end_where_a_browser_ends_them() {
        for (html, end) in [
            ("<!---->x", 7),
            ("<!-->x", 5),
            ("<!--->x", 6),
            ("<!-- a -->x", 10),
            ("<!-- a --!>x", 11),
            ("<!-- a --->x", 11),
            ("<!-- a -- b -->x", 15),
            ("<!--<!-->x", 9),
            ("<!-- a --!-->x", 13),
            ("<!-- a", 6),
        ] {
            assert_eq!(comment_end(html.as_bytes(), 4), end, "{html}");
        }
    }

    #[test]
    fn scripts_end_where_a_browser_ends_them() {
        for (text, end) in [
            ("a</script>", 1),
            ("a</SCRIPT >", 1),
            ("a</script/>", 1),
            ("a</scripts></script>", 11),
            ("a</script", 9),
            ("<!--</script>", 4),
            ("<!--<script></script></script>", 21),
            ("<!--<script>--></script>", 15),
            ("<!--<script-></script>", 13),
            ("<!--<scripts></script>", 13),
            ("<!--<script></scripty></script>", 31),
            ("<!-- --><script></script>", 16),
            ("<!--><script></script>", 13),
            ("<!--<script>", 12),
        ] {
            assert_eq!(script_end(text.as_bytes(), 0), end, "{text}");
        }
    }

    #[test]
    fn the_search_reads_the_id_as_a_browser_would() {
        for text in [
            "id=\"lia-assessment\"",
            "ID='lia-assessment'",
            "id=lia-assessment",
            "id = lia-assessment>",
            "Id=\"&#108;ia-assessment\"",
            "id=\"&#x6C;ia&#45assessment\"",
        ] {
            assert_eq!(search(text.as_bytes()), vec![0], "{text}");
        }
        for text in [
            "id=\"lia-assessment-old\"",
            "id=lia-assessments",
            "id:\"lia-assessment\"",
            "id=\"lia-assessment'",
            "id=\"lia&#-assessment\"",
            "i d=\"lia-assessment\"",
            "id=\"LIA-ASSESSMENT\"",
            "id=lia-assessment/",
            "data-id=\"lia-assessment\"",
            ">id=\"lia-assessment\"",
        ] {
            assert_eq!(search(text.as_bytes()), Vec::<usize>::new(), "{text}");
        }
    }

    #[test]
    fn another_encoding_declared_anywhere_is_unclear() {
        let copy = "<script id=\"lia-assessment\">{}</script>";
        for declaration in [
            "<meta charset=\"utf-8\">",
            "<meta charset=UTF8>",
            "<META http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
            "<meta charset='utf-16le'>",
            "<p>the charset is utf-8</p>",
        ] {
            for html in [
                format!("{declaration}{copy}"),
                format!("{copy}{declaration}"),
            ] {
                assert_eq!(json(&html), Ok("{}"), "{html}");
            }
        }
        for declaration in [
            "<meta charset=\"windows-1252\">",
            "<meta charset = iso-2022-kr>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html;charset=Shift_JIS\">",
            "<meta charset=\"\">",
            "<p>CHARSET=latin1</p>",
        ] {
            for html in [
                format!("{declaration}{copy}"),
                format!("{copy}{declaration}"),
            ] {
                assert_eq!(
                    json(&html),
                    Err(Problem::Unclear(UnclearMarkup::Encoding)),
                    "{html}"
                );
            }
        }
    }

    #[test]
    fn a_report_is_read_only_when_every_browser_would_show_it_in_utf8() {
        let copy = "<script id=\"lia-assessment\">{\"a\":\"é\"}</script>";
        let undeclared = Err(Problem::Encoding(Encoding::Undeclared));
        for (head, expected) in [
            ("<meta charset=\"utf-8\">", Ok("{\"a\":\"é\"}")),
            (
                "<!DOCTYPE html><html lang=en><head><META CHARSET=UTF8>",
                Ok("{\"a\":\"é\"}"),
            ),
            ("<meta/charset='utf-16le'>", Ok("{\"a\":\"é\"}")),
            ("<!--><meta charset=utf-8>", Ok("{\"a\":\"é\"}")),
            // Where the prescan does not find it, a browser guesses.
            ("", undeclared.clone()),
            ("<!-- <meta charset=utf-8> -->", undeclared.clone()),
            ("<!-- x --!><meta charset=utf-8>", undeclared.clone()),
            ("<title><meta charset=utf-8></title>", undeclared.clone()),
            ("<p title='<meta charset=utf-8>'>", undeclared.clone()),
            (
                "<meta content=\"text/html; charset=utf-8\">",
                undeclared.clone(),
            ),
            (
                &format!("<p>{}</p><meta charset=utf-8>", "x".repeat(1024)),
                undeclared.clone(),
            ),
            (
                "<?xml version=\"1.0\" encoding=\"windows-1252\"?><meta charset=utf-8>",
                Err(Problem::Encoding(Encoding::Xml("windows-1252".into()))),
            ),
            (
                "<?xml version='1.0' encoding = 'iso-2022-kr'?>",
                Err(Problem::Encoding(Encoding::Xml("iso-2022-kr".into()))),
            ),
            (
                "<?xml version='1.0' encoding='utf-8'?><meta charset=utf-8>",
                Ok("{\"a\":\"é\"}"),
            ),
        ] {
            assert_eq!(json(&format!("{head}{copy}")), expected, "{head}");
        }
        // Plain ASCII reads the same in every guess; a byte order mark decides first.
        assert_eq!(json("<script id=\"lia-assessment\">{}</script>"), Ok("{}"));
        assert_eq!(
            json("<script id=\"lia-assessment\">\u{1b}$B</script>"),
            undeclared
        );
        assert_eq!(embedded_json(copy, true), Ok("{\"a\":\"é\"}"));
        assert_eq!(
            embedded_json(
                "<\0?\0x\0m\0l\0<script id=lia-assessment>{}</script>",
                false
            ),
            Err(Problem::Encoding(Encoding::Xml("UTF-16LE".into())))
        );
        for odd in [
            "<?xml",
            "<?xml encoding=",
            "<?xml encoding='x>",
            "<?xml encoding=x>",
        ] {
            let _ = json(odd);
        }
    }

    #[test]
    fn finds_our_script_however_its_attributes_are_written() {
        for html in [
            "<script type=\"application/json\" id=\"lia-assessment\">{}</script>",
            "<SCRIPT id='lia-assessment' type='application/json'>{}</SCRIPT >",
            "<script\nid=lia-assessment>{}</script>",
            "<script ID = \"lia-assessment\">{}</script>",
            "<script/id=\"lia-assessment\">{}</script>",
            "<script a=\"x\"id=\"lia-assessment\">{}</script>",
            "<script id=\"&#108;ia&#x2D;assessment\">{}</script>",
            "<script id=\"lia-assessment\"/>{}</script>",
            "<p><script>var a = 1;</script><script id=\"lia-assessment\">{}</script>",
            // A browser reads a script the file ends inside to the end, and drops an end
            // tag the file ends inside.
            "<script id=\"lia-assessment\">{}",
            "<script id=\"lia-assessment\">{}</script id=x",
        ] {
            assert_eq!(json(html), Ok("{}"), "{html}");
        }
        // `</script` with nothing after it is text.
        assert_eq!(
            json("<script id=\"lia-assessment\">{}</script"),
            Ok("{}</script")
        );
        for html in [
            "<script data-id=\"lia-assessment\">{}</script>",
            "<script id=\"lia-assessment-old\">{}</script>",
            "<script id=\"LIA-ASSESSMENT\">{}</script>",
            "<script id=lia-assessment/>{}</script>",
            "<script>{}</script>",
        ] {
            assert_eq!(json(html), Err(Problem::None), "{html}");
        }
        for (html, place) in [
            (
                "<scripts id=\"lia-assessment\">{}</scripts>",
                HiddenPlace::OtherElement("scripts".into()),
            ),
            (
                "<p id=\"lia-assessment\">{}</p>",
                HiddenPlace::OtherElement("p".into()),
            ),
            ("<script id=\"lia-assessment\"", HiddenPlace::UnfinishedTag),
            (
                "<script id=\"lia-assessment\" a='",
                HiddenPlace::UnfinishedTag,
            ),
        ] {
            assert_eq!(
                json(html),
                Err(Problem::Hidden {
                    place,
                    hidden: 1,
                    copies: 1
                }),
                "{html}"
            );
        }
    }

    #[test]
    fn large_files_of_one_thing_are_read_in_one_pass() {
        // Each is about 2 MB; anything slower than linear would take minutes.
        let n = 200_000;
        for html in [
            format!("<p{}>", " a".repeat(n)),
            format!("<p{}>", " id=x".repeat(n)),
            " id=\"lia-assessment\"".repeat(n),
            format!("<script>{}", " id=lia-assessment".repeat(n)),
            "<svg><g>".repeat(n),
            "<template>".repeat(n),
            "<!--".repeat(n),
            "<script><!--<script>".repeat(n),
            format!("<math>{}", "</x>".repeat(n)),
        ] {
            let _ = json(&html);
        }
    }

    #[test]
    fn odd_tags_never_panic() {
        for html in [
            "<",
            "<!",
            "</",
            "<?",
            "<a",
            "<a ",
            "<a b",
            "<a b=",
            "<a b='",
            "<a b=c",
            "<a/",
            "<!-",
            "<!--",
            "<!doctype",
            "<script",
            "<script>",
            "<script id=",
            "</script",
            "<svg><![CDATA[",
            "<textarea>",
            "<plaintext>",
            "<template>",
            "é<é",
        ] {
            let _ = json(html);
        }
    }
}
