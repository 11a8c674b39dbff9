//! The HTML report: what it shows for each built-in example, that it is safe and
//! self-contained whatever the user typed, and that it imports back.

#[path = "fixtures/export/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "fixtures/export/html_scan.rs"]
mod html_scan;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::matrix::describe;
use lia::assessment::model::ReviewEntry;
use lia::assessment::{
    outcome, Answer, AnswerKind, Assessment, Ctx, Date, HarmSeverity, Impact, Likelihood,
    QuestionId, Status, YesNo,
};
use lia::export::escape::html;
use lia::export::{content_security_policy, import, to_html, to_json, DigestCheck, FileKind};
use sha2::{Digest, Sha256};

const AT: &str = "2026-11-22T10:15:00Z";

fn today() -> Option<Date> {
    Date::new(2026, 11, 22)
}

/// The table row of a question in the report.
fn row<'a>(report: &'a str, key: &str) -> Option<&'a str> {
    let start = report.find(&format!("<tr id=\"q-{key}\">"))?;
    let end = start + report[start..].find("</tr>")?;
    Some(&report[start..end])
}

/// What the report must show for an answer (escaped as the report escapes text).
fn shown(ctx: &Ctx, q: QuestionId) -> Vec<String> {
    let question = q.question();
    match ctx.answer(q) {
        Some(Answer::Text(t)) if t.trim().is_empty() => vec!["Not provided".into()],
        Some(Answer::Text(t)) => match (question.kind, Date::parse(t)) {
            (AnswerKind::Date, Some(d)) => vec![d.long()],
            _ => vec![html(t.trim())],
        },
        Some(Answer::YesNo(y)) => vec![y.label().into()],
        Some(Answer::Choice(k)) => vec![html(question.choice(k).unwrap().label)],
        Some(Answer::Choices(ks)) => ks
            .iter()
            .map(|k| format!("<li>{}</li>", html(question.choice(k).unwrap().label)))
            .collect(),
        None => vec!["Not provided".into()],
    }
}

#[test]
fn each_example_report_shows_every_visible_question_and_answer() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let report = to_html(&a, AT, today());
        let ctx = Ctx::new(&a, today());
        let mut rows = 0;
        for q in QuestionId::ALL.iter().copied() {
            let question = q.question();
            if matches!(question.kind, AnswerKind::Impacts) {
                continue;
            }
            match row(&report, question.key) {
                Some(r) if ctx.is_visible(q) => {
                    rows += 1;
                    assert!(
                        r.contains(&html(question.text)),
                        "{}: {}",
                        example.key,
                        question.key
                    );
                    for part in shown(&ctx, q) {
                        assert!(
                            r.contains(&part),
                            "{} {}: {part:?} not in {r}",
                            example.key,
                            question.key
                        );
                    }
                    // Options are shown by label, never by key (unless the two are the same).
                    if let Some(Answer::Choice(k)) = ctx.answer(q) {
                        let label = question.choice(k).unwrap().label;
                        assert!(
                            label.contains(k.as_str()) || !r.contains(&format!(">{k}<")),
                            "{r}"
                        );
                    }
                }
                Some(_) => panic!("{}: hidden question {} is shown", example.key, question.key),
                None => assert!(
                    !ctx.is_visible(q),
                    "{}: {} is missing",
                    example.key,
                    question.key
                ),
            }
        }
        assert!(rows > 40, "{}: only {rows} rows", example.key);
    }
}

#[test]
fn each_example_report_shows_findings_sign_off_impacts_and_review() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let report = to_html(&a, AT, today());
        let result = outcome(&a, today());
        for f in &result.findings {
            let at = report
                .find(&format!("id=\"finding-{}\"", f.id))
                .unwrap_or_else(|| panic!("{}: finding {} missing", example.key, f.id));
            let item = &report[at..at + report[at..].find("</li>").unwrap()];
            assert!(item.contains(&html(f.message)), "{}", f.id);
            assert!(item.contains(&html(f.source.citation)), "{}", f.id);
            if let Some(detail) = &f.detail {
                assert!(item.contains(&html(detail)), "{}", f.id);
            }
        }
        // Grouped by severity: every blocker comes before every warning, before advice.
        let first = |label: &str| report.find(&format!("<h3>{label} ("));
        let (b, w, ad) = (first("Blockers"), first("Warnings"), first("Advice"));
        assert!(
            b.unwrap_or(0) < w.unwrap_or(usize::MAX) && w.unwrap_or(0) < ad.unwrap_or(usize::MAX)
        );
        for q in [
            QuestionId::SignOffCompletedName,
            QuestionId::SignOffApprovedName,
        ] {
            if let Some(Answer::Text(name)) = a.answers.get(q) {
                assert!(
                    row(&report, q.key()).unwrap().contains(&html(name)),
                    "{}",
                    example.key
                );
            }
        }
        for sentence in describe(&a.impacts) {
            assert!(report.contains(&html(&sentence)), "{sentence}");
        }
        if !a.impacts.is_empty() {
            assert!(
                report.contains("<svg ") && report.contains("<circle "),
                "{}",
                example.key
            );
        }
        assert!(report.contains("<h2>Review</h2>") && report.contains("Review log"));
        assert!(report.contains(&html(a.title())));
        // The order of the ICO template.
        let order = [
            "About the processing",
            "Part 1: Purpose test",
            "Part 2: Necessity test",
            "Part 3: Balancing test",
            "Nature of the personal data",
            "Reasonable expectations",
            "Likely impact and safeguards",
            "DPIA screening",
            "<h2>Findings</h2>",
            "Making the decision",
            "<h2>Sign-off</h2>",
            "<h2>Review</h2>",
        ];
        let positions: Vec<usize> = order
            .iter()
            .map(|h| report.find(h).unwrap_or_else(|| panic!("{h} missing")))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }
}

#[test]
fn each_example_report_imports_to_the_identical_assessment() {
    for example in EXAMPLES {
        let a = (example.build)(example.key);
        let report = to_html(&a, AT, today());
        let imported = import(report.as_bytes()).unwrap();
        assert_eq!(imported.assessment, a, "{}", example.key);
        assert_eq!(imported.kind, FileKind::Html);
        assert_eq!(imported.digest, DigestCheck::Matches);
        assert_eq!(imported.exported_at.as_deref(), Some(AT));
        assert!(
            html_scan::problems(&report).is_empty(),
            "{:?}",
            html_scan::problems(&report)
        );
    }
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= c.len() {
                A[(n >> (18 - 6 * i)) as usize & 63] as char
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn the_report_is_self_contained_with_a_strict_policy_and_a4_print_styles() {
    let a = (EXAMPLES[0].build)("x");
    let report = to_html(&a, AT, today());
    let scan = html_scan::scan(&report);
    let csp = scan
        .tags
        .iter()
        .find(|t| t.get("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|t| t.get("content"))
        .expect("a CSP meta element");
    assert_eq!(csp, content_security_policy());
    assert!(csp.starts_with("default-src 'none'; "), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("script-src"),
        "{csp}"
    );
    // The policy allows exactly the report's one stylesheet, by its hash.
    let styles: Vec<&String> = scan
        .raw
        .iter()
        .filter(|(n, _)| n == "style")
        .map(|(_, c)| c)
        .collect();
    assert_eq!(styles.len(), 1);
    let hash = base64(&Sha256::digest(styles[0].as_bytes()));
    assert!(csp.contains(&format!("style-src 'sha256-{hash}'")), "{csp}");
    // The meta policy comes before the stylesheet, so it governs it.
    assert!(report.find("Content-Security-Policy").unwrap() < report.find("<style>").unwrap());
    for needed in [
        "@page{size:A4;margin:",
        "break-inside:avoid",
        "@media print",
    ] {
        assert!(styles[0].contains(needed), "{needed}");
    }
    // Nothing refers outside the file: no links, images, fonts or imports at all.
    for absent in [
        "href",
        "src=",
        "url(",
        "@import",
        "@font-face",
        "<img",
        "<link",
        "<a ",
        "<iframe",
        "<object",
    ] {
        assert!(!report.contains(absent), "{absent}");
    }
    assert!(report.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(report.contains("<meta charset=\"utf-8\">"));
}

/// Every text field of an assessment filled with the payloads, and choices made so that
/// as many questions as possible are shown.
fn full_of_payloads(recognised: bool, status: Status) -> Assessment {
    let payloads = generate::XSS;
    let mut a = Assessment::new(payloads.concat());
    a.status = status;
    a.version = 3;
    a.review_of = Some(payloads[0].to_string());
    for (i, q) in QuestionId::ALL.iter().copied().enumerate() {
        let question = q.question();
        let payload = format!(
            "{} {}",
            payloads[i % payloads.len()],
            payloads[(i + 3) % payloads.len()]
        );
        let answer = match question.kind {
            AnswerKind::ShortText | AnswerKind::LongText | AnswerKind::Date => {
                Answer::Text(payload)
            }
            AnswerKind::YesNo if q == QuestionId::TriageRecognised && !recognised => {
                Answer::YesNo(YesNo::No)
            }
            AnswerKind::YesNo => Answer::YesNo(YesNo::Yes),
            AnswerKind::Single(choices) => {
                Answer::Choice(choices[i % choices.len()].key.to_string())
            }
            AnswerKind::Multiple(choices) => {
                Answer::Choices(choices.iter().map(|c| c.key.to_string()).collect())
            }
            AnswerKind::Impacts => continue,
        };
        a.answers.set(q, answer);
    }
    for (i, payload) in payloads.iter().enumerate() {
        a.push_impact(Impact {
            id: 0,
            description: payload.to_string(),
            likelihood: Some(Likelihood::ALL[i % 3]),
            severity: Some(HarmSeverity::ALL[(i / 3) % 3]),
            safeguards: payloads[(i + 1) % payloads.len()].to_string(),
            residual_likelihood: None,
            residual_severity: Some(HarmSeverity::Minimal),
        });
        a.review_log.push(ReviewEntry {
            date: payload.to_string(),
            note: payload.to_string(),
        });
    }
    a
}

#[test]
fn xss_payloads_in_every_text_field_stay_text() {
    for (recognised, status) in [(false, Status::Draft), (true, Status::Approved)] {
        let a = full_of_payloads(recognised, status);
        let report = to_html(&a, AT, today());
        // Exactly one script element, the inert JSON copy; no handlers, no javascript: URLs,
        // nothing that loads, no stray markup or comment (checked on the tokenized report).
        let problems = html_scan::problems(&report);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(report.to_ascii_lowercase().matches("<script").count(), 1);
        assert!(!report.contains("<!--"));
        let scan = html_scan::scan(&report);
        for tag in &scan.tags {
            for (name, value) in &tag.attributes {
                assert!(!name.starts_with("on"), "{name}");
                assert!(
                    !value.to_ascii_lowercase().contains("javascript:"),
                    "{value}"
                );
            }
        }
        // The JSON copy holds no character that could end or confuse its element.
        let (_, json) = scan.raw.iter().find(|(n, _)| n == "script").unwrap();
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!json.contains(bad), "{bad:?} in the JSON copy");
        }
        assert!(json.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
        let embedded: serde_json::Value = serde_json::from_str(json).unwrap();
        let exported: serde_json::Value = serde_json::from_str(&to_json(&a, AT, today())).unwrap();
        assert_eq!(embedded, exported);
        // The payloads are shown as the text they are.
        let visible = report.split("<script").next().unwrap();
        assert!(visible.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(visible.contains("&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;"));
        assert!(visible.contains("&lt;!--"));
        // And it imports back to exactly the same assessment.
        let imported = import(report.as_bytes()).unwrap();
        assert_eq!(imported.assessment, a);
        assert_eq!(imported.digest, DigestCheck::Matches);
    }
}

#[test]
fn hidden_answers_unanswered_questions_and_invalid_dates_are_reported_honestly() {
    let mut a = Assessment::new("x");
    a.set_text(QuestionId::AboutTitle, "Staff CCTV")
        // Shown only when the public authority question is answered yes.
        .set_yes_no(QuestionId::TriagePublicAuthority, YesNo::No)
        .set_yes_no(QuestionId::TriagePublicTask, YesNo::Yes)
        .set_text(QuestionId::AboutStartDate, "next spring")
        .set_text(QuestionId::SignOffReviewDate, "2027-3-1")
        .set_choices(QuestionId::AboutData, &["health"]);
    let report = to_html(&a, AT, today());
    assert!(row(&report, "triage.public-task").is_none());
    assert!(report.contains("1 answer to questions that no longer apply is kept in the record"));
    let start = row(&report, "about.start-date").unwrap();
    assert!(
        start.contains("next spring") && start.contains("not a valid date"),
        "{start}"
    );
    assert!(row(&report, "sign-off.review-date")
        .unwrap()
        .contains("1 March 2027"));
    assert!(row(&report, "about.description")
        .unwrap()
        .contains("Not provided"));
    // An unanswered question with an answer suggested by earlier ones says so.
    let special = row(&report, "nature.special").unwrap();
    assert!(
        special.contains("Not provided")
            && special.contains("Suggested by earlier answers: Yes. Not confirmed."),
        "{special}"
    );
    assert!(report.contains("Draft: this assessment has not been approved."));
    assert!(report.contains("<h1>Staff CCTV</h1>"));
    assert!(report.contains("22 November 2026 at 10:15 UTC"));
}
