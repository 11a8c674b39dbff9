//! Twenty whole assessments, as a practitioner would fill them in: fourteen written for
//! issue 15 (six sound ones that a DPO would sign off, and eight with the kind of gaps real
//! assessments have) and six for issue 26 (two with thin reasoning, two reviews whose change
//! makes earlier answers stale, a charity's trading company using the charity soft opt-in,
//! and a sound reuse for a new purpose). Between them they cover every route (legitimate interests, a
//! recognised legitimate interest, a public authority's task), every marketing channel
//! (post, e-mail with the soft opt-in and the charity soft opt-in, text messages, live
//! and automated calls, online advertising), special category and criminal offence data,
//! children, reuse for a new purpose and significant decisions taken by automated means.
//! Each comes with the findings it must get, exactly, in `tests/realistic.rs`.

use lia::assessment::choices::*;
use lia::assessment::model::{Assessment, HarmSeverity::*, Impact, Likelihood::*, YesNo::*};
use lia::assessment::screening::CRITERIA;
use lia::assessment::{HarmSeverity, Likelihood, QuestionId as Q};

/// One realistic assessment and what the engine must find in it.
pub struct Case {
    pub key: &'static str,
    /// What it covers, for failure messages.
    pub covers: &'static str,
    /// A sound assessment: no blocker, and no warning a DPO would dismiss.
    pub sound: bool,
    pub build: fn() -> Assessment,
    /// Every finding, by rule id, sorted.
    pub findings: &'static [&'static str],
}

pub const CASES: &[Case] = &[
    Case {
        key: "references",
        covers: "legitimate interests; employment; data from the person and a third party",
        sound: true,
        build: references,
        findings: &[],
    },
    Case {
        key: "bike-shop-email",
        covers: "direct marketing by e-mail under the soft opt-in, with real evidence",
        sound: true,
        build: bike_shop_email,
        findings: &[],
    },
    Case {
        key: "order-fraud-checks",
        covers: "fraud prevention, strictly necessary, with criminal offence data: not a brief LIA",
        sound: true,
        build: order_fraud_checks,
        findings: &["nature.private", "purpose.strictly-necessary.full-assessment"],
    },
    Case {
        key: "cctv-to-police",
        covers: "recognised legitimate interest (crime); criminal offence data; reuse under Annex 2",
        sound: true,
        build: cctv_to_police,
        findings: &["scope.recognised.necessity-only"],
    },
    Case {
        key: "return-to-work",
        covers: "special category data (health) on the ordinary route, with its conditions",
        sound: true,
        build: return_to_work,
        findings: &[],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "football-safeguarding",
        covers: "recognised legitimate interest (safeguarding); children's health data without an Article 9 condition",
        sound: false,
        build: football_safeguarding,
        findings: &[
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "nature.special-category.no-condition",
            "record.checklist-incomplete",
            "record.privacy-information.recognised",
            "scope.recognised.necessity-only",
        ],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "council-library-app",
        covers: "a public authority's task; tracking suggested and left unconfirmed; no opt-out and no reason",
        sound: false,
        build: council_library_app,
        findings: &[
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "dpia.suggestion-unconfirmed",
            "impact.opt-out-no-reason",
            "scope.public-authority",
        ],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "gym-calls-and-texts",
        covers: "direct marketing by post, text messages, live and automated calls and online adverts",
        sound: false,
        build: gym_calls_and_texts,
        findings: &[
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "pecr.automated-calls.consent",
            "pecr.consent-is-the-basis",
            "pecr.sender-identity",
        ],
    },
    Case {
        key: "charity-supporter-email",
        covers: "the charity soft opt-in, with a promise instead of evidence",
        sound: false,
        build: charity_supporter_email,
        findings: &["pecr.sender-identity", "pecr.soft-opt-in.evidence"],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "tenancy-fraud-tip-offs",
        covers: "crime prevention (not the brief-LIA purposes); criminal offence data \"not sure\"",
        sound: false,
        build: tenancy_fraud_tip_offs,
        findings: &[
            "decision.yes-against-reading",
            "expectations.old-data",
            "nature.criminal.unsure",
            "nature.private",
        ],
    },
    Case {
        key: "tutoring-app",
        covers: "children: an online service and profiling them, suggested and confirmed, with a DPIA",
        sound: true,
        build: tutoring_app,
        findings: &["nature.children.extra-weight"],
    },
    // Issue 26: its patients are answered "not vulnerable" (patients can be).
    Case {
        key: "dental-partner-offers",
        covers: "reuse for a new purpose assessed as incompatible; direct marketing by post",
        sound: false,
        build: dental_partner_offers,
        findings: &[
            "decision.consider-other-basis",
            "expectations.old-data",
            "impact.likely-objection",
            "impact.loss-of-control",
            "impact.would-not-explain",
            "nature.vulnerable-circumstances",
            "record.privacy-information",
            "reuse.incompatible",
        ],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "tenancy-screening",
        covers: "significant decisions by automated means about people applying for housing, with safeguards missing",
        sound: false,
        build: tenancy_screening,
        findings: &[
            "adm.safeguards-missing",
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "nature.private",
        ],
    },
    // Issue 26: it decides yes against a borderline or worse reading without saying why.
    Case {
        key: "claims-auto-decline",
        covers: "automated decisions relying on a recognised legitimate interest (Article 22B(4))",
        sound: false,
        build: claims_auto_decline,
        findings: &[
            "adm.recognised-route",
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "scope.recognised.necessity-only",
        ],
    },
    Case {
        key: "salon-texts-thin",
        covers: "thin reasoning: \"Yes.\", \"Nothing.\", \"Meets PECR.\", codes unnamed (issue 26)",
        sound: false,
        build: salon_texts_thin,
        findings: &[
            "decision.factors-thin",
            "decision.justification-thin",
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "necessity.thin",
            "purpose.codes-unnamed",
            "purpose.thin",
        ],
    },
    Case {
        key: "absence-reports-thin",
        covers: "thin reasoning in the necessity test, expectations and impact (issue 26)",
        sound: false,
        build: absence_reports_thin,
        findings: &[
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "expectations.thin",
            "impact.thin",
            "necessity.thin",
        ],
    },
    Case {
        key: "bike-shop-review-partners",
        covers: "a review whose new purpose makes the answers resting on it stale (issue 26)",
        sound: false,
        build: bike_shop_review_partners,
        findings: &[
            "record.check-again",
        ],
    },
    Case {
        key: "references-review-dbs",
        covers: "a review whose new kind of data makes the answers resting on it stale (issue 26)",
        sound: false,
        build: references_review_dbs,
        findings: &[
            "nature.contradicts-kinds-of-data",
            "record.check-again",
        ],
    },
    Case {
        key: "charity-trading-company-email",
        covers: "the charity soft opt-in relied on by its trading company, for its products (issue 26)",
        sound: false,
        build: charity_trading_company_email,
        findings: &[
            "decision.yes-against-reading",
            "decision.yes-with-blockers",
            "pecr.charity.sender",
            "pecr.charity.trading",
        ],
    },
    Case {
        key: "alumni-mentoring-reuse",
        covers: "reuse for a new purpose, each factor of Article 8A(2) weighed (issue 26)",
        sound: true,
        build: alumni_mentoring_reuse,
        findings: &[],
    },
];

// ---- helpers ------------------------------------------------------------------------

/// Answers all thirteen DPIA screening questions: yes to those in `yes`, no to the rest.
fn screen(a: &mut Assessment, yes: &[Q]) {
    for q in CRITERIA {
        a.set_yes_no(q, if yes.contains(&q) { Yes } else { No });
    }
}

fn all_checklist() -> Vec<&'static str> {
    checklist::OPTIONS.iter().map(|c| c.key).collect()
}

fn impact(
    description: &str,
    before: (Likelihood, HarmSeverity),
    safeguards: &str,
    after: (Likelihood, HarmSeverity),
) -> Impact {
    Impact {
        id: 0,
        description: description.into(),
        likelihood: Some(before.0),
        severity: Some(before.1),
        safeguards: safeguards.into(),
        residual_likelihood: Some(after.0),
        residual_severity: Some(after.1),
    }
}

/// How long the data is kept; whether processors handle it (each under an Article 28
/// contract); no transfer outside the UK.
fn kept(a: &mut Assessment, retention: &str, processors: bool) {
    a.set_text(Q::AboutRetention, retention)
        .set_yes_no(Q::AboutProcessors, if processors { Yes } else { No })
        .set_yes_no(Q::AboutTransfers, No);
    if processors {
        a.set_yes_no(Q::AboutProcessorContract, Yes);
    }
}

/// Who completed and approved it, when, and the review date.
fn sign_off(a: &mut Assessment, by: (&str, &str), approver: (&str, &str), dates: [&str; 3]) {
    a.set_text(Q::SignOffCompletedName, by.0)
        .set_text(Q::SignOffCompletedRole, by.1)
        .set_text(Q::SignOffCompletedDate, dates[0])
        .set_text(Q::SignOffApprovedName, approver.0)
        .set_text(Q::SignOffApprovedRole, approver.1)
        .set_text(Q::SignOffApprovedDate, dates[1])
        .set_text(Q::SignOffReviewDate, dates[2]);
}

// ---- sound assessments ----------------------------------------------------------------

/// A hotel group takes up references for the candidates it offers jobs to.
pub fn references() -> Assessment {
    let mut a = Assessment::new("references");
    a.set_text(Q::AboutTitle, "References for new starters")
        .set_text(Q::AboutOrganisation, "Harbour View Hotels Ltd")
        .set_text(Q::AboutDescription, "Once a candidate has accepted a conditional job offer, HR e-mails the two referees the candidate named and asks them to confirm dates of employment, job title and reason for leaving, and whether they would re-employ. Replies are kept on the new starter's HR file for six months after they start, then deleted.")
        .set_choices(Q::AboutPeople, &[people::APPLICANTS, people::BUSINESS_CONTACTS])
        .set_choice(Q::AboutScale, scale::UNDER_1K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::EMPLOYMENT])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::THIRD_PARTY])
        .set_text(Q::AboutRecipients, "No one outside our organisation. Referees learn only the candidate's name and the job offered.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-04")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::EMPLOYMENT)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To confirm, before a new starter's first day, that the employment history they gave us is accurate, so that we do not put someone into a role of trust (night manager, cash handling) on the strength of a false CV.")
        .set_text(Q::PurposeBenefit, "We make fair, informed hiring decisions and reduce the risk of theft and of unsafe staffing at night.")
        .set_text(Q::PurposeThirdParties, "Our guests, whose safety and property depend on the people we hire.")
        .set_text(Q::PurposePublicBenefit, "None beyond those of our guests and staff.")
        .set_text(Q::PurposeImportance, "Important: several roles hold keys to guest rooms and handle cash, and our insurer expects references to be taken for them.")
        .set_text(Q::PurposeImpactIfNot, "We would rely on the candidate's word alone for roles of trust, and our insurer could refuse a claim after a theft by a member of staff.")
        .set_text(Q::PurposeOutcome, "The candidate starts as planned once the references confirm their history; if a reference raises a question, HR discusses it with the candidate before any decision.")
        .set_text(Q::PurposeDataProtectionRules, "No automated decisions or profiling; references are read by a person in HR.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Equality Act 2010: references are not asked about health, sickness absence or other protected characteristics. Rehabilitation of Offenders Act 1974: we do not ask referees about convictions.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The ICO's guidance on employment practices: recruitment and selection; the CIPD's good practice on references.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "A former employer is the only independent source that can confirm dates, role and reason for leaving; without it we cannot check the history the candidate gave.")
        .set_text(Q::NecessityProportionate, "Two referees, four factual questions, only after an offer is accepted, and only for the job offered. We do not ask for opinions on personality or health.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PROFESSIONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "The candidate has accepted a conditional offer of employment from us; the referees are their former managers, acting in their work capacity.")
        .set_text(Q::ExpPastUse, "We have taken references this way for every hire since 2019.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The job advert, the application form and the offer letter all say the offer depends on two satisfactory references, which we take up after the offer is accepted; the candidate names the referees and agrees to us contacting them.")
        .set_text(Q::ExpThirdPartyTold, "Referees are told in our request why we are asking, what we will do with their reply and that the candidate may ask to see it.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "No candidate has queried or complained about references in the last three years of exit and onboarding surveys.")
        .set_text(Q::ExpOtherFactors, "Taking references after an offer is standard practice in hospitality and expected by candidates.")
        .set_text(Q::ImpactPossible, "An inaccurate or unfair reference could lead us to withdraw an offer. A referee's reply could be seen by someone without a need to know.")
        .set_choices(Q::ImpactHarms, &[harms::ACCESS])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Only HR sees replies. A reference that raises a concern is discussed with the candidate, who can answer it or name another referee, before any decision. Replies are deleted six months after the start date.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "A candidate can ask us not to contact a particular referee and name another instead.");
    kept(&mut a, "Replies are kept on the new starter's HR file for six months after they start, long enough to settle any query about their history, then deleted.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Checking the history of people we put into roles of trust is a clear legitimate interest, shared by our guests. The data is limited, factual and work-related, candidates expect it and can answer any concern, so their interests do not override ours.")
        .set_text(Q::DecisionFactorsFor, "Expected by candidates; factual work data; safety of guests; insurer's requirement.")
        .set_text(Q::DecisionFactorsAgainst, "An unfair reference could cost a candidate a job; the referees did not give us their details themselves.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "A candidate or referee who objects writes to hr@harbourviewhotels.co.uk. The HR manager replies within a month; we stop unless we can show compelling grounds, and a candidate can always name another referee instead.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Priya Shah", "HR Manager"),
        ("Tom Elliott", "Data Protection Lead"),
        ["2026-10-01", "2026-10-05", "2027-10-05"],
    );
    a.push_impact(impact(
        "A reference is inaccurate and we withdraw an offer unfairly",
        (Remote, Significant),
        "Concerns are discussed with the candidate before any decision; they can name another referee.",
        (Remote, Minimal),
    ));
    a
}

/// An online bike shop e-mails offers to its customers under the soft opt-in.
pub fn bike_shop_email() -> Assessment {
    let mut a = Assessment::new("bike-shop-email");
    a.set_text(Q::AboutTitle, "Monthly offers e-mail to customers")
        .set_text(Q::AboutOrganisation, "Spokes & Sprockets Ltd")
        .set_text(Q::AboutDescription, "Once a month our marketing team e-mails customers who bought from our online shop in the last two years, with offers on bikes, parts and servicing. The e-mail list is held in our e-mail platform (a processor under contract); customers who unsubscribe are suppressed at once.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_100K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::BEHAVIOUR])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "No one outside our organisation, apart from our e-mail platform, which acts only on our instructions.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-15")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_choices(Q::TriageChannels, &[channels::EMAIL])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrEmailBasis, pecr_basis::SOFT_OPT_IN)
        .set_yes_no(Q::PecrSoftSale, Yes)
        .set_yes_no(Q::PecrSoftSimilar, Yes)
        .set_yes_no(Q::PecrRefusalAtCollection, Yes)
        .set_yes_no(Q::PecrRefusalEveryMessage, Yes)
        .set_yes_no(Q::PecrIdentity, Yes)
        .set_yes_no(Q::PecrTracking, No)
        .set_text(Q::PecrEvidence, "Since 3 March 2025 our checkout page has shown, beside the e-mail address box: \"We'll e-mail you offers on similar bikes, parts and servicing. Untick this box if you'd rather not hear from us.\" Screenshots of each version of the page, with the date it went live, are kept in the marketing compliance folder on SharePoint. Every e-mail template has an unsubscribe link in the footer; a sample e-mail is filed with the screenshots. The e-mail platform logs the date each address was added.")
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To tell customers who have bought a bike or parts from us about offers on similar bikes, parts and servicing, once a month by e-mail, so that they come back to us when they need them.")
        .set_text(Q::PurposeBenefit, "Repeat sales: customers who receive the e-mail buy servicing and parts from us rather than elsewhere, which keeps our workshop busy through the winter.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "None.")
        .set_text(Q::PurposeImportance, "Important commercially: repeat customers bring around forty per cent of our sales, and the monthly e-mail is how most of them hear about servicing offers.")
        .set_text(Q::PurposeImpactIfNot, "We would lose most repeat servicing bookings in the quiet months and might have to reduce workshop staff between November and February.")
        .set_text(Q::PurposeOutcome, "Customers hear about offers relevant to what they bought, and can stop the e-mails at any time with one click.")
        .set_text(Q::PurposeDataProtectionRules, "PECR regulation 22(3), the soft opt-in: details collected in the course of a sale, similar products and services only, a way to refuse at collection and in every e-mail. PECR regulation 23: every e-mail says it is from Spokes & Sprockets and gives a working unsubscribe link.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Consumer Protection from Unfair Trading Regulations 2008: offers are genuine, with their terms in the e-mail.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The ICO's direct marketing guidance; the CAP Code for the content of the offers.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "E-mail is how our customers told us they prefer to hear from us, and the only channel for which we hold contact details for most of them.")
        .set_text(Q::NecessityProportionate, "One e-mail a month, to customers from the last two years only, using their name, e-mail address and what they bought to pick relevant offers.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are customers who have bought from us in the last two years.")
        .set_text(Q::ExpPastUse, "Order confirmations and delivery updates; offers e-mails since March 2025 to those who did not untick the box.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "At checkout, the statement quoted in the PECR evidence, with the box to untick, and a link to our privacy notice, which explains the offers e-mail and our legitimate interest in it.")
        .set_choice(Q::ExpWhen, collected::UNDER_2)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Since March 2025 the unsubscribe rate has stayed below 0.3% an e-mail and we have had no complaints about the e-mails.")
        .set_text(Q::ImpactPossible, "Customers may receive e-mails they do not want; an e-mail could go to the wrong address after a typing mistake.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "An unsubscribe link in every e-mail, acted on at once; no more than one e-mail a month; customers who have not bought for two years are removed from the list.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "The box at checkout, the unsubscribe link in every e-mail, or a reply to any e-mail.");
    kept(&mut a, "Customers stay on the list until two years after their last order, or until they unsubscribe; the e-mail platform deletes the address within 30 days of either.", true);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Marketing similar products to our own customers is a legitimate interest; the soft opt-in conditions are met and evidenced; customers expect it, the impact is minimal and they can stop it with one click.")
        .set_text(Q::DecisionFactorsFor, "Existing customers; similar products only; expected; easy opt-out; low frequency.")
        .set_text(Q::DecisionFactorsAgainst, "Some customers will receive e-mails they do not read.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "An objection to the offers e-mail is always followed: the unsubscribe link suppresses the address at once, and a reply or call to customer services is actioned the same working day.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Dan Okafor", "Marketing Manager"),
        ("Helen Price", "Operations Director"),
        ["2026-11-02", "2026-11-09", "2027-11-09"],
    );
    a.push_impact(impact(
        "Customers receive e-mails they did not want",
        (Possible, Minimal),
        "Unsubscribe link in every e-mail; one e-mail a month.",
        (Remote, Minimal),
    ));
    a
}

/// An online electricals retailer checks orders for card fraud.
pub fn order_fraud_checks() -> Assessment {
    let mut a = Assessment::new("order-fraud-checks");
    a.set_text(Q::AboutTitle, "Fraud checks on online orders")
        .set_text(Q::AboutOrganisation, "Northgate Electricals Ltd")
        .set_text(Q::AboutDescription, "Before we dispatch an online order, our checkout system checks whether the delivery address differs from the card's billing address and whether the order came from an IP address we have recorded before against a chargeback. Orders that fail are held for a person in our fraud team to review within one working day; they may ask the customer for proof of address. No order is refused automatically.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::FINANCIAL, data::ONLINE, data::CRIMINAL])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "Our payment provider, when a chargeback is disputed, and the police if we report a fraud.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-02-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::FRAUD)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageStrictlyNecessary, Yes)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To stop goods being dispatched on stolen card details, by holding orders that show two known signs of card fraud for a person to review before dispatch.")
        .set_text(Q::PurposeBenefit, "Fewer chargebacks and lost goods: last year card fraud cost us £38,000 in goods and fees.")
        .set_text(Q::PurposeThirdParties, "Card holders whose details were stolen, who are not charged for goods they did not order.")
        .set_text(Q::PurposePublicBenefit, "Less card fraud generally.")
        .set_text(Q::PurposeImportance, "Important: without checks our payment provider could withdraw card payments from us after too many chargebacks.")
        .set_text(Q::PurposeImpactIfNot, "We would keep dispatching goods on stolen cards, and card holders would have to dispute charges they never made.")
        .set_text(Q::PurposeOutcome, "Genuine orders are dispatched as usual; suspicious ones are held until a person has checked them, and most are then released.")
        .set_text(Q::PurposeDataProtectionRules, "No solely automated decisions: every held order is reviewed by a person who can release it.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Consumer Contracts Regulations 2013: held orders are still dispatched within 30 days, or refunded.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The two checks together catch most of the frauds we suffered last year, and let every other order through untouched.")
        .set_text(Q::NecessityProportionate, "Two checks on data we already have for the order; only the IP addresses linked to a past chargeback are kept, for two years.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, Yes)
        .set_choice(Q::NatureArt10, art10::SCHEDULE_1)
        .set_text(Q::NatureArt10Detail, "Schedule 1, Part 2, paragraph 14 (preventing fraud) and paragraph 10 (preventing or detecting unlawful acts). Our appropriate policy document is DP-POL-07.")
        .set_yes_no(Q::NaturePrivate, Yes)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are placing an order with us.")
        .set_text(Q::ExpPastUse, "To take payment and deliver orders.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The checkout page says that orders may be checked to prevent fraud, with a link to our privacy notice, which explains the checks.")
        .set_choice(Q::ExpWhen, collected::NOT_YET)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::STUDIES])
        .set_text(Q::ExpEvidenceDetail, "UK Finance's annual fraud report shows shoppers expect retailers to check orders for fraud.")
        .set_text(Q::ImpactPossible, "A genuine customer's order is held and delayed, and they are asked for proof of address; a customer is wrongly suspected of fraud.")
        .set_choices(Q::ImpactHarms, &[harms::ACCESS, harms::DISADVANTAGE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "A person reviews every held order within one working day; the customer can explain and give proof of address; a held order is never reported to anyone unless fraud is confirmed; fraud flags are deleted after two years.")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "A fraudster would opt out. Customers can object, and a held order is always reviewed by a person who hears them.");
    kept(&mut a, "Check results are kept for 13 months, the period in which a card payment can be disputed, then deleted; confirmed frauds are kept for six years for legal claims.", true);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Preventing card fraud is a legitimate interest named in UK GDPR, and the checks are limited to what is strictly necessary. Because a fraud flag is criminal offence data we completed the full assessment: a person reviews every held order and customers can explain, so the impact on genuine customers is a short delay.")
        .set_text(Q::DecisionFactorsFor, "Named legitimate interest; strictly limited checks; human review; short retention.")
        .set_text(Q::DecisionFactorsAgainst, "A genuine customer may be delayed and feel suspected.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our data protection team, who reply within a month. We continue only where we have compelling grounds (an unresolved fraud on the account) and say so; otherwise we stop.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Leah Morgan", "Head of Payments"),
        ("Chris Bell", "Data Protection Officer"),
        ["2026-11-10", "2026-11-12", "2027-11-12"],
    );
    a.push_impact(impact(
        "A genuine order is held and the customer is wrongly suspected",
        (Possible, Significant),
        "Review by a person within a working day; the customer can explain; no report without confirmed fraud.",
        (Remote, Minimal),
    ));
    a
}

/// A housing association gives the police CCTV footage of a specific incident when asked.
pub fn cctv_to_police() -> Assessment {
    let mut a = Assessment::new("cctv-to-police");
    a.set_text(Q::AboutTitle, "CCTV footage for the police")
        .set_text(Q::AboutOrganisation, "Riverside Housing Association")
        .set_text(Q::AboutDescription, "When a police officer asks in writing for footage of a specific incident on one of our estates, our community safety officer copies only the cameras and times the request names onto an encrypted drive, logs the request and hands it to the officer.")
        .set_choices(Q::AboutPeople, &[people::TENANTS, people::PUBLIC])
        .set_choice(Q::AboutScale, scale::UNDER_100)
        .set_choices(Q::AboutData, &[data::IMAGES, data::CRIMINAL])
        .set_choices(Q::AboutSources, &[sources::OBSERVED])
        .set_text(Q::AboutRecipients, "The police force that asks for the footage.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::CRIME_REPORTING)
        .set_yes_no(Q::TriageRecognised, Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
        .set_text(Q::TriageRecognisedDetail, "The police ask for footage of a named incident (date, time and place) that they are investigating as a crime; we disclose only that footage, which they need to detect the crime and identify the offender (Annex 1, paragraph 4).")
        .set_yes_no(Q::TriageReuse, Yes)
        .set_text(Q::TriageReuseOriginal, "Our CCTV records the communal areas of our estates to protect residents and property; signs at each entrance say so.")
        .set_yes_no(Q::TriageReuseConsent, No)
        .set_choice(Q::TriageReuseCompatible, compatible::ANNEX_2)
        .set_choice(Q::TriageReuseAnnex2, "crime")
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To help the police detect and investigate crimes on our estates, by giving them footage of the specific incidents they ask about.")
        .set_text(Q::PurposeBenefit, "Offenders are identified, and residents are safer on our estates.")
        .set_text(Q::PurposeThirdParties, "The police, and the victims of the crimes investigated.")
        .set_text(Q::PurposePublicBenefit, "Crimes are detected and prosecuted.")
        .set_text(Q::PurposeImportance, "Very important to residents, who ask us to help the police after assaults and burglaries.")
        .set_text(Q::PurposeImpactIfNot, "The police would need a court order for footage we could give them quickly, and evidence could be lost when footage is overwritten after 30 days.")
        .set_text(Q::PurposeOutcome, "Footage of a specific incident reaches the police; nothing else is disclosed.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Surveillance Camera Code of Practice; Police and Criminal Evidence Act 1984 for the chain of evidence.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The Surveillance Camera Code of Practice and the ICO's video surveillance guidance.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The footage is often the only evidence of who was present at the time of the incident.")
        .set_text(Q::NecessityProportionate, "Only the cameras and minutes named in a written request, never whole recordings; each disclosure is logged.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, Yes)
        .set_choice(Q::NatureArt10, art10::SCHEDULE_1)
        .set_text(Q::NatureArt10Detail, "Schedule 1, Part 2, paragraph 10 (preventing or detecting unlawful acts). Our appropriate policy document is the Community Safety Data Policy, reviewed each April.");
    kept(&mut a, "Footage is overwritten after 31 days unless copied for a request; the disclosure log is kept for six years, to answer any question about a disclosure.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Disclosing footage of a specific incident to the police, at their written request, is necessary for detecting crime, a recognised legitimate interest. The reuse of our CCTV for it is compatible under Annex 2, and the footage meets Schedule 1, paragraph 10.")
        .set_text(Q::DecisionFactorsFor, "Written, specific requests; minimal footage; logged; encrypted.")
        .set_text(Q::DecisionFactorsAgainst, "Footage may show residents who were not involved.")
        .set_yes_no(Q::SignOffPrivacyRecognised, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our data protection lead, who replies within a month. Where the police need the footage to detect a crime, we may have compelling grounds to disclose it; we explain our decision in writing.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Jo Kaur", "Community Safety Officer"),
        ("Mark Evans", "Data Protection Lead"),
        ["2026-10-20", "2026-10-27", "2027-10-27"],
    );
    a
}

/// An employer shares fit-note adjustments with an employee's line manager.
pub fn return_to_work() -> Assessment {
    let mut a = Assessment::new("return-to-work");
    a.set_text(Q::AboutTitle, "Return-to-work adjustments shared with line managers")
        .set_text(Q::AboutOrganisation, "Greenfield Logistics Ltd")
        .set_text(Q::AboutDescription, "When an employee returns from sickness absence with a fit note that recommends adjustments (such as lighter duties or shorter shifts), HR tells their line manager which adjustments to make and for how long. HR does not pass on the diagnosis. The note is kept on the HR file for six years after employment ends.")
        .set_choices(Q::AboutPeople, &[people::EMPLOYEES])
        .set_choice(Q::AboutScale, scale::UNDER_1K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::EMPLOYMENT, data::HEALTH])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "No one outside our organisation.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-03-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::EMPLOYMENT)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To make the adjustments a returning employee's fit note recommends, by telling their line manager what to change in their duties and for how long, without telling them why.")
        .set_text(Q::PurposeBenefit, "Employees return to work safely and sooner, and we meet our duties as an employer.")
        .set_text(Q::PurposeThirdParties, "The employee, who gets the support the fit note recommends.")
        .set_text(Q::PurposePublicBenefit, "None beyond the employee's.")
        .set_text(Q::PurposeImportance, "Very important: without the adjustments some employees could not return safely, and we could breach health and safety and equality law.")
        .set_text(Q::PurposeImpactIfNot, "Line managers could give returning employees duties their doctor advised against, risking further harm and longer absence.")
        .set_text(Q::PurposeOutcome, "The returning employee's duties match their fit note, for as long as it says.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Health and Safety at Work etc. Act 1974; Equality Act 2010 (reasonable adjustments).")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The ICO's guidance on information about workers' health.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The line manager sets the employee's duties, so must know which to change.")
        .set_text(Q::NecessityProportionate, "The manager learns only the adjustments and their length, never the diagnosis.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, Yes)
        .set_choice(Q::NatureArt9, art9::EMPLOYMENT)
        .set_text(Q::NatureSchedule1, "Schedule 1, Part 1, paragraph 1 (employment, social security and social protection). Our appropriate policy document is HR-POL-12.")
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::BOTH)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are our employees.")
        .set_text(Q::ExpPastUse, "Managing sickness absence under our absence policy.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "Our absence policy and the return-to-work form both say HR will tell the line manager what adjustments to make, but not the diagnosis.")
        .set_choice(Q::ExpWhen, collected::NOT_YET)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::CONSULTATION])
        .set_text(Q::ExpEvidenceDetail, "We agreed the process with the staff forum and the trade union in September 2026.")
        .set_text(Q::ImpactPossible, "A line manager could learn more about an employee's health than they need, or treat them less favourably because of the adjustments.")
        .set_choices(Q::ImpactHarms, &[harms::DISADVANTAGE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Managers receive only the adjustments and their length; the fit note stays with HR; managers are trained on confidentiality and the Equality Act.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "An employee can ask HR to agree the adjustments with them and tell the manager only what changes, in words they agree.");
    kept(&mut a, "HR keeps the fit note and the adjustments on the employee's file for six years after they leave; the line manager deletes their copy when the adjustments end.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Making recommended adjustments is in the employee's own interest and ours; the manager learns only what they need, the Article 9 and Schedule 1 conditions are met, and the employee shapes what is shared.")
        .set_text(Q::DecisionFactorsFor, "Employee's own benefit; minimal disclosure; agreed with staff representatives.")
        .set_text(Q::DecisionFactorsAgainst, "Health data; risk of unfavourable treatment.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "An employee who objects tells HR, who meets them within a week; we stop sharing unless the adjustments cannot be made safely without it, and explain why in writing.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Amira Haddad", "HR Business Partner"),
        ("Owen Lloyd", "Data Protection Officer"),
        ["2026-10-12", "2026-10-19", "2027-10-19"],
    );
    a.push_impact(impact(
        "A manager treats an employee less favourably because of the adjustments",
        (Possible, Significant),
        "Only the adjustments are shared; managers trained; HR checks in after four weeks.",
        (Remote, Significant),
    ));
    a
}

// ---- assessments with gaps --------------------------------------------------------

/// A youth football club tells children's services about a player at risk, relying on a
/// recognised legitimate interest, and forgets that health data needs an Article 9
/// condition whatever the route.
pub fn football_safeguarding() -> Assessment {
    let mut a = Assessment::new("football-safeguarding");
    a.set_text(Q::AboutTitle, "Safeguarding referrals to children's services")
        .set_text(Q::AboutOrganisation, "Millbrook Juniors FC")
        .set_text(Q::AboutDescription, "When a coach reports a concern that a player is at risk of harm, our welfare officer refers it to the local authority's children's services, with the player's name, date of birth, address, parents' contact details and what was seen, including injuries or health information that matter to the concern.")
        .set_choices(Q::AboutPeople, &[people::CHILDREN, people::FAMILY])
        .set_choice(Q::AboutScale, scale::UNDER_100)
        .set_choices(Q::AboutData, &[data::CONTACT, data::IDENTITY, data::HEALTH])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "Westborough Borough Council's children's services (the multi-agency safeguarding hub).")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-10")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::OTHER)
        .set_yes_no(Q::TriageRecognised, Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::SAFEGUARDING)
        .set_text(Q::TriageRecognisedDetail, "The player is under 18 and a coach has seen signs that they are at risk of harm; telling children's services is necessary to protect them.")
        .set_yes_no(Q::TriageReuse, Yes)
        .set_text(Q::TriageReuseOriginal, "Membership forms, collected to run the club and to know each player's medical needs on match days.")
        .set_yes_no(Q::TriageReuseConsent, No)
        .set_choice(Q::TriageReuseCompatible, compatible::ANNEX_2)
        .set_choice(Q::TriageReuseAnnex2, "safeguarding")
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To protect a player who may be at risk of harm, by passing our concern to the children's services team that can act on it.")
        .set_text(Q::PurposeBenefit, "The child gets help from the people whose job it is to protect them.")
        .set_text(Q::PurposeImportance, "Essential: it is a matter of a child's safety.")
        .set_text(Q::PurposeImpactIfNot, "A child at risk could go without help.")
        .set_text(Q::PurposeOutcome, "Children's services assess the concern and act if the child needs protection.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Children Act 1989; Working Together to Safeguard Children; the FA's safeguarding policy.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The FA's safeguarding children policy and procedures.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Children's services can only assess a concern they are told about.")
        .set_text(Q::NecessityProportionate, "Only what matters to the concern is shared, and only with children's services.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        // The injuries are health data, but no Article 9 condition has been found yet.
        .set_yes_no(Q::NatureSpecial, Yes)
        .set_choice(Q::NatureArt9, art9::NONE)
        .set_yes_no(Q::NatureCriminal, No);
    kept(&mut a, "Safeguarding referrals are kept until the player turns 25, as the Football Association's safeguarding guidance advises.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Safeguarding a child is a recognised legitimate interest, so no balancing test is needed.")
        .set_text(Q::DecisionFactorsFor, "A child's safety.")
        .set_text(Q::DecisionFactorsAgainst, "Sensitive information about a child and their family.")
        .set_yes_no(Q::SignOffPrivacyRecognised, NotSure)
        .set_text(Q::SignOffObjections, "Parents who object speak to the welfare officer; where a child may be at risk we will still refer, and we tell them why unless that would put the child at risk.");
    sign_off(
        &mut a,
        ("Karen Hughes", "Club Welfare Officer"),
        ("Steve Bryant", "Club Chair"),
        ["2026-11-05", "2026-11-06", "2027-11-06"],
    );
    a
}

/// A council analyses how its library app is used, as if it were not doing its own job.
pub fn council_library_app() -> Assessment {
    let mut a = Assessment::new("council-library-app");
    a.set_text(Q::AboutTitle, "Library app usage analysis")
        .set_text(Q::AboutOrganisation, "Westborough Borough Council")
        .set_text(Q::AboutDescription, "The libraries team analyses which pages and e-books library members open in the library app, and when, to decide which branches to keep open in the evening and which e-books to buy.")
        .set_choices(Q::AboutPeople, &[people::PUBLIC])
        .set_choice(Q::AboutScale, scale::UNDER_100K)
        .set_choices(Q::AboutData, &[data::ONLINE, data::BEHAVIOUR])
        .set_choices(Q::AboutSources, &[sources::OBSERVED])
        .set_text(Q::AboutRecipients, "No one outside the council; the app's supplier hosts the data as our processor.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-04-01")
        .set_yes_no(Q::TriagePublicAuthority, Yes)
        .set_yes_no(Q::TriagePublicTask, Yes)
        .set_choice(Q::TriagePurposeCategory, purpose::ANALYTICS)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To plan library opening hours and e-book purchases from how members actually use the library app, branch by branch.")
        .set_text(Q::PurposeBenefit, "Opening hours and stock that match what residents use, for the same budget.")
        .set_text(Q::PurposeImportance, "Important: the library budget falls by ten per cent next year and we must decide where to cut.")
        .set_text(Q::PurposeImpactIfNot, "We would cut evening opening and stock blind, and could close the branches residents use most.")
        .set_text(Q::PurposeOutcome, "Residents keep the opening hours and e-books they use most.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Public Libraries and Museums Act 1964: our duty to provide a comprehensive and efficient library service.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "It shows which branches and e-books are used, and when.")
        .set_text(Q::NecessityProportionate, "We look at counts by branch and hour; no reports name a member.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are library members.")
        .set_yes_no(Q::ExpDirect, No)
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::RESEARCH])
        .set_text(Q::ExpEvidenceDetail, "Our 2026 residents' survey asked about library opening hours.")
        .set_text(Q::ImpactPossible, "Members might feel watched if reading habits were looked at one by one.")
        .set_choices(Q::ImpactHarms, &[harms::CONTROL])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Reports show counts only; raw usage data is deleted after 90 days.")
        // No opt-out, and no reason given.
        .set_yes_no(Q::ImpactOptOut, No);
    kept(&mut a, "Usage records are kept for 12 months to compare one year's opening hours with the next, then deleted.", true);
    // Tracking is left at the answer the interface suggested: never confirmed.
    screen(&mut a, &[]);
    a.answers.clear(Q::DpiaTracking);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(
            Q::DecisionJustification,
            "Planning the library service well is in residents' interests and the impact is low.",
        )
        .set_text(Q::DecisionFactorsFor, "Better use of a shrinking budget.")
        .set_text(Q::DecisionFactorsAgainst, "Reading habits are personal.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(
            Q::SignOffObjections,
            "Objections go to the council's information governance team, who reply within a month.",
        )
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Ruth Adeyemi", "Libraries Manager"),
        ("Gareth Price", "Information Governance Manager"),
        ["2026-11-16", "2026-11-18", "2027-11-18"],
    );
    a.push_impact(impact(
        "A member's reading habits are looked at individually",
        (Remote, Significant),
        "Counts only; deletion after 90 days.",
        (Remote, Minimal),
    ));
    a
}

/// A gym wins back lapsed members by every channel, including recorded calls nobody
/// agreed to.
pub fn gym_calls_and_texts() -> Assessment {
    let mut a = Assessment::new("gym-calls-and-texts");
    a.set_text(Q::AboutTitle, "Win-back campaign for lapsed members")
        .set_text(Q::AboutOrganisation, "Peak Fitness Ltd")
        .set_text(Q::AboutDescription, "For three months we contact members whose membership ended in the last year: a letter with a rejoining offer, a text message to those who agreed to texts, a call from our sales team, a recorded voice message about the new classes, and adverts on social media shown to a list of their e-mail addresses.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::BEHAVIOUR])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "Our mailing house, our call centre and the social media platform, each as our processor.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-05")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_choices(Q::TriageChannels, &[channels::POST, channels::SMS, channels::LIVE_CALLS, channels::AUTOMATED_CALLS, channels::ONLINE_ADS])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrSmsBasis, pecr_basis::CONSENT)
        .set_yes_no(Q::PecrTps, Yes)
        .set_yes_no(Q::PecrAutomatedConsent, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To win back members whose membership ended in the last twelve months, with a rejoining offer and news of our new classes, over a three-month campaign.")
        .set_text(Q::PurposeBenefit, "Rejoining members: each one brings back around £400 a year, and last year's letters alone won back 6% of lapsed members.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "People return to regular exercise.")
        .set_text(Q::PurposeImportance, "Important: membership fell by eight per cent last year and the new classes need enough members to run.")
        .set_text(Q::PurposeImpactIfNot, "Fewer members would rejoin and we would have to cut some of the new classes after three months.")
        .set_text(Q::PurposeOutcome, "Former members hear about the offer and the classes, and can stop the messages at any time.")
        .set_text(Q::PurposeDataProtectionRules, "PECR: texts only to members who ticked the box for texts; every number screened against the TPS before calling.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Consumer protection law on the terms of the offer.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The CAP Code; the ICO's direct marketing guidance.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Former members cannot take up an offer they never hear about.")
        .set_text(Q::NecessityProportionate, "Members from the last year only, for three months, with at most one contact by each channel a month.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They were members within the last year.")
        .set_text(Q::ExpPastUse, "Membership administration, and offers by post while they were members.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The membership form says we may contact members by post and phone about offers, and by text if they tick the box.")
        .set_choice(Q::ExpWhen, collected::UNDER_2)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Few complaints about last year's letters.")
        .set_text(Q::ImpactPossible, "Unwanted calls and messages; irritation at being contacted by several channels.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "One suppression list across every channel; at most one contact a month by each.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "Reply STOP to a text, tell the caller, press 9 in a recorded call, or use the address on every letter.");
    kept(&mut a, "Former members' details are used for three months after their membership ends, then kept only as a suppression list so we never contact those who objected.", true);
    // Tracking: attendance history was looked at, and judged not to be tracking.
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Former members expect to hear from us and can stop it at once.")
        .set_text(Q::DecisionFactorsFor, "Recent relationship; opt-out on every channel.")
        .set_text(Q::DecisionFactorsAgainst, "Several channels at once may feel intrusive.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "An objection to marketing is always followed, on every channel, within two working days.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Nina Brooks", "Membership Manager"),
        ("Ian Ford", "Finance Director"),
        ["2026-11-20", "2026-11-21", "2027-11-21"],
    );
    a.push_impact(impact(
        "Former members receive calls and messages they do not want",
        (Probable, Minimal),
        "One suppression list; opt-out on every channel.",
        (Possible, Minimal),
    ));
    a
}

/// A wildlife charity e-mails supporters under the charity soft opt-in, with a promise
/// where the evidence should be.
pub fn charity_supporter_email() -> Assessment {
    let mut a = Assessment::new("charity-supporter-email");
    a.set_text(Q::AboutTitle, "Supporter news and appeals by e-mail")
        .set_text(Q::AboutOrganisation, "The Hedgerow Trust")
        .set_text(Q::AboutDescription, "Each quarter we e-mail people who have donated, volunteered or signed up at our events with news of our work to restore hedgerows and an appeal for support.")
        .set_choices(Q::AboutPeople, &[people::SUPPORTERS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "No one outside the charity; our e-mail platform as processor.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-02-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_choices(Q::TriageChannels, &[channels::EMAIL])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrEmailBasis, pecr_basis::CHARITY)
        .set_yes_no(Q::PecrCharityIsCharity, Yes)
        .set_choice(Q::PecrCharitySender, charity_sender::CHARITY)
        .set_choice(Q::PecrCharityAbout, charity_about::OWN)
        .set_yes_no(Q::PecrCharityPurpose, Yes)
        .set_yes_no(Q::PecrCharitySupport, Yes)
        .set_yes_no(Q::PecrRefusalAtCollection, Yes)
        .set_yes_no(Q::PecrRefusalEveryMessage, Yes)
        .set_text(Q::PecrEvidence, "Our fundraising team will make sure every condition of regulation 22(3A) is met before each campaign goes out.")
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To keep supporters informed about the hedgerows they helped restore, and to ask them to give again, through a quarterly e-mail about our charitable work.")
        .set_text(Q::PurposeBenefit, "Donations that fund our hedgerow restoration, and volunteers for planting days across the county each winter.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "More hedgerows for wildlife.")
        .set_text(Q::PurposeImportance, "Very important: e-mail appeals raise about a third of our unrestricted income each year, which pays our two field officers.")
        .set_text(Q::PurposeImpactIfNot, "We would raise far less and plant fewer hedgerows, and could lose one of our two field officers next year.")
        .set_text(Q::PurposeOutcome, "Supporters hear what their support achieved and can give again, or stop the e-mails with one click.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Charities Act 2011; the Code of Fundraising Practice.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The Code of Fundraising Practice; the Fundraising Preference Service.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Supporters cannot respond to appeals they do not receive.")
        .set_text(Q::NecessityProportionate, "Four e-mails a year, name and e-mail address only.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "Donors, volunteers and people who signed up at our events.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "Our forms say we will send news and appeals by e-mail unless they tick the box.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Supporters often reply to say they enjoy the updates.")
        .set_text(Q::ImpactPossible, "Supporters may receive appeals they do not want.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Unsubscribe link in every e-mail; FPS requests honoured within 28 days.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "The box on our forms, the unsubscribe link, or the Fundraising Preference Service.");
    kept(&mut a, "Supporters stay on the list for three years after their last gift or event, or until they unsubscribe.", true);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(
            Q::DecisionJustification,
            "Supporters expect news of work they support, and can stop it at any time.",
        )
        .set_text(
            Q::DecisionFactorsFor,
            "Supporters' own interest; easy opt-out.",
        )
        .set_text(
            Q::DecisionFactorsAgainst,
            "Some will find appeals unwelcome.",
        )
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(
            Q::SignOffObjections,
            "An objection to our e-mails is always followed within two working days.",
        )
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Beth Carter", "Supporter Care Manager"),
        ("Rob Lane", "Chief Executive"),
        ["2026-11-11", "2026-11-13", "2027-11-13"],
    );
    a.push_impact(impact(
        "Supporters receive appeals they do not want",
        (Possible, Minimal),
        "Unsubscribe in every e-mail; four e-mails a year.",
        (Remote, Minimal),
    ));
    a
}

/// A housing association looks into tip-offs about unlawful subletting, and is not sure
/// whether what it records is criminal offence data.
pub fn tenancy_fraud_tip_offs() -> Assessment {
    let mut a = Assessment::new("tenancy-fraud-tip-offs");
    a.set_text(Q::AboutTitle, "Investigating tip-offs about subletting")
        .set_text(Q::AboutOrganisation, "Fairholme Homes")
        .set_text(Q::AboutDescription, "When a neighbour or staff member tells us a home may be sublet, our tenancy fraud officer checks the tenancy file, visits, and may ask the tenant for bank statements showing they live there. Findings are kept on a case file for six years.")
        .set_choices(Q::AboutPeople, &[people::TENANTS, people::PUBLIC])
        .set_choice(Q::AboutScale, scale::UNDER_100)
        .set_choices(Q::AboutData, &[data::CONTACT, data::IDENTITY, data::FINANCIAL])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::THIRD_PARTY])
        .set_text(Q::AboutRecipients, "The council's fraud team, and our solicitors if we seek possession.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-20")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::CRIME)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To find out whether a home we let is being unlawfully sublet, after a tip-off, so that it can be let to a household on our waiting list.")
        .set_text(Q::PurposeBenefit, "Homes go to the households that need them; unlawful subletting stops.")
        .set_text(Q::PurposeThirdParties, "Households on the waiting list.")
        .set_text(Q::PurposePublicBenefit, "Social housing is used as intended.")
        .set_text(Q::PurposeImportance, "Important: each recovered home houses a family from the waiting list.")
        .set_text(Q::PurposeImpactIfNot, "Sublet homes would stay out of use for those who need them.")
        .set_text(Q::PurposeOutcome, "Tip-offs are checked fairly; most are unfounded and closed with no further action.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Prevention of Social Housing Fraud Act 2013; Housing Act 1985.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Only evidence of where the tenant lives can show whether a tip-off is true.")
        .set_text(Q::NecessityProportionate, "We start with our own records and a visit; bank statements only if those do not settle it.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        // Unlawful subletting can be an offence: the team is not sure what that makes the file.
        .set_yes_no(Q::NatureCriminal, NotSure)
        .set_choice(Q::NatureArt10, art10::NONE)
        .set_yes_no(Q::NaturePrivate, Yes)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are our tenants.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The tenancy agreement says we check that tenants live in their homes and may investigate subletting.")
        .set_text(Q::ExpThirdPartyTold, "People who give us tip-offs are told we will look into them and keep their identity confidential.")
        .set_choice(Q::ExpWhen, collected::UNDER_5)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::STUDIES])
        .set_text(Q::ExpEvidenceDetail, "Tenant satisfaction surveys show tenants support action against subletting.")
        .set_text(Q::ImpactPossible, "A tenant is wrongly suspected; their bank statements are seen by our officer.")
        .set_choices(Q::ImpactHarms, &[harms::DISADVANTAGE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Statements are seen, not copied; unfounded cases are closed and the tenant told.")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "A tenant who is subletting would opt out of the check.");
    kept(&mut a, "Case files are kept for six years after the case closes, for possession proceedings and legal claims, then deleted.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Recovering unlawfully sublet homes is in the interest of those in housing need; checks are proportionate and fair.")
        .set_text(Q::DecisionFactorsFor, "Homes recovered; proportionate steps.")
        .set_text(Q::DecisionFactorsAgainst, "Bank statements are private; tip-offs can be malicious.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our data protection lead; we may have compelling grounds to continue an investigation, and explain them in writing.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Sam Rees", "Tenancy Fraud Officer"),
        ("Anita Gill", "Head of Housing"),
        ["2026-11-03", "2026-11-04", "2027-11-04"],
    );
    a.push_impact(impact(
        "A tenant is wrongly suspected of subletting",
        (Possible, Significant),
        "Fair process; unfounded cases closed and the tenant told.",
        (Remote, Significant),
    ));
    a
}

/// An online tutoring service for children profiles each pupil's progress; the DPIA
/// screening suggestions for children are confirmed and a DPIA is done.
pub fn tutoring_app() -> Assessment {
    let mut a = Assessment::new("tutoring-app");
    a.set_text(Q::AboutTitle, "Practice suggestions in the tutoring app")
        .set_text(Q::AboutOrganisation, "BrightPath Learning Ltd")
        .set_text(Q::AboutDescription, "Our maths app, used by pupils aged 8 to 14 through their school, works out from each pupil's answers which topics they find hard and suggests practice questions. Teachers see a progress summary for their class.")
        .set_choices(Q::AboutPeople, &[people::CHILDREN])
        .set_choice(Q::AboutScale, scale::UNDER_100K)
        .set_choices(Q::AboutData, &[data::IDENTITY, data::ONLINE, data::BEHAVIOUR, data::EMPLOYMENT])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED, sources::DERIVED])
        .set_text(Q::AboutRecipients, "The pupil's school (their teachers) only.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-09-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::ANALYTICS)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To suggest practice questions matched to the topics each pupil finds hard, worked out from their answers in the app, so that they practise what they need.")
        .set_text(Q::PurposeBenefit, "Pupils make faster progress in maths; schools subscribe for that reason.")
        .set_text(Q::PurposeThirdParties, "Teachers, who see where their class needs help.")
        .set_text(Q::PurposePublicBenefit, "Better maths attainment.")
        .set_text(Q::PurposeImportance, "Central to the service: adaptive practice is what schools pay for.")
        .set_text(Q::PurposeImpactIfNot, "Every pupil would get the same questions, and those who struggle would fall further behind.")
        .set_text(Q::PurposeOutcome, "Each pupil practises the topics they find hard; nothing is decided about them.")
        .set_text(Q::PurposeDataProtectionRules, "The ICO's Age Appropriate Design Code: profiling for practice suggestions is the core service; no other profiling, no advertising; high privacy by default.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Our contracts with schools, and their own duties as controllers of pupil records.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The ICO's Age Appropriate Design Code; the DfE's data protection guidance for schools.")
        .set_yes_no(Q::PurposeEthics, Yes)
        .set_text(Q::PurposeEthicsDetail, "Labelling a child as weak at a topic could discourage them: the app never shows pupils a score or a label, only suggested practice.")
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Suggestions need to know which topics the pupil gets wrong.")
        .set_text(Q::NecessityProportionate, "Only answers in the app are used; topic scores are kept for the school year and then deleted.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, Yes)
        .set_text(Q::NatureChildrenProtection, "The profiling is the core service and in the child's interest; no advertising or sharing; nothing is shown to pupils as a label; settings are high privacy by default; we followed the Children's Code in our DPIA.")
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "The pupils use the app through their school, which has told them and their parents about it.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "A child-friendly notice in the app, and the school's letter to parents, explain that the app suggests practice from their answers.")
        .set_choice(Q::ExpWhen, collected::NOT_YET)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::CONSULTATION])
        .set_text(Q::ExpEvidenceDetail, "Pupil and parent panels in three schools in June 2026.")
        .set_text(Q::ImpactPossible, "A pupil could feel labelled; a breach could expose children's progress data.")
        .set_choices(Q::ImpactHarms, &[harms::DISADVANTAGE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "No labels shown to pupils; data deleted each summer; encryption; access limited to the pupil's own teachers.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "A parent or the school can switch suggestions off for a pupil, who then gets the standard sequence.");
    kept(&mut a, "Each pupil's answers and progress are kept while their school subscribes, and deleted within 90 days of the pupil leaving the school or the school leaving the service.", true);
    // The interface suggested yes to targeting children and to tracking behaviour; both
    // were confirmed, and a DPIA was done.
    screen(&mut a, &[Q::DpiaTargetingVulnerable, Q::DpiaTracking]);
    a.set_yes_no(Q::DpiaDone, Yes)
        .set_text(Q::DpiaDate, "2026-07-15")
        .set_text(Q::DpiaReference, "BPL-DPIA-2026-03")
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Adaptive practice is in each pupil's own educational interest; the DPIA found the risks low after safeguards; children are not labelled, targeted with advertising or profiled for anything else.")
        .set_text(Q::DecisionFactorsFor, "Child's own benefit; core service; strong safeguards.")
        .set_text(Q::DecisionFactorsAgainst, "Children's data; profiling.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "Objections from a parent or pupil go to our DPO; we switch suggestions off for that pupil at once while we consider it.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Lucy Tan", "Product Lead"),
        ("Mike Ward", "Data Protection Officer"),
        ["2026-08-01", "2026-08-04", "2027-08-04"],
    );
    a.push_impact(impact(
        "A pupil feels labelled as weak at maths",
        (Possible, Significant),
        "No scores or labels shown to pupils.",
        (Remote, Minimal),
    ));
    a
}

/// A dental practice considered using patients' addresses for a partner's offers, and
/// rightly found it incompatible.
pub fn dental_partner_offers() -> Assessment {
    let mut a = Assessment::new("dental-partner-offers");
    a.set_text(Q::AboutTitle, "Partner's whitening offers to patients by post")
        .set_text(Q::AboutOrganisation, "Castle Street Dental Practice")
        .set_text(Q::AboutDescription, "A cosmetics company proposed that we post its teeth-whitening offers to our patients, using the addresses we hold for appointments.")
        .set_choices(Q::AboutPeople, &[people::SERVICE_USERS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "Our mailing house, as our processor.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-03-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_choices(Q::TriageChannels, &[channels::POST])
        .set_yes_no(Q::TriageReuse, Yes)
        .set_text(Q::TriageReuseOriginal, "Patients gave their addresses to book and be reminded of appointments, and for their treatment records.")
        .set_yes_no(Q::TriageReuseConsent, No)
        .set_choice(Q::TriageReuseCompatible, compatible::INCOMPATIBLE)
        .set_text(Q::TriageReuseLink, "None: appointments and treatment have nothing to do with a cosmetics company's offers.")
        .set_text(Q::TriageReuseContext, "Patients gave their addresses to their dentist, in a relationship of trust, to be seen and treated.")
        .set_text(Q::TriageReuseNature, "Names and addresses only, but held as part of a health record: that the person is our patient is itself health information.")
        .set_text(Q::TriageReuseConsequences, "Unwanted marketing from a company they never dealt with, and the sense that their dentist passed on their details.")
        .set_text(Q::TriageReuseSafeguards, "The mailing house would see only names and addresses; none would make the use expected.")
        .set_text(Q::TriageReuseAssessment, "There is no link between dental care and a third party's cosmetic offers; patients gave their addresses for appointments, in a relationship of trust with their dentist; they would not expect it; the consequence would be unwanted marketing that could look like clinical advice.")
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To earn a referral fee by posting a partner's teeth-whitening offers to our adult patients.")
        .set_text(Q::PurposeBenefit, "A referral fee of £2 a letter, and a discount for patients who want whitening.")
        .set_text(Q::PurposeImportance, "Minor: a small extra income for the practice, not needed to run it.")
        .set_text(Q::PurposeImpactIfNot, "We would not earn the referral fee, and patients would miss a discount few of them asked for.")
        .set_text(Q::PurposeOutcome, "Patients receive a partner's offer by post.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The General Dental Council's standards on patient confidentiality.")
        .set_yes_no(Q::PurposeEthics, Yes)
        .set_text(Q::PurposeEthicsDetail, "Patients could read a cosmetic offer from their dentist as clinical advice.")
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "It reaches patients the partner could not otherwise reach.")
        .set_text(Q::NecessityProportionate, "Names and addresses only.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are our patients.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "That we use their address for appointments and reminders.")
        .set_choice(Q::ExpWhen, collected::UNDER_5)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, No)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Patients have complained in the past about marketing from other practices.")
        .set_text(Q::ImpactPossible, "Patients would receive unexpected offers and could lose trust in the practice.")
        .set_choices(Q::ImpactHarms, &[harms::CONTROL])
        .set_yes_no(Q::ImpactControl, Yes)
        .set_yes_no(Q::ImpactObject, Yes)
        .set_yes_no(Q::ImpactExplain, No)
        .set_choice(Q::ImpactSafeguards, safeguards::NOT_SURE)
        .set_text(Q::ImpactSafeguardsDetail, "None that would make it expected.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "An opt-out address on each letter.");
    kept(&mut a, "Patient addresses are kept as part of the dental record for the time NHS records guidance sets; none would be kept for the offers.", true);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::NO)
        .set_text(Q::DecisionJustification, "The reuse is incompatible with why patients gave us their addresses, they would not expect it and we would not be happy to explain it. We will not go ahead.")
        .set_text(Q::DecisionFactorsFor, "A small referral income.")
        .set_text(Q::DecisionFactorsAgainst, "Incompatible reuse; unexpected; loss of trust.")
        .set_yes_no(Q::SignOffPrivacyInformation, No)
        .set_text(Q::SignOffObjections, "Not applicable: the processing will not go ahead.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Dr Aled Rowlands", "Practice Owner"),
        ("Sian Roberts", "Practice Manager"),
        ["2026-11-17", "2026-11-18", "2027-11-18"],
    );
    a.push_impact(impact(
        "Patients lose trust in the practice",
        (Possible, Significant),
        "None would make it expected.",
        (Possible, Significant),
    ));
    a
}

/// A letting agent's system refuses tenancy applications automatically on a credit score,
/// with two of the four safeguards the law requires.
pub fn tenancy_screening() -> Assessment {
    let mut a = Assessment::new("tenancy-screening");
    a.set_text(Q::AboutTitle, "Automatic screening of tenancy applications")
        .set_text(Q::AboutOrganisation, "Keystone Lettings Ltd")
        .set_text(Q::AboutDescription, "Our lettings system combines each applicant's declared income with a credit report from a credit reference agency and refuses applications whose score falls below the landlord's threshold. Refused applicants receive an automatic e-mail.")
        .set_choices(Q::AboutPeople, &[people::SERVICE_APPLICANTS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::IDENTITY, data::FINANCIAL])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::THIRD_PARTY])
        .set_text(Q::AboutRecipients, "The credit reference agency, and the landlord of the property applied for.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-02-15")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::OTHER)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, Yes)
        .set_choices(Q::TriageAutomatedSafeguards, &[adm_safeguards::INFORM, adm_safeguards::CONTEST])
        .set_text(Q::TriageAutomatedSafeguardsDetail, "The refusal e-mail says the application was refused on affordability and gives an address to appeal to.")
        .set_text(Q::PurposeWhy, "To decide quickly and consistently whether an applicant can afford the rent of the home they applied for, before we reserve it for them.")
        .set_text(Q::PurposeBenefit, "Decisions within minutes instead of days; fewer tenancies that fall into arrears.")
        .set_text(Q::PurposeThirdParties, "Landlords, who avoid arrears.")
        .set_text(Q::PurposeImportance, "Important: we handle hundreds of applications a month with two staff.")
        .set_text(Q::PurposeImpactIfNot, "Applicants would wait days for a decision and homes would stay empty longer.")
        .set_text(Q::PurposeOutcome, "Applicants who can afford the rent are offered the home; others are refused.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Equality Act 2010; Tenant Fees Act 2019.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "Propertymark's conduct rules.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The score applies the landlord's affordability test to every applicant the same way.")
        .set_text(Q::NecessityProportionate, "Income and a credit report only, for the home applied for.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, Yes)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are applying to rent a home through us.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The application form says we check affordability and credit history with a credit reference agency.")
        .set_text(Q::ExpThirdPartyTold, "The credit reference agency's notice (CRAIN) explains that letting agents search it.")
        .set_choice(Q::ExpWhen, collected::NOT_YET)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::STUDIES])
        .set_text(Q::ExpEvidenceDetail, "Credit checks are standard in private lettings.")
        .set_text(Q::ImpactPossible, "An applicant who could afford the rent is refused a home because of an error in their credit file.")
        .set_choices(Q::ImpactHarms, &[harms::ACCESS, harms::FINANCIAL])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Appeals by e-mail; scores checked quarterly against arrears.")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "The affordability check is a condition of every tenancy the landlords offer.");
    kept(&mut a, "Credit reports and scores are kept for six months after the decision, for complaints, then deleted.", true);
    // The DPIA suggestions (automated decisions, denial of service, data matching) were
    // confirmed, and a DPIA done.
    screen(
        &mut a,
        &[Q::DpiaAutomatedDecisions, Q::DpiaDenial, Q::DpiaMatching],
    );
    a.set_yes_no(Q::DpiaDone, Yes)
        .set_text(Q::DpiaDate, "2026-10-30")
        .set_text(Q::DpiaReference, "KL-DPIA-04")
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Fast, consistent affordability decisions benefit applicants and landlords; the DPIA found the risks acceptable with appeals.")
        .set_text(Q::DecisionFactorsFor, "Speed; consistency; fewer arrears.")
        .set_text(Q::DecisionFactorsAgainst, "A wrong refusal denies someone a home.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our compliance manager, who replies within a month.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Paul Dean", "Lettings Director"),
        ("Emma Stone", "Compliance Manager"),
        ["2026-11-01", "2026-11-02", "2027-11-02"],
    );
    a.push_impact(impact(
        "An applicant who could afford the rent is refused a home",
        (Possible, Severe),
        "Appeals; quarterly checks of the scores.",
        (Remote, Severe),
    ));
    a
}

/// An insurer declines motor claims automatically when its fraud model flags them,
/// relying on the crime condition of a recognised legitimate interest.
pub fn claims_auto_decline() -> Assessment {
    let mut a = Assessment::new("claims-auto-decline");
    a.set_text(Q::AboutTitle, "Automatic declines of claims flagged as fraud")
        .set_text(Q::AboutOrganisation, "Anchor Mutual Insurance")
        .set_text(Q::AboutDescription, "Our claims system scores each motor claim for fraud and automatically declines those above the threshold; the policyholder is told by e-mail and can ask for a claims handler to review it.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_100K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::FINANCIAL, data::CRIMINAL])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::DERIVED])
        .set_text(Q::AboutRecipients, "The Insurance Fraud Bureau when fraud is confirmed.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-04-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::FRAUD)
        .set_yes_no(Q::TriageRecognised, Yes)
        .set_choice(Q::TriageRecognisedCondition, recognised::CRIME)
        .set_text(Q::TriageRecognisedDetail, "Declining fraudulent claims prevents crime (fraud by false representation).")
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, Yes)
        .set_choices(
            Q::TriageAutomatedSafeguards,
            &[adm_safeguards::INFORM, adm_safeguards::REPRESENT, adm_safeguards::HUMAN, adm_safeguards::CONTEST],
        )
        .set_text(Q::TriageAutomatedSafeguardsDetail, "The decline e-mail explains the decision, invites the policyholder to send anything we should know, and offers a review by a claims handler within ten working days, with a right to complain to the Financial Ombudsman.")
        .set_text(Q::PurposeWhy, "To stop paying fraudulent motor claims, by declining those our fraud model scores above the threshold.")
        .set_text(Q::PurposeBenefit, "Lower fraud losses and premiums.")
        .set_text(Q::PurposeImportance, "Important: claims fraud costs us around £4 million a year.")
        .set_text(Q::PurposeImpactIfNot, "We would pay more fraudulent claims, and premiums would rise for everyone.")
        .set_text(Q::PurposeOutcome, "Fraudulent claims are declined; genuine ones are paid.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "FCA Consumer Duty; Insurance Act 2015.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "ABI guidance on fraud.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The model catches patterns handlers miss.")
        .set_text(Q::NecessityProportionate, "Claim data we already hold; scores kept for six years.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, Yes)
        .set_choice(Q::NatureArt10, art10::SCHEDULE_1)
        .set_text(Q::NatureArt10Detail, "Schedule 1, Part 2, paragraph 14 (preventing fraud); appropriate policy document AMI-APD-2.");
    kept(
        &mut a,
        "Claim scores are kept with the claim for six years after it closes, for legal claims.",
        false,
    );
    screen(
        &mut a,
        &[Q::DpiaAutomatedDecisions, Q::DpiaDenial, Q::DpiaProfiling],
    );
    a.set_yes_no(Q::DpiaDone, Yes)
        .set_text(Q::DpiaDate, "2026-09-15")
        .set_text(Q::DpiaReference, "AMI-DPIA-2026-11")
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Preventing claims fraud is a recognised legitimate interest (crime), and policyholders can have any decline reviewed.")
        .set_text(Q::DecisionFactorsFor, "Fraud losses; review available.")
        .set_text(Q::DecisionFactorsAgainst, "A genuine claim wrongly declined causes real hardship.")
        .set_yes_no(Q::SignOffPrivacyRecognised, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our DPO, who replies within a month.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Grace Obi", "Head of Claims Fraud"),
        ("Neil Hart", "Data Protection Officer"),
        ["2026-10-01", "2026-10-08", "2027-10-08"],
    );
    a
}

// ---- issue 26: thin reasoning, stale answers, a charity's subsidiary, a reuse ---------

/// A hair salon texts its clients offers, as a small business fills the form in alone:
/// every box answered, and almost none with a reason.
pub fn salon_texts_thin() -> Assessment {
    let mut a = Assessment::new("salon-texts-thin");
    a.set_text(Q::AboutTitle, "Text offers to clients")
        .set_text(Q::AboutOrganisation, "Shear Style Ltd")
        .set_text(Q::AboutDescription, "We text our clients offers on cuts, colours and treatments about once a month, using the mobile numbers they give us when they book.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_1K)
        .set_choices(Q::AboutData, &[data::CONTACT])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "No one outside the salon; our booking system sends the texts as our processor.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-10")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_choices(Q::TriageChannels, &[channels::SMS])
        .set_choice(Q::TriageSubscribers, subscribers::INDIVIDUALS)
        .set_choice(Q::PecrSmsBasis, pecr_basis::SOFT_OPT_IN)
        .set_yes_no(Q::PecrSoftSale, Yes)
        .set_yes_no(Q::PecrSoftSimilar, Yes)
        .set_yes_no(Q::PecrRefusalAtCollection, Yes)
        .set_yes_no(Q::PecrRefusalEveryMessage, Yes)
        .set_text(Q::PecrEvidence, "Since June 2025 our booking card has said: \"We'll text you offers on our treatments. Tick here if you'd rather we didn't.\" The cards are kept in the client files at the salon, and every text ends \"Reply STOP to opt out\".")
        .set_yes_no(Q::PecrIdentity, Yes)
        .set_yes_no(Q::PecrTracking, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To text clients who have had a treatment with us about offers on similar treatments, so that they book again.")
        .set_text(Q::PurposeBenefit, "More bookings in the quiet weeks after Christmas and in the summer holidays.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "None.")
        .set_text(Q::PurposeImportance, "Important for a small salon: the quiet weeks are when we struggle to pay the rent.")
        .set_text(Q::PurposeImpactIfNot, "Fewer bookings in the quiet weeks, and less work for our two part-time stylists.")
        .set_text(Q::PurposeOutcome, "Offers.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Consumer law: the offers are real, with their terms.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "Yes")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Clients read their texts; most never open e-mails from us.")
        .set_text(Q::NecessityProportionate, "Yes.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are clients who have booked and paid for treatments with us.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The booking card's words, quoted in the PECR evidence.")
        .set_choice(Q::ExpWhen, collected::UNDER_2)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Clients mention the offers when they book, and only two have replied STOP since June.")
        .set_text(Q::ImpactPossible, "Clients may get texts they do not want.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Reply STOP in every text, acted on the same day; no more than one text a month.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "The box on the booking card, or reply STOP to any text.");
    kept(&mut a, "Numbers stay on the list until a year after a client's last visit, or until they reply STOP.", true);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Meets PECR.")
        .set_text(
            Q::DecisionFactorsFor,
            "Existing clients, similar treatments, STOP in every text.",
        )
        .set_text(Q::DecisionFactorsAgainst, "Nothing.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(
            Q::SignOffObjections,
            "A STOP reply or a word at the desk takes the number off the list the same day.",
        )
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Jo Bright", "Owner"),
        ("Sam Bright", "Director"),
        ["2026-11-10", "2026-11-12", "2027-11-12"],
    );
    a.push_impact(impact(
        "Clients receive texts they do not want",
        (Possible, Minimal),
        "Reply STOP; one text a month at most.",
        (Remote, Minimal),
    ));
    a
}

/// A manufacturer tells line managers about each employee's sickness absence: the
/// reasoning is there in places, and a word long elsewhere.
pub fn absence_reports_thin() -> Assessment {
    let mut a = Assessment::new("absence-reports-thin");
    a.set_text(Q::AboutTitle, "Monthly absence reports to line managers")
        .set_text(Q::AboutOrganisation, "Northfield Components Ltd")
        .set_text(Q::AboutDescription, "Each month HR sends every line manager a report of their team's absence days in the month, with the number of spells of absence in the last twelve months. The reasons for absence are not included.")
        .set_choices(Q::AboutPeople, &[people::EMPLOYEES])
        .set_choice(Q::AboutScale, scale::UNDER_1K)
        .set_choices(Q::AboutData, &[data::EMPLOYMENT])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "No one outside our organisation.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-02-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::EMPLOYMENT)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To let line managers see the absence of the people they manage each month, so that they can plan cover and hold return-to-work conversations under our absence policy.")
        .set_text(Q::PurposeBenefit, "Shifts are covered, and managers hold the conversations our absence policy requires at the right time.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "None.")
        .set_text(Q::PurposeImportance, "Important: uncovered shifts stop the production line.")
        .set_text(Q::PurposeImpactIfNot, "Managers would learn of absence patterns late, and return-to-work conversations would be missed.")
        .set_text(Q::PurposeOutcome, "Absence is handled consistently and fairly under the policy.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Equality Act 2010: disability-related absence is discussed with HR before any action.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "It helps.")
        .set_text(Q::NecessityProportionate, "Days and spells only, no reasons, and only for a manager's own team.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PROFESSIONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "Staff.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The absence policy in the staff handbook says managers are told of their team's absence.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::CONSULTATION])
        .set_text(Q::ExpEvidenceDetail, "The policy was agreed with the staff forum in March 2026.")
        .set_text(Q::ImpactPossible, "None.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "N/A")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "Managers need the absence of their whole team to plan cover; an employee who could opt out would leave gaps in the rota.");
    kept(&mut a, "Reports are deleted from managers' inboxes after three months; HR keeps absence records for six years.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Planning cover and following our own absence policy are legitimate interests of an employer; the report holds days and spells only, goes only to the employee's own manager, and staff were told of it in the policy, so their interests do not override ours.")
        .set_text(Q::DecisionFactorsFor, "Cover planned in time; the policy applied consistently.")
        .set_text(Q::DecisionFactorsAgainst, "Some employees may feel watched, especially those with long-term conditions.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "An employee who objects speaks to HR, who review whether their manager needs the report; we reply within a month.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Ruth Adams", "HR Business Partner"),
        ("Mark Ellis", "Operations Director"),
        ["2026-11-15", "2026-11-18", "2027-11-18"],
    );
    a.push_impact(impact(
        "A manager treats an employee unfairly because of their absence",
        (Remote, Significant),
        "HR reviews any action; reasons are never shown.",
        (Remote, Minimal),
    ));
    a
}

/// Starts a review of an approved version: the approval, then the review under `key`,
/// signed off again by the same people.
fn review_of(mut approved: Assessment, key: &str) -> Assessment {
    use lia::assessment::lifecycle::{approve, start_review};
    let today = lia::assessment::Date::new(2026, 11, 22).unwrap();
    approve(&mut approved, today).expect("the version reviewed was approvable");
    let mut review = start_review(&approved, key, today);
    review
        .set_text(Q::SignOffCompletedDate, "2026-11-22")
        .set_text(Q::SignOffApprovedName, "Helen Price")
        .set_text(Q::SignOffApprovedRole, "Operations Director")
        .set_text(Q::SignOffReviewDate, "2027-11-22")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    review
}

/// An edit as the session makes it: what it changes marks the answers resting on it.
fn edited(mut a: Assessment, change: impl FnOnce(&mut Assessment)) -> Assessment {
    let before = a.clone();
    change(&mut a);
    lia::assessment::stale::note_edit(&before, &mut a);
    a
}

/// The bike shop's yearly review widens its e-mails to its partner brands' offers: the
/// purpose changes, and the answers resting on it are marked to check again.
pub fn bike_shop_review_partners() -> Assessment {
    let review = review_of(bike_shop_email(), "bike-shop-review-partners");
    edited(review, |a| {
        a.set_text(Q::PurposeWhy, "To tell customers who have bought a bike or parts from us about offers on similar bikes, parts and servicing, and about offers from the brands we stock, once a month by e-mail.");
    })
}

/// The hotel group's review adds criminal record checks for night managers: the data
/// changes, and the nature, expectations, impact, screening and decision are to check
/// again; its "no criminal offence data" now contradicts the kinds of data.
pub fn references_review_dbs() -> Assessment {
    let review = review_of(references(), "references-review-dbs");
    edited(review, |a| {
        a.set_choices(
            Q::AboutData,
            &[data::CONTACT, data::EMPLOYMENT, data::CRIMINAL],
        );
    })
}

/// The wildlife charity's trading company wants to e-mail the charity's supporters
/// about its Christmas cards, relying on the charity soft opt-in.
pub fn charity_trading_company_email() -> Assessment {
    let mut a = charity_supporter_email();
    a.id = "charity-trading-company-email".into();
    a.set_text(Q::AboutTitle, "Christmas card offers to supporters")
        .set_text(Q::AboutOrganisation, "Hedgerow Trust Trading Ltd")
        .set_text(Q::AboutDescription, "Each November our trading company e-mails the charity's supporters its catalogue of Christmas cards and calendars. Its profits are given to the charity.")
        .set_choice(Q::PecrCharitySender, charity_sender::SUBSIDIARY)
        .set_choice(Q::PecrCharityAbout, charity_about::SUBSIDIARY)
        .set_text(Q::PecrEvidence, "Since January 2026 the charity's donation form has said: \"We'd like to send you news of our work by e-mail. Tick here if you'd rather we didn't.\" Each version is filed in the supporter care folder with the date it went live.")
        .set_yes_no(Q::PecrIdentity, Yes)
        .set_yes_no(Q::PecrTracking, No)
        .set_text(Q::PurposeWhy, "To sell the charity's supporters our Christmas cards and calendars by e-mail each November, and so raise money that we give to the charity.")
        .set_text(Q::DecisionJustification, "Supporters buy our cards every year, and each sale helps the charity they support; the e-mail is once a year and easy to stop.");
    a
}

/// A university careers service reuses graduates' alumni contact details to invite them
/// to mentor students, having weighed each factor of compatibility.
pub fn alumni_mentoring_reuse() -> Assessment {
    let mut a = Assessment::new("alumni-mentoring-reuse");
    a.set_text(Q::AboutTitle, "Inviting graduates to mentor students")
        .set_text(Q::AboutOrganisation, "University of Eastmoor")
        .set_text(Q::AboutDescription, "The careers service e-mails graduates of the last ten years in engineering and business, using the alumni office's records, to invite them to mentor a final-year student for one term. Those who reply are matched with a student by a careers adviser.")
        .set_choices(Q::AboutPeople, &[people::SUPPORTERS])
        .set_choice(Q::AboutScale, scale::UNDER_10K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::EMPLOYMENT])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "No one outside the university. Students learn a mentor's name and job only once the mentor agrees.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2027-01-15")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::OTHER)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, Yes)
        .set_text(Q::TriageReuseOriginal, "The alumni office keeps graduates' contact details and current jobs, which they update each year in its alumni survey, to keep them in touch with the university, relying on legitimate interests; its privacy notice says it will contact them about alumni events and ways to support students.")
        .set_yes_no(Q::TriageReuseConsent, No)
        .set_choice(Q::TriageReuseCompatible, compatible::ASSESSED)
        .set_text(Q::TriageReuseLink, "Close: both purposes keep graduates in touch with the university, and supporting students is one the alumni notice names.")
        .set_text(Q::TriageReuseContext, "Graduates gave the details to their own university, which they chose to stay in touch with; many already give talks to students.")
        .set_text(Q::TriageReuseNature, "Names, e-mail addresses, course and current employer: no special category or criminal offence data.")
        .set_text(Q::TriageReuseConsequences, "One e-mail inviting them to volunteer; nothing follows unless they reply.")
        .set_text(Q::TriageReuseSafeguards, "Only the careers service sees the list; one invitation a year; a link to stop further invitations.")
        .set_text(Q::TriageReuseAssessment, "Graduates were told the alumni office would contact them about ways to support students, and a mentoring invitation is such a way: the new purpose is compatible.")
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To invite recent graduates to mentor a final-year student in their field for one term, so that students hear about work from people a few years ahead of them.")
        .set_text(Q::PurposeBenefit, "Students get advice from people in jobs they want; graduates can give something back.")
        .set_text(Q::PurposeThirdParties, "Employers, who meet better-prepared graduates.")
        .set_text(Q::PurposePublicBenefit, "Students from families without professional contacts get the advice others get from their parents.")
        .set_text(Q::PurposeImportance, "Important: mentored students are more likely to be in graduate jobs a year after leaving, and the scheme is part of our access plan.")
        .set_text(Q::PurposeImpactIfNot, "We could recruit mentors only through open calls on social media, which bring too few, and few from the fields students ask for.")
        .set_text(Q::PurposeOutcome, "Graduates who wish to mentor are matched with a student; the others hear nothing more about it.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "PECR: the invitation is not marketing, and says who it is from and how to stop further invitations.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "The alumni records are the only list of graduates by subject and year, so only they let us invite people from the right fields.")
        .set_text(Q::NecessityProportionate, "Graduates of the last ten years in two faculties, one e-mail a year, and only name, course and job used.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::BOTH)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are our graduates and members of our alumni network.")
        .set_text(Q::ExpPastUse, "Alumni news, event invitations and appeals for student support.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The alumni privacy notice says we will contact them about alumni events and ways to support current students.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::RESEARCH])
        .set_text(Q::ExpEvidenceDetail, "In our 2025 alumni survey, 61% said they would like to be asked to help students.")
        .set_text(Q::ImpactPossible, "A graduate who does not wish to be contacted receives one e-mail they did not want.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "One invitation a year; a link to stop them; graduates who have asked not to be contacted are left out.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "The link in the invitation, or a reply to the alumni office.");
    kept(&mut a, "The careers service keeps the list only until the term's matching is done, then deletes it; mentors' details are kept for the term they mentor.", false);
    screen(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Helping students into work is a clear interest of the university and of the students, shared by many graduates; the use is one graduates were told of, the data is limited and the invitation is easy to ignore or stop, so their interests do not override ours.")
        .set_text(Q::DecisionFactorsFor, "Students' prospects; graduates were told; one e-mail a year.")
        .set_text(Q::DecisionFactorsAgainst, "Some graduates may have forgotten the notice since they last updated their details.")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "A graduate who objects is taken off the list at once and is not invited again; the alumni office replies within a week.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    sign_off(
        &mut a,
        ("Dr Amira Khan", "Head of Careers"),
        ("Paul Reed", "Data Protection Officer"),
        ["2026-11-05", "2026-11-09", "2027-11-09"],
    );
    a.push_impact(impact(
        "A graduate receives an invitation they did not want",
        (Possible, Minimal),
        "One a year, and a link to stop them.",
        (Remote, Minimal),
    ));
    a
}
