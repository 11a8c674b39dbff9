//! Download file names: `lia-<title-slug>-v<version>-<state>-<yyyy-mm-dd>.<ext>`, and
//! the hand-over's `lia-<title-slug>-v<version>-round-<n>-<what>-<yyyy-mm-dd>.html`.

#[path = "fixtures/approver/mod.rs"]
mod approver;

use lia::assessment::text::latin_fold;
use lia::assessment::{Assessment, Date, QuestionId};
use lia::export::{file_name, handover_file_name, slug, MAX_SLUG};
use lia::handover::{send, Trust};
use proptest::prelude::*;

fn titled(title: &str) -> Assessment {
    let mut a = Assessment::new("x");
    a.set_text(QuestionId::AboutTitle, title);
    a
}

fn day() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

#[test]
fn names_are_lia_slug_version_state_date_and_extension() {
    assert_eq!(
        file_name(
            &titled("Tenant marketing by e-mail"),
            day(),
            "json",
            &Trust::default()
        ),
        "lia-tenant-marketing-by-e-mail-v1-draft-2026-11-22.json"
    );
    assert_eq!(
        file_name(
            &titled("Tenant marketing by e-mail"),
            Date::new(2027, 1, 5).unwrap(),
            "html",
            &Trust::default()
        ),
        "lia-tenant-marketing-by-e-mail-v1-draft-2027-01-05.html"
    );
    assert_eq!(
        file_name(&titled("CCTV"), day(), ".json", &Trust::default()),
        "lia-cctv-v1-draft-2026-11-22.json"
    );
}

#[test]
fn slugs_are_lower_case_ascii_letters_digits_and_single_hyphens() {
    for (title, expected) in [
        ("Tenant Marketing", "tenant-marketing"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("CCTV at 12 sites (2026/27)", "cctv-at-12-sites-2026-27"),
        ("Tenants’ newsletter — spring", "tenants-newsletter-spring"),
        ("Café ☕ menu", "cafe-menu"),
        ("Ymgynghoriad â thenantiaid", "ymgynghoriad-a-thenantiaid"),
        ("Straße Łódź", "strasse-lodz"),
        ("Prix × 2", "prix-2"),
        ("a__b..c", "a-b-c"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("../../etc/passwd", "etc-passwd"),
    ] {
        assert_eq!(slug(title), expected, "{title}");
    }
}

#[test]
fn an_empty_or_unusable_title_is_untitled() {
    for title in ["", "   ", "—", "日本語", "!!!"] {
        assert_eq!(slug(title), "untitled", "{title:?}");
    }
    assert_eq!(
        file_name(&Assessment::new("x"), day(), "json", &Trust::default()),
        "lia-untitled-v1-draft-2026-11-22.json"
    );
    assert_eq!(
        file_name(&titled("   "), day(), "json", &Trust::default()),
        "lia-untitled-v1-draft-2026-11-22.json"
    );
}

#[test]
fn long_titles_are_capped_without_a_trailing_hyphen() {
    assert_eq!(MAX_SLUG, 60);
    let long = "word ".repeat(40);
    let s = slug(&long);
    assert!(s.len() <= 60 && !s.ends_with('-'), "{s}");
    assert_eq!(s, "word-".repeat(12).trim_end_matches('-'));
    let exact = "a".repeat(60);
    assert_eq!(slug(&exact), exact);
    assert_eq!(slug(&"a".repeat(61)), exact);
    // A hyphen that would be the 60th character is dropped, not kept dangling.
    let title = format!("{} b", "a".repeat(59));
    assert_eq!(slug(&title), "a".repeat(59));
}

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 300, failure_persistence: None, ..Default::default() })]

    #[test]
    fn any_title_makes_a_safe_slug(title in any::<String>()) {
        let s = slug(&title);
        prop_assert!(!s.is_empty() && s.len() <= MAX_SLUG, "{s}");
        prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s}");
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{s}");
        // The letters and digits of the title (Latin letters without accents), in order,
        // start the slug.
        let kept: String = title
            .chars()
            .map(|c| match latin_fold(c) {
                Some(letters) => letters.to_string(),
                None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
                None => String::new(),
            })
            .collect();
        let letters: String = s.chars().filter(|c| *c != '-').collect();
        if kept.is_empty() {
            prop_assert_eq!(s, "untitled");
        } else {
            prop_assert!(kept.starts_with(&letters), "{} / {}", kept, letters);
        }
    }

    /// Titles full of accented Latin letters (which `any::<String>()` rarely makes),
    /// including ones that become two letters ("ß", "Æ") right at the length cap.
    #[test]
    fn accented_titles_make_a_safe_slug(title in "[a-zA-Z0-9À-ſ ,.·-]{0,90}") {
        let s = slug(&title);
        prop_assert!(!s.is_empty() && s.len() <= MAX_SLUG, "{s}");
        prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s}");
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{s}");
    }
}

/// A complete draft titled "Staff CCTV", with no approval recorded yet.
fn staff_cctv() -> Assessment {
    let mut draft = (lia::assessment::examples::example("emergency-contacts")
        .unwrap()
        .build)("e");
    for q in lia::assessment::digest::APPROVAL_ANSWERS {
        draft.answers.clear(q);
    }
    draft.set_text(QuestionId::AboutTitle, "Staff CCTV");
    draft
}

fn approver() -> approver::TestApprover {
    approver::TestApprover::new(5, "Alex Morgan", "DPO", "Acme")
}

#[test]
fn every_file_of_an_assessment_s_life_has_a_name_of_its_own() {
    // The files a DPO keeps of one assessment: the draft, each round sent, returned and
    // sent again, the approval, a review, and a copy changed after approval.
    let date = Date::new(2026, 11, 22).unwrap();
    let draft = staff_cctv();
    let mut sent = draft.clone();
    send(&mut sent, date).unwrap();
    let returned = approver().return_it(&sent, "Say more.", date);
    let mut resent = returned.clone();
    resent.set_text(
        QuestionId::PurposeBenefit,
        "A safer workplace for staff and visitors.",
    );
    send(&mut resent, date).unwrap();
    let approved = approver().approve(&resent, date);
    let review = lia::assessment::lifecycle::start_review(&approved, "e2", date);
    let mut changed = approved.clone();
    changed.set_text(QuestionId::PurposeWhy, "Something else.");
    let records = [
        (
            "draft",
            &draft,
            "lia-staff-cctv-v1-draft-2026-11-22.json",
            None,
        ),
        (
            "sent",
            &sent,
            "lia-staff-cctv-v1-round-1-sent-2026-11-22.json",
            Some("lia-staff-cctv-v1-round-1-for-approval-2026-11-22.html"),
        ),
        (
            "returned",
            &returned,
            "lia-staff-cctv-v1-round-1-returned-2026-11-22.json",
            Some("lia-staff-cctv-v1-round-1-returned-2026-11-22.html"),
        ),
        (
            "sent again",
            &resent,
            "lia-staff-cctv-v1-round-2-sent-2026-11-22.json",
            Some("lia-staff-cctv-v1-round-2-for-approval-2026-11-22.html"),
        ),
        (
            "approved",
            &approved,
            "lia-staff-cctv-v1-approved-2026-11-22.json",
            Some("lia-staff-cctv-v1-round-2-approved-2026-11-22.html"),
        ),
        (
            "review",
            &review,
            "lia-staff-cctv-v2-draft-2026-11-22.json",
            None,
        ),
        (
            "changed",
            &changed,
            "lia-staff-cctv-v1-changed-after-approval-2026-11-22.json",
            None,
        ),
    ];
    let trust = approver().trusted();
    let mut names = Vec::new();
    for (what, a, json, handover) in records {
        assert_eq!(file_name(a, date, "json", &trust), json, "{what}");
        if let Some(handover) = handover {
            assert_eq!(handover_file_name(a, date, &trust), handover, "{what}");
            names.push(handover.to_string());
        }
        names.push(json.to_string());
    }
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        names.len(),
        "two files share a name: {names:?}"
    );
}

/// A record's name says "approved" only where the tool would say "Approved": signed by a
/// trusted approver for the content as it is. Signed by a key not on the list, or
/// hand-edited after signing (the text changed and the record's digest rewritten to
/// match), it is named as an approval not verified. The hand-over's file, named by the
/// approver as they sign (their own key is seldom on their own list), says "approved"
/// where the signature matches the content, and not for the hand-edited copy.
#[test]
fn a_name_says_approved_only_when_the_approval_verifies() {
    let date = Date::new(2026, 11, 22).unwrap();
    let mut draft = staff_cctv();
    send(&mut draft, date).unwrap();
    let approved = approver().approve(&draft, date);
    let trusted = approver().trusted();
    assert_eq!(
        file_name(&approved, date, "docx", &trusted),
        "lia-staff-cctv-v1-approved-2026-11-22.docx"
    );
    // The same signed file where its approver is not trusted (another organisation's
    // tool, or a key the DPO never added).
    for trust in [
        Trust::default(),
        approver::TestApprover::mallory().trusted(),
    ] {
        assert_eq!(
            file_name(&approved, date, "docx", &trust),
            "lia-staff-cctv-v1-approval-not-verified-2026-11-22.docx"
        );
        assert_eq!(
            handover_file_name(&approved, date, &trust),
            "lia-staff-cctv-v1-round-1-approved-2026-11-22.html"
        );
    }
    // Forged: the verdict and the content digest rewritten by hand so the record looks
    // approved as it now stands, the signature left as it was.
    let mut forged = approved.clone();
    forged.set_text(QuestionId::PurposeWhy, "Something else entirely.");
    let digest = lia::assessment::digest::content_digest(&forged);
    forged.handover.last_mut().unwrap().content = digest;
    assert!(
        !lia::handover::stage(&forged).approval_broken(),
        "the forgery passes the stage's own check"
    );
    assert_eq!(
        file_name(&forged, date, "json", &trusted),
        "lia-staff-cctv-v1-approval-not-verified-2026-11-22.json"
    );
    assert_eq!(
        handover_file_name(&forged, date, &trusted),
        "lia-staff-cctv-v1-round-1-approval-not-verified-2026-11-22.html"
    );
}
