//! The impacts: a table of each impact before and after safeguards, then the risk matrix
//! (the renderers draw or tabulate it; its words and its text alternative are here).

use crate::assessment::matrix::describe;
use crate::assessment::{Ctx, HarmSeverity, Impact, Likelihood, QuestionId, Risk};

use super::words::{
    rating, IMPACTS_TITLE, IMPACT_COLUMNS, MATRIX_AFTER, MATRIX_BEFORE, MATRIX_CAPTION,
    MATRIX_LEDE, MATRIX_LIKELIHOOD, MATRIX_SEVERITY, MATRIX_TITLE, NOT_PROVIDED, NO_IMPACTS,
};
use super::{looked, plain, span, Block, Cell, Item, Look, Matrix, MatrixRow, Part, Table};

/// The "Impacts and risk" part, with the matrix as its own part (kept on one page).
pub fn impacts(ctx: &Ctx) -> Part {
    let mut part = Part::new("impacts", IMPACTS_TITLE);
    part.blocks
        .push(Block::Para(plain(QuestionId::ImpactList.question().text)));
    let impacts = &ctx.assessment.impacts;
    if impacts.is_empty() {
        part.blocks.push(Block::Para(vec![
            span(NOT_PROVIDED, Look::Missing),
            span(NO_IMPACTS, Look::Plain),
        ]));
        return part;
    }
    let described = |t: &str| match t.trim() {
        "" => Cell::line(looked(NOT_PROVIDED, Look::Missing)),
        t => Cell::line(looked(t, Look::Typed)),
    };
    let rows = impacts
        .iter()
        .enumerate()
        .map(|(i, impact)| {
            vec![
                Cell::line(plain((i + 1).to_string())),
                described(&impact.description),
                Cell::line(plain(rating(impact.likelihood, impact.severity))),
                described(&impact.safeguards),
                Cell::line(plain(rating(
                    impact.residual_likelihood.or(impact.likelihood),
                    impact.residual_severity.or(impact.severity),
                ))),
            ]
        })
        .collect();
    part.blocks.push(Block::Table(Table {
        header: IMPACT_COLUMNS.to_vec(),
        widths: vec![7, 28, 20, 25, 20],
        rows,
        row_headers: false,
    }));
    let mut matrix_part = Part::new("risk-matrix", MATRIX_TITLE);
    matrix_part.lede = Some(MATRIX_LEDE);
    matrix_part
        .blocks
        .push(Block::Matrix(Box::new(matrix(impacts))));
    part.parts.push(matrix_part);
    part
}

/// Where each impact sits, before and after safeguards.
fn after(i: &Impact) -> (Option<Likelihood>, Option<HarmSeverity>) {
    (
        i.residual_likelihood.or(i.likelihood),
        i.residual_severity.or(i.severity),
    )
}

fn matrix(impacts: &[Impact]) -> Matrix {
    let numbers = |l: Likelihood, s: HarmSeverity, before: bool| -> Vec<String> {
        impacts
            .iter()
            .enumerate()
            .filter(|(_, i)| {
                let at = if before {
                    (i.likelihood, i.severity)
                } else {
                    after(i)
                };
                at == (Some(l), Some(s))
            })
            .map(|(n, _)| (n + 1).to_string())
            .collect()
    };
    let rows = HarmSeverity::ALL
        .into_iter()
        .rev()
        .map(|severity| MatrixRow {
            severity: severity.label(),
            cells: Likelihood::ALL
                .into_iter()
                .map(|likelihood| {
                    let risk = Risk::of(likelihood, severity);
                    let mut items = vec![Item::Para(looked(
                        format!("{} risk", risk.label()),
                        Look::Strong,
                    ))];
                    for (before, name) in [(true, MATRIX_BEFORE), (false, MATRIX_AFTER)] {
                        let list = numbers(likelihood, severity, before);
                        if !list.is_empty() {
                            items.push(Item::Para(plain(format!("{name}{}", list.join(", ")))));
                        }
                    }
                    Cell {
                        items,
                        shade: Some(risk),
                    }
                })
                .collect(),
        })
        .collect();
    Matrix {
        impacts: impacts.to_vec(),
        title: "Risk matrix: likelihood against severity of each impact, before and after \
                safeguards",
        caption: MATRIX_CAPTION,
        severity_title: MATRIX_SEVERITY,
        likelihood_title: MATRIX_LIKELIHOOD,
        rows,
        columns: Likelihood::ALL.map(Likelihood::label).to_vec(),
        sentences: describe(impacts),
    }
}
