//! The evaluation context: which questions apply to this assessment, and the effective
//! answer to each (what the user said, or else what earlier answers suggest). Rules,
//! validation, the outcome and the interface all read answers through it, so a hidden
//! question's stale answer never counts anywhere.

use super::choices::{data, people, purpose, recognised, scale, sources};
use super::date::Date;
use super::model::{Answer, Assessment, YesNo};
use super::questions::{Cond, OnRoute, QuestionId, Section, QUESTIONS};
use super::text::{mentions_combining, vulnerable_circumstances};

/// An answer worked out from earlier answers, with the reason shown to the user. It is
/// never an answer: the question stays unanswered (and its section incomplete) until the
/// user chooses, the interface shows it beside the question with a control to use it,
/// and the rules treat it as unconfirmed (a finding points at each one left in a section
/// the user has started).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub answer: YesNo,
    /// A sentence: "You selected health data under …".
    pub reason: &'static str,
}

impl Suggestion {
    /// How a suggestion is shown wherever the question is (the page, the check page and
    /// the reports): "Suggested: No, because none of the kinds of data you selected is
    /// special category data." Never as an answer.
    pub fn sentence(&self) -> String {
        // The reasons all begin with an ASCII capital (no Unicode case tables needed).
        let (first, rest) = self.reason.split_at(self.reason.len().min(1));
        format!(
            "Suggested: {}, because {}{rest}",
            self.answer.label(),
            first.to_ascii_lowercase()
        )
    }
}

/// An owned copy of what `Ctx` worked out, for an interface that keeps it between
/// renders: which questions show and what is suggested for each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visibility {
    visible: Vec<bool>,
    suggested: Vec<Option<Suggestion>>,
    /// The shown, answered questions to check again, with what changed.
    check_again: Vec<(QuestionId, Vec<QuestionId>)>,
}

impl Visibility {
    pub fn is_visible(&self, q: QuestionId) -> bool {
        self.visible.get(q as usize).copied().unwrap_or(false)
    }

    pub fn suggestion(&self, q: QuestionId) -> Option<Suggestion> {
        self.suggested.get(q as usize).copied().flatten()
    }

    /// What changed after `q`'s answer was given, if it is to be checked again.
    pub fn check_again(&self, q: QuestionId) -> &[QuestionId] {
        self.check_again
            .iter()
            .find(|(m, _)| *m == q)
            .map_or(&[], |(_, changed)| changed)
    }
}

pub struct Ctx<'a> {
    pub assessment: &'a Assessment,
    /// Today's date, from the caller; rules that need it are silent without it.
    pub today: Option<Date>,
    visible: Vec<bool>,
    suggested: Vec<Option<Suggestion>>,
    /// `vulnerable_circumstances`, worked out once: a suggestion and a rule both ask, and
    /// it reads the description and the purpose whole.
    vulnerable: std::cell::OnceCell<Option<String>>,
}

impl<'a> Ctx<'a> {
    pub fn new(assessment: &'a Assessment, today: Option<Date>) -> Ctx<'a> {
        let mut ctx = Ctx {
            assessment,
            today,
            visible: vec![false; QUESTIONS.len()],
            suggested: vec![None; QUESTIONS.len()],
            vulnerable: std::cell::OnceCell::new(),
        };
        // Conditions and suggestions only look at earlier questions, so one pass is enough.
        for question in QUESTIONS {
            let i = question.id as usize;
            ctx.visible[i] = ctx.applies(question.section)
                && ctx.on_this_route(question.route)
                && ctx.holds(&question.shown);
            if ctx.visible[i] {
                ctx.suggested[i] = ctx.suggest(question.id);
            }
        }
        ctx
    }

    // ---- visibility -----------------------------------------------------------------

    /// An owned copy of the visibility and suggestions.
    pub fn visibility(&self) -> Visibility {
        Visibility {
            visible: self.visible.clone(),
            suggested: self.suggested.clone(),
            check_again: QuestionId::ALL
                .iter()
                .map(|q| (*q, self.marked(*q)))
                .filter(|(_, changed)| !changed.is_empty())
                .collect(),
        }
    }

    pub fn is_visible(&self, q: QuestionId) -> bool {
        self.visible[q as usize]
    }

    /// Why a whole section does not apply, if it does not.
    pub fn not_applicable(&self, section: Section) -> Option<&'static str> {
        (section.is_balancing() && self.recognised_route()).then_some(
            "Not needed: with a recognised legitimate interest you must show the processing \
             is necessary, but no balancing test is needed (UK GDPR Article 6(1)(ea)).",
        )
    }

    pub fn applies(&self, section: Section) -> bool {
        self.not_applicable(section).is_none()
    }

    /// Whether a question asked on `route` is asked on this assessment's route. The route
    /// comes from triage questions that are all earlier in the bank than any question
    /// asked on one route only, so this is known when it is needed.
    fn on_this_route(&self, route: OnRoute) -> bool {
        match route {
            OnRoute::Any => true,
            OnRoute::Ordinary => !self.recognised_route(),
            OnRoute::Recognised => self.recognised_route(),
        }
    }

    fn holds(&self, cond: &Cond) -> bool {
        match *cond {
            Cond::Always => true,
            Cond::YesNoIn(q, set) => self.yes_no(q).is_some_and(|y| set.contains(&y)),
            Cond::ChoiceIn(q, set) => self.choice(q).is_some_and(|c| set.contains(&c)),
            Cond::ChoicesAny(q, set) => self.choices(q).iter().any(|c| set.contains(&c.as_str())),
            Cond::Answered(q) => self.answer(q).is_some(),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    // ---- answers --------------------------------------------------------------------

    /// The user's own answer, if the question is shown.
    pub fn answer(&self, q: QuestionId) -> Option<&'a Answer> {
        if self.is_visible(q) {
            self.assessment.answers.get(q)
        } else {
            None
        }
    }

    /// What earlier answers suggest, if the question is shown.
    pub fn suggestion(&self, q: QuestionId) -> Option<Suggestion> {
        self.suggested[q as usize]
    }

    /// Trimmed text ("" when unanswered or hidden).
    pub fn text(&self, q: QuestionId) -> &'a str {
        match self.answer(q) {
            Some(Answer::Text(t)) => t.trim(),
            _ => "",
        }
    }

    pub fn has_text(&self, q: QuestionId) -> bool {
        !self.text(q).is_empty()
    }

    /// The user's own yes/no, if the question is shown (never a suggestion).
    pub fn given_yes_no(&self, q: QuestionId) -> Option<YesNo> {
        match self.answer(q) {
            Some(Answer::YesNo(y)) => Some(*y),
            _ => None,
        }
    }

    /// A suggestion the user has not confirmed: the question is shown, unanswered, and
    /// earlier answers suggest an answer.
    pub fn unconfirmed(&self, q: QuestionId) -> Option<Suggestion> {
        match self.answer(q) {
            None => self.suggestion(q),
            Some(_) => None,
        }
    }

    /// The user's own yes/no (a suggestion is not an answer: see `yes_no_or_suggested`).
    pub fn yes_no(&self, q: QuestionId) -> Option<YesNo> {
        self.given_yes_no(q)
    }

    /// The user's yes/no, or else the suggested one: only for the few checks that must
    /// not wait for a suggestion to be confirmed (such as special category data selected
    /// under "Kinds of data" with no Article 9 condition).
    pub fn yes_no_or_suggested(&self, q: QuestionId) -> Option<YesNo> {
        self.yes_no(q)
            .or_else(|| self.unconfirmed(q).map(|s| s.answer))
    }

    /// The questions whose answer changed after `q`'s answer was given, while `q` is
    /// shown and answered: its answer is to be checked again (`assessment::stale`).
    pub fn marked(&self, q: QuestionId) -> Vec<QuestionId> {
        let answered = self.answer(q).is_some()
            || (q == QuestionId::ImpactList
                && self.is_visible(q)
                && !self.assessment.impacts.is_empty());
        if answered {
            self.assessment.changed_under(q)
        } else {
            Vec::new()
        }
    }

    pub fn is_yes(&self, q: QuestionId) -> bool {
        self.yes_no(q) == Some(YesNo::Yes)
    }

    pub fn is_no(&self, q: QuestionId) -> bool {
        self.yes_no(q) == Some(YesNo::No)
    }

    pub fn choice(&self, q: QuestionId) -> Option<&'a str> {
        match self.answer(q) {
            Some(Answer::Choice(c)) => Some(c.as_str()),
            _ => None,
        }
    }

    pub fn choices(&self, q: QuestionId) -> &'a [String] {
        match self.answer(q) {
            Some(Answer::Choices(c)) => c,
            _ => &[],
        }
    }

    pub fn has_choice(&self, q: QuestionId, key: &str) -> bool {
        self.choices(q).iter().any(|c| c == key)
    }

    pub fn has_any_choice(&self, q: QuestionId, keys: &[&str]) -> bool {
        self.choices(q).iter().any(|c| keys.contains(&c.as_str()))
    }

    /// A valid date answer.
    pub fn date(&self, q: QuestionId) -> Option<Date> {
        Date::parse(self.text(q))
    }

    /// True when the user has answered any shown question of the section (or, for the
    /// impact section, recorded an impact). Rules about missing answers wait for this,
    /// so a new assessment is not covered in complaints.
    pub fn started(&self, section: Section) -> bool {
        if !self.applies(section) {
            return false;
        }
        (section == Section::Impact && !self.assessment.impacts.is_empty())
            || self
                .assessment
                .answers
                .iter()
                .any(|(q, _)| q.section() == section && self.is_visible(q))
    }

    // ---- facts several rules share ---------------------------------------------------

    pub fn purpose_is(&self, keys: &[&str]) -> bool {
        self.choice(QuestionId::TriagePurposeCategory)
            .is_some_and(|c| keys.contains(&c))
    }

    pub fn direct_marketing(&self) -> bool {
        self.purpose_is(&[purpose::DIRECT_MARKETING])
    }

    /// A recognised legitimate interest (Art. 6(1)(ea)) is claimed with a named condition.
    pub fn recognised_route(&self) -> bool {
        self.is_yes(QuestionId::TriageRecognised)
            && self
                .choice(QuestionId::TriageRecognisedCondition)
                .is_some_and(|c| c != recognised::NONE)
    }

    /// The user's answer was given and differs from the suggestion.
    pub fn contradicts_suggestion(&self, q: QuestionId) -> Option<Suggestion> {
        let suggestion = self.suggestion(q)?;
        match self.answer(q) {
            Some(Answer::YesNo(y)) if *y != suggestion.answer => Some(suggestion),
            _ => None,
        }
    }

    // ---- suggestions from earlier answers ----------------------------------------------

    fn suggest(&self, q: QuestionId) -> Option<Suggestion> {
        use QuestionId as Q;
        let kinds = Q::AboutData;
        let kinds_answered = self.answer(kinds).is_some();
        let yes = |reason| {
            Some(Suggestion {
                answer: YesNo::Yes,
                reason,
            })
        };
        let no = |reason| {
            Some(Suggestion {
                answer: YesNo::No,
                reason,
            })
        };
        match q {
            Q::NatureSpecial if self.has_any_choice(kinds, data::SPECIAL) => {
                yes("You selected special category data under \"Kinds of data\".")
            }
            Q::NatureSpecial if kinds_answered => {
                no("None of the kinds of data you selected is special category data.")
            }
            Q::NatureCriminal if self.has_choice(kinds, data::CRIMINAL) => {
                yes("You selected criminal offence data under \"Kinds of data\".")
            }
            Q::NatureCriminal if kinds_answered => {
                no("None of the kinds of data you selected is criminal offence data.")
            }
            Q::NaturePrivate if self.has_any_choice(kinds, data::PRIVATE) => {
                yes("You selected financial, location or message data under \"Kinds of data\".")
            }
            Q::NatureChildren
                if self.has_any_choice(Q::AboutPeople, &[people::CHILDREN, people::VULNERABLE]) =>
            {
                yes("You said the data is about children or vulnerable adults.")
            }
            Q::NatureChildren if self.vulnerable_circumstances().is_some() => yes(
                "What you describe suggests people whose circumstances can make them vulnerable, such as social housing tenants, benefit claimants, patients or people in debt.",
            ),
            Q::ExpDirect if self.has_choice(Q::AboutSources, sources::DIRECT) => {
                yes("You said the data comes directly from the people themselves.")
            }
            Q::ExpDirect if self.answer(Q::AboutSources).is_some() => {
                no("You did not say the data comes directly from the people themselves.")
            }
            Q::DpiaLargeScaleSpecial => {
                let sensitive = self.has_any_choice(kinds, data::SPECIAL)
                    || self.has_choice(kinds, data::CRIMINAL)
                    || self.is_yes(Q::NatureSpecial)
                    || self.is_yes(Q::NatureCriminal);
                let large = self
                    .choice(Q::AboutScale)
                    .is_some_and(|s| scale::LARGE.contains(&s));
                if sensitive && large {
                    yes("You use special category or criminal offence data about more than 10,000 people.")
                } else if kinds_answered && !sensitive {
                    no("You do not use special category or criminal offence data.")
                } else {
                    None
                }
            }
            Q::DpiaInnovative => match self.yes_no(Q::ExpInnovative) {
                Some(YesNo::Yes) => yes("You said you intend to do something new or innovative."),
                Some(YesNo::No) => no("You said you do not intend to do anything new or innovative."),
                _ => None,
            },
            Q::DpiaBiometric if self.has_choice(kinds, data::BIOMETRIC) => {
                yes("You selected biometric data under \"Kinds of data\".")
            }
            Q::DpiaBiometric if kinds_answered => no("You did not select biometric data."),
            Q::DpiaGenetic if self.has_choice(kinds, data::GENETIC) => {
                yes("You selected genetic data under \"Kinds of data\".")
            }
            Q::DpiaGenetic if kinds_answered => no("You did not select genetic data."),
            Q::DpiaDenial
                if self.has_any_choice(Q::AboutPeople, &[people::APPLICANTS, people::SERVICE_APPLICANTS])
                    && (self.is_yes(Q::TriageAutomated)
                        || self.has_any_choice(kinds, data::SPECIAL)) =>
            {
                yes("You decide on people's applications (for a job, a service, housing, a benefit or a place) using automated decisions or special category data.")
            }
            Q::DpiaAutomatedDecisions if self.is_yes(Q::TriageAutomated) => yes(
                "You said significant decisions will be taken about people by automated means alone.",
            ),
            // Data matching is combining, comparing or matching datasets from several
            // sources, not any data from more than one source (an employer receiving a tax
            // code from HMRC does not match datasets): it is suggested only where the
            // description says data is combined or matched and there is more than one source.
            Q::DpiaMatching
                if self.choices(Q::AboutSources).len() >= 2
                    && mentions_combining(self.text(Q::AboutDescription)) =>
            {
                yes("You describe combining or matching data, and it comes from more than one source.")
            }
            Q::DpiaInvisible
                if self.answer(Q::AboutSources).is_some()
                    && !self.has_any_choice(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
                    && self.is_no(Q::ExpRelationship) =>
            {
                yes("You did not get the data from the people and have no relationship with them.")
            }
            Q::DpiaTracking if self.has_choice(kinds, data::LOCATION) => {
                yes("You selected location data under \"Kinds of data\".")
            }
            Q::DpiaTracking if self.tracks_behaviour() => yes(
                "You use behaviour or usage data observed from how people use your services, or online identifiers, for a purpose that follows what they do.",
            ),
            Q::DpiaTargetingVulnerable => self.targets_vulnerable().map(|reason| Suggestion {
                answer: YesNo::Yes,
                reason,
            }),
            _ => None,
        }
    }

    /// The words of the description, the purpose or the people that show circumstances
    /// which can make people vulnerable (social housing, benefits, patients, debt …), or
    /// the data that does (health data about patients or service users).
    pub fn vulnerable_circumstances(&self) -> Option<String> {
        self.vulnerable
            .get_or_init(|| self.find_vulnerable_circumstances())
            .clone()
    }

    fn find_vulnerable_circumstances(&self) -> Option<String> {
        use QuestionId as Q;
        let texts = [
            self.text(Q::AboutDescription),
            self.text(Q::AboutPeopleOther),
            self.text(Q::PurposeWhy),
        ];
        if let Some(found) = vulnerable_circumstances(&texts.join("\n")) {
            return Some(found.to_string());
        }
        let tenants = self.has_choice(Q::AboutPeople, people::TENANTS);
        let organisation = super::text::normalise(self.text(Q::AboutOrganisation));
        if tenants
            && (organisation.split(' ').any(|w| w == "housing") || organisation.ends_with(" ha"))
        {
            return Some("tenants of a housing association (social housing)".into());
        }
        if self.has_choice(Q::AboutPeople, people::SERVICE_USERS)
            && self.has_choice(Q::AboutData, data::HEALTH)
        {
            return Some("patients or service users, with their health data".into());
        }
        None
    }

    /// Behaviour data observed from people's use of a service (or online identifiers),
    /// used for a purpose that follows what people do: the ICO's "tracking of behaviour".
    fn tracks_behaviour(&self) -> bool {
        use QuestionId as Q;
        self.has_choice(Q::AboutData, data::BEHAVIOUR)
            && (self.has_choice(Q::AboutSources, sources::OBSERVED)
                || self.has_choice(Q::AboutData, data::ONLINE))
            && self.purpose_is(&[
                purpose::DIRECT_MARKETING,
                purpose::ANALYTICS,
                purpose::FRAUD,
                purpose::SECURITY,
                purpose::EMPLOYMENT,
            ])
    }

    /// Why the processing targets children or vulnerable adults in the ICO's sense
    /// (marketing, profiling or automated decisions about them, or an online service
    /// offered directly to children), if the answers show it.
    fn targets_vulnerable(&self) -> Option<&'static str> {
        use QuestionId as Q;
        let children = self.has_choice(Q::AboutPeople, people::CHILDREN);
        let vulnerable = children || self.has_choice(Q::AboutPeople, people::VULNERABLE);
        if !vulnerable {
            return None;
        }
        if self.direct_marketing() {
            Some("You plan direct marketing to people who include children or vulnerable adults.")
        } else if self.is_yes(Q::TriageAutomated) || self.is_yes(Q::DpiaAutomatedDecisions) {
            Some("Decisions about people who include children or vulnerable adults will be automated.")
        } else if self.has_choice(Q::AboutSources, sources::DERIVED)
            || self.is_yes(Q::DpiaProfiling)
        {
            Some("You work out scores, segments or predictions about people who include children or vulnerable adults: that is profiling them.")
        } else if children && self.has_choice(Q::AboutData, data::ONLINE) {
            Some("You use children's online identifiers, which suggests an online service offered directly to children.")
        } else {
            None
        }
    }
}
