//! The settings a host page gives a widget through data attributes on its element:
//!
//! | Attribute | Meaning |
//! |---|---|
//! | `data-organisation` | Shown in the header, and filled in on new assessments |
//! | `data-namespace` | Keeps this widget's saved assessments apart from others on the site |
//! | `data-accent` | The header and button colour, `#rgb` or `#rrggbb`, dark enough for white text |
//! | `data-approver-role` | Filled in as the approver's role on new assessments |
//! | `data-trusted-approvers` | The organisation's approvers: a JSON list of their key cards |
//! | `data-self-approval` | `allowed`: an author may approve their own assessment (off by default) |
//! | `data-settings` | The organisation's settings file (`docs/settings.md`), its JSON as the value |
//!
//! A value that cannot be used is ignored, with a warning for the host page's developer;
//! a settings file with any problem is ignored whole, with a warning for each problem.
//! What the settings file gives and an attribute also sets is the attribute's: its
//! organisation's name; its approvers are trusted beside the attribute's, and either may
//! allow self-approval (`Settings::with_file`, the one merge for the host page's file and
//! a file chosen in the tool). A host page that gives `data-settings` gives the
//! organisation's settings: a file chosen in the tool does not replace them.

use std::sync::Arc;

use crate::handover::keycard::{check_card, KeyCard};
use crate::json::Value;
use crate::organisation;
use crate::storage::Namespace;

/// A colour white text can sit on, with a darker shade for hover and shadows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`.
    pub colour: String,
    pub dark: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub organisation: Option<String>,
    pub namespace: Namespace,
    pub accent: Option<Accent>,
    pub approver_role: Option<String>,
    /// The organisation's approvers, each card checked (fingerprint and key).
    pub trusted_approvers: Vec<KeyCard>,
    /// An author may approve their own assessment (recorded as approved by its author).
    pub self_approval: bool,
    /// The organisation's settings file, read and checked.
    pub organisation_settings: Option<Arc<organisation::Settings>>,
    /// The host page gives a settings file (`data-settings`), used or refused: the
    /// organisation's settings are then the host page's, and none chosen in the tool
    /// replaces them.
    pub settings_given: bool,
}

/// The WCAG 2.2 AA contrast ratio for normal text.
pub const MIN_CONTRAST: f64 = 4.5;
/// Longest organisation name or role taken from an attribute.
const MAX_TEXT: usize = 120;

impl Settings {
    /// Reads the settings through `attribute` (the host element's `getAttribute`), and
    /// says what was ignored and why.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> (Settings, Vec<String>) {
        let mut warnings = Vec::new();
        let text = |name: &str| {
            attribute(name)
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
                .map(|v| v.chars().take(MAX_TEXT).collect::<String>())
        };
        let namespace = match attribute("data-namespace") {
            None => Namespace::default(),
            Some(name) => Namespace::new(name.trim()).unwrap_or_else(|e| {
                warnings.push(format!("data-namespace ignored: {e}"));
                Namespace::default()
            }),
        };
        let accent = attribute("data-accent").and_then(|value| match parse_accent(&value) {
            Ok(accent) => Some(accent),
            Err(why) => {
                warnings.push(format!("data-accent ignored: {why}"));
                None
            }
        });
        let trusted_approvers = attribute("data-trusted-approvers")
            .map(|value| trusted_approvers(&value, &mut warnings))
            .unwrap_or_default();
        let given = attribute("data-settings");
        let settings_given = given.is_some();
        let organisation_settings = given.and_then(|text| match organisation::read(&text) {
            Ok(settings) => Some(Arc::new(settings)),
            Err(problems) => {
                for problem in problems {
                    warnings.push(format!("data-settings ignored: {problem}"));
                }
                None
            }
        });
        let self_approval = match attribute("data-self-approval").as_deref().map(str::trim) {
            None | Some("") => false,
            Some("allowed") => true,
            Some(other) => {
                warnings.push(format!(
                    "data-self-approval ignored: “{}” is not “allowed”, so authors cannot approve their own assessments",
                    other.chars().take(40).collect::<String>()
                ));
                false
            }
        };
        let attributes = Settings {
            organisation: text("data-organisation"),
            namespace,
            accent,
            approver_role: text("data-approver-role"),
            trusted_approvers,
            self_approval,
            organisation_settings: None,
            settings_given,
        };
        let settings = attributes.with_file(organisation_settings);
        (settings, warnings)
    }

    /// These settings with `file` as the organisation's settings: its organisation's
    /// name where no attribute gives one, its approvers trusted beside the attribute's
    /// (a card given twice is trusted once), self-approval allowed if either allows it.
    /// `self` is what the attributes alone say (no file merged in yet): the host page's
    /// for its own file, and for a file chosen in the tool where the host page gives none.
    pub fn with_file(&self, file: Option<Arc<organisation::Settings>>) -> Settings {
        let mut merged = self.clone();
        if let Some(file) = &file {
            if merged.organisation.is_none() {
                merged.organisation = file.defaults.organisation.clone();
            }
            for card in &file.approvers.cards {
                if !merged
                    .trusted_approvers
                    .iter()
                    .any(|c| c.fingerprint == card.fingerprint)
                {
                    merged.trusted_approvers.push(card.clone());
                }
            }
            merged.self_approval |= file.approvers.self_approval;
        }
        merged.organisation_settings = file;
        merged
    }
}

/// The most key cards taken from the host page.
const MAX_TRUSTED: usize = 200;

/// The key cards of `data-trusted-approvers`: a JSON list of cards (or one card), each
/// checked like a card file; one that is not valid is left out, with a warning naming it.
fn trusted_approvers(value: &str, warnings: &mut Vec<String>) -> Vec<KeyCard> {
    let items = match crate::assessment::strict_json::from_str_lenient(value) {
        Some(Value::Array(items)) => items,
        Some(card @ Value::Object(_)) => vec![card],
        _ => {
            warnings
                .push("data-trusted-approvers ignored: it is not a JSON list of key cards".into());
            return Vec::new();
        }
    };
    let mut cards = Vec::new();
    for (i, item) in items.into_iter().enumerate().take(MAX_TRUSTED) {
        let card = KeyCard::from_value(&item).and_then(|card| check_card(&card).map(|()| card));
        match card {
            Ok(card) => cards.push(card),
            Err(problem) => warnings.push(format!(
                "data-trusted-approvers: key card {} ignored: {problem}",
                i + 1
            )),
        }
    }
    cards
}

/// `#rgb` or `#rrggbb`, refused when white text on it would be hard to read.
pub fn parse_accent(value: &str) -> Result<Accent, String> {
    let hex = value
        .trim()
        .strip_prefix('#')
        .ok_or_else(|| format!("“{value}” is not a #rrggbb colour"))?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return Err(format!("“{value}” is not a #rrggbb colour")),
    };
    if !full.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("“{value}” is not a #rrggbb colour"));
    }
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).unwrap_or(0);
    let rgb = [channel(0), channel(2), channel(4)];
    let ratio = contrast_with_white(rgb);
    if ratio < MIN_CONTRAST {
        // In tenths, rounded down, so the message never claims more than is there.
        let tenths = (ratio * 10.0) as u32;
        return Err(format!(
            "white text on {value} has a contrast of {}.{}:1, below the 4.5:1 that WCAG asks for",
            tenths / 10,
            tenths % 10
        ));
    }
    let dark = rgb.map(|c| (f64::from(c) * 0.65).round() as u8);
    Ok(Accent {
        colour: format!("#{}", full.to_ascii_lowercase()),
        dark: format!("#{:02x}{:02x}{:02x}", dark[0], dark[1], dark[2]),
    })
}

/// WCAG contrast ratio of white against an sRGB colour.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// An sRGB channel's linear value (WCAG's relative luminance formula).
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        let x = (c + 0.055) / 1.055;
        // x^2.4 as x² · (x²)^(1/5): `powf` would bring a general power function (1.5 KB)
        // into the wasm for this one use. Within 2 units in the last place of `powf`,
        // and no colour's contrast is judged differently (tests below).
        let squared = x * x;
        squared * fifth_root(squared)
    }
}

/// The fifth root of `a` (0 < a ≤ 1), by Newton's method from 1, above the root, down
/// to where a step no longer lowers it.
fn fifth_root(a: f64) -> f64 {
    let mut y = 1.0;
    loop {
        let next = y - (y - a / (y * y * y * y)) / 5.0;
        if next >= y {
            return y;
        }
        y = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linear_by_powf(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    /// Each channel's linear value is `powf`'s to within 2 units in the last place.
    #[test]
    fn channels_are_linearised_as_powf_does() {
        for c in 0..=255u8 {
            let (ours, theirs) = (linear(c), linear_by_powf(c));
            let ulps = (ours.to_bits() as i64 - theirs.to_bits() as i64).abs();
            assert!(ulps <= 2, "channel {c}: {ours} against {theirs}");
        }
    }

    /// Every one of the 16.7 million colours is judged as with `powf`: the same side of
    /// 4.5:1 and the same ratio in tenths (what the warning shows).
    #[test]
    fn every_colour_is_judged_as_with_powf() {
        let ours: Vec<f64> = (0..=255u8).map(linear).collect();
        let theirs: Vec<f64> = (0..=255u8).map(linear_by_powf).collect();
        let judge = |t: &[f64], r: usize, g: usize, b: usize| {
            let ratio = 1.05 / (0.2126 * t[r] + 0.7152 * t[g] + 0.0722 * t[b] + 0.05);
            (ratio < MIN_CONTRAST, (ratio * 10.0) as u32)
        };
        for r in 0..256 {
            for g in 0..256 {
                for b in 0..256 {
                    if judge(&ours, r, g, b) != judge(&theirs, r, g, b) {
                        panic!("#{r:02x}{g:02x}{b:02x} is judged differently");
                    }
                }
            }
        }
        assert_eq!(contrast_with_white([255, 255, 255]), 1.0);
    }

    fn read(pairs: &[(&str, &str)]) -> (Settings, Vec<String>) {
        let map: std::collections::HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn no_attributes_give_the_defaults() {
        assert_eq!(read(&[]), (Settings::default(), vec![]));
    }

    #[test]
    fn every_attribute_is_read() {
        let (settings, warnings) = read(&[
            ("data-organisation", "  Acme   Housing "),
            ("data-namespace", "hr-team"),
            ("data-accent", "#7A1F5C"),
            ("data-approver-role", "Data Protection Officer"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(settings.organisation.as_deref(), Some("Acme Housing"));
        assert_eq!(settings.namespace.as_str(), "hr-team");
        assert_eq!(settings.accent.unwrap().colour, "#7a1f5c");
        assert_eq!(
            settings.approver_role.as_deref(),
            Some("Data Protection Officer")
        );
    }

    #[test]
    fn unusable_values_are_ignored_with_a_warning() {
        let (settings, warnings) = read(&[
            ("data-namespace", "a:b"),
            ("data-accent", "#ffff00"),
            ("data-organisation", "   "),
        ]);
        assert_eq!(settings, Settings::default());
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].starts_with("data-namespace ignored"));
        assert!(warnings[1].contains("contrast"), "{}", warnings[1]);
    }

    const EXAMPLE: &str = include_str!("../docs/settings.example.json");

    #[test]
    fn a_settings_file_is_read_beside_the_attributes() {
        let (settings, warnings) = read(&[("data-settings", EXAMPLE)]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let file = settings.organisation_settings.clone().unwrap();
        assert_eq!(*file, organisation::read(EXAMPLE).unwrap());
        // The file's organisation, approvers and (not) self-approval, where no attribute says.
        assert_eq!(
            settings.organisation.as_deref(),
            Some("Riverside Housing Association")
        );
        assert_eq!(settings.trusted_approvers, file.approvers.cards);
        assert!(!settings.self_approval);
        // An attribute's organisation wins; a card given twice is trusted once; either
        // may allow self-approval.
        let card = Value::Array(vec![file.approvers.cards[0].to_value()]);
        let allowing = EXAMPLE.replace(r#""self_approval": false"#, r#""self_approval": true"#);
        assert_ne!(allowing, EXAMPLE);
        let (settings, warnings) = read(&[
            ("data-settings", &allowing),
            ("data-organisation", "Riverside HA"),
            (
                "data-trusted-approvers",
                &crate::assessment::json_write::to_text(&card),
            ),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(settings.organisation.as_deref(), Some("Riverside HA"));
        assert_eq!(settings.trusted_approvers.len(), 1);
        assert!(settings.self_approval);
    }

    #[test]
    fn a_settings_file_with_problems_is_ignored_with_each_problem() {
        let broken = EXAMPLE
            .replacen(r#""kind": "text""#, r#""kind": "number""#, 1)
            .replacen(r#""severity": "warning""#, r#""severity": "fatal""#, 1);
        let (settings, warnings) =
            read(&[("data-settings", &broken), ("data-organisation", "Acme")]);
        assert_eq!(settings.organisation_settings, None);
        assert_eq!(settings.organisation.as_deref(), Some("Acme"));
        assert!(settings.trusted_approvers.is_empty());
        assert_eq!(
            warnings,
            [
                "data-settings ignored: questions[0].kind: is not a kind of question this tool asks (text, yes-no or choice)",
                "data-settings ignored: checks[0].severity: must be one of: blocker, warning, advice",
            ]
        );
        let (settings, warnings) = read(&[("data-settings", "not json")]);
        // Given, though refused: the organisation's settings are still the host page's.
        let given = Settings {
            settings_given: true,
            ..Settings::default()
        };
        assert_eq!(settings, given);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("data-settings ignored: The file: it is not JSON"));
    }

    #[test]
    fn accents_must_carry_white_text() {
        assert_eq!(parse_accent("#123").unwrap().colour, "#112233");
        assert_eq!(parse_accent("#1d4e89").unwrap().dark, "#133359");
        for bad in [
            "1d4e89", "#12345", "#ggg", "red", "#ffffff", "#00ff00", "#777777",
        ] {
            assert!(parse_accent(bad).is_err(), "{bad}");
        }
        // #767676 is the palest grey with 4.5:1 on white (4.54:1).
        assert!(parse_accent("#767676").is_ok());
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 1e-9);
    }
}
