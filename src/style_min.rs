//! The widget's style sheet without its comments and layout whitespace, for the copy
//! compiled into the wasm (`build.rs` writes it; `ui/mount.rs` includes it). The sheet in
//! `style/` keeps its comments for people; the app carries only what the browser reads.
//! Only whitespace that cannot matter is dropped: next to `{ } ; ,`, and runs become one
//! space, so a space between two selectors (the descendant combinator) stays. Strings
//! (`content: " ▲"`) are copied as they are.

/// `css` with comments removed and whitespace reduced as above.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // Whitespace (or a comment) seen since the last character written.
    let mut gap = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            gap = true;
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let tight = |x: char| matches!(x, '{' | '}' | ';' | ',');
        if gap && !out.is_empty() && !out.ends_with(tight) && !tight(c) {
            out.push(' ');
        }
        gap = false;
        out.push(c);
        if c == '"' || c == '\'' {
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    out.extend(chars.next());
                } else if d == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_layout_but_keeps_combinators_and_strings() {
        let css = "/* a comment */\n.lia :focus ,\n.b  > .c {\n  color : red ;\n  content: \" (\" attr(href) \") /* not a comment */\";\n}\n\n@media (min-width: 40em) {\n  .d .e { margin: 0 auto; }\n}\n";
        assert_eq!(
            minify(css),
            ".lia :focus,.b > .c{color : red;content: \" (\" attr(href) \") /* not a comment */\";}@media (min-width: 40em){.d .e{margin: 0 auto;}}"
        );
    }

    /// The sheet as built: every word and sign of it in the same order, and wherever two
    /// of them were apart (other than beside `{ } ; ,`) they still are.
    #[test]
    fn the_built_sheet_reads_as_the_sheet() {
        let source = include_str!("../style/main.css");
        let built = minify(source);
        assert!(
            built.len() < source.len() * 9 / 10,
            "comments and layout went"
        );
        // Tokens with whether space came before each, comments read as space.
        fn tokens(css: &str) -> Vec<(bool, String)> {
            let mut out = Vec::new();
            let mut rest = css;
            let mut space = false;
            while let Some(c) = rest.chars().next() {
                if let Some(after) = rest.strip_prefix("/*") {
                    rest = &after[after.find("*/").unwrap() + 2..];
                    space = true;
                } else if c.is_whitespace() {
                    rest = &rest[c.len_utf8()..];
                    space = true;
                } else {
                    let len = if c == '"' || c == '\'' {
                        1 + rest[1..].find(c).unwrap() + 1
                    } else if c.is_alphanumeric() || c == '-' || c == '_' {
                        rest.find(|x: char| !(x.is_alphanumeric() || x == '-' || x == '_'))
                            .unwrap_or(rest.len())
                    } else {
                        c.len_utf8()
                    };
                    out.push((space, rest[..len].to_string()));
                    rest = &rest[len..];
                    space = false;
                }
            }
            out
        }
        let (before, after) = (tokens(source), tokens(&built));
        assert_eq!(before.len(), after.len());
        let mut previous = String::new();
        for ((space, word), (kept, same)) in before.iter().zip(&after) {
            assert_eq!(word, same);
            let free = |t: &str| matches!(t, "{" | "}" | ";" | ",");
            if *space && !previous.is_empty() && !free(word) && !free(&previous) {
                assert!(kept, "the space between `{previous}` and `{word}` is kept");
            }
            previous = word.clone();
        }
    }
}
