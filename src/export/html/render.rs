//! The report model as HTML: parts as sections with headings, facts and questions as
//! tables with row headers, tables with a header row, lists, findings, the risk matrix as
//! a drawing with its text alternative. Every text goes through `escape::html`; the only
//! words here are class names.

use std::fmt::Write;

use crate::report::{
    Answered, Block, Cell, Found, Item, Line, Look, Part, Report, Span, Table, Tone,
};

use super::super::escape::{html, push_html};
use super::matrix;

/// The whole report, from the header to the footer (the page around it is the caller's).
pub fn report(r: &Report, out: &mut String) {
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
        html(r.kicker),
        html(&r.title)
    );
    banner(r.status.0, &r.status.1, out);
    out.push_str("</header>\n");
    for part in &r.parts {
        section(part, 2, false, out);
    }
    for part in &r.appendices {
        section(part, 2, true, out);
    }
    out.push_str("<footer>\n");
    for line in &r.colophon.lines {
        paragraph(line, out);
    }
    paragraph(&r.colophon.with_copy, out);
    out.push_str("</footer>\n");
}

fn section(part: &Part, level: usize, appendix: bool, out: &mut String) {
    let level = level.min(4);
    let _ = write!(
        out,
        "<section id=\"{}\"{}>\n<h{level}>{}</h{level}>\n",
        html(&part.anchor),
        if appendix { " class=\"appendix\"" } else { "" },
        html(&part.title)
    );
    if let Some(lede) = part.lede {
        let _ = writeln!(out, "<p class=\"lede\">{}</p>", html(lede));
    }
    for block in &part.blocks {
        self::block(block, out);
    }
    for sub in &part.parts {
        section(sub, level + 1, false, out);
    }
    out.push_str("</section>\n");
}

pub fn block(block: &Block, out: &mut String) {
    match block {
        Block::Para(line) => paragraph(line, out),
        Block::Banner(tone, line) => banner(*tone, line, out),
        Block::Facts(facts) => {
            out.push_str("<table class=\"facts\">\n<tbody>\n");
            for (name, items) in facts {
                let _ = write!(out, "<tr><th scope=\"row\">{}</th><td>", html(name));
                self::items(items, out);
                out.push_str("</td></tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Questions(rows) => questions(rows, out),
        Block::Table(t) => table(t, "grid", out),
        Block::List(lines) => {
            out.push_str("<ul>\n");
            for line in lines {
                out.push_str("<li>");
                spans(line, out);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Findings(found) => findings(found, out),
        Block::Matrix(m) => matrix::figure(m, out),
    }
}

fn questions(rows: &[Answered], out: &mut String) {
    out.push_str("<table class=\"qa\">\n<tbody>\n");
    for row in rows {
        let _ = write!(
            out,
            "<tr id=\"q-{}\"><th scope=\"row\">{}</th><td>",
            html(row.key),
            html(row.question)
        );
        items(&row.answer, out);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A table with its header row; `class` styles it.
pub fn table(t: &Table, class: &str, out: &mut String) {
    let _ = write!(out, "<table class=\"{class}\">\n<thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", html(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let head = t.row_headers && i == 0;
            out.push_str(if head { "<th scope=\"row\">" } else { "<td>" });
            cell(c, out);
            out.push_str(if head { "</th>" } else { "</td>" });
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn cell(c: &Cell, out: &mut String) {
    items(&c.items, out);
}

/// A cell's or an answer's items: one paragraph alone is written bare; bullets are a list.
fn items(items: &[Item], out: &mut String) {
    if let [Item::Para(line)] = items {
        spans(line, out);
        return;
    }
    let mut in_list = false;
    for item in items {
        match item {
            Item::Bullet(line) => {
                if !in_list {
                    out.push_str("<ul class=\"choices\">");
                    in_list = true;
                }
                out.push_str("<li>");
                spans(line, out);
                out.push_str("</li>");
            }
            Item::Para(line) => {
                if in_list {
                    out.push_str("</ul>");
                    in_list = false;
                }
                paragraph(line, out);
            }
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
}

fn findings(found: &[Found], out: &mut String) {
    out.push_str("<ol class=\"findings\">\n");
    for f in found {
        let _ = write!(
            out,
            "<li class=\"finding {}\" id=\"finding-{}\">\n<p class=\"message\">{}</p>\n",
            html(&f.severity.label().to_ascii_lowercase()),
            html(&f.id),
            html(&f.message)
        );
        if let Some(detail) = &f.detail {
            let _ = writeln!(out, "<p class=\"detail\">{}</p>", html(detail));
        }
        let _ = writeln!(out, "<p class=\"source\">{}</p>\n</li>", html(&f.source));
    }
    out.push_str("</ol>\n");
}

fn banner(tone: Tone, line: &Line, out: &mut String) {
    out.push_str(match tone {
        Tone::Notice => "<p class=\"banner\">",
        Tone::Good => "<p class=\"banner approved\">",
        Tone::Warning => "<p class=\"banner changed\">",
    });
    spans(line, out);
    out.push_str("</p>\n");
}

pub fn paragraph(line: &Line, out: &mut String) {
    out.push_str("<p>");
    spans(line, out);
    out.push_str("</p>\n");
}

pub fn spans(line: &[Span], out: &mut String) {
    for s in line {
        let (open, close) = match s.look {
            Look::Plain => ("", ""),
            Look::Strong => ("<strong>", "</strong>"),
            Look::Quiet => ("<span class=\"note\">", "</span>"),
            Look::Missing => ("<span class=\"missing\">", "</span>"),
            Look::Typed => ("<span class=\"text\">", "</span>"),
            Look::Removed => ("<del>", "</del>"),
            Look::Added => ("<ins>", "</ins>"),
            Look::Code => ("<span class=\"digest\">", "</span>"),
            Look::Day(d) => {
                let _ = write!(out, "<time datetime=\"{d}\">");
                ("", "</time>")
            }
        };
        out.push_str(open);
        push_html(out, &s.text);
        out.push_str(close);
    }
}
