//! Text into XML safely, for the Word document and the OpenDocument text alike. Every
//! piece of text in either goes through `push_text` (element content and attribute values
//! alike), so one place decides what is safe: `&`, `<`, `>`, `"` and `'` become character references, and characters
//! XML 1.0 forbids (controls other than tab, line feed and carriage return; U+FFFE and
//! U+FFFF), along with the C1 controls and noncharacters it discourages, become U+FFFD.
//! Nothing a user types can end an element, open one, or make the file unreadable.

/// Whether XML 1.0 allows `c` in a document and it is not a discouraged control or
/// noncharacter.
fn allowed(c: char) -> bool {
    let code = c as u32;
    match code {
        0x09 | 0x0A | 0x0D => true,
        0x00..=0x1F => false,
        0x7F..=0x9F => false,
        0xFDD0..=0xFDEF => false,
        _ => code & 0xFFFE != 0xFFFE,
    }
}

/// Appends `text` escaped for XML.
pub fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// `text` escaped for XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_text(&mut out, text);
    out
}

/// `text` with "\r\n" and a lone "\r" made line breaks ("\n"), as typed text means them.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split("\r\n").flat_map(|l| l.split(['\r', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_never_reach_the_xml() {
        assert_eq!(
            escape("<w:t>&amp;\"x\"'</w:t>"),
            "&lt;w:t&gt;&amp;amp;&quot;x&quot;&apos;&lt;/w:t&gt;"
        );
        assert_eq!(
            escape("a\u{0}b\u{1}c\u{b}d\u{c}e\u{1f}f\u{7f}g\u{85}h\u{fdd0}i\u{fffe}j\u{ffff}k\u{1fffe}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i\u{FFFD}j\u{FFFD}k\u{FFFD}"
        );
        let kept = "tab\tline\nfeed é ’ \u{200f}\u{202e}rtl\u{202c} שלום 😀 \u{fffd} ]]>";
        assert_eq!(escape(kept), kept.replace('>', "&gt;"));
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        assert_eq!(
            lines("one\r\ntwo\rthree\nfour").collect::<Vec<_>>(),
            ["one", "two", "three", "four"]
        );
    }
}
