//! Escaping for the HTML report. Every piece of text in the report that is not our own
//! markup (the user's answers, option labels, rule messages, the JSON copy) goes
//! through one of these two functions, so one place decides what is safe.
//!
//! Both also escape `=`, so that no text of the user's can spell `id="lia-assessment"`
//! anywhere in the report: the import refuses a report that has it anywhere but on the
//! one copy of the assessment (`html_scan`).

/// Escapes text for element content or a double-quoted attribute value: `&`, `<`, `>`,
/// `"` and `'` become character references, so the text can never open a tag, end an
/// attribute or start an entity, and so does `=` (see above). Characters HTML forbids
/// in a document (controls other than tab, line feed, form feed and carriage return,
/// and noncharacters) become U+FFFD; the JSON copy in the report keeps them exactly.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

/// `html`, appending to `out`.
pub fn push_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '=' => out.push_str("&#61;"),
            c if forbidden_in_html(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Controls other than whitespace, and noncharacters: parse errors in HTML.
fn forbidden_in_html(c: char) -> bool {
    let code = c as u32;
    (code < 0x20 && !matches!(c, '\t' | '\n' | '\u{0c}' | '\r'))
        || (0x7f..=0x9f).contains(&code)
        || (0xfdd0..=0xfdef).contains(&code)
        || (code & 0xfffe) == 0xfffe
}

/// Makes JSON text safe inside `<script type="application/json">`: `<`, `>` and `&`
/// become `\u003c`, `\u003e` and `\u0026`, so `</script>` or `<!--` in the user's text
/// can never end or confuse the element, `=` becomes `\u003d` (see above), and U+2028
/// and U+2029 become `\u2028` and `\u2029` (line terminators to older JavaScript
/// parsers). These characters can only occur inside JSON strings, where the escapes
/// mean the same, so `JSON.parse` and serde_json read back exactly the original JSON.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003d"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "</script><script>alert(1)</script>",
        "<svg onload=alert(1)>",
        "<!--",
        "a\u{2028}b\u{2029}c",
        "' onmouseover='alert(1)",
        "&lt;already escaped&gt;",
        "<script type=\"application/json\" id=\"lia-assessment\">{}</script>",
        "id=lia-assessment ID = 'lia-assessment'",
    ];

    #[test]
    fn html_text_cannot_open_tags_end_attributes_or_start_entities() {
        for payload in PAYLOADS {
            let escaped = html(payload);
            for c in ['<', '>', '"', '\'', '='] {
                assert!(!escaped.contains(c), "{escaped}");
            }
            // Every & starts one of our own references.
            for (i, _) in escaped.match_indices('&') {
                let rest = &escaped[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#61;"]
                        .iter()
                        .any(|r| rest.starts_with(r)),
                    "{escaped}"
                );
            }
        }
        assert_eq!(
            html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;"
        );
        assert_eq!(html("Tom's & Jerry's"), "Tom&#39;s &amp; Jerry&#39;s");
    }

    #[test]
    fn html_replaces_forbidden_characters_and_keeps_the_rest() {
        assert_eq!(
            html("a\u{0}b\u{1}c\u{7f}d\u{85}e\u{fdd0}f\u{fffe}g\u{1ffff}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}"
        );
        let kept = "tab\tline\nfeed\u{0c}cr\r é ’ \u{2028} 😀 \u{fffd}";
        assert_eq!(html(kept), kept);
    }

    #[test]
    fn script_json_escapes_and_still_parses_to_the_same_value() {
        for payload in PAYLOADS {
            let json = serde_json::to_string(&serde_json::json!({ "text": payload })).unwrap();
            let escaped = script_json(&json);
            for bad in ['<', '>', '&', '=', '\u{2028}', '\u{2029}'] {
                assert!(!escaped.contains(bad), "{escaped}");
            }
            let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
            assert_eq!(back["text"], *payload);
        }
        assert_eq!(
            script_json(r#"{"a":"</script><!--&","b":"id=x"}"#),
            r#"{"a":"\u003c/script\u003e\u003c!--\u0026","b":"id\u003dx"}"#
        );
    }
}
