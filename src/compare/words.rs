//! A word-level difference of two texts, for long answers: which words were taken out
//! and which put in. Words and the white space between them are the units, so a
//! changed word is marked whole and the text reads back exactly from the pieces.

/// One run of the compared texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// Only in the earlier text.
    Removed(String),
    /// Only in the later text.
    Added(String),
}

impl Piece {
    pub fn text(&self) -> &str {
        match self {
            Piece::Same(t) | Piece::Removed(t) | Piece::Added(t) => t,
        }
    }
}

/// Beyond this many edits the middle of the texts is shown as replaced whole: the
/// search costs time and memory in the square of the edits.
const MAX_EDITS: usize = 2_000;

/// The texts split into words and the runs of white space between them.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The pieces that turn `before` into `after`: `Same` runs in both, `Removed` and
/// `Added` runs where they differ. Joining the `Same` and `Removed` pieces gives
/// `before`; joining the `Same` and `Added` pieces gives `after`.
pub fn diff(before: &str, after: &str) -> Vec<Piece> {
    let (a, b) = (tokens(before), tokens(after));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Op, &str)> = a[..prefix].iter().map(|t| (Op::Same, *t)).collect();
    match myers(middle_a, middle_b) {
        Some(middle) => ops.extend(middle),
        None => {
            ops.extend(middle_a.iter().map(|t| (Op::Removed, *t)));
            ops.extend(middle_b.iter().map(|t| (Op::Added, *t)));
        }
    }
    ops.extend(a[a.len() - suffix..].iter().map(|t| (Op::Same, *t)));
    join(ops)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// Runs of one kind made into one piece each; a removal and an addition are kept in
/// that order.
fn join(ops: Vec<(Op, &str)>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (op, text) in ops {
        match (pieces.last_mut(), op) {
            (Some(Piece::Same(t)), Op::Same)
            | (Some(Piece::Removed(t)), Op::Removed)
            | (Some(Piece::Added(t)), Op::Added) => t.push_str(text),
            _ => pieces.push(match op {
                Op::Same => Piece::Same(text.into()),
                Op::Removed => Piece::Removed(text.into()),
                Op::Added => Piece::Added(text.into()),
            }),
        }
    }
    // A run of white space alone between two changes reads better inside them.
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let changed = |p: Option<&Piece>| matches!(p, Some(Piece::Removed(_) | Piece::Added(_)));
        if let Piece::Same(t) = &pieces[i] {
            if t.chars().all(char::is_whitespace)
                && changed(out.last())
                && changed(pieces.get(i + 1))
            {
                let space = t.clone();
                out.push(Piece::Removed(space.clone()));
                out.push(Piece::Added(space));
                i += 1;
                continue;
            }
        }
        out.push(pieces[i].clone());
        i += 1;
    }
    // Merge again: the white space moved into changes may now sit beside its kind.
    let mut merged: Vec<Piece> = Vec::with_capacity(out.len());
    let mut removed = String::new();
    let mut added = String::new();
    let flush = |merged: &mut Vec<Piece>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            merged.push(Piece::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            merged.push(Piece::Added(std::mem::take(added)));
        }
    };
    for piece in out {
        match piece {
            Piece::Removed(t) => removed.push_str(&t),
            Piece::Added(t) => added.push_str(&t),
            Piece::Same(t) => {
                flush(&mut merged, &mut removed, &mut added);
                merged.push(Piece::Same(t));
            }
        }
    }
    flush(&mut merged, &mut removed, &mut added);
    merged
}

/// Myers' shortest edit script over tokens; `None` beyond `MAX_EDITS` edits.
fn myers<'a>(a: &[&'a str], b: &[&'a str]) -> Option<Vec<(Op, &'a str)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    // The part of `v` each step starts from (indexes -d-1 to d+1), for the way back.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    let mut found = None;
    'search: for d in 0..=max.min(MAX_EDITS) as isize {
        trace.push(v[at(-d - 1)..=at(d + 1)].to_vec());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                found = Some(d);
                break 'search;
            }
            k += 2;
        }
    }
    let edits = found?;
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..=edits).rev() {
        let saved = &trace[d as usize];
        let get = |k: isize| saved[(k + d + 1) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            ops.push((Op::Same, a[x as usize - 1]));
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                ops.push((Op::Added, b[prev_y as usize]));
            } else {
                ops.push((Op::Removed, a[prev_x as usize]));
            }
        }
        x = prev_x;
        y = prev_y;
    }
    ops.reverse();
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(pieces: &[Piece]) -> (String, String) {
        let mut before = String::new();
        let mut after = String::new();
        for p in pieces {
            match p {
                Piece::Same(t) => {
                    before.push_str(t);
                    after.push_str(t);
                }
                Piece::Removed(t) => before.push_str(t),
                Piece::Added(t) => after.push_str(t),
            }
        }
        (before, after)
    }

    #[test]
    fn marks_the_changed_words_only() {
        let pieces = diff(
            "We keep the data for two years.",
            "We keep the data for three years.",
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Same("We keep the data for ".into()),
                Piece::Removed("two".into()),
                Piece::Added("three".into()),
                Piece::Same(" years.".into()),
            ]
        );
        assert_eq!(
            diff("a b c", "a c"),
            vec![
                Piece::Same("a ".into()),
                Piece::Removed("b ".into()),
                Piece::Same("c".into())
            ]
        );
        assert_eq!(diff("same", "same"), vec![Piece::Same("same".into())]);
        assert_eq!(diff("", "new"), vec![Piece::Added("new".into())]);
        assert_eq!(diff("old", ""), vec![Piece::Removed("old".into())]);
        assert!(diff("", "").is_empty());
    }

    #[test]
    fn every_difference_reads_back_as_both_texts() {
        let texts = [
            "",
            "one",
            "one two three",
            "three two one",
            "one  two\nthree\n\nfour",
            "ثلاثة \u{200f}اثنان واحد",
            "héllo wörld 😀 and more",
            "a a a a b b b b",
            "b a b a b a",
        ];
        for before in texts {
            for after in texts {
                let pieces = diff(before, after);
                assert_eq!(
                    both(&pieces),
                    (before.into(), after.into()),
                    "{before:?} → {after:?}"
                );
                for pair in pieces.windows(2) {
                    assert!(
                        std::mem::discriminant(&pair[0]) != std::mem::discriminant(&pair[1]),
                        "{pieces:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_long_rewrite_is_shown_whole_and_stays_correct() {
        let before: String = (0..6_000).map(|i| format!("w{i} ")).collect();
        let after: String = (0..6_000).map(|i| format!("v{i} ")).collect();
        let pieces = diff(&before, &after);
        assert_eq!(both(&pieces), (before.clone(), after.clone()));
        // A small change in a long text is still found word by word.
        let edited = before.replacen("w3000 ", "changed ", 1);
        let pieces = diff(&before, &edited);
        assert_eq!(both(&pieces), (before, edited));
        assert_eq!(
            pieces
                .iter()
                .filter(|p| !matches!(p, Piece::Same(_)))
                .collect::<Vec<_>>(),
            vec![
                &Piece::Removed("w3000".into()),
                &Piece::Added("changed".into())
            ]
        );
    }
}
