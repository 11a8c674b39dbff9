//! Which character encoding a browser would read an HTML report in, worked out as the
//! WHATWG encoding sniffing algorithm does: a byte order mark first; then the prescan of
//! the first 1024 bytes for a `<meta charset>` (or a `http-equiv` content type); then,
//! as Chromium does when no meta says otherwise, an XML declaration at the very start
//! (`<?xml … encoding="…"?>`, or its UTF-16 form). A report is read only if every
//! browser would show it in UTF-8, as the import reads it: otherwise the text a person
//! sees is not the record the tool would take in, and a matching digest would say so
//! falsely. With nothing declared, a browser guesses (from the locale or the bytes),
//! so only plain ASCII, the same in every such guess, is read then.

/// Why a browser might show the report in another encoding than UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// It declares another encoding: `label` as written (shortened), by an XML
    /// declaration (`xml`) or by a `<meta>`.
    Declared { label: String, xml: bool },
    /// It declares none near its start, and holds characters beyond plain ASCII.
    Undeclared,
}

/// The labels of UTF-8, and those of UTF-16, which a `<meta>` or an XML declaration
/// cannot set (a browser reads UTF-8 instead), as the WHATWG Encoding Standard lists them.
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

/// Whether a label, as declared, makes a browser read UTF-8.
pub(super) fn is_utf8_label(label: &[u8]) -> bool {
    let label = label.trim_ascii();
    UTF8.iter()
        .any(|l| label.eq_ignore_ascii_case(l.as_bytes()))
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// `Ok` if a browser would show `bytes` (the whole file, byte order mark included) as
/// UTF-8.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Encoding> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Ok(());
    }
    let declared = |label: &[u8], xml| Encoding::Declared {
        label: String::from_utf8_lossy(&label[..label.len().min(40)]).into_owned(),
        xml,
    };
    if bytes.starts_with(b"<\0?\0x\0") {
        return Err(declared(b"UTF-16LE", true));
    }
    if let Some(label) = prescan(&bytes[..bytes.len().min(1024)]) {
        return match is_utf8_label(&label) {
            true => Ok(()),
            false => Err(declared(&label, false)),
        };
    }
    if let Some(label) = xml_declaration(bytes) {
        if !is_utf8_label(label) {
            return Err(declared(label, true));
        }
        return Ok(());
    }
    // ESC starts ISO-2022-JP, which a browser's guess can pick for 7-bit text.
    match bytes.iter().all(|&b| b < 0x80 && b != 0x1B) {
        true => Ok(()),
        false => Err(Encoding::Undeclared),
    }
}

/// The encoding label of an XML declaration at the very start, as Chromium finds it.
fn xml_declaration(b: &[u8]) -> Option<&[u8]> {
    if !b.starts_with(b"<?xml") {
        return None;
    }
    let end = b.iter().position(|&c| c == b'>')?;
    let decl = &b[..end];
    let at = decl.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = decl[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let value = &rest[1..];
    Some(&value[..value.iter().position(|&c| c == quote)?])
}

/// The WHATWG prescan for a `<meta>` declaring the encoding; the label it found (or
/// `None`). An unknown label is returned too: it is refused, not passed over.
fn prescan(b: &[u8]) -> Option<Vec<u8>> {
    let starts = |at: usize, s: &[u8]| {
        b.get(at..at + s.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(s))
    };
    let mut i = 0;
    while i < b.len() {
        if starts(i, b"<!--") {
            // To the first `>` after two `-`, which may be those of `<!--`.
            i += 2;
            while i + 2 < b.len() && !(b[i] == b'-' && b[i + 1] == b'-' && b[i + 2] == b'>') {
                i += 1;
            }
            i += 3;
            continue;
        }
        if starts(i, b"<meta") && b.get(i + 5).is_some_and(|&c| is_space(c) || c == b'/') {
            i += 5;
            let (mut pragma, mut need_pragma, mut charset) = (false, None, None);
            let mut seen: Vec<Vec<u8>> = Vec::new();
            while let Some((name, value)) = attribute(b, &mut i) {
                if seen.contains(&name) {
                    continue;
                }
                match name.as_slice() {
                    b"http-equiv" => pragma |= value == b"content-type",
                    b"content" if charset.is_none() => {
                        if let Some(label) = charset_in_content(&value) {
                            charset = Some(label);
                            need_pragma = Some(true);
                        }
                    }
                    b"charset" if charset.is_none() => {
                        charset = Some(value.clone());
                        need_pragma = Some(false);
                    }
                    _ => {}
                }
                seen.push(name);
            }
            match (need_pragma, charset) {
                (Some(false), Some(label)) => return Some(label),
                (Some(true), Some(label)) if pragma => return Some(label),
                _ => {}
            }
        } else if b.get(i) == Some(&b'<')
            && (b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                || (b.get(i + 1) == Some(&b'/')
                    && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)))
        {
            while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                i += 1;
            }
            while attribute(b, &mut i).is_some() {}
        } else if starts(i, b"<!") || starts(i, b"</") || starts(i, b"<?") {
            while i < b.len() && b[i] != b'>' {
                i += 1;
            }
        }
        i += 1;
    }
    None
}

/// The WHATWG "get an attribute" step of the prescan: the next attribute's name and
/// value (lower-cased), leaving `i` after it; `None` at the tag's end.
fn attribute(b: &[u8], i: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while *i < b.len() && (is_space(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() || b[*i] == b'>' {
        return None;
    }
    let (mut name, mut value) = (Vec::new(), Vec::new());
    loop {
        let c = *b.get(*i)?;
        match c {
            b'=' if !name.is_empty() => break,
            c if is_space(c) => {
                while b.get(*i).copied().is_some_and(is_space) {
                    *i += 1;
                }
                if b.get(*i) != Some(&b'=') {
                    return Some((name, value));
                }
                break;
            }
            b'/' | b'>' => return Some((name, value)),
            c => name.push(c.to_ascii_lowercase()),
        }
        *i += 1;
    }
    *i += 1;
    while b.get(*i).copied().is_some_and(is_space) {
        *i += 1;
    }
    match *b.get(*i)? {
        quote @ (b'"' | b'\'') => loop {
            *i += 1;
            let c = *b.get(*i)?;
            if c == quote {
                *i += 1;
                return Some((name, value));
            }
            value.push(c.to_ascii_lowercase());
        },
        b'>' => Some((name, value)),
        _ => {
            while let Some(&c) = b.get(*i).filter(|&&c| !is_space(c) && c != b'>') {
                value.push(c.to_ascii_lowercase());
                *i += 1;
            }
            Some((name, value))
        }
    }
}

/// The WHATWG "extract a character encoding from a meta element" from a `content`
/// value (already lower-cased).
fn charset_in_content(s: &[u8]) -> Option<Vec<u8>> {
    let mut from = 0;
    loop {
        let at = from + s.get(from..)?.windows(7).position(|w| w == b"charset")? + 7;
        let rest = s[at..].trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b"=") else {
            from = at;
            continue;
        };
        let rest = rest.trim_ascii_start();
        return match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let end = rest[1..].iter().position(|&c| c == q)?;
                Some(rest[1..1 + end].to_vec())
            }
            Some(_) => {
                let end = rest
                    .iter()
                    .position(|&c| is_space(c) || c == b';')
                    .unwrap_or(rest.len());
                Some(rest[..end].to_vec())
            }
            None => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(label: &str, xml: bool) -> Result<(), Encoding> {
        Err(Encoding::Declared {
            label: label.into(),
            xml,
        })
    }

    #[test]
    fn a_meta_near_the_start_decides_as_in_every_browser() {
        for (html, expected) in [
            ("<meta charset=\"utf-8\">é", Ok(())),
            (
                "<!DOCTYPE html><html lang=en><head><META CHARSET=UTF8>é",
                Ok(()),
            ),
            ("<meta charset='utf-16le'>é", Ok(())),
            (
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">é",
                Ok(()),
            ),
            (
                "<meta charset=\"windows-1252\">é",
                declared("windows-1252", false),
            ),
            (
                "<meta charset = iso-2022-kr>",
                declared("iso-2022-kr", false),
            ),
            (
                "<meta http-equiv=content-type content='text/html;charset=\"Shift_JIS\"'>",
                declared("shift_jis", false),
            ),
            ("<meta charset=\"\">é", declared("", false)),
            // The first one counts; a repeated attribute is passed over.
            (
                "<meta charset=latin1 charset=utf-8><meta charset=utf-8>",
                declared("latin1", false),
            ),
            ("<meta charset=utf-8><meta charset=latin1>é", Ok(())),
        ] {
            assert_eq!(check(html.as_bytes()), expected, "{html}");
        }
    }

    #[test]
    fn what_the_prescan_passes_over_declares_nothing() {
        for html in [
            // In a comment, in another tag's attribute, a content type without the pragma,
            // after the first 1024 bytes.
            "<!-- <meta charset=utf-8> -->é".to_string(),
            "<p title='<meta charset=utf-8>'>é".to_string(),
            "<meta content=\"text/html; charset=utf-8\">é".to_string(),
            format!("<p>{}</p><meta charset=utf-8>é", "x".repeat(1024)),
            "<metax charset=utf-8>é".to_string(),
        ] {
            assert_eq!(check(html.as_bytes()), Err(Encoding::Undeclared), "{html}");
        }
        // `<!-->` is a whole comment, so what follows it counts.
        assert_eq!(check("<!--><meta charset=utf-8>é".as_bytes()), Ok(()));
        // With nothing declared, plain ASCII reads the same in every guess.
        assert_eq!(check(b"<!-- <meta charset=utf-8> --><p>plain</p>"), Ok(()));
        assert_eq!(check(b"<p>\x1b$B</p>"), Err(Encoding::Undeclared));
        // A byte order mark decides before anything.
        assert_eq!(check("\u{feff}<p>é</p>".as_bytes()), Ok(()));
    }

    #[test]
    fn an_xml_declaration_decides_where_no_meta_does_as_in_chromium() {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>";
        assert_eq!(
            check(format!("{xml}<p>é</p>").as_bytes()),
            declared("windows-1252", true)
        );
        assert_eq!(
            check(b"<?xml version='1.0' encoding = 'UTF-8'?><p>\xc3\xa9</p>"),
            Ok(())
        );
        assert_eq!(
            check(format!("{xml}<meta charset=utf-8><p>é</p>").as_bytes()),
            Ok(()),
            "a meta decides first"
        );
        assert_eq!(check(b"<\0?\0x\0m\0l\0"), declared("UTF-16LE", true));
        assert_eq!(
            check(format!(" {xml}<p>é</p>").as_bytes()),
            Err(Encoding::Undeclared),
            "not at the very start: no declaration"
        );
    }

    #[test]
    fn odd_markup_never_panics() {
        for html in [
            "<",
            "<meta",
            "<meta ",
            "<meta charset",
            "<meta charset=",
            "<meta charset='x",
            "<meta content='charset=",
            "<meta content=\"charset='x\"",
            "<!--",
            "<!",
            "</a",
            "<a b c=",
            "<?xml",
            "<?xml encoding=",
            "<?xml encoding='x>",
        ] {
            let _ = check(html.as_bytes());
        }
    }
}
