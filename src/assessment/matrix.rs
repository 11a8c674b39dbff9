//! The 3 × 3 risk matrix (likelihood × severity, as in the ICO's DPIA template): where
//! each impact sits before and after safeguards, and the same facts as text. The
//! interface and the HTML report both draw from this, so they always agree.

use super::model::{HarmSeverity, Impact, Likelihood, Risk};

/// Size of one cell, and the margins for the axis labels, in SVG user units. Whole
/// numbers throughout, so drawing never needs floating-point formatting.
pub const CELL: i32 = 100;
pub const LEFT: i32 = 110;
pub const TOP: i32 = 10;
pub const BOTTOM: i32 = 60;
pub const WIDTH: i32 = LEFT + 3 * CELL + 10;
pub const HEIGHT: i32 = TOP + 3 * CELL + BOTTOM;
/// Radius of an impact's marker.
pub const MARKER: i32 = 11;

/// One impact's place on the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// 1-based, in the order of the impacts list; the label drawn in the marker.
    pub number: usize,
    pub before: Option<Marker>,
    pub after: Option<Marker>,
}

/// A marker's cell and centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    pub likelihood: Likelihood,
    pub severity: HarmSeverity,
    pub x: i32,
    pub y: i32,
}

/// The top-left corner of a cell: likelihood runs left to right, severity bottom to top.
pub fn cell_origin(likelihood: Likelihood, severity: HarmSeverity) -> (i32, i32) {
    let column = likelihood as i32;
    let row = 2 - severity as i32;
    (LEFT + column * CELL, TOP + row * CELL)
}

/// The centre of the likelihood column `i` (from 0), for its label.
pub fn column_centre(i: usize) -> i32 {
    LEFT + i as i32 * CELL + CELL / 2
}

/// The middle of the severity row for severity `i` (0 minimal), for its label.
pub fn row_middle(i: usize) -> i32 {
    TOP + (2 - i as i32) * CELL + CELL / 2
}

/// Every cell with its risk, for drawing the background.
pub fn cells() -> impl Iterator<Item = (Likelihood, HarmSeverity, Risk)> {
    Likelihood::ALL.into_iter().flat_map(|l| {
        HarmSeverity::ALL
            .into_iter()
            .map(move |s| (l, s, Risk::of(l, s)))
    })
}

/// Where each impact goes. Markers sharing a cell are spread over a 3 × 3 grid inside it,
/// "before" markers in the top half and "after" markers in the bottom half.
pub fn placements(impacts: &[Impact]) -> Vec<Placement> {
    // Markers placed so far, by cell and half: 3 × 3 × 2.
    let mut used = [[[0usize; 2]; 3]; 3];
    let mut place = |l: Likelihood, s: HarmSeverity, after: bool| {
        let slot = &mut used[l as usize][s as usize][usize::from(after)];
        let index = *slot % 3;
        *slot += 1;
        let (x0, y0) = cell_origin(l, s);
        let x = x0 + CELL * (20 + 30 * index as i32) / 100;
        let y = y0 + CELL * if after { 72 } else { 28 } / 100;
        Marker {
            likelihood: l,
            severity: s,
            x,
            y,
        }
    };
    impacts
        .iter()
        .enumerate()
        .map(|(i, impact)| {
            let before = impact
                .likelihood
                .zip(impact.severity)
                .map(|(l, s)| place(l, s, false));
            let after = impact
                .residual_likelihood
                .or(impact.likelihood)
                .zip(impact.residual_severity.or(impact.severity))
                .map(|(l, s)| place(l, s, true));
            Placement {
                number: i + 1,
                before,
                after,
            }
        })
        .collect()
}

/// The matrix as sentences, one per impact: the text alternative to the drawing.
pub fn describe(impacts: &[Impact]) -> Vec<String> {
    impacts
        .iter()
        .enumerate()
        .map(|(i, impact)| {
            let name = match impact.description.trim() {
                "" => "no description".to_string(),
                d => d.to_string(),
            };
            let rate = |l: Option<Likelihood>, s: Option<HarmSeverity>| match (l, s) {
                (Some(l), Some(s)) => format!(
                    "{} likelihood, {} severity: {} risk",
                    l.label().to_ascii_lowercase(),
                    s.label().to_ascii_lowercase(),
                    Risk::of(l, s).label().to_ascii_lowercase()
                ),
                _ => "not rated".to_string(),
            };
            format!(
                "Impact {} ({name}). Before safeguards: {}. After safeguards: {}.",
                i + 1,
                rate(impact.likelihood, impact.severity),
                rate(
                    impact.residual_likelihood.or(impact.likelihood),
                    impact.residual_severity.or(impact.severity)
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(l: Likelihood, s: HarmSeverity) -> Impact {
        Impact {
            description: "Leak".into(),
            likelihood: Some(l),
            severity: Some(s),
            ..Impact::default()
        }
    }

    #[test]
    fn severe_and_probable_is_top_right() {
        let (x, y) = cell_origin(Likelihood::Probable, HarmSeverity::Severe);
        assert_eq!((x, y), (LEFT + 2 * CELL, TOP));
        let (x, y) = cell_origin(Likelihood::Remote, HarmSeverity::Minimal);
        assert_eq!((x, y), (LEFT, TOP + 2 * CELL));
        assert_eq!(column_centre(1), LEFT + CELL + CELL / 2);
        assert_eq!(row_middle(2), TOP + CELL / 2);
        assert_eq!(cells().count(), 9);
    }

    #[test]
    fn markers_stay_inside_their_cell_and_do_not_overlap() {
        let impacts: Vec<Impact> = (0..3)
            .map(|_| rated(Likelihood::Possible, HarmSeverity::Significant))
            .collect();
        let placed = placements(&impacts);
        let mut centres = Vec::new();
        for p in &placed {
            for m in [p.before.unwrap(), p.after.unwrap()] {
                let (x0, y0) = cell_origin(m.likelihood, m.severity);
                assert!(m.x - MARKER > x0 && m.x + MARKER < x0 + CELL);
                assert!(m.y - MARKER > y0 && m.y + MARKER < y0 + CELL);
                centres.push((m.x, m.y));
            }
        }
        for (i, a) in centres.iter().enumerate() {
            for b in &centres[i + 1..] {
                let d2 = (a.0 - b.0).pow(2) + (a.1 - b.1).pow(2);
                assert!(d2 >= (2 * MARKER).pow(2), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn describes_before_and_after() {
        let mut impact = rated(Likelihood::Probable, HarmSeverity::Severe);
        impact.residual_likelihood = Some(Likelihood::Remote);
        let text = describe(&[impact, Impact::default()]);
        assert_eq!(
            text[0],
            "Impact 1 (Leak). Before safeguards: probable likelihood, severe severity: high risk. \
             After safeguards: remote likelihood, severe severity: medium risk."
        );
        assert!(text[1].contains("no description") && text[1].contains("not rated"));
    }
}
