//! Small, explainable text heuristics used by the rules. They never judge quality,
//! only detect the patterns the guidance warns about (a one-line purpose, an approver
//! who is the author).

/// Number of words (runs of alphanumeric characters) in `text`.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Lower-case words only, single-spaced: the form names are compared in. (ASCII case
/// only: enough for names, and it keeps Unicode case tables out of the app.)
pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

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
}
