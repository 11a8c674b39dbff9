//! The ICO's outcome example: sending details of alleged misconduct to legal advisers.

use super::{all_checklist, impact, screen_dpia};
use crate::assessment::choices::*;
use crate::assessment::model::{Assessment, HarmSeverity::*, Likelihood::*, YesNo::*};
use crate::assessment::questions::QuestionId as Q;

pub fn build(id: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, "Legal advice on an employee's alleged misconduct")
        .set_text(Q::AboutOrganisation, "Example Services Ltd")
        .set_text(Q::AboutDescription, "We are deciding whether to dismiss an employee for misconduct and need advice about employment law. We will send details of the alleged misconduct to our external legal advisers, once, by secure e-mail.")
        .set_choices(Q::AboutPeople, &[people::EMPLOYEES])
        .set_choice(Q::AboutScale, scale::UNDER_100)
        .set_choices(Q::AboutData, &[data::IDENTITY, data::EMPLOYMENT])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "Our external employment law advisers, who are subject to professional confidentiality obligations.")
        .set_yes_no(Q::AboutProcessors, No)
        .set_yes_no(Q::AboutTransfers, No)
        .set_text(Q::AboutRetention, "The details sent and the advice are kept on the employee's HR case file for six years after the case closes (the time limit for most claims), then deleted.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2026-06-10")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::EMPLOYMENT)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "The company needs to be able to manage the performance of its workforce and ensure employees act appropriately. It also needs to ensure that any action it takes is in accordance with its employment law obligations, so it wants external advice on the alleged misconduct.")
        .set_text(Q::PurposeBenefit, "A decision about the employee that is fair, lawful and defensible.")
        .set_text(Q::PurposeThirdParties, "The employee: it is also in the legitimate interests of employees that the company acts fairly and within the law in its dealings with them.")
        .set_text(Q::PurposePublicBenefit, "None beyond fair employment practice.")
        .set_text(Q::PurposeImportance, "High: a dismissal is a serious decision for the employee and for the company.")
        .set_text(Q::PurposeImpactIfNot, "The company would decide without expert advice, with a greater risk of an unfair or unlawful outcome.")
        .set_text(Q::PurposeOutcome, "The employee is treated fairly and lawfully, whatever the decision.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Employment law, which the advice is about.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The Acas Code of Practice on disciplinary and grievance procedures.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "It is necessary to obtain external legal expertise about the alleged misconduct and the relevant legal framework.")
        .set_text(Q::NecessityProportionate, "Only the personal data that is relevant to the allegations will be shared with the legal advisers, subject to professional confidentiality obligations.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PROFESSIONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "There is a clearly defined employer-employee relationship.")
        .set_text(Q::ExpPastUse, "To manage the employment, including performance and conduct.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The disciplinary procedure explains how allegations are investigated and that we may take advice.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::NONE])
        .set_text(Q::ExpOtherFactors, "Employees would reasonably expect the company to process details of professional conduct to manage performance, and to seek legal advice when dealing with potential dismissals.")
        .set_text(Q::ImpactPossible, "The sharing might contribute to significant harm to the individual if the advice supports dismissal, but it should also help ensure the decision is not arbitrary or unlawful.")
        .set_choices(Q::ImpactHarms, &[harms::DISADVANTAGE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Only relevant data is shared; the advisers are bound by professional confidentiality, which guards against other risks and loss of control over the data.")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "Advice on whether a dismissal is lawful cannot wait on the agreement of the employee concerned, and taking it protects them from an arbitrary decision. Only the facts relevant to the allegations are shared, under legal professional privilege.");
    screen_dpia(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Having considered all the relevant factors, the employee's interests do not outweigh the company's legitimate interests in obtaining legal advice, and processing is lawful on the basis of these legitimate interests.")
        .set_text(Q::DecisionFactorsFor, "Fair and lawful decision-making; the data concerns professional rather than private life; clear employment relationship; professional confidentiality.")
        .set_text(Q::DecisionFactorsAgainst, "The advice may support a dismissal, which would significantly affect the employee.")
        .set_text(Q::SignOffCompletedName, "Jordan Lee")
        .set_text(Q::SignOffCompletedRole, "Head of People")
        .set_text(Q::SignOffCompletedDate, "2026-06-01")
        .set_text(Q::SignOffApprovedName, "Chris Patel")
        .set_text(Q::SignOffApprovedRole, "Company Secretary")
        .set_text(Q::SignOffApprovedDate, "2026-06-02")
        .set_text(Q::SignOffReviewDate, "2027-06-02")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "If the employee objects, HR and our legal team consider whether we have compelling grounds to continue (we need advice to defend any legal claim), tell the employee the outcome in writing within a month, and stop if we do not.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    a.push_impact(impact(
        "The advice supports dismissal, with significant harm to the employee",
        (Possible, Significant),
        "The advice helps ensure any decision is fair and lawful; the employee can respond through the disciplinary process.",
        (Possible, Significant),
    ));
    a.push_impact(impact(
        "The allegations become known beyond those who need to know",
        (Remote, Significant),
        "Shared only with advisers bound by professional confidentiality, by secure e-mail.",
        (Remote, Minimal),
    ));
    a
}
