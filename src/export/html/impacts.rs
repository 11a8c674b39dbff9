//! The impacts: a table of each impact before and after safeguards, then the risk matrix.

use std::fmt::Write;

use crate::assessment::{Ctx, QuestionId};

use super::super::escape::html;
use super::super::template::{rating, IMPACTS_TITLE};
use super::{answers, matrix};

/// The "Impacts and risk" part: the question, the table and the matrix.
pub fn impacts(ctx: &Ctx, out: &mut String) {
    let list = QuestionId::ImpactList.question();
    let _ = writeln!(
        out,
        "<h3 id=\"impacts\">{}</h3>\n<p>{}</p>",
        html(IMPACTS_TITLE),
        html(list.text)
    );
    let impacts = &ctx.assessment.impacts;
    if impacts.is_empty() {
        let _ = writeln!(
            out,
            "<p><span class=\"missing\">{}</span>: no impacts are recorded.</p>",
            answers::NOT_PROVIDED
        );
        return;
    }
    out.push_str(
        "<table class=\"impacts\">\n<thead><tr><th scope=\"col\">No.</th>\
         <th scope=\"col\">Impact</th><th scope=\"col\">Before safeguards</th>\
         <th scope=\"col\">Safeguards</th><th scope=\"col\">After safeguards</th></tr></thead>\n<tbody>\n",
    );
    for (i, impact) in impacts.iter().enumerate() {
        let describe = |t: &str| match t.trim() {
            "" => format!("<span class=\"missing\">{}</span>", answers::NOT_PROVIDED),
            t => format!("<span class=\"text\">{}</span>", html(t)),
        };
        let before = html(&rating(impact.likelihood, impact.severity));
        let after = html(&rating(
            impact.residual_likelihood.or(impact.likelihood),
            impact.residual_severity.or(impact.severity),
        ));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            describe(&impact.description),
            before,
            describe(&impact.safeguards),
            after
        );
    }
    out.push_str("</tbody>\n</table>\n");
    matrix::figure(impacts, out);
}
