//! The ICO's nature-of-the-data example: employees' emergency contacts.

use super::{all_checklist, impact, screen_dpia};
use crate::assessment::choices::*;
use crate::assessment::model::{Assessment, HarmSeverity::*, Likelihood::*, YesNo::*};
use crate::assessment::questions::QuestionId as Q;

pub fn build(id: &str) -> Assessment {
    let mut a = Assessment::new(id);
    a.set_text(Q::AboutTitle, "Employees' emergency contacts")
        .set_text(Q::AboutOrganisation, "Example Manufacturing Ltd")
        .set_text(Q::AboutDescription, "We ask each employee for the name and phone number of a family member or friend to contact if they have an accident or become seriously ill at work. HR keeps the details in the HR system until the employee changes them or leaves.")
        .set_choices(Q::AboutPeople, &[people::FAMILY])
        .set_choice(Q::AboutScale, scale::UNDER_1K)
        .set_choices(Q::AboutData, &[data::CONTACT])
        .set_choices(Q::AboutSources, &[sources::THIRD_PARTY])
        .set_text(Q::AboutRecipients, "No one outside our organisation; emergency services only if needed in an emergency.")
        .set_yes_no(Q::AboutProcessors, No)
        .set_yes_no(Q::AboutTransfers, No)
        .set_text(Q::AboutRetention, "Until the employee changes them or leaves; HR deletes them within a month of the employee leaving, as no later use needs them.")
        .set_yes_no(Q::AboutStarted, No)
        .set_text(Q::AboutStartDate, "2026-05-01")
        .set_yes_no(Q::TriagePublicAuthority, No)
        .set_choice(Q::TriagePurposeCategory, purpose::EMPLOYMENT)
        .set_yes_no(Q::TriageRecognised, No)
        .set_yes_no(Q::TriageReuse, No)
        .set_yes_no(Q::TriageAutomated, No)
        .set_text(Q::PurposeWhy, "To be able to contact an employee's designated family member or friend if the employee has an accident or becomes seriously ill at work. This is a legitimate interest of a responsible employer.")
        .set_text(Q::PurposeBenefit, "Someone close to the employee learns quickly of an emergency and can support them or make decisions with medical staff.")
        .set_text(Q::PurposeThirdParties, "The nominated person, who would want to be told about the emergency.")
        .set_text(Q::PurposePublicBenefit, "None beyond those of the employee and their contact.")
        .set_text(Q::PurposeImportance, "Very important when it is needed: in an emergency there is no time to look for a contact.")
        .set_text(Q::PurposeImpactIfNot, "We could not tell anyone close to an injured or seriously ill employee, at the moment it matters most to them.")
        .set_text(Q::PurposeOutcome, "The nominated person is told promptly about an emergency involving the employee, and about nothing else.")
        .set_yes_no(Q::PurposeOtherLaws, Yes)
        .set_text(Q::PurposeOtherLawsDetail, "Health and safety at work law; employment law.")
        .set_choice(Q::PurposeCodes, codes::NONE_APPLY)
        .set_yes_no(Q::PurposeEthics, No)
        .set_yes_no(Q::NecessityHelps, Yes)
        .set_text(Q::NecessityHelpsHow, "Asking employees to provide the personal data of other individuals is necessary for this purpose: without a contact's details we cannot reach them in an emergency. It is not practical to have consent from the family or friends of all our employees, and there is no other reasonable way of achieving the purpose.")
        .set_text(Q::NecessityProportionate, "We hold only a name, relationship and phone number for one or two people per employee, and use them only in an emergency.")
        .set_yes_no(Q::NecessityLessData, No)
        .set_yes_no(Q::NecessityLessIntrusive, No)
        .set_yes_no(Q::NatureSpecial, No)
        .set_yes_no(Q::NatureCriminal, No)
        .set_yes_no(Q::NaturePrivate, No)
        .set_yes_no(Q::NatureChildren, No)
        .set_choice(Q::NatureCapacity, capacity::PERSONAL)
        .set_yes_no(Q::ExpRelationship, No)
        .set_text(Q::ExpPastUse, "Not used before.")
        .set_yes_no(Q::ExpDirect, No)
        .set_text(Q::ExpThirdPartyTold, "We ask employees to tell the person they nominate that we hold their details, and that we will use them only in an emergency.")
        .set_choice(Q::ExpWhen, collected::NOT_YET)
        .set_yes_no(Q::ExpObvious, Yes)
        .set_yes_no(Q::ExpInnovative, No)
        .set_choices(Q::ExpEvidence, &[evidence::NONE])
        .set_text(Q::ExpOtherFactors, "Keeping an emergency contact is usual practice for employers, and people who agree to be someone's emergency contact expect to be called in an emergency.")
        .set_text(Q::ImpactPossible, "The data is not sensitive (names and contact details) and the impact of holding these details in case of an emergency is minimal.")
        .set_choices(Q::ImpactHarms, &[harms::NONE])
        .set_yes_no(Q::ImpactControl, No)
        .set_yes_no(Q::ImpactObject, No)
        .set_yes_no(Q::ImpactExplain, Yes)
        .set_choice(Q::ImpactSafeguards, safeguards::YES)
        .set_text(Q::ImpactSafeguardsDetail, "Only the HR department has access to the contact details, and they can only be used in an actual emergency.")
        .set_yes_no(Q::ImpactOptOut, Yes)
        .set_text(Q::ImpactOptOutHow, "A nominated person can ask HR to delete their details at any time; the employee is then asked to nominate someone else.");
    screen_dpia(&mut a, &[]);
    a.set_yes_no(Q::DpiaDone, No)
        .set_choice(Q::DecisionRely, decision::YES)
        .set_text(Q::DecisionJustification, "Being able to contact a designated family member or friend in an emergency is a legitimate interest of a responsible employer, and in the interests of the employee and of the person nominated. The data is not sensitive, the impact is minimal and access is limited to HR for emergencies only, so the balance favours our legitimate interest.")
        .set_text(Q::DecisionFactorsFor, "Clear benefit to the employee and their contact; minimal data; narrow use; limited access.")
        .set_text(Q::DecisionFactorsAgainst, "The contacts are not our employees and did not give us their details themselves.")
        .set_text(Q::SignOffCompletedName, "Sam Green")
        .set_text(Q::SignOffCompletedRole, "HR Manager")
        .set_text(Q::SignOffCompletedDate, "2026-04-14")
        .set_text(Q::SignOffApprovedName, "Alex Morgan")
        .set_text(Q::SignOffApprovedRole, "Data Protection Lead")
        .set_text(Q::SignOffApprovedDate, "2026-04-16")
        .set_text(Q::SignOffReviewDate, "2028-04-16")
        .set_yes_no(Q::SignOffPrivacyInformation, Yes)
        .set_text(Q::SignOffObjections, "A nominated person who objects can ask HR to delete their details; HR deletes them within five working days and asks the employee to nominate someone else.")
        .set_choices(Q::SignOffChecklist, &all_checklist());
    a.push_impact(impact(
        "Contact details seen or used by someone without a need to know",
        (Remote, Minimal),
        "Access limited to HR; use limited to actual emergencies.",
        (Remote, Minimal),
    ));
    a
}
