//! The HTML report: what it shows for each built-in example, that it is safe and
//! self-contained whatever the user typed, and that it imports back.

#[path = "fixtures/approver/mod.rs"]
mod approver;
#[path = "realistic/assessments.rs"]
#[allow(dead_code)]
mod assessments;
#[path = "fixtures/export/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "fixtures/export/html_scan.rs"]
mod html_scan;
#[path = "fixtures/records.rs"]
#[allow(dead_code)]
mod records;
#[path = "fixtures/report_text.rs"]
#[allow(dead_code)]
mod report_text;

use lia::assessment::examples::EXAMPLES;
use lia::assessment::model::ReviewEntry;
use lia::assessment::{
    outcome, Answer, AnswerKind, Assessment, Ctx, Date, HarmSeverity, Impact, Likelihood,
    QuestionId, Status, YesNo,
};
use lia::export::{
    content_security_policy, import, to_html, to_html_with_previous, to_json, DigestCheck, FileKind,
};
use lia::report::Report;
use report_text::Layout;
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

/// Elements that do not break the text they are in.
const INLINE: [&str; 5] = ["span", "strong", "time", "del", "ins"];

/// What a browser's tokenizer reads in the report: its headings (h2 a part, level 1) and
/// all its text outside the script and stylesheet, character references decoded.
fn read(report: &str) -> (Vec<(usize, String)>, String) {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut headings = Vec::new();
    let mut text = String::new();
    let mut heading: Option<(usize, String)> = None;
    let mut skip = false;
    for token in Tokenizer::new_with_emitter(report, emitter) {
        match token.unwrap() {
            Token::StartTag(tag) => {
                let name = String::from_utf8(tag.name.to_vec()).unwrap();
                match name.as_str() {
                    "script" | "style" => skip = true,
                    "h2" | "h3" | "h4" => {
                        heading = Some((name[1..].parse::<usize>().unwrap() - 1, String::new()))
                    }
                    _ => {}
                }
                if !INLINE.contains(&name.as_str()) {
                    text.push(' ');
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8(tag.name.to_vec()).unwrap();
                match name.as_str() {
                    "script" | "style" => skip = false,
                    "h2" | "h3" | "h4" => {
                        let (level, title) = heading.take().unwrap();
                        headings.push((level, report_text::normal(&title)));
                    }
                    _ => {}
                }
                if !INLINE.contains(&name.as_str()) {
                    text.push(' ');
                }
            }
            Token::String(s) if !skip => {
                let s = String::from_utf8(s.to_vec()).unwrap();
                if let Some((_, title)) = heading.as_mut() {
                    title.push_str(&s);
                }
                text.push_str(&s);
            }
            _ => {}
        }
    }
    (headings, text)
}

#[test]
fn the_report_says_what_the_model_says_as_a_browser_reads_it() {
    for (name, a, previous) in records::records() {
        let report = to_html_with_previous(
            &a,
            previous.as_ref(),
            AT,
            today(),
            &lia::handover::Trust::default(),
            None,
        );
        let model = Report::of(&a, previous.as_ref(), today(), AT);
        let (headings, text) = read(&report);
        assert_eq!(headings, report_text::headings(&model, 3), "{name}");
        let missing =
            report_text::missing_in_order(&text, &report_text::texts(&model, Layout::Page));
        assert!(missing.is_empty(), "{name}: {missing:#?}");
        // Links into the record: each question answered, each finding.
        let ctx = Ctx::new(&a, today());
        for q in QuestionId::ALL.iter().map(|q| q.question()) {
            if row(&report, q.key).is_some() {
                assert!(ctx.is_visible(q.id), "{name}: {} is not asked", q.key);
            }
        }
        for f in &outcome(&a, today()).findings {
            assert!(
                report.contains(&format!("id=\"finding-{}\"", f.id)),
                "{name}: {}",
                f.id
            );
        }
        if !a.impacts.is_empty() {
            assert!(
                report.contains("<svg ") && report.contains("<circle "),
                "{name}"
            );
        }
    }
}

#[test]
fn the_check_of_what_a_browser_reads_would_see_a_difference() {
    let a = assessments::references();
    let model = Report::of(&a, None, today(), AT);
    let report = to_html(&a, AT, today());
    let expected = report_text::texts(&model, Layout::Page);
    // An answer taken out, and two parts swapped, are both seen.
    let answer = "Harbour View Hotels Ltd";
    assert!(report.contains(answer));
    let (_, text) = read(&report.replacen(answer, "Someone else", usize::MAX));
    assert!(!report_text::missing_in_order(&text, &expected).is_empty());
    let (_, text) = read(&report);
    let swapped = text
        .replacen("Part 1: Purpose test", "@@", 1)
        .replacen("Part 2: Necessity test", "Part 1: Purpose test", 1)
        .replacen("@@", "Part 2: Necessity test", 1);
    assert!(!report_text::missing_in_order(&swapped, &expected).is_empty());
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
        .contains("<time datetime=\"2027-03-01\">1 March 2027</time>"));
    // Questions asked and not answered are named, not printed as rows of "Not provided".
    assert!(row(&report, "about.description").is_none());
    assert!(!report
        .split("<tr id=\"q-")
        .skip(1)
        .any(|r| r[..r.find("</tr>").unwrap()].contains("Not provided")));
    let (_, text) = read(&report);
    let text = report_text::normal(&text);
    assert!(
        text.contains("Not answered: Organisation; Description of the processing;"),
        "{text}"
    );
    // An unanswered question with an answer suggested by earlier ones says so.
    assert!(
        text.contains(
            "Special category data: Suggested: Yes, because you selected special category data"
        ),
        "{text}"
    );
    assert!(report.contains("Draft: this assessment has not been approved."));
    assert!(report.contains("<h1>Staff CCTV</h1>"));
    assert!(report.contains("22 November 2026 at 10:15 UTC"));
}
