//! One report of an assessment, built once: a plain tree of parts, facts, tables, lists
//! and paragraphs with every sentence of the record worded here, and no markup. The HTML
//! report, the Word document and the OpenDocument text (`crate::export`) only lay it out,
//! each escaping at its own boundary, so the three records always say the same thing.
//!
//! - `build.rs`: `Report::of`, the order of the record (control table, summary, the ICO's
//!   parts, privacy information, approval, then the appendices);
//! - `control.rs`: the title, the status sentence, the document-control table, the
//!   running head and foot;
//! - `answers.rs`: a part's questions and answers (questions not asked on this route left
//!   out, unanswered ones named on one line);
//! - `impacts.rs`, `findings.rs`, `changes.rs`, `privacy.rs`, `approval.rs`: the parts
//!   of those names;
//! - `words.rs`: the fixed headings, introductions and phrases.
//!
//! Plain Rust; tested natively (tests/report.rs: a snapshot per realistic assessment).

mod answers;
mod approval;
mod build;
mod changes;
mod control;
mod findings;
mod impacts;
mod privacy;
pub mod words;

use crate::assessment::{Date, Impact, Severity};

/// How a run of text is shown. Each renderer maps these to its own styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    Strong,
    /// A note, or an optional answer not given.
    Quiet,
    /// A required answer not given, or something that must be fixed.
    Missing,
    /// Text the user typed: kept as typed (line breaks included).
    Typed,
    /// Words taken out since the earlier version (struck through, and marked in words).
    Removed,
    /// Words put in since the earlier version (underlined, and marked in words).
    Added,
    /// A digest or an id: set in a fixed-width face, broken anywhere.
    Code,
    /// A date, as its long form; the renderer may also give the machine form.
    Day(Date),
}

/// A run of text in one look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub look: Look,
}

/// One paragraph: runs of text.
pub type Line = Vec<Span>;

pub fn span(text: impl Into<String>, look: Look) -> Span {
    Span {
        text: text.into(),
        look,
    }
}

/// A paragraph of one run of plain text.
pub fn plain(text: impl Into<String>) -> Line {
    vec![span(text, Look::Plain)]
}

/// A paragraph of one run in `look`.
pub fn looked(text: impl Into<String>, look: Look) -> Line {
    vec![span(text, look)]
}

/// How strongly a banner speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A fact to notice (a draft, a result).
    Notice,
    /// All is well (an approval that holds).
    Good,
    /// Something is wrong with the record (changed after approval, a broken chain).
    Warning,
}

/// What goes in a table cell, or in the answer of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Para(Line),
    Bullet(Line),
}

/// A table cell: its paragraphs and, in the risk matrix, the risk it is shaded for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub items: Vec<Item>,
    pub shade: Option<crate::assessment::Risk>,
}

impl Cell {
    pub fn of(items: Vec<Item>) -> Cell {
        Cell { items, shade: None }
    }

    pub fn line(line: Line) -> Cell {
        Cell::of(vec![Item::Para(line)])
    }
}

/// A table with a header row; columns sized in proportion to `widths`. The first
/// column of each row names the row when `row_headers` is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub widths: Vec<u16>,
    pub rows: Vec<Vec<Cell>>,
    pub row_headers: bool,
}

/// A question and its answer, as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    /// The question's stable key (`about.title`), for anchors.
    pub key: &'static str,
    pub question: &'static str,
    pub answer: Vec<Item>,
}

/// One finding of the rules, worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub id: std::borrow::Cow<'static, str>,
    pub severity: Severity,
    pub message: std::borrow::Cow<'static, str>,
    pub detail: Option<String>,
    /// "About: … (the questions it concerns). Source: … [n]. Rule …."
    pub source: String,
}

/// The risk matrix: severity down, likelihood across; each cell's risk and the impacts
/// in it before and after safeguards; and the same facts as sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// The impacts, to place on a drawing (`assessment::matrix`).
    pub impacts: Vec<Impact>,
    pub title: &'static str,
    pub caption: &'static str,
    /// The table's corner and axis titles.
    pub severity_title: &'static str,
    pub likelihood_title: &'static str,
    /// Severity from the most severe down, each row with its three cells.
    pub rows: Vec<MatrixRow>,
    /// Likelihood labels, left to right.
    pub columns: Vec<&'static str>,
    /// One sentence per impact: the text alternative.
    pub sentences: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    pub severity: &'static str,
    pub cells: Vec<Cell>,
}

/// A piece of a part.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum Block {
    Para(Line),
    /// A sentence that stands out: the status, a result, a warning.
    Banner(Tone, Line),
    /// Names and values (the document control table, the summary).
    Facts(Vec<(&'static str, Vec<Item>)>),
    /// Questions and their answers.
    Questions(Vec<Answered>),
    Table(Table),
    List(Vec<Line>),
    /// The findings of one severity.
    Findings(Vec<Found>),
    Matrix(Box<Matrix>),
}

impl Block {
    /// The block as a table, for a document that draws facts, questions and the risk
    /// matrix as tables: its header (none for facts), column proportions and cells.
    pub fn as_table(&self) -> Option<Table> {
        let strong = |text: &str| Cell::line(looked(text, Look::Strong));
        match self {
            Block::Facts(facts) => Some(Table {
                header: Vec::new(),
                widths: vec![26, 74],
                rows: facts
                    .iter()
                    .map(|(name, items)| vec![strong(name), Cell::of(items.clone())])
                    .collect(),
                row_headers: true,
            }),
            Block::Questions(rows) => Some(Table {
                header: words::QUESTION_COLUMNS.to_vec(),
                widths: vec![40, 60],
                rows: rows
                    .iter()
                    .map(|row| {
                        vec![
                            Cell::line(plain(row.question)),
                            Cell::of(row.answer.clone()),
                        ]
                    })
                    .collect(),
                row_headers: false,
            }),
            Block::Matrix(m) => {
                let mut header = vec![m.severity_title];
                header.extend(m.columns.iter().copied());
                Some(Table {
                    header,
                    widths: vec![22, 26, 26, 26],
                    rows: m
                        .rows
                        .iter()
                        .map(|row| {
                            let mut cells = vec![strong(row.severity)];
                            cells.extend(row.cells.iter().cloned());
                            cells
                        })
                        .collect(),
                    row_headers: false,
                })
            }
            Block::Table(t) => Some(t.clone()),
            _ => None,
        }
    }
}

/// A part of the report with its heading; its sub-parts are one level down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// A stable name for links (`purpose`, `findings`).
    pub anchor: String,
    pub title: String,
    pub lede: Option<&'static str>,
    pub blocks: Vec<Block>,
    pub parts: Vec<Part>,
}

impl Part {
    pub fn new(anchor: impl Into<String>, title: impl Into<String>) -> Part {
        Part {
            anchor: anchor.into(),
            title: title.into(),
            lede: None,
            blocks: Vec::new(),
            parts: Vec::new(),
        }
    }
}

/// What is printed at the top and foot of every page (Word and OpenDocument).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Running {
    /// "Tenant marketing by e-mail · Draft · version 1".
    pub head: String,
    /// The foot: `page_before` N `page_between` M `page_after`, e.g.
    /// "Page 2 of 7 · digest a4110fb9".
    pub page_before: &'static str,
    pub page_between: &'static str,
    pub page_after: String,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// "Legitimate interests assessment (UK GDPR Article 6(1)(f))".
    pub kicker: &'static str,
    /// The assessment's title.
    pub title: String,
    /// "Legitimate interests assessment: <title>", for the window and file properties.
    pub document_title: String,
    /// Who completed it, for the file properties.
    pub author: Option<String>,
    /// The subject and the application, for the file properties.
    pub subject: &'static str,
    pub application: &'static str,
    /// What the record is, in a sentence true for its state.
    pub status: (Tone, Line),
    pub running: Running,
    /// The main parts, in order.
    pub parts: Vec<Part>,
    /// The appendices (findings, changes), after the sign-off.
    pub appendices: Vec<Part>,
    pub colophon: Colophon,
}

/// The last words: what made the record and how to check it, and where a copy to open
/// again is (the renderer says `with_copy` when its file holds one, as the HTML report
/// does, and `without_copy` otherwise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colophon {
    pub lines: Vec<Line>,
    pub with_copy: Line,
    pub without_copy: Line,
}
