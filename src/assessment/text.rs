//! Small, explainable text heuristics used by the rules. They never judge quality,
//! only detect the patterns the guidance warns about (a one-line purpose, an approver
//! who is the author).

/// Number of words (runs of alphanumeric characters) in `text`.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// `text` with its first letter in upper case ("not needed: …" → "Not needed: …"). Like
/// `normalise`, it knows the letters of ASCII and U+00C0–U+017F (see `upper`).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| std::iter::once(upper(first)).chain(chars).collect())
        .unwrap_or_default()
}

/// The upper case of a letter of ASCII, Latin-1 or Latin Extended-A (U+00C0–U+017F: the
/// letters of English, Welsh, Irish, Scottish Gaelic and most European names); any other
/// character as it is. Unicode's own case tables (`char::to_uppercase`) cost the browser
/// build 23 KB for a few sentence openings.
pub fn upper(c: char) -> char {
    let n = c as u32;
    let mapped = match n {
        0x61..=0x7A => n - 0x20,
        0xE0..=0xFE if n != 0xF7 => n - 0x20,
        0xFF => 0x178,
        0x131 => 0x49,
        0x17F => 0x53,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 1 => n - 1,
        0x139..=0x148 | 0x179..=0x17E if n.is_multiple_of(2) => n - 1,
        _ => n,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// The lower case of a letter in the range `upper` knows; any other character as it is.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let mapped = match n {
        0x41..=0x5A => n + 0x20,
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0x178 => 0xFF,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        _ => n,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// Lower-case words only, single-spaced, with the accents taken off Latin letters: the
/// form names are compared in ("Siân JONES" and "sian jones" are one person). Covers
/// ASCII and U+00C0–U+017F (Latin-1 and Latin Extended-A: the letters of English, Welsh,
/// Irish, Scottish Gaelic and most European names) with a small table instead of
/// Unicode's case tables, which would cost the browser build far more; other scripts
/// are compared as typed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Most answers are plain ASCII: read a byte at a time (a long answer is normalised on
    // every key typed into it, by the rules that look for phrases in it).
    if text.is_ascii() {
        let mut in_word = false;
        for &b in text.as_bytes() {
            let letter = b.is_ascii_alphanumeric();
            if letter {
                if !in_word && !out.is_empty() {
                    out.push(' ');
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
            in_word = letter;
        }
        return out;
    }
    for word in raw_words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        fold_into(word, &mut out);
    }
    out
}

/// Whether `a` and `b` have the same words in the sense of `normalise` (case, spacing,
/// punctuation and accents aside), normalising only the part where they differ: text
/// they share at either end is skipped back to a word's edge, as words never cross one.
/// An edit to a long answer (a key typed into 20,000 characters) is then checked in
/// about the time it takes to compare the bytes.
pub fn same_words(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let at_edge = |text: &str, i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    // The bytes both start with, then back to a word's start (a char boundary in both,
    // as the bytes before it are the same).
    let mut start = shared_start(a.as_bytes(), b.as_bytes());
    while !a.is_char_boundary(start) || !at_edge(a, start) {
        start -= 1;
    }
    let (a, b) = (&a[start..], &b[start..]);
    // The bytes both end with, then on to a word's end.
    let mut end = shared_end(a.as_bytes(), b.as_bytes());
    let starts_word = |text: &str, from: usize| {
        text[from..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    while end > 0
        && (!a.is_char_boundary(a.len() - end)
            || !b.is_char_boundary(b.len() - end)
            || !starts_word(a, a.len() - end))
    {
        end -= 1;
    }
    normalise(&a[..a.len() - end]) == normalise(&b[..b.len() - end])
}

/// How many bytes `a` and `b` start with in common. Compared a block at a time (one
/// `memcmp` each), as a key typed into a long answer leaves all but a few bytes alike.
fn shared_start(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// How many bytes `a` and `b` end with in common (as `shared_start`, from the end).
fn shared_end(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + BLOCK <= n && a[n - i - BLOCK..n - i] == b[n - i - BLOCK..n - i] {
        i += BLOCK;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The runs of letters and digits of `text`, as typed.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `word` in lower case with the accents taken off, added to `out` (see `normalise`).
fn fold_into(word: &str, out: &mut String) {
    // Most words are plain ASCII: copied whole and lowered in place (a register reads
    // thousands of answers).
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match latin_fold(c) {
            Some(letters) => out.push_str(letters),
            None => out.push(c.to_ascii_lowercase()),
        }
    }
}

/// The words `normalise` would give, one at a time: a check that is settled by the
/// first few words of a long answer reads no further.
fn normalised_words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(|word| {
        let mut out = String::with_capacity(word.len());
        fold_into(word, &mut out);
        out
    })
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

/// The words of `text` as `normalise` gives them, with a space at each end, so that a
/// phrase can be looked for as " order form ".
fn padded_words(text: &str) -> String {
    format!(" {} ", normalise(text))
}

/// True when a word of `words` (already normalised and split) is one of `list`, and no
/// "not", "no", "never" or "without" comes in the three words before it.
fn has_unnegated(words: &[&str], list: &str) -> bool {
    const NEGATIONS: &str = "not no never without";
    words.iter().enumerate().any(|(i, w)| {
        has(list, w)
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|before| has(NEGATIONS, before))
    })
}

/// Word forms that say datasets are put together: combined, merged, matched, cross-checked,
/// enriched or appended. ("Compared" is left out: "the delivery address is compared with
/// the billing address" compares two fields of one order, not two datasets.)
const COMBINING: &str = "combine combines combined combining merge merges merged merging matching matched compare compares compared comparing enrich enriches enriched enriching append appends appended appending";

/// True when a description says that data is combined, merged, matched, cross-checked,
/// enriched or appended with other data, and does not say it is not. "Match" on its own is not
/// enough ("football matches"): "matching", "matched", "we match", "to match" or "match
/// against" is.
pub fn mentions_combining(text: &str) -> bool {
    let normalised = normalise(text);
    let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
    if has_unnegated(&words, COMBINING) {
        return true;
    }
    words.windows(2).enumerate().any(|(i, pair)| {
        let negated = words[i.saturating_sub(3)..i]
            .iter()
            .any(|w| ["not", "no", "never", "without"].contains(w));
        let cross_check = pair[0] == "cross"
            && [
                "check",
                "checks",
                "checked",
                "checking",
                "reference",
                "references",
                "referenced",
                "referencing",
            ]
            .contains(&pair[1]);
        // "match" as a verb: after "we", "to", "will" and the like, or before "against",
        // "with" or "up".
        let match_verb = ([
            "we",
            "to",
            "will",
            "then",
            "they",
            "automatically",
            "also",
            "and",
        ]
        .contains(&pair[0])
            && ["match", "matches"].contains(&pair[1]))
            || (["match", "matches"].contains(&pair[0]) && ["against", "up"].contains(&pair[1]));
        !negated && (cross_check || match_verb)
    })
}

/// What a record of soft opt-in evidence says, read with simple, explainable rules (see
/// `soft_opt_in_evidence`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Where or when the details were collected: a date, a year or a month, "since", or
    /// the place (checkout, an order, sign-up or donation form, the website, an event …).
    pub collected: bool,
    /// The wording people saw: a quotation of three words or more, or "wording",
    /// "statement", "tick box", "screenshot" and the like.
    pub wording: bool,
    /// Where the proof is kept: "kept", "stored", "held", "saved", "filed" … followed by
    /// "in", "on", "at", "by" or "with", or a named store (a CRM, SharePoint, a folder, a
    /// database, an archive, an audit log).
    pub kept: bool,
    /// The first sentence that only promises the conditions "will be met" (or complied
    /// with, satisfied, ensured …): it counts as none of the above.
    pub promise: Option<String>,
}

impl Evidence {
    /// What is missing, in words, in the order above.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            (self.collected, "where and when the details were collected"),
            (self.wording, "the wording people saw"),
            (self.kept, "where the proof is kept"),
        ]
        .into_iter()
        .filter(|(found, _)| !found)
        .map(|(_, what)| what)
        .collect()
    }
}

const MONTHS: &str =
    "january february march april june july august september october november december";
const WHEN_WORDS: &str = "date dated dates timestamp timestamped since";
const PLACES: &str = "checkout|till|basket|order form|sign up|signup|registration|application form|donation form|donation page|membership form|booking form|enquiry form|website|online shop|in store|instore|app|event|point of sale|tenancy agreement";
const WORDING: &str = "wording|worded|statement|tick box|tickbox|checkbox|check box|opt out box|screenshot|screenshots|which said|that said|which read|that read|reads|exact text|the text of";
const KEEP_VERBS: &str =
    "kept keep stored store held hold saved save archived retained retain logged filed recorded";
const PLACE_PREPOSITIONS: &str = "in on at by with under";
const STORES: &str = "crm|sharepoint|database|folder|drive|archive|repository|audit log|audit trail|document management|records system";
const MODALS: &str = "will shall would";
const ASSURANCES: &str = "met meet satisfied satisfy complied comply compliant fulfilled fulfil fulfill adhered observed ensure ensured";

/// A sentence that only promises compliance: "will", "shall" or "would" followed within
/// three words by "met", "complied", "satisfied", "ensure" and the like ("all of these
/// requirements will be met"). "Each e-mail will include an unsubscribe link" is not one.
fn is_promise(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        has(MODALS, w)
            && words[i + 1..(i + 4).min(words.len())]
                .iter()
                .any(|next| has(ASSURANCES, next))
    })
}

/// A quotation of three words or more between double quotes (straight or curly).
fn has_quotation(sentence: &str) -> bool {
    let mut rest = sentence;
    while let Some(open) = rest.find(['"', '\u{201c}']) {
        let after = &rest[open + 1..];
        let Some(close) = after.find(['"', '\u{201d}']) else {
            return false;
        };
        if word_count(&after[..close]) >= 3 {
            return true;
        }
        rest = &after[close + 1..];
    }
    false
}

/// Reads a record of the evidence that a soft opt-in's conditions are met. Sentences are
/// split at full stops, semicolons, question and exclamation marks and line breaks
/// (quotations are read whole); a sentence that only promises compliance counts for
/// nothing, so "all of these requirements will be met" is not evidence, while a concrete
/// plan in the future tense ("screenshots will be kept in the CRM") is.
pub fn soft_opt_in_evidence(text: &str) -> Evidence {
    let mut found = Evidence::default();
    for sentence in sentences(text) {
        let normalised = normalise(sentence);
        let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            continue;
        }
        if is_promise(&words) {
            found
                .promise
                .get_or_insert_with(|| sentence.trim().to_string());
            continue;
        }
        let padded = padded_words(sentence);
        let year = words.iter().any(|w| {
            w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit())
        });
        let numeric_date = sentence.split(|c: char| c.is_whitespace()).any(|w| {
            w.chars().filter(|c| ['/', '.', '-'].contains(c)).count() >= 2
                && w.chars().filter(char::is_ascii_digit).count() >= 4
        });
        let month = words.iter().enumerate().any(|(i, w)| {
            has(MONTHS, w)
                || (*w == "may"
                    && [i.checked_sub(1), Some(i + 1)]
                        .into_iter()
                        .flatten()
                        .filter_map(|j| words.get(j))
                        .any(|n| n.chars().all(|c| c.is_ascii_digit())))
        });
        found.collected |= year
            || numeric_date
            || month
            || words.iter().any(|w| has(WHEN_WORDS, w))
            || phrase_in(&padded, PLACES).is_some();
        found.wording |= has_quotation(sentence) || phrase_in(&padded, WORDING).is_some();
        found.kept |= phrase_in(&padded, STORES).is_some()
            || words.iter().enumerate().any(|(i, w)| {
                has(KEEP_VERBS, w)
                    && words[i + 1..(i + 4).min(words.len())]
                        .iter()
                        .any(|next| has(PLACE_PREPOSITIONS, next))
            });
    }
    found
}

/// The sentences of `text`: split at full stops, semicolons, question and exclamation
/// marks and line breaks, but never inside a quotation, and never at a full stop between
/// digits (a date such as 03.03.2025).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            '.' => {
                let digit = |j: Option<&(usize, char)>| j.is_some_and(|(_, c)| c.is_ascii_digit());
                let between_digits = k > 0 && digit(chars.get(k - 1)) && digit(chars.get(k + 1));
                if !quoted && !between_digits {
                    out.push(&text[start..i]);
                    start = i + 1;
                }
            }
            ';' | '?' | '!' | '\n' if !quoted => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// The first of the phrases of `list` (see `phrase_in`) found in `text`.
fn first_phrase(text: &str, list: &'static str) -> Option<&'static str> {
    phrase_in(&padded_words(text), list)
}

/// Whether `word` is one of the space-separated words of `list`. Word lists are kept as
/// one string each, not as tables of strings: smaller in the browser build.
fn has(list: &str, word: &str) -> bool {
    // A substring search with the word's edges checked: much faster than comparing with
    // each word of the list in turn, and the rules ask this for every word they read.
    !word.is_empty()
        && !word.contains(' ')
        && list.match_indices(word).any(|(i, _)| {
            let bytes = list.as_bytes();
            (i == 0 || bytes[i - 1] == b' ') && bytes.get(i + word.len()).is_none_or(|b| *b == b' ')
        })
}

/// The first of the `|`-separated phrases of `list` (in `normalise`d form) found as whole
/// words in `padded` (a text as `padded_words` gives it).
fn phrase_in(padded: &str, list: &'static str) -> Option<&'static str> {
    // One pass over the words, trying at each the phrases that could still come first
    // (a search of the whole text for each phrase in turn took three times as long), and
    // of those only the ones starting with the word's first letter: a set of bits per
    // letter (every list has fewer than 64 phrases).
    let phrases: Vec<&'static str> = list.split('|').collect();
    debug_assert!(phrases.len() < 64);
    let mut starting = [0u64; 256];
    for (k, p) in phrases.iter().enumerate() {
        if let Some(&letter) = p.as_bytes().first() {
            starting[usize::from(letter)] |= 1 << k;
        }
    }
    let mut first = phrases.len();
    for (i, _) in padded.match_indices(' ') {
        let rest = &padded[i + 1..];
        let Some(&letter) = rest.as_bytes().first() else {
            break;
        };
        // The phrases before the first found so far, lowest first.
        let mut candidates = starting[usize::from(letter)] & ((1u64 << first) - 1);
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            let p = phrases[k];
            if rest.starts_with(p) && rest[p.len()..].starts_with(' ') {
                first = k;
                break;
            }
            candidates &= candidates - 1;
        }
        if first == 0 {
            break;
        }
    }
    phrases.get(first).copied()
}

/// Words that show people in circumstances that can make them vulnerable (the ICO asks
/// about "data relating to other vulnerable individuals"): social housing, benefits,
/// patients, debt, homelessness and the like.
const VULNERABLE: &str = "social housing|housing association|council tenants|supported housing|sheltered housing|homeless|homelessness|benefit claimants|claimants|universal credit|housing benefit|patients|patient|in debt|debts|debt advice|arrears|financial hardship|food bank|refugees|asylum|care leavers|domestic abuse|mental health|dementia|disabled people|addiction";

/// The phrase of `text` that shows people in circumstances that can make them
/// vulnerable, if any ("social housing", "patients", "arrears" …).
pub fn vulnerable_circumstances(text: &str) -> Option<&'static str> {
    first_phrase(text, VULNERABLE)
}

/// Messages about the organisation itself rather than its products or services: the
/// soft opt-in (PECR regulation 22(3)(b)) covers only the sender's similar products and
/// services.
const NOT_PRODUCTS: &str = "brand awareness|awareness of our brand|raise awareness|raising awareness|what we do|company news|corporate news|our news|news about us|news about our organisation";

/// The phrase of `text` that says messages promote the organisation itself ("brand
/// awareness", "what we do", "our news"), if any.
pub fn promotes_the_organisation(text: &str) -> Option<&'static str> {
    first_phrase(text, NOT_PRODUCTS)
}

/// Details obtained while delivering a service, which is not the test of the soft opt-in
/// (PECR regulation 22(3)(a): "in the course of the sale or negotiations for the sale").
const SERVICE_DELIVERY: &str = "delivery of the service|delivery of a service|delivery of our service|delivery of our services|delivering the service|delivering our service|delivering our services|provision of the service|provision of a service|provision of our services";

/// The phrase of `text` that puts the soft opt-in's test as "the delivery of a service",
/// if any.
pub fn describes_service_delivery(text: &str) -> Option<&'static str> {
    first_phrase(text, SERVICE_DELIVERY)
}

/// Words that name a role ("Director of Housing", "Data Protection Officer").
const ROLE_WORDS: &str = "officer director manager head chief lead dpo ceo coo cfo cio cto board trustee trustees chair secretary partner owner executive counsel solicitor clerk coordinator administrator president founder principal headteacher governor controller advisor adviser committee senior deputy assistant supervisor proprietor treasurer";
/// Words that end the name of an organisation ("Ark HA", "Example Ltd").
const ORGANISATION_WORDS: &str = "ltd limited plc llp ha cic council trust association charity group inc foundation society company co corporation";

/// A role that names an organisation instead ("Ark HA"): all its words are in the
/// organisation's name, or it ends like an organisation's name and has no word of a role.
pub fn names_an_organisation(role: &str, organisation: &str) -> bool {
    let role = normalise(role);
    if role.is_empty() {
        return false;
    }
    let words: Vec<&str> = role.split(' ').collect();
    if words.iter().any(|w| has(ROLE_WORDS, w)) {
        return false;
    }
    let organisation = normalise(organisation);
    let in_name = organisation.split(' ').collect::<Vec<_>>();
    words.iter().all(|w| in_name.contains(w))
        || words.last().is_some_and(|w| has(ORGANISATION_WORDS, w))
}

/// Words that weigh one thing against another: a decision that goes against the reading
/// says why with one of these ("although", "outweighs", "on balance" …).
const WEIGHING: &str = "although though despite however nevertheless nonetheless notwithstanding whilst while but outweigh outweighs outweighed borderline";

/// The text weighs the concerns against the decision (see `WEIGHING`, and "on balance").
pub fn weighs_concerns(text: &str) -> bool {
    let normalised = normalise(text);
    normalised.split(' ').any(|w| has(WEIGHING, w)) || padded_words(text).contains(" on balance ")
}

/// Why an answer that should give reasons gives none (see `thin`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thin {
    /// Only "yes", "no", "none", "N/A", "nothing", "see above" and the like.
    Bare,
    /// Fewer than `MIN_REASON_WORDS` words.
    FewWords,
    /// Only the question's own words.
    RepeatsQuestion,
    /// A law named as the whole answer ("Meets PECR").
    LawOnly,
}

impl Thin {
    /// What is wrong, to follow the quoted answer: "“Yes.” is a bare yes or no".
    pub fn says(self) -> &'static str {
        match self {
            Thin::Bare => "is a bare yes, no, none or the like",
            Thin::FewWords => "is only a few words",
            Thin::RepeatsQuestion => "only repeats the question",
            Thin::LawOnly => "names the law but gives no reason",
        }
    }
}

/// An answer with fewer words than this gives no reason.
pub const MIN_REASON_WORDS: usize = 3;

/// Words that carry no reason of their own.
const FILLER: &str = "a an the of and or to in on for with by we our us it its is are be been being will would this that these those as at all any has have had do does there which also other so can could should they their them";
/// The words of a bare answer (with `FILLER`).
const BARE: &str = "yes no none nothing nil n na not applicable ok okay fine agreed correct true false see above below tbc tbd same before nope yep known identified";
/// Words that name a law or compliance with one.
const LAW_NAMES: &str = "pecr gdpr dpa act law laws legislation regulation regulations legal legally lawful lawfully statute statutory";
const LAW_WORDS: &str = "uk data protection privacy electronic communications ico guidance rules requirement requirements compliant complies comply complied compliance complying meets meet met accordance line relevant applicable article articles general processing fully full ec directive 2003 2018 2025 use access under within subject";

/// A word with a plural or verb ending taken off, for comparing answers with questions.
fn stem(word: &str) -> &str {
    ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|end| word.strip_suffix(end).filter(|w| w.len() >= 3))
        .unwrap_or(word)
}

/// Why an answer to a question that asks for reasons gives none, if it does not: a bare
/// "yes"/"no"/"N/A"/"none"/"nothing", fewer than `MIN_REASON_WORDS` words, the question's
/// own words back, or a law named as the whole answer. Empty answers are for the rules
/// about missing answers, so `None`.
pub fn thin(answer: &str, question: &str) -> Option<Thin> {
    // Each test below stops at the first word that settles it, and the words are read
    // one at a time: a long answer is decided within its first few words.
    let words = || normalised_words(answer);
    let count = words().take(12).count();
    if count == 0 {
        return None;
    }
    let content = || words().filter(|w| !has(FILLER, w) && !w.chars().all(|c| c.is_ascii_digit()));
    if content().all(|w| has(BARE, &w)) {
        return Some(Thin::Bare);
    }
    let beyond_law = content()
        .filter(|w| !has(LAW_NAMES, w) && !has(LAW_WORDS, w) && !has(BARE, w))
        .take(3)
        .count();
    if beyond_law < 3 && content().any(|w| has(LAW_NAMES, &w)) {
        return Some(Thin::LawOnly);
    }
    if count < MIN_REASON_WORDS {
        return Some(Thin::FewWords);
    }
    let asked = normalise(question);
    let asked: Vec<&str> = asked.split(' ').map(stem).collect();
    if count < 12 && content().all(|w| has(BARE, &w) || asked.contains(&stem(&w))) {
        return Some(Thin::RepeatsQuestion);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_phrase_of_the_list_is_found_as_whole_words_anywhere_in_the_text() {
        let list = "social housing|housing association|patients|in debt";
        let found = |text| first_phrase(text, list);
        // The list's order decides, not the text's.
        assert_eq!(
            found("Patients of a HOUSING Association in social housing."),
            Some("social housing")
        );
        assert_eq!(
            found("Patients of a housing association."),
            Some("housing association")
        );
        // At the start and at the end; accents and case folded.
        assert_eq!(found("Patients"), Some("patients"));
        assert_eq!(found("Tenants who are in debt"), Some("in debt"));
        assert_eq!(found("Pâtients, mostly."), Some("patients"));
        // Whole words only: not inside a longer word, nor a phrase cut short.
        assert_eq!(found("outpatients and inpatients"), None);
        assert_eq!(found("social housingly; in debtors"), None);
        assert_eq!(found("social"), None);
        assert_eq!(found(""), None);
    }

    #[test]
    fn thin_answers_are_told_apart_from_short_reasons() {
        let asked = "Is the processing proportionate to that purpose, or could it be seen as using a sledgehammer to crack a nut?";
        assert_eq!(thin("Yes.", asked), Some(Thin::Bare));
        assert_eq!(thin("N/A", asked), Some(Thin::Bare));
        assert_eq!(thin("Nothing.", asked), Some(Thin::Bare));
        assert_eq!(thin("See above.", asked), Some(Thin::Bare));
        assert_eq!(thin("Important.", asked), Some(Thin::FewWords));
        assert_eq!(thin("Meets PECR.", asked), Some(Thin::LawOnly));
        assert_eq!(
            thin("The processing meets the legal requirements of PECR and other data protection legislation.\n\nDPIA has been completed 10.12.24", asked),
            Some(Thin::LawOnly)
        );
        assert_eq!(
            thin(
                "Yes, the processing is proportionate to that purpose.",
                asked
            ),
            Some(Thin::RepeatsQuestion)
        );
        assert_eq!(thin("", asked), None);
        assert_eq!(
            thin(
                "One e-mail a month, to customers from the last two years only.",
                asked
            ),
            None
        );
        // A law named among reasons is not a law alone.
        assert_eq!(
            thin("PECR regulation 22(3): details collected at checkout, similar products only, an opt-out in every e-mail.", asked),
            None
        );
    }

    #[test]
    fn circumstances_roles_and_phrases_are_found_in_so_many_words() {
        assert_eq!(
            vulnerable_circumstances("Tenants in rent arrears get a call."),
            Some("arrears")
        );
        assert_eq!(
            vulnerable_circumstances("Customers who bought a bike."),
            None
        );
        assert_eq!(
            promotes_the_organisation("raise brand awareness and information about what we do"),
            Some("brand awareness")
        );
        assert_eq!(
            promotes_the_organisation("Offers on similar bikes, parts and servicing."),
            None
        );
        assert_eq!(
            describes_service_delivery(
                "in the course of the delivery of the service to the recipient"
            ),
            Some("delivery of the service")
        );
        assert_eq!(
            describes_service_delivery("in the course of a sale at our checkout"),
            None
        );
        assert!(names_an_organisation("Ark HA", "Ark HA"));
        assert!(names_an_organisation("Ark HA", "Ark Housing Association"));
        assert!(!names_an_organisation("Director of Housing", "Ark HA"));
        assert!(!names_an_organisation(
            "Data Protection Lead",
            "Example Manufacturing Ltd"
        ));
        assert!(!names_an_organisation("", "Ark HA"));
        assert!(weighs_concerns(
            "Although some tenants may object, the opt-out keeps them in control."
        ));
        assert!(weighs_concerns(
            "On balance the benefit to residents is greater."
        ));
        assert!(!weighs_concerns("The benefit to residents is great."));
    }

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

    /// `phrase_in` finds the phrase a search of the whole text for each phrase in turn
    /// finds: the first of the list that is there, wherever it is.
    #[test]
    fn phrase_in_finds_the_first_phrase_of_the_list_that_is_there() {
        use proptest::prelude::*;
        let words = prop::sample::select(vec![
            "social",
            "housing",
            "association",
            "patients",
            "patient",
            "in",
            "debt",
            "debts",
            "advice",
            "homeless",
            "we",
            "the",
            "mental",
            "health",
            "arrears",
            "benefit",
            "claimants",
        ]);
        proptest!(|(text in proptest::collection::vec(words, 0..30))| {
            let padded = format!(" {} ", text.join(" "));
            let naive = VULNERABLE.split('|').find(|p| padded.contains(&format!(" {p} ")));
            prop_assert_eq!(phrase_in(&padded, VULNERABLE), naive);
        });
    }

    /// The ASCII path gives what the word-by-word path gives.
    #[test]
    fn normalising_ascii_byte_by_byte_agrees_with_word_by_word() {
        use proptest::prelude::*;
        let slow = |text: &str| {
            let mut out = String::new();
            for word in raw_words(text) {
                if !out.is_empty() {
                    out.push(' ');
                }
                fold_into(word, &mut out);
            }
            out
        };
        proptest!(|(text in "[ -~\\t\\n]{0,40}")| {
            prop_assert!(text.is_ascii());
            prop_assert_eq!(normalise(&text), slow(&text));
        });
        assert_eq!(
            normalise("  We KEEP it,  for 2 years. "),
            "we keep it for 2 years"
        );
    }

    /// `same_words` says what comparing the two texts normalised whole says, whatever
    /// they share at either end (a property test over small alphabets that make words,
    /// spaces, punctuation, case and accents meet at every place).
    #[test]
    fn same_words_agrees_with_normalising_whole() {
        use proptest::prelude::*;
        let text = proptest::collection::vec(
            prop::sample::select(vec![
                "a", "A", "b", " ", "  ", ",", "é", "É", "e", "ŵ", "1", "-", "\n",
            ]),
            0..14,
        )
        .prop_map(|parts| parts.concat());
        proptest!(|(shared in text.clone(), x in text.clone(), y in text.clone(), tail in text)| {
            for (a, b) in [
                (format!("{shared}{x}{tail}"), format!("{shared}{y}{tail}")),
                (format!("{x}{tail}"), format!("{y}{tail}")),
                (format!("{shared}{x}"), format!("{shared}{y}")),
                (x.clone(), y.clone()),
            ] {
                prop_assert_eq!(same_words(&a, &b), normalise(&a) == normalise(&b), "{:?} and {:?}", a, b);
            }
        });
        assert!(same_words("We keep  it.", "we keep it"));
        assert!(!same_words("We keep it", "We keep its"));
        assert!(!same_words("ab cd", "a bcd"));
    }

    /// The shared start and end, a block at a time, are what comparing byte by byte
    /// finds, for lengths on either side of the block and differences anywhere.
    #[test]
    fn shared_ends_agree_with_counting_byte_by_byte() {
        use proptest::prelude::*;
        let bytes = || proptest::collection::vec(prop::sample::select(vec![b'a', b'b']), 0..200);
        proptest!(|(shared in bytes(), x in bytes(), y in bytes())| {
            for (a, b) in [
                ([&shared[..], &x].concat(), [&shared[..], &y].concat()),
                ([&x[..], &shared].concat(), [&y[..], &shared].concat()),
            ] {
                let start = a.iter().zip(&b).take_while(|(p, q)| p == q).count();
                let end = a.iter().rev().zip(b.iter().rev()).take_while(|(p, q)| p == q).count();
                prop_assert_eq!(super::shared_start(&a, &b), start);
                prop_assert_eq!(super::shared_end(&a, &b), end);
            }
        });
    }

    /// `upper` and `lower` agree with Unicode's own case mappings wherever Unicode maps a
    /// character to one character of their range, and leave every other character alone.
    #[test]
    fn upper_and_lower_agree_with_unicode_in_their_range() {
        let known = |s: String| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if (c as u32) < 0x180 => Some(c),
                _ => None,
            }
        };
        let mut mapped = 0;
        for c in (0..0x250).filter_map(char::from_u32) {
            let up = known(c.to_uppercase().to_string()).unwrap_or(c);
            let down = known(c.to_lowercase().to_string()).unwrap_or(c);
            let expected = |m: char| if (c as u32) < 0x180 { m } else { c };
            assert_eq!(
                upper(c),
                expected(up),
                "upper of {c:?} (U+{:04X})",
                c as u32
            );
            assert_eq!(
                lower(c),
                expected(down),
                "lower of {c:?} (U+{:04X})",
                c as u32
            );
            mapped += usize::from(upper(c) != c) + usize::from(lower(c) != c);
        }
        assert!(mapped > 200, "{mapped} letters mapped");
        assert_eq!(capitalised("ŵyr a wyres"), "Ŵyr a wyres");
        assert_eq!(capitalised("not needed: no"), "Not needed: no");
        assert_eq!(capitalised(""), "");
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

    #[test]
    fn combining_is_said_in_so_many_words() {
        assert!(mentions_combining(
            "We match the list against our customer records."
        ));
        assert!(mentions_combining(
            "Sales data is combined with survey answers."
        ));
        assert!(mentions_combining(
            "We cross-check each application with the register."
        ));
        assert!(!mentions_combining(
            "Payroll receives each employee's tax code from HMRC and pays them."
        ));
        assert!(!mentions_combining(
            "We do not match or combine this data with anything else."
        ));
        assert!(!mentions_combining(
            "Fixtures and results of the club's football matches."
        ));
        assert!(!mentions_combining(
            "Team sheets for matches with other clubs."
        ));
        assert!(!mentions_combining(""));
    }

    #[test]
    fn a_promise_is_not_evidence() {
        let e = soft_opt_in_evidence("All of these requirements will be met for all communications carried out in relation to marketing using the soft opt-in method.");
        assert_eq!(e.missing().len(), 3);
        assert!(e.promise.is_some());
        // A promise does not lend its words to the evidence.
        let e = soft_opt_in_evidence("We will ensure the checkout wording is stored in the CRM.");
        assert_eq!(e.missing().len(), 3);
    }

    #[test]
    fn concrete_evidence_has_all_three_parts() {
        let e = soft_opt_in_evidence("Since 3 March 2025 the checkout page has said: \"Untick this box if you do not want our offers by e-mail\". Screenshots of each version are kept in the marketing folder on SharePoint.");
        assert_eq!(e.missing(), Vec::<&str>::new());
        assert_eq!(e.promise, None);
        // A plan in the future tense is concrete too.
        let e = soft_opt_in_evidence("From 1 May 2026 the donation form will carry the statement below; a copy will be kept in the supporter database.");
        assert_eq!(e.missing(), Vec::<&str>::new());
    }

    #[test]
    fn each_missing_part_is_named() {
        let e = soft_opt_in_evidence("Screenshots of the sign-up form, dated 03.03.2025.");
        assert_eq!(e.missing(), ["where the proof is kept"]);
        let e = soft_opt_in_evidence("The wording is kept in the CRM.");
        assert_eq!(e.missing(), ["where and when the details were collected"]);
        let e = soft_opt_in_evidence("Collected at checkout since 2024; records held in the CRM.");
        assert_eq!(e.missing(), ["the wording people saw"]);
        // "May" the month, not the verb.
        assert!(soft_opt_in_evidence("Collected on 4 May.").collected);
        assert!(!soft_opt_in_evidence("People may opt out.").collected);
    }
}
