//! The risk matrix as inline SVG (no external references, no script), drawn from
//! `assessment::matrix` so it matches the interface, with the report model's words: its
//! title, axis titles, caption and text alternative.

use std::fmt::Write;

use crate::assessment::matrix::{cell_origin, cells, placements, Marker};
use crate::assessment::matrix::{BOTTOM, CELL, HEIGHT, LEFT, MARKER, TOP, WIDTH};
use crate::assessment::{HarmSeverity, Likelihood, Risk};
use crate::report::Matrix;

use super::super::escape::html;

/// Cell colours: light enough to print and to read the markers on.
fn fill(risk: Risk) -> &'static str {
    match risk {
        Risk::Low => "#cce2d8",
        Risk::Medium => "#fff2b3",
        Risk::High => "#f4cdc6",
    }
}

const INK: &str = "#0b0c0c";

/// The figure: the drawing, its caption and the same facts as a list.
pub fn figure(m: &Matrix, out: &mut String) {
    out.push_str("<figure class=\"matrix\">\n");
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-labelledby=\"matrix-title matrix-desc\">\n\
         <title id=\"matrix-title\">{}</title>\n<desc id=\"matrix-desc\">{}</desc>\n",
        html(m.title),
        html(&m.sentences.join(" ")),
        w = WIDTH,
        h = HEIGHT,
    );
    for (likelihood, severity, risk) in cells() {
        let (x, y) = cell_origin(likelihood, severity);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{c}\" height=\"{c}\" fill=\"{}\" stroke=\"#ffffff\" \
             stroke-width=\"2\"></rect><text x=\"{}\" y=\"{}\" class=\"risk\">{}</text>",
            x,
            y,
            fill(risk),
            x + 6,
            y + CELL - 6,
            html(risk.label()),
            c = CELL,
        );
    }
    axes(m, out);
    for placement in placements(&m.impacts) {
        let number = placement.number;
        if let Some(marker) = placement.before {
            self::marker(out, marker, number, true);
        }
        if let Some(marker) = placement.after {
            self::marker(out, marker, number, false);
        }
    }
    out.push_str("</svg>\n");
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>\n</figure>",
        html(m.caption)
    );
    out.push_str("<ul class=\"matrix-text\">\n");
    for sentence in &m.sentences {
        let _ = writeln!(out, "<li>{}</li>", html(sentence));
    }
    out.push_str("</ul>\n");
}

fn axes(m: &Matrix, out: &mut String) {
    for severity in HarmSeverity::ALL {
        let (_, y) = cell_origin(Likelihood::Remote, severity);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"axis\">{}</text>",
            LEFT - 8,
            y + CELL / 2 + 5,
            html(severity.label())
        );
    }
    for likelihood in Likelihood::ALL {
        let (x, _) = cell_origin(likelihood, HarmSeverity::Minimal);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text>",
            x + CELL / 2,
            TOP + 3 * CELL + 20,
            html(likelihood.label())
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis-title\">{}</text>",
        LEFT + 3 * CELL / 2,
        TOP + 3 * CELL + BOTTOM - 12,
        html(m.likelihood_title)
    );
    let (cx, cy) = (16, TOP + 3 * CELL / 2);
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" transform=\"rotate(-90 {x} {y})\" \
         class=\"axis-title\">{}</text>",
        html(m.severity_title),
        x = cx,
        y = cy
    );
}

fn marker(out: &mut String, m: Marker, number: usize, before: bool) {
    // Open before safeguards, filled after, as in the tool; the number is white on a
    // filled marker (the class sets its colour in the CSS).
    let (fill, class) = if before {
        ("#ffffff", "marker")
    } else {
        (INK, "marker on-dark")
    };
    let _ = writeln!(
        out,
        "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"2\"></circle>\
         <text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" class=\"{class}\">{number}</text>",
        x = m.x,
        y = m.y,
        ty = m.y + 4,
        r = MARKER,
    );
}
