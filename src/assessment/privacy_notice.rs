//! A suggested paragraph for the organisation's privacy information, made from the
//! answers: what UK GDPR Articles 13(1)(c)–(d) and 14(2)(b) require the privacy
//! information to say where legitimate interests is the lawful basis, and what the
//! ICO recommends ("How do we apply legitimate interests in practice?"; "What else do we
//! need to consider?"):
//!
//! - the purpose, and that the lawful basis is legitimate interests (Art. 13(1)(c));
//!   on the recognised route, that it is a recognised legitimate interest and which
//!   Annex 1 condition (ICO, recognised legitimate interest guidance);
//! - what the legitimate interests are (Art. 13(1)(d), 14(2)(b));
//! - the right to object and how to use it (Art. 13(2)(b), 14(2)(c), 21), presented
//!   separately from the rest (Art. 21(4)); for direct marketing, that the right is
//!   absolute (Art. 21(2)–(3)) and how to opt out.
//!
//! It is notice text addressed to the reader ("We use your contact details to …"), built
//! from the answers that describe the processing (the organisation, the kinds of data,
//! the kind of purpose, the channels, how to opt out), never by pasting the assessment's
//! own reasoning (why, the benefit, the balancing), which is written for a reviewer, not
//! for the people the data is about. Nothing is invented: where an answer the wording
//! needs is missing, or a choice ("Something else") gives no words for the reader, the
//! wording says what is missing (`Part::Gap`), and the user fills it in. It is a draft for
//! the user to check, never a finished notice; what they settle on is saved with the
//! assessment (`edit`), and the reports print that.

use super::choices::{channels, data, pecr_basis, purpose as purposes};
use super::context::Ctx;
use super::model::{Assessment, PrivacyEdit};
use super::questions::QuestionId as Q;
use super::text::lower;

/// Which wording applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Legitimate interests (Art. 6(1)(f)).
    Ordinary,
    /// Legitimate interests for direct marketing: the right to object is absolute.
    DirectMarketing,
    /// A recognised legitimate interest (Art. 6(1)(ea) and Annex 1).
    Recognised,
    /// No legitimate interests wording fits: the reason.
    NotApplicable(&'static str),
}

/// What the wording needs and the answers do not give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing {
    /// What is missing, in words that read inside "[Missing: …]".
    pub what: &'static str,
    /// The question that would give it, if the assessment asks one.
    pub question: Option<Q>,
}

/// A piece of a paragraph: wording, or a gap where an answer is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Gap(Missing),
}

/// The suggested wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivacyWording {
    pub route: Route,
    /// The paragraphs, in order; the right to object is always a paragraph of its own.
    pub paragraphs: Vec<Vec<Part>>,
    /// Things to check before using it, which the answers cannot settle.
    pub checks: Vec<&'static str>,
}

/// Shown with the wording wherever it appears (the interface and both reports).
pub const DRAFT_NOTE: &str = "This is a draft made from the answers in this assessment, for you to check and adapt before you use it in your privacy information. It is not legal advice.";

/// The ICO page this wording follows.
pub const SOURCE: &str = "UK GDPR Articles 13(1)(c)–(d), 14(2)(b) and 21; ICO, “Legitimate interests: what else do we need to consider?”";

impl PrivacyWording {
    /// The wording as plain text: paragraphs separated by a blank line, each gap written
    /// "[Missing: …]" so it cannot be mistaken for wording.
    pub fn text(&self) -> String {
        let paragraphs: Vec<String> = self
            .paragraphs
            .iter()
            .map(|parts| {
                parts
                    .iter()
                    .map(|part| match part {
                        Part::Text(t) => t.clone(),
                        Part::Gap(m) => gap_text(m),
                    })
                    .collect()
            })
            .collect();
        paragraphs.join("\n\n")
    }

    /// Every gap, in order, each once.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out: Vec<Missing> = Vec::new();
        for part in self.paragraphs.iter().flatten() {
            if let Part::Gap(m) = part {
                if !out.contains(m) {
                    out.push(*m);
                }
            }
        }
        out
    }
}

/// The wording as it stands for the record: the author's own, if they changed the
/// suggestion, or the suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settled {
    /// The suggestion, as made from the answers.
    Suggested(PrivacyWording),
    /// The author's own wording; `stale` when the answers have changed since, so that
    /// the suggestion is no longer the one it was made from.
    Edited {
        text: String,
        stale: bool,
        suggestion: PrivacyWording,
    },
}

/// The wording to show and print for `a`.
pub fn settled(a: &Assessment) -> Settled {
    let suggestion = privacy_wording(a);
    match &a.privacy_wording {
        Some(edit) => Settled::Edited {
            text: edit.text.clone(),
            stale: edit.suggested != suggestion.text(),
            suggestion,
        },
        None => Settled::Suggested(suggestion),
    }
}

/// Records `text` as the author's wording (the suggestion itself, word for word, is no
/// edit).
pub fn edit(a: &mut Assessment, text: &str) {
    let suggested = privacy_wording(a).text();
    a.privacy_wording = (text != suggested).then(|| {
        Box::new(PrivacyEdit {
            text: text.to_string(),
            suggested,
        })
    });
}

/// Goes back to the suggestion made from the answers as they are now.
pub fn use_suggestion(a: &mut Assessment) {
    a.privacy_wording = None;
}

/// Shown with an edited wording, and when the answers have changed since.
pub const EDITED_NOTE: &str = "The author changed the suggested wording: this is their wording.";
pub const STALE_NOTE: &str = "The answers have changed since this wording was written: check that it still says what the assessment now says.";

/// How a gap reads in the text.
pub fn gap_text(m: &Missing) -> String {
    format!("[Missing: {}]", m.what)
}

/// Words joined as English lists them: "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// An option label as it reads inside a sentence: "Contact details" → "contact details",
/// "E-mail" → "e-mail"; a word in capitals ("PECR", "SMS") is kept.
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_none_or(|c| lower(c) == c) => {
            std::iter::once(lower(first)).chain(chars).collect()
        }
        _ => label.to_string(),
    }
}

/// The trimmed text answer, without a final full stop (it is put inside a sentence).
fn text_of(ctx: &Ctx, q: Q) -> Option<String> {
    let t = ctx.text(q).trim();
    (!t.is_empty()).then(|| t.trim_end_matches('.').trim_end().to_string())
}

/// A piece of text.
fn t(text: impl Into<String>) -> Part {
    Part::Text(text.into())
}

fn gap(what: &'static str, question: Option<Q>) -> Part {
    Part::Gap(Missing { what, question })
}

/// The text answer, or a gap naming what it should say.
fn answer_or_gap(ctx: &Ctx, q: Q, what: &'static str) -> Part {
    match text_of(ctx, q) {
        Some(text) => t(text),
        None => gap(what, Some(q)),
    }
}

/// Which route the answers take, or why none fits.
fn route(ctx: &Ctx) -> Route {
    if ctx.is_yes(Q::TriagePublicAuthority) && ctx.is_yes(Q::TriagePublicTask) {
        return Route::NotApplicable(
            "Legitimate interests cannot be used by a public authority for processing in the performance of its tasks (UK GDPR Article 6(1)), so there is no legitimate interests wording to suggest.",
        );
    }
    if ctx.choice(Q::DecisionRely) == Some(super::choices::decision::NO) {
        return Route::NotApplicable(
            "The assessment concludes that you cannot rely on legitimate interests for this processing, so there is no legitimate interests wording to suggest.",
        );
    }
    if ctx.recognised_route() {
        Route::Recognised
    } else if ctx.direct_marketing() {
        Route::DirectMarketing
    } else {
        Route::Ordinary
    }
}

/// The suggested privacy information for the assessment as it stands.
pub fn privacy_wording(a: &Assessment) -> PrivacyWording {
    let ctx = Ctx::new(a, None);
    let route = route(&ctx);
    let mut checks = Vec::new();
    if let Route::NotApplicable(_) = route {
        return PrivacyWording {
            route,
            paragraphs: Vec::new(),
            checks,
        };
    }
    if ctx.choice(Q::DecisionRely) != Some(super::choices::decision::YES) {
        checks.push("The decision is not made yet: use this wording only once you have decided that you can rely on legitimate interests.");
    }
    let mut paragraphs = vec![
        purpose(&ctx, route),
        basis(&ctx, route, &mut checks),
        objection(&ctx, route, &mut checks),
    ];
    paragraphs.extend(more_information(a));
    PrivacyWording {
        route,
        paragraphs,
        checks,
    }
}

/// Each kind of data as the reader is told it.
const DATA: &[(&str, &str)] = &[
    (data::CONTACT, "your contact details"),
    (data::IDENTITY, "details that identify you"),
    (data::FINANCIAL, "your financial details"),
    (data::LOCATION, "information about where you are"),
    (
        data::ONLINE,
        "your online identifiers, such as your device's IP address",
    ),
    (
        data::BEHAVIOUR,
        "information about how you use our services and what you buy",
    ),
    (data::EMPLOYMENT, "your employment or education records"),
    (data::IMAGES, "photographs, video or recordings of you"),
    (
        data::COMMUNICATIONS,
        "the content of your messages or calls",
    ),
    (data::HEALTH, "information about your health"),
    (data::ETHNIC, "your racial or ethnic origin"),
    (data::POLITICAL, "your political opinions"),
    (data::RELIGION, "your religious or philosophical beliefs"),
    (data::UNION, "your trade union membership"),
    (data::GENETIC, "your genetic data"),
    (data::BIOMETRIC, "biometric data that identifies you"),
    (
        data::SEX_LIFE,
        "information about your sex life or sexual orientation",
    ),
    (
        data::CRIMINAL,
        "information about criminal convictions, offences or allegations",
    ),
];

/// Each kind of purpose: what we use the information for, and the legitimate interest it
/// serves, as the reader is told them.
const PURPOSES: &[(&str, &str, &str)] = &[
    (
        purposes::DIRECT_MARKETING,
        "to tell you about our services, offers and news",
        "keeping the people who use our services informed about what we offer",
    ),
    (
        purposes::FRAUD,
        "to prevent and detect fraud",
        "protecting us and the people we serve from fraud",
    ),
    (
        purposes::SECURITY,
        "to keep our networks and information secure",
        "keeping our systems, and the information in them, safe",
    ),
    (
        purposes::CRIME,
        "to prevent, detect and investigate crime",
        "preventing and detecting crime against us and the people we serve",
    ),
    (
        purposes::CRIME_REPORTING,
        "to tell the police or another competent authority about a possible crime or threat to public security",
        "helping the authorities deal with possible crimes and threats to public security",
    ),
    (
        purposes::INTRA_GROUP,
        "to share it within our group of organisations for administration",
        "running our group of organisations efficiently",
    ),
    (
        purposes::EMPLOYMENT,
        "to manage your employment with us",
        "managing our workforce fairly and efficiently",
    ),
    (
        purposes::ANALYTICS,
        "to understand how our services are used and improve them",
        "understanding and improving our services",
    ),
];

/// Each channel as the reader is told it.
const CHANNELS: &[(&str, &str)] = &[
    (channels::POST, "post"),
    (channels::EMAIL, "e-mail"),
    (channels::SMS, "text message"),
    (channels::LIVE_CALLS, "phone"),
    (channels::AUTOMATED_CALLS, "recorded phone calls"),
    (
        channels::ONLINE_ADS,
        "advertising online and on social media",
    ),
];

/// The phrases of `table` for the keys chosen for `q`, in the table's order.
fn phrases(ctx: &Ctx, q: Q, table: &[(&str, &'static str)]) -> Vec<String> {
    table
        .iter()
        .filter(|(key, _)| ctx.has_choice(q, key))
        .map(|(_, phrase)| phrase.to_string())
        .collect()
}

/// The kind of purpose's two phrases, if one is chosen that has them.
fn purpose_phrases(ctx: &Ctx) -> Option<(&'static str, &'static str)> {
    let key = ctx.choice(Q::TriagePurposeCategory)?;
    PURPOSES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, using, interest)| (*using, *interest))
}

/// A gap for what the purpose does not say: it points at the question while it is not
/// answered; a purpose of another kind gives no words, so the author writes them.
fn purpose_gap(ctx: &Ctx, what: &'static str) -> Part {
    let question = ctx
        .choice(Q::TriagePurposeCategory)
        .is_none()
        .then_some(Q::TriagePurposeCategory);
    gap(what, question)
}

/// What we use, and why, addressed to the reader (Art. 13(1)(c)).
fn purpose(ctx: &Ctx, route: Route) -> Vec<Part> {
    let organisation = answer_or_gap(ctx, Q::AboutOrganisation, "the name of your organisation");
    let mut parts = vec![t("We, "), organisation, t(", use ")];
    let mut used = phrases(ctx, Q::AboutData, DATA);
    if let Some(other) = ctx
        .has_choice(Q::AboutData, data::OTHER)
        .then(|| text_of(ctx, Q::AboutDataOther))
        .flatten()
    {
        used.push(format!("your {}", in_sentence(&other)));
    }
    if used.is_empty() {
        parts.push(gap(
            "the kinds of information about people you use",
            Some(Q::AboutData),
        ));
    } else {
        parts.push(t(and_list(&used)));
    }
    parts.push(t(" "));
    match purpose_phrases(ctx) {
        Some((using, _)) => parts.push(t(using)),
        None => {
            parts.push(t("to "));
            parts.push(purpose_gap(
                ctx,
                "what you use the information for, in a few plain words",
            ));
        }
    }
    if route == Route::DirectMarketing {
        let by = phrases(ctx, Q::TriageChannels, CHANNELS);
        parts.push(t(" by "));
        if by.is_empty() {
            parts.push(gap(
                "how you will send the marketing",
                Some(Q::TriageChannels),
            ));
        } else {
            parts.push(t(and_list(&by)));
        }
    }
    parts.push(t("."));
    parts
}

/// The lawful basis and what the interests are (Art. 13(1)(c)–(d), 14(2)(b)).
fn basis(ctx: &Ctx, route: Route, checks: &mut Vec<&'static str>) -> Vec<Part> {
    if route == Route::Recognised {
        let condition = ctx
            .choice(Q::TriageRecognisedCondition)
            .and_then(|key| Q::TriageRecognisedCondition.question().choice(key));
        let mut parts = vec![t(
            "Our lawful basis for this is a recognised legitimate interest (UK GDPR Article 6(1)(ea)). The condition in Annex 1 to the UK GDPR that applies is: ",
        )];
        match condition {
            Some(c) => parts.push(t(in_sentence(c.label))),
            None => parts.push(gap(
                "which recognised legitimate interest applies",
                Some(Q::TriageRecognisedCondition),
            )),
        }
        parts.push(t("."));
        return parts;
    }
    let mut parts = vec![t(
        "Our lawful basis for this is legitimate interests (UK GDPR Article 6(1)(f)): we may use your information where we need to for our legitimate interests, or those of others, as long as your interests, rights and freedoms do not override them. Our legitimate interest is ",
    )];
    match purpose_phrases(ctx) {
        Some((_, interest)) => parts.push(t(interest)),
        None => parts.push(purpose_gap(
            ctx,
            "your legitimate interest, in a few plain words",
        )),
    }
    parts.push(t("."));
    if text_of(ctx, Q::PurposeThirdParties).is_some_and(|t| !is_none(&t)) {
        checks.push("You said others benefit from the processing. If you rely on their interests as well as your own, say whose they are and what they are (UK GDPR Article 13(1)(d)).");
    }
    parts
}

/// Where to read more and whom to ask (UK GDPR Article 13(1)(b)): from the defaults of
/// the organisation's settings the record was made under, as the record carries them, so
/// the wording is the same wherever it is opened. None without them.
fn more_information(a: &Assessment) -> Option<Vec<Part>> {
    let o = a.organisation.as_deref()?;
    let mut text = String::new();
    if let Some(dpo) = &o.dpo_contact {
        text = format!("You can contact our Data Protection Officer at {dpo}.");
    }
    let notice = match (&o.privacy_notice_title, &o.privacy_notice_url) {
        (Some(title), Some(url)) => format!("our {title} ({url})"),
        (Some(title), None) => format!("our {title}"),
        (None, Some(url)) => format!("our privacy notice ({url})"),
        (None, None) => String::new(),
    };
    if !notice.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!(
            "You can read more about how we use your information, and about your rights, in {notice}."
        ));
    }
    (!text.is_empty()).then(|| vec![t(text)])
}

/// "None", "none.", "N/A": an answer that says there is nothing.
fn is_none(text: &str) -> bool {
    matches!(
        text.trim()
            .trim_end_matches('.')
            .to_ascii_lowercase()
            .as_str(),
        "none" | "no" | "n/a" | "na" | "not applicable" | "no one" | "nobody"
    )
}

/// The right to object, in its own paragraph (Art. 21(4)), and how to use it.
fn objection(ctx: &Ctx, route: Route, checks: &mut Vec<&'static str>) -> Vec<Part> {
    let how = match (ctx.is_yes(Q::ImpactOptOut), text_of(ctx, Q::ImpactOptOutHow)) {
        (true, Some(how)) => t(how),
        _ => gap(
            "how people can object or opt out, for example an e-mail address, a postal address or a link",
            ctx.is_yes(Q::ImpactOptOut).then_some(Q::ImpactOptOutHow),
        ),
    };
    match route {
        Route::DirectMarketing => {
            checks.push("Tell people about their right to object at the latest in your first message to them, clearly and separately from any other information (UK GDPR Article 21(4)).");
            let electronic = [pecr_basis::CONSENT];
            if [Q::PecrEmailBasis, Q::PecrSmsBasis]
                .iter()
                .any(|q| ctx.choice(*q).is_some_and(|c| electronic.contains(&c)))
            {
                checks.push("You said PECR needs people's consent for some of these messages. For those, the ICO says consent is likely to be the lawful basis under UK GDPR too, so this legitimate interests wording may not fit them.");
            }
            let mut parts = vec![
                t("You have the right to object at any time to our use of your information for direct marketing, including any profiling for it (UK GDPR Article 21(2)). This right is absolute: if you object, we will stop using your information for direct marketing. How to opt out: "),
                how,
                t("."),
            ];
            let every_message = ctx.is_yes(Q::PecrRefusalEveryMessage)
                && ctx.has_any_choice(Q::TriageChannels, &[channels::EMAIL, channels::SMS]);
            if every_message {
                parts.push(t(
                    " Every marketing message we send also gives you a simple, free way to opt out.",
                ));
            }
            parts
        }
        Route::Recognised => {
            checks.push("Check whether people can object to processing on a recognised legitimate interest, and how, in the ICO's guidance on recognised legitimate interests: this tool could not confirm how UK GDPR Article 21 applies to it, so it does not suggest wording for it.");
            vec![gap(
                "whether and how people can object to this use of their information",
                None,
            )]
        }
        _ => {
            checks.push("Tell people about their right to object at the latest when you first communicate with them, clearly and separately from any other information (UK GDPR Article 21(4)).");
            vec![
                t("You have the right to object at any time to this use of your information, on grounds relating to your particular situation (UK GDPR Article 21(1)). If you object, we will stop unless we can show compelling legitimate grounds that override your interests, rights and freedoms, or we need the information to establish, exercise or defend legal claims. How to object: "),
                how,
                t("."),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_labels_read_as_english() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["a".into()]), "a");
        assert_eq!(and_list(&["a".into(), "b".into()]), "a and b");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(in_sentence("Contact details"), "contact details");
        assert_eq!(in_sentence("E-mail"), "e-mail");
        assert_eq!(in_sentence("PECR"), "PECR");
        assert_eq!(in_sentence(""), "");
        assert!(is_none("None.") && is_none(" n/a ") && !is_none("Our partners"));
    }
}
