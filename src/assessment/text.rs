//! Small, explainable text heuristics used by the rules. They never judge quality,
//! only detect the patterns the guidance warns about (a one-line purpose, an approver
//! who is the author).

/// Number of words (runs of alphanumeric characters) in `text`.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Lower-case words only, single-spaced, with the accents taken off Latin letters: the
/// form names are compared in ("Siân JONES" and "sian jones" are one person). Covers
/// ASCII and U+00C0–U+017F (Latin-1 and Latin Extended-A: the letters of English, Welsh,
/// Irish, Scottish Gaelic and most European names) with a small table instead of
/// Unicode's case tables, which would cost the browser build far more; other scripts
/// are compared as typed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match latin_fold(c) {
                Some(letters) => out.push_str(letters),
                None => out.push(c.to_ascii_lowercase()),
            }
        }
    }
    out
}

/// The lower-case ASCII letters a letter of U+00C0–U+017F is written with when its
/// accent is left off ("Â" is "a", "ß" is "ss"); `None` for any other character.
pub fn latin_fold(c: char) -> Option<&'static str> {
    match c {
        '\u{C0}'..='\u{17F}' => Some(LATIN_FOLD[c as usize - 0xC0]).filter(|f| !f.is_empty()),
        _ => None,
    }
}

/// U+00C0 to U+017F, each as the lower-case ASCII letters it is written with when
/// the accent is left off (from the Unicode decomposition; "ß" is "ss", "Æ" is "ae",
/// "Þ" is "th"). "×" and "÷" are not letters: empty.
const LATIN_FOLD: [&str; 192] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o",
    "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
    "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
    "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n",
    "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r",
    "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z",
    "z", "z", "z", "s",
];

/// Fewer words than this cannot say what is done, to whom and why; generic labels
/// ("marketing", "our legitimate business interests") all fall below it.
pub const MIN_PURPOSE_WORDS: usize = 10;

/// True when `text` has fewer than `n` words; stops counting at `n`, so it is cheap
/// on long answers.
pub fn fewer_words_than(text: &str, n: usize) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .nth(n.saturating_sub(1))
        .is_none()
}

/// True when a purpose is too short to be specific ("Be as specific as possible").
pub fn is_vague_purpose(text: &str) -> bool {
    fewer_words_than(text, MIN_PURPOSE_WORDS)
}

/// Names compared loosely: case, punctuation and spacing do not make two people different.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (normalise(a), normalise(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_across_punctuation_and_bullets() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  · raise brand-awareness; promote!"), 4);
        assert_eq!(word_count("children’s data"), 3);
    }

    #[test]
    fn fewer_words_than_stops_early_and_counts_right() {
        assert!(fewer_words_than("", 1));
        assert!(!fewer_words_than("one", 1));
        assert!(fewer_words_than("one two", 3));
        assert!(!fewer_words_than("one two three", 3));
        assert!(!fewer_words_than("anything", 0));
    }

    #[test]
    fn vague_purposes_are_short_or_generic() {
        assert!(is_vague_purpose("Marketing."));
        assert!(is_vague_purpose("For our legitimate interests"));
        assert!(is_vague_purpose("To send offers to customers"));
        assert!(!is_vague_purpose(
            "To tell existing tenants by e-mail about new repair services they can book online"
        ));
    }

    #[test]
    fn names_are_compared_loosely() {
        assert!(same_person("T. Knight", "t knight"));
        assert!(!same_person("T Knight", "M Loughin"));
        assert!(!same_person("", ""));
    }

    #[test]
    fn names_match_whatever_their_case_and_accents() {
        assert!(same_person("Siân Jones", "SIÂN JONES"));
        assert!(same_person("Siân Jones", "Sian Jones"));
        assert!(same_person("Gwenllïan ap Dafydd", "GWENLLIAN AP DAFYDD"));
        assert!(same_person("Seán Ó Briain", "sean o briain"));
        assert!(same_person("Łukasz Żółć", "LUKASZ ZOLC"));
        assert!(same_person("Jürgen Strauß", "JÜRGEN STRAUSS"));
        assert!(same_person("Søren Ærø", "soren aero"));
        assert!(!same_person("Siân Jones", "Sioned Jones"));
        // Outside the table, names are compared as typed.
        assert!(same_person("Алла Петрова", "Алла Петрова"));
        assert!(!same_person("Алла Петрова", "АЛЛА ПЕТРОВА"));
    }

    /// The table agrees with Unicode's own case mappings (used here, in the tests only):
    /// every letter in its range folds like its upper- and lower-case forms, to ASCII.
    #[test]
    fn the_latin_table_agrees_with_unicode_case() {
        for c in ('\u{C0}'..='\u{17F}').filter(|c| c.is_alphabetic()) {
            let folded = normalise(&c.to_string());
            assert!(
                !folded.is_empty() && folded.chars().all(|f| f.is_ascii_lowercase()),
                "{c:?} folds to {folded:?}"
            );
            for other in [c.to_lowercase().to_string(), c.to_uppercase().to_string()] {
                // Mappings that leave the table's range (ŉ, İ) are not claimed.
                let in_range = other
                    .chars()
                    .all(|o| o.is_ascii_alphabetic() || ('\u{C0}'..='\u{17F}').contains(&o));
                if in_range {
                    assert_eq!(normalise(&other), folded, "{c:?} and {other:?}");
                }
            }
        }
    }
}
