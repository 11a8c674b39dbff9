//! The ICO's purpose-test example: lenders share payment data with credit reference
//! agencies. The guidance gives the purpose test; the rest is completed in the same spirit.

use super::{all_checklist, impact, screen_dpia};
use crate::assessment::choices::*;
use crate::assessment::model::{Assessment, HarmSeverity::*, Likelihood::*, YesNo::*};
use crate::assessment::questions::QuestionId as Q;

pub fn build(id: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, "Sharing account payment data with credit reference agencies")
        .set_text(Q::AboutOrganisation, "Example Lending Ltd")
        .set_text(Q::AboutDescription, "Each month we send credit reference agencies (CRAs) the payment history of every loan account: the balance, whether payments were made on time, arrangements to pay and defaults. The CRAs share it with any other lender the customer applies to.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::OVER_100K)
        .set_choices(Q::AboutData, &[data::CONTACT, data::IDENTITY, data::FINANCIAL])
        .set_choices(Q::AboutSources, &[sources::DIRECT, sources::OBSERVED])
        .set_text(Q::AboutRecipients, "The three main credit reference agencies, which share the data with other lenders the customer applies to.")
        .set_yes_no(Q::AboutProcessors, No)
        .set_yes_no(Q::AboutTransfers, No)
        .set_text(Q::AboutRetention, "The agencies keep each account's records for six years after the account is settled or closed, as their information notice (CRAIN) says; we keep ours for the same period, for complaints and disputes.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2026-04-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::OTHER)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "Lenders want to accurately assess the likelihood that they will get back the money they lend out. We share data about the payments made by each customer on their account with credit reference agencies, so that any lender the customer applies to can assess their ability and inclination to repay.")
        .set_text(Q::PurposeBenefit, "The benefit is to minimise the risk of bad debts and ensure that lenders make sustainable lending decisions to achieve a reasonable overall rate of return.")
        .set_text(Q::PurposeThirdParties, "Other lenders, who can make responsible lending decisions. It is also in the interests of the individual making an application that lenders make responsible lending decisions and do not allow them to become overburdened with debt they cannot afford.")
        .set_text(Q::PurposePublicBenefit, "It is in the interests of the public that lenders can make accurate risk assessments. Without this, lenders may be less willing to lend, or at least lend at a reasonable interest rate.")
        .set_text(Q::PurposeImportance, "These benefits are vital to the proper functioning of the credit system, for lenders, borrowers and the public.")
        .set_text(Q::PurposeImpactIfNot, "Lenders could not see how applicants have repaid other credit, so they would lend less, lend at higher rates to everyone, or lend to people who cannot afford it.")
        .set_text(Q::PurposeOutcome, "The intended outcome for the individual is that they will either be granted or refused credit on the basis of their ability to repay.")
        .set_text(Q::PurposeDataProtectionRules, "We follow the rules on accuracy (UK GDPR Article 5(1)(d)) and tell customers about credit referencing when they apply.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "We comply with relevant consumer credit laws and standards, including the Consumer Credit Act 1974 and the FCA's Consumer Credit sourcebook.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The Steering Committee on Reciprocity (SCOR) principles for reporting arrears, arrangements and defaults.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "A lender can only judge how someone repays credit if it can see their repayment record across lenders; that record exists only if lenders share it.")
        .set_text(Q::NecessityProportionate, "We share only the payment record of credit accounts, not how customers spend their money or any other data we hold.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, Yes)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "Customers hold a credit agreement with us.")
        .set_text(Q::ExpPastUse, "To run their account and to report it to CRAs since it was opened.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, "The application form and the credit agreement say, in their own words and not only in the privacy notice, that we will share account data with CRAs and what that means.")
        .set_choice(Q::ExpWhen, collected::UNDER_1)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::STUDIES, evidence::FEEDBACK])
        .set_text(Q::ExpEvidenceDetail, "Credit referencing is long established and explained to applicants across the industry; our complaints show almost no surprise at it.")
        .set_text(Q::ImpactPossible, "A missed payment or default on a credit file can make it harder or more expensive to get credit for up to six years. Inaccurate data could do the same unfairly.")
        .set_choices(Q::ImpactHarms, &[harms::ACCESS, harms::FINANCIAL])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Monthly data quality checks; a notice of intention before any default is filed; a disputes process with corrections sent to the CRAs; arrangements to pay reported as such.")
        .set_yes_no(Q::ImpactOptOut, No)
        .set_text(Q::ImpactOptOutWhyNot, "Credit reporting only works if records are complete: if borrowers could opt out, those who missed payments would leave and lenders could no longer lend responsibly. People can still object, ask for inaccurate data to be corrected and add a notice of correction.");
    screen_dpia(&mut a, &[Q::DpiaDenial, Q::DpiaProfiling, Q::DpiaMatching]);
    a.set_yes_no(Q::DpiaDone, Yes)
        .set_text(Q::DpiaDate, "2026-02-20")
        .set_text(Q::DpiaReference, "DPIA-2026-03, Data Protection Office register")
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "The lenders have demonstrated a clear and specific legitimate interest. Sharing is necessary for responsible lending, expected by customers who are told at application, and the risks of inaccurate data are reduced by our data quality and dispute safeguards. The DPIA found no high residual risk.")
        .set_text(Q::DecisionFactorsFor, "Vital to responsible lending; benefits customers and the public; clearly explained at application; established industry practice backed by SCOR principles.")
        .set_text(Q::DecisionFactorsAgainst, "Financial data is private, and a default can restrict access to credit for years; customers cannot opt out.")
        .set_text(Q::SignOffCompletedName, "Priya Shah")
        .set_text(Q::SignOffCompletedRole, "Data Protection Officer")
        .set_text(Q::SignOffCompletedDate, "2026-03-02")
        .set_text(Q::SignOffApprovedName, "Daniel Okafor")
        .set_text(Q::SignOffApprovedRole, "Chief Risk Officer")
        .set_text(Q::SignOffApprovedDate, "2026-03-05")
        .set_text(Q::SignOffReviewDate, "2027-03-05")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "Objections go to our data protection team, who reply within a month. Because lenders depend on complete payment records, we may have compelling grounds to keep sharing accurate records; we weigh each objection on its facts, explain our decision, and always correct inaccurate data.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    a.push_impact(impact(
        "Inaccurate payment data leads to credit being refused or made more expensive",
        (Possible, Significant),
        "Monthly data quality checks; disputes process; corrections sent to the CRAs within 28 days.",
        (Remote, Significant),
    ));
    a.push_impact(impact(
        "Accurate arrears lead to credit being refused",
        (Possible, Significant),
        "Customers are warned before a default is filed and can agree an arrangement to pay, which is reported as such.",
        (Possible, Minimal),
    ));
    a
}
