//! A register of many records: one row per assessment (title, organisation, status,
//! version, decision, overall reading, blockers, warnings, approver, approval date,
//! review due and whether it is overdue or due soon), sorted by any column and filtered
//! by status and review due; an approval counts only where it verifies (signed by a
//! trusted approver, for the content as it is): any other says so plainly (its status,
//! a warning with the row, and how many there are), and a draft or an unverified
//! approval shows no approver or approval date; the files it was read from, each unreadable one with its
//! reason; the chains between reviews and the versions they review; and its exports
//! (CSV, a printable page, a calendar of review dates). Plain Rust, tested natively:
//! the register page and the start page's table only show what this works out.

pub mod batches;
pub mod csv;
pub mod group;
pub mod html;
pub mod ics;

use std::cmp::Ordering;

use crate::assessment::choices::decision;
use crate::assessment::text::normalise;
use crate::assessment::{Answer, Assessment, Date, QuestionId, Reading, Status};
use crate::compare::{check_chain, compare, Chain, Changes};
use crate::export::{import_with_digest, ImportError, Imported};
use crate::handover::{self, Approval, Mismatch, Trust, Verification};
use crate::sort::positions;

/// How many days ahead a review counts as due soon.
pub const DUE_SOON_DAYS: i64 = 30;

/// Where a review date stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Due {
    /// The date has passed.
    Overdue,
    /// Today or within `DUE_SOON_DAYS` days.
    Soon,
    /// Later than that.
    Later,
    /// No review date is set.
    NotSet,
}

impl Due {
    pub fn of(review: Option<Date>, today: Date) -> Due {
        match review {
            None => Due::NotSet,
            Some(d) if d < today => Due::Overdue,
            Some(d) if today.days_until(d) <= DUE_SOON_DAYS => Due::Soon,
            Some(_) => Due::Later,
        }
    }

    /// The flag shown beside the date; empty when there is none.
    pub fn flag(self) -> &'static str {
        match self {
            Due::Overdue => "Overdue",
            Due::Soon => "Due within 30 days",
            Due::Later | Due::NotSet => "",
        }
    }
}

/// The overall reading in a few words, for a table.
pub fn reading_short(r: Reading) -> &'static str {
    match r {
        Reading::TooEarly => "Too early to say",
        Reading::Appropriate => "Appropriate",
        Reading::Borderline => "Borderline",
        Reading::Unlikely => "Unlikely",
        Reading::PublicTask => "Public task instead",
    }
}

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::Approved => "Approved",
    }
}

/// Where a record stands in the register: a draft, or the approval it claims as it
/// verifies today (never the status a file gives itself). That is what the status
/// column, the status filter and every export show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    Draft,
    /// Signed by a trusted approver, for the content as it is.
    Approved,
    /// The same, by its author, where the organisation allows it.
    ApprovedByAuthor,
    /// Signed, and the signature matches, but with a key not on the trusted list.
    NotTrusted,
    /// The content no longer matches what was approved, whatever status the file claims.
    ChangedAfterApproval,
    /// The signature does not match the decision (or its key or date are not usable).
    SignatureDoesNotMatch,
    /// Marked approved, with no signature.
    NotSigned,
}

impl Standing {
    pub const ALL: [Standing; 7] = [
        Standing::Draft,
        Standing::Approved,
        Standing::ApprovedByAuthor,
        Standing::NotTrusted,
        Standing::ChangedAfterApproval,
        Standing::SignatureDoesNotMatch,
        Standing::NotSigned,
    ];

    /// From the approval a record claims, verified (`None`: it claims none).
    pub fn of(approval: Option<&Approval>) -> Standing {
        let Some(approval) = approval else {
            return Standing::Draft;
        };
        match (&approval.verification, approval.by_author) {
            (Verification::Trusted { .. }, false) => Standing::Approved,
            (Verification::Trusted { .. }, true) => Standing::ApprovedByAuthor,
            (Verification::NotTrusted { .. }, _) => Standing::NotTrusted,
            (Verification::DoesNotMatch(Mismatch::ContentChanged), _) => {
                Standing::ChangedAfterApproval
            }
            (Verification::DoesNotMatch(_), _) => Standing::SignatureDoesNotMatch,
            (Verification::NotSigned, _) => Standing::NotSigned,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Standing::Draft => "draft",
            Standing::Approved => "approved",
            Standing::ApprovedByAuthor => "approved-by-author",
            Standing::NotTrusted => "not-trusted",
            Standing::ChangedAfterApproval => "changed-after-approval",
            Standing::SignatureDoesNotMatch => "signature-does-not-match",
            Standing::NotSigned => "not-signed",
        }
    }

    /// The status as the register writes it (the phrases of `Approval::status_label`).
    pub fn label(self) -> &'static str {
        match self {
            Standing::Draft => status_label(Status::Draft),
            Standing::Approved => status_label(Status::Approved),
            Standing::ApprovedByAuthor => "Approved by its author",
            Standing::NotTrusted => "Approval signed by a key not on the trusted list",
            Standing::ChangedAfterApproval => "Changed after approval",
            Standing::SignatureDoesNotMatch => "Approval signature does not match",
            Standing::NotSigned => "Approval not signed",
        }
    }

    /// `None` for any other key ("any").
    pub fn from_key(key: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A problem to show plainly wherever the row is: an approval that cannot be relied
    /// on.
    pub fn is_problem(self) -> bool {
        !matches!(
            self,
            Standing::Draft | Standing::Approved | Standing::ApprovedByAuthor
        )
    }

    /// Approved, and the approval verifies: only then are the approver and the date
    /// shown.
    pub fn holds(self) -> bool {
        matches!(self, Standing::Approved | Standing::ApprovedByAuthor)
    }
}

/// The warning shown with a record whose approval cannot be relied on: short enough for
/// a table (the reports say more, `Approval::describe`).
fn approval_warning(approval: Option<&Approval>) -> Option<String> {
    let approval = approval.filter(|a| !a.holds())?;
    let who = approval
        .decision
        .as_ref()
        .map(|d| format!(" by {} on {}", d.who(), d.date_long()))
        .unwrap_or_default();
    Some(match &approval.verification {
        Verification::DoesNotMatch(Mismatch::ContentChanged) => match &approval.decision {
            Some(d) => format!(
                "Changed after approval: this is not what {} approved on {}. The approval does not cover this version: do not rely on it as the approved record.",
                d.who(),
                d.date_long()
            ),
            None => "Changed after approval: the approval does not cover this version: do not rely on it as the approved record.".into(),
        },
        Verification::NotTrusted { fingerprint, .. } => format!(
            "Marked approved{who}, signed by a key not on the trusted list (fingerprint {fingerprint}): check it before relying on it."
        ),
        Verification::DoesNotMatch(why) => format!(
            "Marked approved{who}, but the signature does not match: {}. Do not rely on it as the approved record.",
            why.describe()
        ),
        _ => format!(
            "Marked approved{who}, but not signed: do not rely on it as the approved record."
        ),
    })
}

/// How many of the records shown have an approval that cannot be relied on (changed
/// after approval, not signed, signed by a key not trusted, or a signature that does not
/// match), in a sentence; `None` when none has.
pub fn changed_after_approval(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some(
            "Warning: 1 assessment is marked approved, but its approval cannot be relied on: it was changed after approval, or it is not signed by a trusted approver. Its row says which."
                .into(),
        ),
        n => Some(format!(
            "Warning: {n} assessments are marked approved, but their approvals cannot be relied on: they were changed after approval, or are not signed by a trusted approver. Each row says which."
        )),
    }
}

/// Whether a copy's digest matches its content, in a word or two for a table.
pub fn digest_label(check: &crate::export::DigestCheck, saved: bool) -> &'static str {
    use crate::export::DigestCheck;
    match (saved, check) {
        (true, _) => "Saved in this browser",
        (false, DigestCheck::Matches) => "Matches",
        (false, DigestCheck::Mismatch) => "Does not match",
        (false, DigestCheck::Missing) => "No digest",
    }
}

/// The warning shown with a copy whose digest does not match its content, or nothing.
pub fn digest_warning(entry: &Entry) -> Option<&'static str> {
    (!entry.saved && entry.imported.digest == crate::export::DigestCheck::Mismatch).then_some(
        "Its digest does not match: this file was changed after it was exported, so it is \
         not the record as the tool wrote it.",
    )
}

/// One assessment as the register shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// The title's words as sorting compares them (`normalise`), worked out as the file
    /// is read rather than each time the register is sorted.
    pub title_words: String,
    pub organisation: String,
    /// The organisation's settings it was made under: "their name (revision 2026.1)"
    /// (issue 29).
    pub settings: Option<String>,
    /// The status the record gives itself.
    pub status: Status,
    /// What the register shows as its status: whether an approval verifies.
    pub standing: Standing,
    /// For a record whose approval cannot be relied on, the warning to show with it.
    pub warning: Option<String>,
    /// The approval it claims, verified (`None`: it claims none).
    pub approval: Option<Approval>,
    /// For a record approved under an earlier version of the rules that now gets new
    /// findings: "Checked with an earlier version of the rules …: 2 new findings."
    pub rules_note: Option<String>,
    pub version: u32,
    /// The answer to "Can you rely on legitimate interests?", as its label.
    pub decision: Option<&'static str>,
    pub reading: Reading,
    pub blockers: usize,
    pub warnings: usize,
    /// Who approved it: only for an approval that verifies (empty otherwise).
    pub approver: String,
    /// The approval date, only for an approval that verifies: a date when it is one,
    /// else the text.
    pub approved_on: Option<Date>,
    pub approved_text: String,
    pub review_due: Option<Date>,
    pub due: Due,
}

fn text(a: &Assessment, q: QuestionId) -> String {
    match a.answers.get(q) {
        Some(Answer::Text(t)) => t.trim().to_string(),
        _ => String::new(),
    }
}

impl Row {
    /// The row of `a` today: the rules run on it now (nothing is taken from a file's
    /// saved outcome), and an approval counts only while it verifies: signed by an
    /// approver `trust` holds, for the content as it is.
    pub fn of(a: &Assessment, today: Date, trust: &Trust) -> Row {
        Row::under(a, today, trust, None)
    }

    /// `Row::of`, with the findings of the organisation's `settings` loaded here (for a
    /// record made under them) counted with the rules'.
    pub fn under(
        a: &Assessment,
        today: Date,
        trust: &Trust,
        settings: Option<&crate::organisation::Settings>,
    ) -> Row {
        let evaluation = crate::organisation::evaluate::brief(a, settings, Some(today));
        let outcome = &evaluation.outcome;
        let review_due = match evaluation.answer(a, QuestionId::SignOffReviewDate) {
            Some(Answer::Text(t)) => Date::parse(t),
            _ => None,
        };
        let decision = match evaluation.answer(a, QuestionId::DecisionRely) {
            Some(Answer::Choice(key)) => decision::OPTIONS
                .iter()
                .find(|c| c.key == key)
                .map(|c| c.label),
            _ => None,
        };
        // The approval, verified once: its signature, its key, and the content now.
        let approval = handover::approval(a, trust, today);
        let standing = Standing::of(approval.as_ref());
        // Who and when, from the signed decision (never from answers a file can change).
        let (approver, approved_text) = match approval.as_ref().and_then(|a| a.decision.as_ref()) {
            Some(d) if standing.holds() => (d.name.trim().to_string(), d.date.clone()),
            _ => (String::new(), String::new()),
        };
        let title = a.title().to_string();
        Row {
            id: a.id.clone(),
            title_words: normalise(&title),
            title,
            organisation: text(a, QuestionId::AboutOrganisation),
            settings: a
                .organisation
                .as_ref()
                .map(|o| format!("{} (revision {})", o.name, o.revision)),
            status: a.status,
            standing,
            warning: approval_warning(approval.as_ref()),
            approval,
            rules_note: evaluation.since_checked.as_ref().map(|s| s.sentence()),
            version: a.version,
            decision,
            reading: outcome.reading,
            blockers: outcome.counts.blockers,
            warnings: outcome.counts.warnings,
            approver,
            approved_on: Date::parse(&approved_text),
            approved_text,
            review_due,
            due: Due::of(review_due, today),
        }
    }

    /// The approval date as shown: "16 April 2026", or as typed when it is not a date.
    pub fn approved_label(&self) -> String {
        self.approved_on
            .map_or_else(|| self.approved_text.clone(), Date::long)
    }
}

/// A column of the register, in table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Title,
    Organisation,
    Status,
    Version,
    Decision,
    Reading,
    Blockers,
    Warnings,
    Approver,
    Approved,
    ReviewDue,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Title,
        Column::Organisation,
        Column::Status,
        Column::Version,
        Column::Decision,
        Column::Reading,
        Column::Blockers,
        Column::Warnings,
        Column::Approver,
        Column::Approved,
        Column::ReviewDue,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Title => "Assessment",
            Column::Organisation => "Organisation",
            Column::Status => "Status",
            Column::Version => "Version",
            Column::Decision => "Decision",
            Column::Reading => "Overall reading",
            Column::Blockers => "Blockers",
            Column::Warnings => "Warnings",
            Column::Approver => "Approved by",
            Column::Approved => "Approval date",
            Column::ReviewDue => "Review due",
        }
    }

    /// Orders two rows by this column (ascending); missing values last.
    /// The text a text column sorts by, `None` for the others.
    fn text(self, r: &Row) -> Option<&str> {
        match self {
            Column::Title => Some(&r.title),
            Column::Organisation => Some(&r.organisation),
            Column::Decision => Some(r.decision.unwrap_or("")),
            Column::Approver => Some(&r.approver),
            _ => None,
        }
    }

    /// Compares two rows by this column; `words` are each text column's value as its
    /// words (`normalise`), worked out once per row rather than once per comparison.
    fn cmp(self, (a, wa): (&Row, &str), (b, wb): (&Row, &str)) -> Ordering {
        fn some<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        if let (Some(ta), Some(tb)) = (self.text(a), self.text(b)) {
            return match (ta.is_empty(), tb.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => wa.cmp(wb).then_with(|| ta.cmp(tb)),
            };
        }
        match self {
            Column::Status => a.standing.cmp(&b.standing),
            Column::Version => a.version.cmp(&b.version),
            Column::Reading => a.reading.cmp(&b.reading),
            Column::Blockers => a.blockers.cmp(&b.blockers),
            Column::Warnings => a.warnings.cmp(&b.warnings),
            Column::Approved => some(a.approved_on, b.approved_on),
            Column::ReviewDue => some(a.review_due, b.review_due),
            _ => Ordering::Equal,
        }
    }
}

/// Which way a column is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    /// The review dates, soonest (and overdue) first.
    fn default() -> Sort {
        Sort {
            column: Column::ReviewDue,
            ascending: true,
        }
    }
}

impl Sort {
    /// Every way to sort, for a list to choose from: each column, up then down.
    pub fn key(self) -> String {
        format!(
            "{}-{}",
            Column::ALL
                .iter()
                .position(|c| *c == self.column)
                .unwrap_or(0),
            if self.ascending { "up" } else { "down" }
        )
    }

    /// The sort a `key` names, if it names one.
    pub fn from_key(key: &str) -> Option<Sort> {
        let (column, way) = key.split_once('-')?;
        let column = *Column::ALL.get(column.parse::<usize>().ok()?)?;
        let ascending = match way {
            "up" => true,
            "down" => false,
            _ => return None,
        };
        Some(Sort { column, ascending })
    }

    /// "Review due, soonest first", as a list to choose from says it.
    pub fn label(self) -> String {
        let way = match (self.column, self.ascending) {
            (Column::Title | Column::Organisation | Column::Approver | Column::Decision, true) => {
                "A to Z"
            }
            (Column::Title | Column::Organisation | Column::Approver | Column::Decision, false) => {
                "Z to A"
            }
            (Column::Approved | Column::ReviewDue, true) => "earliest first",
            (Column::Approved | Column::ReviewDue, false) => "latest first",
            (Column::Status | Column::Reading, true) => "in order",
            (Column::Status | Column::Reading, false) => "in reverse order",
            (_, true) => "lowest first",
            (_, false) => "highest first",
        };
        format!("{}, {way}", self.column.label())
    }

    /// What a click on `column`'s header does: sort by it ascending, or reverse it.
    pub fn toggle(self, column: Column) -> Sort {
        Sort {
            column,
            ascending: self.column != column || !self.ascending,
        }
    }

    /// The `aria-sort` value of `column`'s header.
    pub fn aria(self, column: Column) -> &'static str {
        match (self.column == column, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

/// Which review dates to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DueFilter {
    #[default]
    Any,
    Overdue,
    /// Overdue or due within 30 days: what needs attention.
    Soon,
    NotSet,
}

impl DueFilter {
    pub const ALL: [DueFilter; 4] = [
        DueFilter::Any,
        DueFilter::Overdue,
        DueFilter::Soon,
        DueFilter::NotSet,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DueFilter::Any => "any",
            DueFilter::Overdue => "overdue",
            DueFilter::Soon => "soon",
            DueFilter::NotSet => "not-set",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DueFilter::Any => "Any review date",
            DueFilter::Overdue => "Overdue",
            DueFilter::Soon => "Overdue or due within 30 days",
            DueFilter::NotSet => "No review date set",
        }
    }

    pub fn from_key(key: &str) -> DueFilter {
        DueFilter::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .unwrap_or_default()
    }

    fn admits(self, due: Due) -> bool {
        match self {
            DueFilter::Any => true,
            DueFilter::Overdue => due == Due::Overdue,
            DueFilter::Soon => matches!(due, Due::Overdue | Due::Soon),
            DueFilter::NotSet => due == Due::NotSet,
        }
    }
}

/// What the table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this standing (so "Approved" leaves out what changed after approval);
    /// `None` for any.
    pub status: Option<Standing>,
    pub due: DueFilter,
}

impl Filter {
    pub fn admits(&self, row: &Row) -> bool {
        self.status.is_none_or(|s| s == row.standing) && self.due.admits(row.due)
    }
}

/// The rows `filter` admits, sorted: their indexes into `rows`. Ties keep the title
/// order, then the order the rows were given in.
pub fn arrange(rows: &[&Row], sort: Sort, filter: &Filter) -> Vec<usize> {
    let order: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.admits(rows[i]))
        .collect();
    // The sorted column's words, worked out once per row rather than once per comparison
    // (the title's were when the row was made).
    let by_column: Vec<String> = match sort.column {
        Column::Title => Vec::new(),
        column => rows
            .iter()
            .map(|r| column.text(r).map(normalise).unwrap_or_default())
            .collect(),
    };
    let words = |column: Column, i: usize| -> &str {
        match column {
            Column::Title => &rows[i].title_words,
            _ => &by_column[i],
        }
    };
    // The index breaks every tie.
    crate::sort::positions(order.len(), &|x, y| {
        let (i, j) = (order[x], order[y]);
        let (a, b) = (rows[i], rows[j]);
        let by = sort
            .column
            .cmp((a, words(sort.column, i)), (b, words(sort.column, j)));
        let by = if sort.ascending { by } else { by.reverse() };
        by.then_with(|| {
            Column::Title.cmp((a, words(Column::Title, i)), (b, words(Column::Title, j)))
        })
    })
    .into_iter()
    .map(|x| order[x])
    .collect()
}

/// One file read into the register, or one assessment saved in this browser.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The file's name (for a saved assessment, `SAVED_HERE`).
    pub file: String,
    pub row: Row,
    /// The digest of the record as read (`assessment_digest`): copies with the same are
    /// one record.
    pub digest: String,
    /// Where it stands in its assessment's life.
    pub place: group::Place,
    /// The record as read (its digest check too), to keep in this browser.
    pub imported: Imported,
    /// Saved in this browser already (nothing to keep; it can be opened).
    pub saved: bool,
}

/// Where an entry that was not read from a file comes from, as the register says it.
pub const SAVED_HERE: &str = "Saved in this browser";

/// What the register says once the saved assessments are added: how many, and how many
/// could not be read.
pub fn saved_added(added: usize, unreadable: usize) -> String {
    let mut text = match added {
        0 => "No assessment saved in this browser could be added.".to_string(),
        1 => "1 assessment saved in this browser is in the register.".to_string(),
        n => format!("{n} assessments saved in this browser are in the register."),
    };
    match unreadable {
        0 => {}
        1 => text.push_str(" 1 could not be read: the start page says why."),
        n => text.push_str(&format!(" {n} could not be read: the start page says why.")),
    }
    text
}

/// What the register says once `total` chosen files are read: how many records were
/// added, and how many files could not be read.
pub fn files_read(total: usize, records: usize, failed: usize) -> String {
    format!(
        "{total} file{} read: {records} record{} added to the register{}.",
        if total == 1 { "" } else { "s" },
        if records == 1 { "" } else { "s" },
        match failed {
            0 => String::new(),
            1 => ", 1 could not be read".into(),
            n => format!(", {n} could not be read"),
        }
    )
}

/// A file that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub file: String,
    pub error: ImportError,
}

impl Failure {
    /// "“x.json” could not be read: …".
    pub fn message(&self) -> String {
        format!(
            "“{}” could not be read: {}",
            self.file,
            self.error.message()
        )
    }
}

/// A review in the register and what it says about the version it reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The review's entry.
    pub review: usize,
    /// The entry of the version it reviews, when that is in the register too.
    pub previous: Option<usize>,
    /// Whether the chain holds with that copy.
    pub chain: Option<Chain>,
}

impl Link {
    /// What to say about it.
    pub fn describe(&self) -> String {
        match &self.chain {
            Some(chain) => chain.describe(),
            None => "The version it reviews is not among these files.".into(),
        }
    }
}

/// Records read from files, and the assessments saved in this browser when asked for:
/// nothing here is stored anywhere.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    today: Option<Date>,
    /// The approvers whose signatures count.
    trust: Trust,
    /// The organisation's settings loaded here, whose findings count with the rules'.
    settings: Option<std::sync::Arc<crate::organisation::Settings>>,
    entries: Vec<Entry>,
    failures: Vec<Failure>,
    /// Counts every change to the entries, so a view keyed by index redraws its rows
    /// when an entry is replaced in place.
    generation: u32,
    grouped: Grouped,
}

/// The entries' groups, and their first order (the default sort, no filter), each worked
/// out once after each change to them: for a register of thousands, each in a task of its
/// own before the page that shows them is drawn.
#[derive(Clone, Debug, Default)]
struct Grouped {
    groups: std::sync::OnceLock<Vec<group::Group>>,
    first_order: std::sync::OnceLock<Vec<usize>>,
}

/// A cache says nothing about the register: two registers with the same entries are
/// equal whether or not either has been grouped yet.
impl PartialEq for Grouped {
    fn eq(&self, _: &Grouped) -> bool {
        true
    }
}

impl Register {
    pub fn new(today: Date) -> Register {
        Register {
            today: Some(today),
            ..Register::default()
        }
    }

    /// A register whose approvals are verified against `trust`.
    pub fn with_trust(today: Date, trust: Trust) -> Register {
        Register {
            today: Some(today),
            trust,
            ..Register::default()
        }
    }

    pub fn today(&self) -> Option<Date> {
        self.today
    }

    /// Verifies every approval again against `trust` (the trusted approvers changed).
    pub fn set_trust(&mut self, trust: Trust) {
        if self.trust == trust {
            return;
        }
        self.trust = trust;
        self.check_again();
    }

    /// Counts the findings of `settings` (the organisation's settings loaded here) in
    /// every row again.
    pub fn set_settings(
        &mut self,
        settings: Option<std::sync::Arc<crate::organisation::Settings>>,
    ) {
        if self.settings == settings {
            return;
        }
        self.settings = settings;
        self.check_again();
    }

    fn check_again(&mut self) {
        let today = self.today_or_default();
        let (trust, settings) = (&self.trust, self.settings.as_deref());
        for entry in &mut self.entries {
            entry.row = Row::under(&entry.imported.assessment, today, trust, settings);
        }
        self.changed();
    }

    fn row(&self, a: &Assessment, today: Date) -> Row {
        Row::under(a, today, &self.trust, self.settings.as_deref())
    }

    /// Reads one file's bytes: a record becomes an entry, anything else a failure with
    /// its reason. The other files are unaffected either way.
    pub fn read(&mut self, file: &str, bytes: &[u8]) {
        match import_with_digest(bytes) {
            Ok((imported, digest)) => self.add(file, imported, digest),
            Err(error) => self.fail(file, error),
        }
    }

    /// A file that could not be read at all (too large, or the browser refused it).
    pub fn fail(&mut self, file: &str, error: ImportError) {
        self.failures.push(Failure {
            file: file.to_string(),
            error,
        });
    }

    /// The assessments saved in this browser, beside the files: any two versions can then
    /// be compared, and the chains checked, whether they came from files or from here.
    /// Asked for again, each saved one already here is read again in its place (no
    /// copy twice); the others are added at the end.
    pub fn add_saved(&mut self, saved: Vec<Assessment>) {
        let today = self.today_or_default();
        for assessment in saved {
            let entry = Entry {
                file: SAVED_HERE.to_string(),
                row: self.row(&assessment, today),
                digest: crate::assessment::assessment_digest(&assessment),
                place: group::Place::of(&assessment),
                imported: Imported {
                    assessment,
                    digest: crate::export::DigestCheck::Missing,
                    migrated_from: None,
                    kind: crate::export::FileKind::Json,
                    exported_at: None,
                },
                saved: true,
            };
            let id = &entry.imported.assessment.id;
            match self
                .entries
                .iter_mut()
                .find(|e| e.saved && &e.imported.assessment.id == id)
            {
                Some(earlier) => *earlier = entry,
                None => self.entries.push(entry),
            }
        }
        self.changed();
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.grouped = Grouped::default();
    }

    /// Changes whenever the entries do (see `generation` above).
    pub fn generation(&self) -> u32 {
        self.generation
    }

    fn today_or_default(&self) -> Date {
        self.today.unwrap_or(Date {
            year: 2026,
            month: 1,
            day: 1,
        })
    }

    /// `digest`: the assessment's digest if the import has worked it out already.
    fn add(&mut self, file: &str, imported: Imported, digest: Option<String>) {
        let today = self.today_or_default();
        self.entries.push(Entry {
            file: file.to_string(),
            row: self.row(&imported.assessment, today),
            digest: digest
                .unwrap_or_else(|| crate::assessment::assessment_digest(&imported.assessment)),
            place: group::Place::of(&imported.assessment),
            imported,
            saved: false,
        });
        self.changed();
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.failures.is_empty()
    }

    /// How many entries were changed after their approval.
    pub fn changed_after_approval(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.row.standing.is_problem())
            .count()
    }

    /// The entries `filter` admits, sorted: indexes into `entries()`.
    pub fn arrange(&self, sort: Sort, filter: &Filter) -> Vec<usize> {
        let rows: Vec<&Row> = self.entries.iter().map(|e| &e.row).collect();
        arrange(&rows, sort, filter)
    }

    /// The entries as assessments: every copy of one under one group, latest first.
    pub fn groups(&self) -> &[group::Group] {
        self.grouped
            .groups
            .get_or_init(|| group::group(&self.entries))
    }

    /// The groups `filter` admits by their latest copy, sorted by it: indexes into
    /// `groups()`. The first order a page shows (the default sort, no filter) is kept
    /// until the next change.
    pub fn arrange_groups(&self, sort: Sort, filter: &Filter) -> Vec<usize> {
        let arrange = || {
            let rows: Vec<&Row> = self
                .groups()
                .iter()
                .map(|g| &self.entries[g.latest()].row)
                .collect();
            arrange(&rows, sort, filter)
        };
        if sort == Sort::default() && *filter == Filter::default() {
            return self.grouped.first_order.get_or_init(arrange).clone();
        }
        arrange()
    }

    /// The review reminder of a group: the review date of its latest copy that has one.
    pub fn reminder(&self, group: &group::Group) -> Option<ics::Reminder> {
        group
            .members
            .iter()
            .find_map(|m| ics::Reminder::of(&self.entries[m.entries[0]].imported.assessment))
    }

    /// The file names of a member's copies, in the order read.
    pub fn files(&self, member: &group::Member) -> Vec<&str> {
        member
            .entries
            .iter()
            .map(|&i| self.entries[i].file.as_str())
            .collect()
    }

    /// Every review among the entries, with the copy of the version it reviews when one
    /// is here (one the chain holds with, if any does).
    pub fn links(&self) -> Vec<Link> {
        let mut links = Vec::new();
        if self
            .entries
            .iter()
            .all(|e| e.imported.assessment.review_of.is_none())
        {
            return links;
        }
        // The entries of each id, in the order read: the first of each, and after each
        // the next of the same id (looked up once per review rather than by reading every
        // entry for each: a register can hold thousands of both).
        // Sorted by id once, the entries read first first among equals.
        let id = |j: usize| self.entries[j].imported.assessment.id.as_str();
        let by_id = positions(self.entries.len(), &|a, b| id(a).cmp(id(b)));
        let mut next = vec![None; self.entries.len()];
        for pair in by_id.windows(2) {
            if id(pair[0]) == id(pair[1]) {
                next[pair[0]] = Some(pair[1]);
            }
        }
        for (i, entry) in self.entries.iter().enumerate() {
            let review = &entry.imported.assessment;
            let Some(of) = review.review_of.as_deref() else {
                continue;
            };
            // The first entry of the id (the first of its run), then the next of each.
            let start = by_id.partition_point(|&j| id(j) < of);
            let first = by_id.get(start).copied().filter(|&j| id(j) == of);
            let same_id = std::iter::successors(first, |&j| next[j]);
            let candidates: Vec<(usize, Chain)> = same_id
                .filter(|&j| j != i)
                .map(|j| (j, check_chain(review, &self.entries[j].imported.assessment)))
                .collect();
            let best = candidates
                .iter()
                .position(|(_, c)| c.holds())
                .or((!candidates.is_empty()).then_some(0));
            let (previous, chain) = match best {
                Some(k) => (Some(candidates[k].0), Some(candidates[k].1.clone())),
                None => (None, None),
            };
            links.push(Link {
                review: i,
                previous,
                chain,
            });
        }
        links
    }

    /// Adds what another register read (in the order read).
    pub fn extend(&mut self, other: Register) {
        self.entries.extend(other.entries);
        self.failures.extend(other.failures);
        self.changed();
    }

    /// Whether entry `review` reviews exactly entry `previous`.
    pub fn chain(&self, review: usize, previous: usize) -> Option<Chain> {
        let (a, b) = (self.entries.get(review)?, self.entries.get(previous)?);
        Some(check_chain(&a.imported.assessment, &b.imported.assessment))
    }

    /// What changed from entry `previous` to entry `review`.
    pub fn changes(&self, previous: usize, review: usize) -> Option<Changes> {
        let (a, b) = (self.entries.get(previous)?, self.entries.get(review)?);
        Some(compare(
            &a.imported.assessment,
            &b.imported.assessment,
            self.today,
        ))
    }
}
