//! The register's entries as assessments: every copy of one assessment (its versions, the
//! rounds of their hand-over, the JSON and the HTML report of one record) under one row.
//!
//! - Copies with the same content (the same `assessment_digest`, as the JSON export and
//!   the HTML report of one record have) are one **member**, with every file name.
//! - Members of one assessment (the same `Assessment::lineage`, or linked by a review to
//!   a version among them) are one **group**, latest first: by version, then how many
//!   rounds of the hand-over it has been through, then whether its last round was decided,
//!   then whether it was changed since. The first is the group's row; the others are
//!   superseded.
//! - Two members at the same place with different content are a **conflict**: both stay,
//!   side by side, and the group says so. Nothing is merged that is not the same.

use crate::assessment::{Assessment, Status};
use crate::handover::{stage, Stage};
use crate::sort::positions;

use super::Entry;

/// Where a copy stands in its assessment's life: what orders the copies of one assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub version: u32,
    /// How many times it has been sent for approval.
    pub rounds: usize,
    /// What its last round came to: 0 waiting (or never sent), 1 returned, 2 approved.
    pub decided: u8,
    /// Its content no longer matches its last round (edited since it was sent, returned
    /// or approved): a copy made after the one that matches.
    pub changed: bool,
}

impl Place {
    pub fn of(a: &Assessment) -> Place {
        let (decided, changed) = match stage(a) {
            Stage::NotSent => (u8::from(a.status == Status::Approved) * 2, false),
            Stage::Waiting { changed, .. } => (0, changed),
            Stage::Returned { changed, .. } => (1, changed),
            Stage::Approved { changed, .. } => (2, changed),
        };
        Place {
            version: a.version,
            rounds: a.handover.len(),
            decided,
            changed,
        }
    }

    /// "version 1, round 2, approved", as a row beneath the latest says it.
    pub fn describe(&self) -> String {
        let state = match (self.rounds, self.decided, self.changed) {
            (0, 2, _) => "marked approved".to_string(),
            (0, _, _) => "draft".to_string(),
            (n, 0, false) => format!("round {n}, sent for approval"),
            (n, 0, true) => format!("round {n}, changed since it was sent"),
            (n, 1, false) => format!("round {n}, returned with comments"),
            (n, 1, true) => format!("round {n}, returned and changed since"),
            (n, _, false) => format!("round {n}, approved"),
            (n, _, true) => format!("round {n}, changed after approval"),
        };
        format!("Version {}, {state}", self.version)
    }
}

/// One content of an assessment, with every copy of it: indexes into the entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub entries: Vec<usize>,
    pub place: Place,
    pub digest: String,
}

/// Two members at the same place whose content differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Member indexes within the group.
    pub members: (usize, usize),
    pub place: Place,
}

/// What one copy is beside the other copies of its assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    /// The group's row.
    Latest,
    /// Earlier than the latest.
    Superseded,
    /// At the same place as another copy that says something else: neither is the record.
    InConflict,
}

impl CopyKind {
    /// As the register's page and its printable page say it.
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::Latest => "Latest",
            CopyKind::Superseded => "Superseded",
            CopyKind::InConflict => "In conflict",
        }
    }
}

/// One assessment: its members, latest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The id of its first version (`Assessment::lineage`).
    pub lineage: String,
    pub members: Vec<Member>,
    pub conflicts: Vec<Conflict>,
}

impl Group {
    /// The entry the group's row shows: the first copy of the latest member.
    pub fn latest(&self) -> usize {
        self.members[0].entries[0]
    }

    /// What member `m` is: in conflict whenever another copy at its place differs, else
    /// the latest or superseded.
    pub fn kind(&self, m: usize) -> CopyKind {
        if self
            .conflicts
            .iter()
            .any(|c| c.members.0 == m || c.members.1 == m)
        {
            CopyKind::InConflict
        } else if m == 0 {
            CopyKind::Latest
        } else {
            CopyKind::Superseded
        }
    }

    /// What the list of the copies beneath the row is called ("2 earlier copies", "1 copy
    /// in conflict", "1 earlier copy and 1 in conflict"); nothing when there are none.
    pub fn others_label(&self) -> Option<String> {
        let conflicting = (1..self.members.len())
            .filter(|&m| self.kind(m) == CopyKind::InConflict)
            .count();
        let earlier = self.members.len().saturating_sub(1) - conflicting;
        let copies = |n: usize| if n == 1 { "copy" } else { "copies" };
        match (earlier, conflicting) {
            (0, 0) => None,
            (e, 0) => Some(format!("{e} earlier {}", copies(e))),
            (0, c) => Some(format!("{c} {} in conflict", copies(c))),
            (e, c) => Some(format!("{e} earlier {} and {c} in conflict", copies(e))),
        }
    }

    /// What to say when two copies at one place differ, or nothing.
    pub fn conflict_warning(&self) -> Option<String> {
        let c = self.conflicts.first()?;
        Some(format!(
            "Two copies of {} differ: they claim to be the same point in this assessment's \
             life but say different things. Neither is taken as the record: open both and \
             compare them.",
            c.place.describe().replacen("Version", "version", 1)
        ))
    }
}

/// A small union-find over the lineages, for the reviews that link two of them.
fn root(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut j = i;
    while parent[j] != r {
        let next = parent[j];
        parent[j] = r;
        j = next;
    }
    r
}

/// The entries as groups, in the order their first entry was read.
pub fn group(entries: &[Entry]) -> Vec<Group> {
    // Each entry's lineage; a review whose reviewed version is here joins that version's
    // lineage (for reviews made before the lineage was recorded).
    // Numbered in the order each lineage is first met: the entries are sorted by lineage
    // once (a register can hold thousands), each run's first entry being the one read
    // first, which numbers its run when the entries are walked in order.
    let lineage: Vec<&str> = entries
        .iter()
        .map(|e| e.imported.assessment.lineage())
        .collect();
    let by_lineage = positions(entries.len(), &|a, b| lineage[a].cmp(lineage[b]));
    let mut first_of = vec![0; entries.len()];
    for (k, &i) in by_lineage.iter().enumerate() {
        first_of[i] = match k.checked_sub(1).map(|p| by_lineage[p]) {
            Some(p) if lineage[p] == lineage[i] => first_of[p],
            _ => i,
        };
    }
    let mut lineages: Vec<String> = Vec::new();
    let mut of_entry: Vec<usize> = Vec::with_capacity(entries.len());
    for (i, &first) in first_of.iter().enumerate() {
        if first == i {
            lineages.push(lineage[i].to_string());
            of_entry.push(lineages.len() - 1);
        } else {
            of_entry.push(of_entry[first]);
        }
    }
    let mut parent: Vec<usize> = (0..lineages.len()).collect();
    // The entries sorted by id, to find the version a review reviews: of an id read more
    // than once, the entry read last.
    let id = |j: usize| entries[j].imported.assessment.id.as_str();
    let by_id = positions(entries.len(), &|a, b| id(a).cmp(id(b)));
    let reviewed = |of: &str| {
        let end = by_id.partition_point(|&j| id(j) <= of);
        end.checked_sub(1)
            .map(|k| by_id[k])
            .filter(|&j| id(j) == of)
    };
    for (i, e) in entries.iter().enumerate() {
        if let Some(j) = e
            .imported
            .assessment
            .review_of
            .as_deref()
            .and_then(reviewed)
        {
            let (a, b) = (
                root(&mut parent, of_entry[i]),
                root(&mut parent, of_entry[j]),
            );
            if a != b {
                // The earlier lineage names the group.
                let (keep, join) = if a < b { (a, b) } else { (b, a) };
                parent[join] = keep;
            }
        }
    }
    // The groups, in the order their first entry came.
    let mut order: Vec<usize> = Vec::new();
    let mut members_of: Vec<Option<Vec<Member>>> = Vec::new();
    members_of.resize_with(lineages.len(), || None);
    for (i, e) in entries.iter().enumerate() {
        let g = root(&mut parent, of_entry[i]);
        let members = members_of[g].get_or_insert_with(|| {
            order.push(g);
            Vec::new()
        });
        match members.iter_mut().find(|m| m.digest == e.digest) {
            Some(m) => m.entries.push(i),
            None => members.push(Member {
                entries: vec![i],
                place: e.place,
                digest: e.digest.clone(),
            }),
        }
    }
    order
        .into_iter()
        .map(|g| {
            let mut members = members_of[g].take().unwrap_or_default();
            // Latest first; at one place, the copy exported last first (then the order
            // read), so the order never depends on anything but the files.
            crate::sort::sort_by(&mut members, |x, y| {
                y.place.cmp(&x.place).then_with(|| {
                    let at = |m: &Member| entries[m.entries[0]].imported.exported_at.clone();
                    at(y).cmp(&at(x)).then(x.entries[0].cmp(&y.entries[0]))
                })
            });
            let mut conflicts = Vec::new();
            for a in 0..members.len() {
                for b in a + 1..members.len() {
                    if members[a].place == members[b].place {
                        conflicts.push(Conflict {
                            members: (a, b),
                            place: members[a].place,
                        });
                    }
                }
            }
            Group {
                lineage: lineages[g].clone(),
                members,
                conflicts,
            }
        })
        .collect()
}
