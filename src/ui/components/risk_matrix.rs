//! The 3 × 3 risk matrix as inline SVG, with the same facts as text beside it, so
//! nothing depends on seeing the colours or the picture.

use leptos::prelude::*;

use crate::assessment::matrix::{self, Marker};
use crate::assessment::{Impact, Risk};

fn risk_class(risk: Risk) -> &'static str {
    match risk {
        Risk::Low => "lia-matrix__cell--low",
        Risk::Medium => "lia-matrix__cell--medium",
        Risk::High => "lia-matrix__cell--high",
    }
}

#[component]
pub fn RiskMatrix(impacts: Signal<Vec<Impact>>, #[prop(into)] id: String) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let view_box = format!("0 0 {} {}", matrix::WIDTH, matrix::HEIGHT);
    let cells = matrix::cells()
        .map(|(l, s, risk)| {
            let (x, y) = matrix::cell_origin(l, s);
            view! {
                <rect class=format!("lia-matrix__cell {}", risk_class(risk)) x=x y=y width=matrix::CELL height=matrix::CELL />
                <text class="lia-matrix__risk" x=x + 6 y=y + 16>{risk.label()}</text>
            }
        })
        .collect_view();
    let axes = view! {
        {crate::assessment::Likelihood::ALL
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let x = matrix::column_centre(i);
                view! { <text class="lia-matrix__axis" x=x y=matrix::TOP + 3 * matrix::CELL + 20 text-anchor="middle">{l.label()}</text> }
            })
            .collect_view()}
        <text class="lia-matrix__axis-title" x=matrix::LEFT + 3 * matrix::CELL / 2 y=matrix::HEIGHT - 8 text-anchor="middle">"Likelihood"</text>
        {crate::assessment::HarmSeverity::ALL
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let y = matrix::row_middle(i);
                view! { <text class="lia-matrix__axis" x=matrix::LEFT - 8 y=y text-anchor="end">{s.label()}</text> }
            })
            .collect_view()}
        <text class="lia-matrix__axis-title" x=14 y=matrix::TOP + 3 * matrix::CELL / 2 text-anchor="middle" transform=format!("rotate(-90 14 {})", matrix::TOP + 3 * matrix::CELL / 2)>"Severity"</text>
    };
    let marker = |m: Marker, number: usize, after: bool| {
        view! {
            <g class=if after { "lia-matrix__marker lia-matrix__marker--after" } else { "lia-matrix__marker lia-matrix__marker--before" }>
                <circle cx=m.x cy=m.y r=matrix::MARKER />
                <text x=m.x y=m.y + 4 text-anchor="middle">{number}</text>
            </g>
        }
    };
    let markers = move || {
        impacts.with(|impacts| {
            matrix::placements(impacts)
                .into_iter()
                .map(|p| {
                    let line = p.before.zip(p.after).filter(|(b, a)| b != a).map(|(b, a)| {
                        view! { <line class="lia-matrix__move" x1=b.x y1=b.y x2=a.x y2=a.y /> }
                    });
                    view! {
                        {line}
                        {p.before.map(|m| marker(m, p.number, false))}
                        {p.after.map(|m| marker(m, p.number, true))}
                    }
                })
                .collect_view()
        })
    };
    let sentences = move || impacts.with(|i| matrix::describe(i));
    view! {
        <figure class="lia-matrix">
            <svg class="lia-matrix__svg" viewBox=view_box role="img" aria-labelledby=format!("{title_id} {desc_id}")>
                <title id=title_id.clone()>"Risk matrix: each impact before and after safeguards"</title>
                <desc id=desc_id.clone()>
                    "Likelihood runs from remote to probable, left to right; severity from minimal to severe, bottom to top. Hollow circles show each impact before safeguards, filled circles after. The list below gives the same facts."
                </desc>
                {cells}
                {axes}
                {markers}
            </svg>
            <figcaption class="lia-matrix__caption">
                <p class="lia-matrix__key">"Key: hollow circle, before safeguards; filled circle, after. Numbers are the impacts below."</p>
                {move || {
                    let lines = sentences();
                    if lines.is_empty() {
                        view! { <p>"No impacts recorded yet."</p> }.into_any()
                    } else {
                        view! { <ol class="lia-matrix__text">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol> }.into_any()
                    }
                }}
            </figcaption>
        </figure>
    }
}
