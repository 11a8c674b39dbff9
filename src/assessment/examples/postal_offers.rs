//! The ICO's safeguards example: a retailer's postal offers with an opt-out.

use super::{all_checklist, impact, screen_dpia};
use crate::assessment::choices::*;
use crate::assessment::model::{Assessment, HarmSeverity::*, Likelihood::*, YesNo::*};
use crate::assessment::questions::QuestionId as Q;

/// The order form statement quoted in the ICO's example.
const ORDER_FORM: &str = "Our product order form says: \u{2018}We will send you information about our special offers to your billing address. If you don\u{2019}t want to hear about our offers please tick here\u{2019}, with a tick box.";

pub fn build(id: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, "Special offers by post to existing customers")
        .set_text(Q::AboutOrganisation, "Example Retail Ltd")
        .set_text(Q::AboutDescription, "Four times a year we post a leaflet of special offers to the billing address of customers who have ordered from us in the last two years and did not tick the opt-out box.")
        .set_choices(Q::AboutPeople, &[people::CUSTOMERS])
        .set_choice(Q::AboutScale, scale::UNDER_100K)
        .set_choices(Q::AboutData, &[data::CONTACT])
        .set_choices(Q::AboutSources, &[sources::DIRECT])
        .set_text(Q::AboutRecipients, "Our mailing house, which prints and posts the leaflets for us under contract as our processor.")
        .set_yes_no(Q::AboutProcessors, Yes)
        .set_yes_no(Q::AboutProcessorContract, Yes)
        .set_yes_no(Q::AboutTransfers, No)
        .set_text(Q::AboutRetention, "Addresses are used for offers until two years after a customer's last order, or until they opt out; the mailing house deletes each mailing list once the mailing is posted.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2026-09-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::DIRECT_MARKETING)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_choices(Q::TriageChannels, &[channels::POST])
        .set_text(Q::PurposeWhy, "We want to send offers by post to our existing customers' billing addresses, about products like those they have bought, to improve sales.")
        .set_text(Q::PurposeBenefit, "More repeat orders from existing customers, which cost far less to win than new customers and keep the business growing.")
        .set_text(Q::PurposeThirdParties, "None.")
        .set_text(Q::PurposePublicBenefit, "None.")
        .set_text(Q::PurposeImportance, "Important commercially: repeat customers bring most of our sales, and the offers are how we keep in touch with them.")
        .set_text(Q::PurposeImpactIfNot, "Customers would hear about our offers only if they came to look for them, and repeat sales would fall noticeably over the year.")
        .set_text(Q::PurposeOutcome, "Customers hear about offers on products like those they have bought, and can stop the mailings whenever they like.")
        .set_text(Q::PurposeDataProtectionRules, "Postal marketing is not covered by PECR, but we honour every objection under UK GDPR Article 21.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Consumer protection law on pricing and promotions.")
        .set_choice(Q::PurposeCodes, codes::YES)
        .set_text(Q::PurposeCodesDetail, "The CAP Code on non-broadcast advertising and direct marketing.")
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Customers who receive the offers order again more often than those who do not.")
        .set_text(Q::NecessityProportionate, "We use only names and billing addresses customers gave us, four mailings a year, and stop after two years without an order.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, Yes)
        .set_text(Q::ExpRelationshipNature, "They are existing customers who have ordered from us.")
        .set_text(Q::ExpPastUse, "To deliver and bill their orders.")
        .set_yes_no(Q::ExpDirect, Yes)
        .set_text(Q::ExpTold, ORDER_FORM)
        .set_choice(Q::ExpWhen, collected::UNDER_2)
        .set_yes_no(Q::ExpChanges, No)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::NONE])
        .set_text(Q::ExpOtherFactors, "Customers are likely to reasonably expect that they may receive some marketing material from us, as we have provided a clear indication that this processing will occur.")
        .set_text(Q::ImpactPossible, "Some customers may receive post they do not want. The impact on the individual is minimal.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "By giving customers a clear opportunity to opt out, we ensure they keep control over their data and can easily exercise their right to object.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "The tick box on the order form, and a free opt-out (phone, e-mail or reply slip) on every mailing, acted on within 28 days.");
    screen_dpia(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Customers are likely to expect some marketing by post, the impact is minimal, and the opt-out at collection and in every mailing keeps them in control. Our interest in sending postal marketing to existing customers is not overridden by theirs.")
        .set_text(Q::DecisionFactorsFor, "Existing relationship; clear notice at collection; minimal impact; easy opt-out.")
        .set_text(Q::DecisionFactorsAgainst, "Some customers will not want the post; not opting out does not mean they agreed to it.")
        .set_text(Q::SignOffCompletedName, "Morgan Blake")
        .set_text(Q::SignOffCompletedRole, "Marketing Manager")
        .set_text(Q::SignOffCompletedDate, "2026-08-03")
        .set_text(Q::SignOffApprovedName, "Robin Hughes")
        .set_text(Q::SignOffApprovedRole, "Data Protection Officer")
        .set_text(Q::SignOffApprovedDate, "2026-08-05")
        .set_text(Q::SignOffReviewDate, "2027-08-05")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "An objection to our postal offers is always followed: the opt-out box, a reply to any mailing, a call or an e-mail to customer services adds the customer to our suppression list within two working days, and no further offers are sent.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    a.push_impact(impact(
        "Customers receive marketing post they do not want",
        (Possible, Minimal),
        "Opt-out on the order form and on every mailing; mailings stop two years after the last order.",
        (Remote, Minimal),
    ));
    a
}
