//! The question bank: every question the tool asks, in order, in one place.
//!
//! Questions marked `.ico()` are the ICO's own words from "How do we apply legitimate
//! interests in practice?"; `.template()` marks the ICO's sample LIA template. Both are
//! kept verbatim (a test checks them against the guidance text). The rest are the
//! tool's own wording, with the source in the hint.

use super::choices::*;
use super::model::YesNo as Yn;
use super::questions::AnswerKind::*;
use super::questions::Section::*;
use super::questions::{q, Cond, Question};
use QuestionId::*;

const YES: &[Yn] = &[Yn::Yes];
const YES_OR_UNSURE: &[Yn] = &[Yn::Yes, Yn::NotSure];

use super::questions::Basis;

impl Basis {
    /// The earlier answers an answer resting on this set rests on: when one of them
    /// changes after it was given, it is marked to be checked again. The ICO: revisit the
    /// assessment when the purpose, nature or context of the processing changes.
    pub fn questions(self) -> &'static [QuestionId] {
        match self {
            Basis::Nothing => &[],
            Basis::Category => &[TriagePurposeCategory],
            Basis::Purpose => &[TriagePurposeCategory, PurposeWhy],
            Basis::PurposeData => &[AboutData, TriagePurposeCategory, PurposeWhy],
            Basis::Data => &[AboutData],
            Basis::People => &[AboutPeople],
            Basis::WhoWhatWhy => &[AboutPeople, AboutData, TriagePurposeCategory, PurposeWhy],
        }
    }
}

/// Declares the `QuestionId` enum and the `QUESTIONS` table together, so the two can
/// never drift apart: the id's discriminant is the question's index in the table.
macro_rules! bank {
    ($($id:ident = $question:expr,)+) => {
        /// Names a question of the bank; serialised as the question's stable key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum QuestionId { $($id,)+ }

        impl QuestionId {
            /// Every question, in bank order.
            pub const ALL: &'static [QuestionId] = &[$(QuestionId::$id,)+];
            pub(super) const FIRST: QuestionId = QuestionId::ALL[0];
        }

        /// The bank, indexed by `QuestionId as usize`.
        pub static QUESTIONS: &[Question] = &[$($question.with_id(QuestionId::$id),)+];
    };
}

bank! {
    // ---- About the processing ------------------------------------------------------
    AboutTitle = q("about.title", About, ShortText, "What do you want to call this assessment?")
        .short("Name of the assessment")
        .hint("A name you will recognise later, for example \"E-mail newsletter to tenants\".")
        .required("Enter a name for this assessment"),
    AboutOrganisation = q("about.organisation", About, ShortText, "Which organisation is responsible for the processing?")
        .short("Organisation")
        .hint("The controller: the organisation that decides why and how the data is used.")
        .required("Enter the name of the organisation"),
    AboutDescription = q("about.description", About, LongText, "Describe the processing")
        .short("Description of the processing")
        .hint("What you will do with the data, how, who will do it and for how long.")
        .required("Describe the processing"),
    AboutPeople = q("about.people", About, Multiple(people::OPTIONS), "Whose personal data is it?")
        .short("Whose data it is")
        .hint("Select all that apply.")
        .required("Select whose personal data it is"),
    AboutPeopleOther = q("about.people-other", About, ShortText, "Who else?")
        .short("Other people")
        .required("Say who else the data is about")
        .shown(Cond::ChoicesAny(AboutPeople, &[people::OTHER])),
    AboutScale = q("about.scale", About, Single(scale::OPTIONS), "Roughly how many people's data will this involve?")
        .short("Number of people")
        .required("Select roughly how many people's data this involves"),
    AboutData = q("about.data", About, Multiple(data::OPTIONS), "What kinds of personal data will you use?")
        .short("Kinds of data")
        .hint("Select all that apply. Special category data is defined in UK GDPR Article 9(1).")
        .required("Select the kinds of personal data you will use"),
    AboutDataOther = q("about.data-other", About, ShortText, "What other data?")
        .short("Other data")
        .required("Say what other data you will use")
        .shown(Cond::ChoicesAny(AboutData, &[data::OTHER])),
    AboutSources = q("about.sources", About, Multiple(sources::OPTIONS), "Where does the data come from?")
        .short("Where the data comes from")
        .hint("Select all that apply.")
        .required("Select where the data comes from"),
    AboutRecipients = q("about.recipients", About, LongText, "Who will the data be shared with?")
        .short("Who receives the data")
        .hint("Name the organisations or teams outside your own that will receive it, or write \"No one outside our organisation\".")
        .required("Say who the data will be shared with"),
    AboutProcessors = q("about.processors", About, YesNo, "Will another organisation handle the data for you, on your instructions?")
        .short("Processors used")
        .hint("A processor, such as an e-mail platform, a cloud service, a payroll bureau or a mailing house (UK GDPR Article 28)."),
    AboutProcessorContract = q("about.processor-contract", About, YesNo, "Is there a written contract with each of them that has the terms UK GDPR Article 28(3) requires?")
        .short("Article 28 contract with each processor")
        .hint("Among other things, the processor acts only on your documented instructions, keeps the data confidential and secure, uses other processors only with your authorisation, and deletes or returns the data at the end.")
        .shown(Cond::YesNoIn(AboutProcessors, YES_OR_UNSURE)),
    AboutTransfers = q("about.transfers", About, YesNo, "Will the data, or access to it, go outside the UK?")
        .short("Transfers outside the UK")
        .hint("Including a supplier that stores it abroad, or whose staff abroad can reach it (UK GDPR Chapter V)."),
    AboutTransferSafeguard = q("about.transfer-safeguard", About, Single(transfer::OPTIONS), "What allows the transfer?")
        .short("What allows the transfer")
        .shown(Cond::YesNoIn(AboutTransfers, YES_OR_UNSURE)),
    AboutRetention = q("about.retention", About, LongText, "How long will you keep the data, and why that long?")
        .short("How long the data is kept")
        .hint("For example \"Deleted six months after the tenancy ends: long enough to settle the final account\". Keep data no longer than the purpose needs (UK GDPR Article 5(1)(e))."),
    AboutStarted = q("about.started", About, YesNo, "Has the processing already started?")
        .short("Processing already started")
        .hint("You must do the assessment before you start. Answer no if you are reviewing an earlier assessment of processing that has started since.")
        .required("Select whether the processing has already started"),
    AboutStartDate = q("about.start-date", About, Date, "When will the processing start?")
        .short("Start of the processing")
        .hint("If it has already started, give the date it started. For example, 2025-03-27.")
        .required("Enter the date the processing starts"),

    // ---- Triage: is legitimate interests available, and which rules apply ------------
    TriagePublicAuthority = q("triage.public-authority", Triage, YesNo, "Is your organisation a public authority?")
        .short("Public authority")
        .hint("For example a council, an NHS body, a state school or a police force (as defined for the Freedom of Information Act 2000).")
        .required("Select whether your organisation is a public authority"),
    TriagePublicTask = q("triage.public-task", Triage, YesNo, "Is this processing part of your tasks as a public authority?")
        .short("Part of your public tasks")
        .hint("Legitimate interests cannot be used for processing that public authorities carry out in the performance of their tasks (UK GDPR Article 6(1), words after point (f)).")
        .required("Select whether this processing is part of your tasks as a public authority")
        .shown(Cond::YesNoIn(TriagePublicAuthority, YES_OR_UNSURE)),
    TriagePurposeCategory = q("triage.purpose-category", Triage, Single(purpose::OPTIONS), "What kind of purpose is this?")
        .short("Kind of purpose")
        .hint("Choose the closest. Some purposes are named in UK GDPR and change what the assessment needs.")
        .required("Select the kind of purpose"),
    TriageRecognised = q("triage.recognised", Triage, YesNo, "Are you relying on a recognised legitimate interest?")
        .short("Recognised legitimate interest")
        .hint("Since 5 February 2026, UK GDPR Article 6(1)(ea) and Annex 1 list a few purposes (such as crime prevention or safeguarding) where you must still show the processing is necessary, but need no balancing test.")
        .required("Select whether you are relying on a recognised legitimate interest"),
    TriageRecognisedCondition = q("triage.recognised-condition", Triage, Single(recognised::OPTIONS), "Which recognised legitimate interest applies?")
        .short("Which recognised legitimate interest")
        .hint("These are the conditions in Annex 1 to UK GDPR.")
        .required("Select which recognised legitimate interest applies")
        .shown(Cond::YesNoIn(TriageRecognised, YES_OR_UNSURE)),
    TriageRecognisedDetail = q("triage.recognised-detail", Triage, LongText, "How does the processing meet that condition?")
        .short("How the condition is met")
        .hint("For a disclosure, say who asked for the data and what task in law they said they need it for.")
        .required("Explain how the processing meets the condition")
        .shown(Cond::All(&[
            Cond::YesNoIn(TriageRecognised, YES_OR_UNSURE),
            Cond::Answered(TriageRecognisedCondition),
        ])),
    TriageStrictlyNecessary = q("triage.strictly-necessary", Triage, YesNo, "Is the processing limited to what is strictly necessary for that purpose (preventing fraud, securing your network and systems, or telling a competent authority about a possible crime)?")
        .ordinary_only()
        .short("Limited to what is strictly necessary")
        .hint("UK GDPR names these purposes as legitimate interests only to the extent strictly necessary (recitals 47, 49 and 50): for a report to the police, for example, only what they need about the case in question.")
        .required("Select whether the processing is limited to what is strictly necessary")
        .shown(Cond::ChoiceIn(TriagePurposeCategory, purpose::STRICTLY_NECESSARY)),
    TriageChannels = q("triage.channels", Triage, Multiple(channels::OPTIONS), "How will you send the marketing?")
        .short("Marketing channels")
        .hint("Select all that apply. E-mail, text messages and phone calls are covered by the Privacy and Electronic Communications Regulations (PECR).")
        .required("Select how you will send the marketing")
        .shown(Cond::ChoiceIn(TriagePurposeCategory, &[purpose::DIRECT_MARKETING])),
    TriageSubscribers = q("triage.subscribers", Triage, Single(subscribers::OPTIONS), "Who will you send electronic marketing to?")
        .short("Who receives electronic marketing")
        .hint("PECR's rules on e-mail and text marketing protect individual subscribers, including sole traders and some partnerships.")
        .required("Select who you will send electronic marketing to")
        .shown(Cond::ChoicesAny(TriageChannels, channels::ELECTRONIC)),
    PecrEmailBasis = q("pecr.email-basis", Triage, Single(pecr_basis::OPTIONS), "What allows you to send marketing e-mails to individuals under PECR?")
        .short("PECR basis for e-mail")
        .hint("PECR regulation 22: individuals must have consented, unless a soft opt-in applies.")
        .required("Select what allows you to send marketing e-mails")
        .shown(Cond::All(&[
            Cond::ChoicesAny(TriageChannels, &[channels::EMAIL]),
            Cond::ChoiceIn(TriageSubscribers, &[subscribers::INDIVIDUALS, subscribers::BOTH]),
        ])),
    PecrSmsBasis = q("pecr.sms-basis", Triage, Single(pecr_basis::OPTIONS), "What allows you to send marketing text messages to individuals under PECR?")
        .short("PECR basis for text messages")
        .hint("PECR regulation 22: individuals must have consented, unless a soft opt-in applies.")
        .required("Select what allows you to send marketing text messages")
        .shown(Cond::All(&[
            Cond::ChoicesAny(TriageChannels, &[channels::SMS]),
            Cond::ChoiceIn(TriageSubscribers, &[subscribers::INDIVIDUALS, subscribers::BOTH]),
        ])),
    PecrSoftSale = q("pecr.soft-sale", Triage, YesNo, "Did you get each person's contact details in the course of a sale, or negotiations for a sale, of a product or service to them?")
        .short("Details obtained during a sale")
        .hint("PECR regulation 22(3)(a). Someone who only asked a question, or signed up to a free service, may not count.")
        .required("Select whether you got the details in the course of a sale")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::SOFT_OPT_IN]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::SOFT_OPT_IN]),
        ])),
    PecrSoftSimilar = q("pecr.soft-similar", Triage, YesNo, "Will the messages only be about your own similar products and services?")
        .short("Only your own similar products and services")
        .hint("PECR regulation 22(3)(b): similar to what the person bought or negotiated for, and yours, not a partner's.")
        .required("Select whether the messages are only about your own similar products and services")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::SOFT_OPT_IN]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::SOFT_OPT_IN]),
        ])),
    PecrCharityIsCharity = q("pecr.charity-is-charity", Triage, YesNo, "Is your organisation a charity?")
        .short("A charity")
        .hint("The charity soft opt-in in PECR regulation 22(3A) is only for charities.")
        .required("Select whether your organisation is a charity")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::CHARITY]),
        ])),
    PecrCharitySender = q("pecr.charity-sender", Triage, Single(charity_sender::OPTIONS), "Who will send the messages, or have them sent?")
        .short("Who sends the charity's messages")
        .hint("Only a charity can rely on PECR regulation 22(3A), for its own messages. A trading subsidiary is a company of its own, even when the charity owns it.")
        .required("Select who will send the messages")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::CHARITY]),
        ])),
    PecrCharityAbout = q("pecr.charity-about", Triage, Single(charity_about::OPTIONS), "Whose appeals, products or services will the messages promote?")
        .short("What the charity's messages promote")
        .required("Select whose appeals, products or services the messages promote")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::CHARITY]),
        ])),
    PecrCharityPurpose = q("pecr.charity-purpose", Triage, YesNo, "Is the sole purpose of the messages to further your charitable purposes?")
        .short("Solely to further charitable purposes")
        .hint("PECR regulation 22(3A).")
        .required("Select whether the sole purpose is to further your charitable purposes")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::CHARITY]),
        ])),
    PecrCharitySupport = q("pecr.charity-support", Triage, YesNo, "Did you get the contact details when the person expressed an interest in, or offered or gave support to, your charitable purposes?")
        .short("Details obtained from interest or support")
        .hint("PECR regulation 22(3A). Similar purposes of yours also count.")
        .required("Select whether you got the details when the person expressed an interest or gave support")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::CHARITY]),
        ])),
    PecrRefusalAtCollection = q("pecr.refusal-at-collection", Triage, YesNo, "When you collected the contact details, did you give people a simple, free way to refuse marketing?")
        .short("Free way to refuse when details were collected")
        .hint("Required for both soft opt-ins (PECR regulation 22(3)(c) and 22(3A)).")
        .required("Select whether people could refuse marketing when you collected their details")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
        ])),
    PecrRefusalEveryMessage = q("pecr.refusal-every-message", Triage, YesNo, "Will every message give a simple, free way to opt out?")
        .short("Free way to opt out in every message")
        .hint("Required for both soft opt-ins (PECR regulation 22(3)(c) and 22(3A)), for example an unsubscribe link or \"reply STOP\".")
        .required("Select whether every message will give a way to opt out")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
        ])),
    PecrEvidence = q("pecr.evidence", Triage, LongText, "What evidence do you keep that each of these conditions is met?")
        .short("Evidence for the soft opt-in")
        .hint("For example the wording of the sign-up form, the date the details were collected and a sample message with its opt-out.")
        .required("Describe the evidence that the soft opt-in conditions are met")
        .shown(Cond::Any(&[
            Cond::ChoiceIn(PecrEmailBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
            Cond::ChoiceIn(PecrSmsBasis, &[pecr_basis::SOFT_OPT_IN, pecr_basis::CHARITY]),
        ])),
    PecrIdentity = q("pecr.identity", Triage, YesNo, "Will every message say who it is from and give a valid address where people can ask you to stop?")
        .short("Sender named, with an address to opt out")
        .hint("PECR regulation 23 applies to every marketing e-mail and text message, whoever receives it.")
        .shown(Cond::ChoicesAny(TriageChannels, &[channels::EMAIL, channels::SMS])),
    PecrTracking = q("pecr.tracking", Triage, YesNo, "Will the messages record whether people open them or click their links?")
        .short("Tracking in the messages")
        .hint("For example a tracking pixel, or links personalised to each person. Storing or reading information on people's devices is covered by PECR regulation 6.")
        .shown(Cond::ChoicesAny(TriageChannels, &[channels::EMAIL, channels::SMS])),
    PecrTrackingConsent = q("pecr.tracking-consent", Triage, YesNo, "Have people consented to that tracking, after being told clearly what it does?")
        .short("Consent to the tracking")
        .shown(Cond::YesNoIn(PecrTracking, YES_OR_UNSURE)),
    PecrTps = q("pecr.tps", Triage, YesNo, "Will you screen every number against the Telephone Preference Service (TPS) and Corporate TPS before you call?")
        .short("Numbers screened against the TPS and CTPS")
        .hint("PECR regulation 21: you must not make live marketing calls to a registered number unless that person has told you they do not object to your calls.")
        .required("Select whether you will screen numbers against the TPS and Corporate TPS")
        .shown(Cond::ChoicesAny(TriageChannels, &[channels::LIVE_CALLS])),
    PecrAutomatedConsent = q("pecr.automated-consent", Triage, YesNo, "Has everyone you will call agreed to receive automated marketing calls from you?")
        .short("Consent to automated calls")
        .hint("PECR regulation 19: recorded marketing calls need the person's prior consent.")
        .required("Select whether everyone has agreed to automated marketing calls")
        .shown(Cond::ChoicesAny(TriageChannels, &[channels::AUTOMATED_CALLS])),
    TriageReuse = q("triage.reuse", Triage, YesNo, "Will you use data that you first collected for a different purpose?")
        .short("Data reused for a new purpose")
        .hint("A new purpose must be compatible with the purpose you collected the data for (purpose limitation: UK GDPR Article 5(1)(b) and Article 8A, inserted by the Data (Use and Access) Act 2025).")
        .required("Select whether you will use data you first collected for a different purpose"),
    TriageReuseOriginal = q("triage.reuse-original", Triage, LongText, "What did you first collect the data for?")
        .short("The purpose the data was collected for")
        .hint("Say what people were told at the time, and the lawful basis you used then.")
        .required("Say what you first collected the data for")
        .shown(Cond::YesNoIn(TriageReuse, YES_OR_UNSURE)),
    TriageReuseConsent = q("triage.reuse-consent", Triage, YesNo, "Did you collect it on the basis of people's consent?")
        .short("Collected on consent")
        .hint("If so, fewer routes are open: a compatibility assessment is not enough (UK GDPR Article 8A(4)).")
        .required("Select whether you collected the data on the basis of consent")
        .shown(Cond::YesNoIn(TriageReuse, YES_OR_UNSURE)),
    TriageReuseCompatible = q("triage.reuse-compatible", Triage, Single(compatible::OPTIONS), "Why is the new purpose compatible with the one you collected the data for?")
        .short("Why the new purpose is compatible")
        .hint("The routes in UK GDPR Article 8A(3), or an assessment under Article 8A(2). You still need a lawful basis for the new purpose: that is what this assessment is for.")
        .required("Select why the new purpose is compatible, or that you have not assessed it yet")
        .shown(Cond::YesNoIn(TriageReuse, YES_OR_UNSURE)),
    TriageReuseAnnex2 = q("triage.reuse-annex-2", Triage, Single(annex2::OPTIONS), "Which condition in Annex 2 applies?")
        .short("Annex 2 condition")
        .hint("The reuse must be necessary for the condition: a targeted and proportionate way of meeting it.")
        .required("Select which condition in Annex 2 applies")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, &[compatible::ANNEX_2])),
    TriageReuseLink = q("triage.reuse-link", Triage, LongText, "What is the link between the purpose you collected the data for and the new one?")
        .short("Link between the purposes")
        .hint("UK GDPR Article 8A(2)(a).")
        .required("Say what links the two purposes")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageReuseContext = q("triage.reuse-context", Triage, LongText, "In what context did you collect the data, and what is your relationship with the people?")
        .short("Context and relationship")
        .hint("Article 8A(2)(b): what they would expect, given how and why you collected it.")
        .required("Describe the context and your relationship with the people")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageReuseNature = q("triage.reuse-nature", Triage, LongText, "What is the nature of the data? Does it include special category or criminal offence data?")
        .short("Nature of the data reused")
        .hint("Article 8A(2)(c).")
        .required("Describe the nature of the data")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageReuseConsequences = q("triage.reuse-consequences", Triage, LongText, "What are the possible consequences of the new use for the people?")
        .short("Consequences for the people")
        .hint("Article 8A(2)(d).")
        .required("Describe the possible consequences for the people")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageReuseSafeguards = q("triage.reuse-safeguards", Triage, LongText, "What safeguards apply, such as encryption or pseudonymisation?")
        .short("Safeguards for the reuse")
        .hint("Article 8A(2)(e).")
        .required("Describe the safeguards, or say that there are none")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageReuseAssessment = q("triage.reuse-assessment", Triage, LongText, "Weighing these against what people were told when you collected the data, is the new purpose compatible, and why?")
        .short("Compatibility assessment")
        .hint("Your conclusion (Article 8A(1) and (2)): what people were told then, and whether the new use is one they could expect.")
        .required("Record your compatibility assessment")
        .shown(Cond::ChoiceIn(TriageReuseCompatible, compatible::ASSESSMENT)),
    TriageAutomated = q("triage.automated-decisions", Triage, YesNo, "Will any decision with a legal or similarly significant effect on someone be taken by automated means alone, with no meaningful human involvement?")
        .short("Significant decisions taken by automated means alone")
        .hint("For example refusing a tenancy, a loan or a job interview without a person looking at the case. UK GDPR Articles 22A to 22D, inserted by the Data (Use and Access) Act 2025, apply to these decisions.")
        .required("Select whether any significant decision will be taken by automated means alone"),
    TriageAutomatedSafeguards = q("triage.automated-safeguards", Triage, Multiple(adm_safeguards::OPTIONS), "Which of these safeguards will people have?")
        .short("Safeguards for automated decisions")
        .hint("UK GDPR Article 22C requires all four. Select all that apply.")
        .required("Select the safeguards people will have, or none of these")
        .shown(Cond::YesNoIn(TriageAutomated, YES_OR_UNSURE)),
    TriageAutomatedSafeguardsDetail = q("triage.automated-safeguards-detail", Triage, LongText, "How will people use these safeguards?")
        .short("How the safeguards work")
        .hint("For example how people are told about a decision, who reviews it and how quickly.")
        .required("Explain how people will use the safeguards")
        .shown(Cond::YesNoIn(TriageAutomated, YES_OR_UNSURE)),

    // ---- Part 1: purpose test (ICO wording) ----------------------------------------
    PurposeWhy = q("purpose.why", Purpose, LongText, "Why do you want to process the data?")
        .rests_on(Basis::Category)
        .ico()
        .short("Why you want to process the data")
        .hint("Be as specific as possible: what you will do, for whom and what it achieves. It makes the necessity and balancing tests easier.")
        .required("Enter why you want to process the data"),
    PurposeBenefit = q("purpose.benefit", Purpose, LongText, "What benefit do you expect to get from the processing?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("Benefit you expect")
        .required("Enter the benefit you expect to get"),
    PurposeThirdParties = q("purpose.third-parties", Purpose, LongText, "Do any third parties benefit from the processing?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("Benefit to third parties")
        .hint("Write \"None\" if no one else benefits."),
    PurposePublicBenefit = q("purpose.public-benefit", Purpose, LongText, "Are there any wider public benefits to the processing?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("Wider public benefits")
        .hint("Write \"None\" if there are none."),
    PurposeImportance = q("purpose.importance", Purpose, LongText, "How important are those benefits?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("How important the benefits are")
        .required("Enter how important the benefits are"),
    PurposeImpactIfNot = q("purpose.impact-if-not", Purpose, LongText, "What would the impact be if you couldn’t go ahead?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("Impact if you could not go ahead")
        .required("Enter what the impact would be if you could not go ahead"),
    PurposeOutcome = q("purpose.outcome", Purpose, LongText, "What is the intended outcome for individuals?")
        .rests_on(Basis::Purpose)
        .ico()
        .short("Intended outcome for individuals")
        .required("Enter the intended outcome for individuals"),
    PurposeDataProtectionRules = q("purpose.data-protection-rules", Purpose, LongText, "Are you complying with any specific data protection rules that apply to your processing (eg profiling requirements, or e-privacy legislation)?")
        .template()
        .short("Specific data protection rules")
        .hint("For example the rules on automated decisions (UK GDPR Article 22) or PECR for electronic marketing."),
    PurposeOtherLaws = q("purpose.other-laws", Purpose, YesNo, "Are you complying with other relevant laws?")
        .ico()
        .short("Complying with other relevant laws")
        .hint("An interest cannot be legitimate if pursuing it breaks the law, for example consumer, employment or equality law.")
        .required("Select whether you are complying with other relevant laws"),
    PurposeOtherLawsDetail = q("purpose.other-laws-detail", Purpose, LongText, "Which laws apply, and how do you comply with them?")
        .short("Other laws and how you comply")
        .shown(Cond::Answered(PurposeOtherLaws)),
    PurposeCodes = q("purpose.codes", Purpose, Single(codes::OPTIONS), "Are you complying with industry guidelines or codes of practice?")
        .ico()
        .short("Industry guidelines or codes of practice")
        .required("Select whether you are complying with industry guidelines or codes of practice"),
    PurposeCodesDetail = q("purpose.codes-detail", Purpose, LongText, "Which guidelines or codes?")
        .short("Which guidelines or codes")
        .shown(Cond::ChoiceIn(PurposeCodes, &[codes::YES, codes::NO, codes::NOT_SURE])),
    PurposeEthics = q("purpose.ethics", Purpose, YesNo, "Are there any ethical issues with the processing?")
        .ico()
        .short("Ethical issues")
        .required("Select whether there are any ethical issues"),
    PurposeEthicsDetail = q("purpose.ethics-detail", Purpose, LongText, "What are the ethical issues, and how will you deal with them?")
        .short("Ethical issues and how you will deal with them")
        .required("Describe the ethical issues and how you will deal with them")
        .shown(Cond::YesNoIn(PurposeEthics, YES_OR_UNSURE)),

    // ---- Part 2: necessity test (ICO wording) --------------------------------------
    NecessityHelps = q("necessity.helps", Necessity, YesNo, "Will the processing actually help you achieve your purpose?")
        .rests_on(Basis::PurposeData)
        .ico()
        .short("The processing helps achieve the purpose")
        .required("Select whether the processing will help you achieve your purpose"),
    NecessityHelpsHow = q("necessity.helps-how", Necessity, LongText, "How will it help?")
        .rests_on(Basis::PurposeData)
        .short("How it helps")
        .hint("If this is hard to explain, go back to the purpose and make it more specific.")
        .required("Explain how the processing will help")
        .shown(Cond::YesNoIn(NecessityHelps, YES_OR_UNSURE)),
    NecessityProportionate = q("necessity.proportionate", Necessity, LongText, "Is the processing proportionate to that purpose, or could it be seen as using a sledgehammer to crack a nut?")
        .rests_on(Basis::PurposeData)
        .ico()
        .short("Proportionate to the purpose")
        .required("Explain whether the processing is proportionate to the purpose"),
    NecessityLessData = q("necessity.less-data", Necessity, YesNo, "Can you achieve your purpose without processing the data, or by processing less data?")
        .rests_on(Basis::PurposeData)
        .ico()
        .short("Possible without the data, or with less")
        .required("Select whether you can achieve your purpose without the data or with less data"),
    NecessityLessIntrusive = q("necessity.less-intrusive", Necessity, YesNo, "Can you achieve your purpose by processing the data in another more obvious or less intrusive way?")
        .rests_on(Basis::PurposeData)
        .ico()
        .short("Possible in a less intrusive way")
        .required("Select whether you can achieve your purpose in a less intrusive way"),
    NecessityAlternatives = q("necessity.alternatives", Necessity, LongText, "Why are these alternatives not reasonable?")
        .rests_on(Basis::PurposeData)
        .short("Why the alternatives are not reasonable")
        .hint("If there are less intrusive alternatives, the ICO says you need to be clear why they are not reasonable.")
        .required("Explain why the alternatives are not reasonable")
        .shown(Cond::Any(&[
            Cond::YesNoIn(NecessityLessData, YES_OR_UNSURE),
            Cond::YesNoIn(NecessityLessIntrusive, YES_OR_UNSURE),
        ])),

    // ---- Part 3: balancing test, nature of the data (ICO wording) ------------------
    NatureSpecial = q("nature.special", Nature, YesNo, "Is it special category data?")
        .rests_on(Basis::Data)
        .ico()
        .short("Special category data")
        .hint("Racial or ethnic origin, political opinions, religious or philosophical beliefs, trade union membership, genetic data, biometric data to identify someone, health, sex life or sexual orientation (UK GDPR Article 9(1)).")
        .required("Select whether it is special category data"),
    NatureArt9 = q("nature.art9-condition", Nature, Single(art9::OPTIONS), "Which condition in UK GDPR Article 9(2) do you rely on?")
        .rests_on(Basis::PurposeData)
        .short("Article 9(2) condition")
        .hint("Special category data needs one of these conditions as well as legitimate interests.")
        .required("Select the Article 9(2) condition you rely on")
        .shown(Cond::YesNoIn(NatureSpecial, YES_OR_UNSURE)),
    NatureSchedule1 = q("nature.schedule-1", Nature, LongText, "Which condition in Schedule 1 to the Data Protection Act 2018 do you meet?")
        .rests_on(Basis::PurposeData)
        .short("Schedule 1 condition for special category data")
        .hint("Conditions (b), (g), (h), (i) and (j) also need a Schedule 1 condition (Data Protection Act 2018, section 10), and some of those need an appropriate policy document.")
        .required("Enter the Schedule 1 condition you meet")
        .shown(Cond::ChoiceIn(NatureArt9, art9::NEED_SCHEDULE_1)),
    NatureCriminal = q("nature.criminal", Nature, YesNo, "Is it criminal offence data?")
        .rests_on(Basis::Data)
        .ico()
        .short("Criminal offence data")
        .hint("Data about criminal allegations, proceedings, convictions or offences, or related security measures (UK GDPR Article 10).")
        .required("Select whether it is criminal offence data"),
    NatureArt10 = q("nature.art10-condition", Nature, Single(art10::OPTIONS), "What allows you to process criminal offence data?")
        .rests_on(Basis::PurposeData)
        .short("Condition for criminal offence data")
        .required("Select what allows you to process criminal offence data")
        .shown(Cond::YesNoIn(NatureCriminal, YES_OR_UNSURE)),
    NatureArt10Detail = q("nature.art10-detail", Nature, LongText, "Which Schedule 1 condition do you meet?")
        .rests_on(Basis::PurposeData)
        .short("Schedule 1 condition for criminal offence data")
        .required("Enter the Schedule 1 condition you meet")
        .shown(Cond::ChoiceIn(NatureArt10, &[art10::SCHEDULE_1])),
    NaturePrivate = q("nature.private", Nature, YesNo, "Is it another type of data that people are likely to consider particularly ‘private’, for example financial data?")
        .rests_on(Basis::Data)
        .ordinary_only()
        .ico()
        .short("Particularly private data")
        .hint("For example financial details, location or the content of messages.")
        .required("Select whether people are likely to consider the data particularly private"),
    NatureChildren = q("nature.children", Nature, YesNo, "Are you processing children’s data or data relating to other vulnerable individuals?")
        .rests_on(Basis::People)
        .ordinary_only()
        .ico()
        .short("Children or vulnerable people")
        .required("Select whether you are processing children's data or data about vulnerable people"),
    NatureChildrenProtection = q("nature.children-protection", Nature, LongText, "How will you protect their interests?")
        .rests_on(Basis::People)
        .ordinary_only()
        .short("How you will protect children or vulnerable people")
        .hint("Children's interests weigh particularly heavily in the balance. Say how the processing is in their best interests and what extra care you take.")
        .required("Explain how you will protect their interests")
        .shown(Cond::YesNoIn(NatureChildren, YES_OR_UNSURE)),
    NatureCapacity = q("nature.capacity", Nature, Single(capacity::OPTIONS), "Is it data about people in their personal or professional capacity?")
        .rests_on(Basis::People)
        .ordinary_only()
        .ico()
        .short("Personal or professional capacity")
        .hint("Data about people in their work capacity usually has less impact.")
        .required("Select whether the data is about people in their personal or professional capacity"),

    // ---- Part 3: reasonable expectations (ICO wording) -----------------------------
    ExpRelationship = q("expectations.relationship", Expectations, YesNo, "Do you have an existing relationship with the individual?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Existing relationship")
        .hint("Expectations are judged objectively: what a reasonable person would expect in the circumstances.")
        .required("Select whether you have an existing relationship with the people"),
    ExpRelationshipNature = q("expectations.relationship-nature", Expectations, LongText, "If so, what is the nature of that relationship?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Nature of the relationship")
        .required("Describe the nature of the relationship")
        .shown(Cond::YesNoIn(ExpRelationship, YES)),
    ExpPastUse = q("expectations.past-use", Expectations, LongText, "How have you used their data in the past?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("How you used their data in the past"),
    ExpDirect = q("expectations.direct", Expectations, YesNo, "Did you collect data directly from the individual?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Collected directly from the people")
        .required("Select whether you collected the data directly from the people"),
    ExpTold = q("expectations.told", Expectations, LongText, "What did you tell individuals at the time?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("What you told people at the time")
        .required("Enter what you told people at the time")
        .shown(Cond::YesNoIn(ExpDirect, YES_OR_UNSURE)),
    ExpThirdPartyTold = q("expectations.third-party-told", Expectations, LongText, "If you obtained the data from a third party, what did they tell individuals about reuse of the data by third parties for other purposes?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("What the third party told people about reuse")
        .required("Enter what the third party told people about reuse of their data")
        .shown(Cond::ChoicesAny(AboutSources, &[sources::THIRD_PARTY])),
    ExpWhen = q("expectations.when", Expectations, Single(collected::OPTIONS), "How long ago was the data collected?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("How long ago the data was collected")
        .required("Select how long ago the data was collected"),
    ExpChanges = q("expectations.changes", Expectations, YesNo, "Are there any changes in technology or other context since that time that would affect current expectations?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Changes since the data was collected")
        .required("Select whether anything has changed since the data was collected")
        .shown(Cond::ChoiceIn(ExpWhen, &[collected::UNDER_1, collected::UNDER_2, collected::UNDER_5, collected::OVER_5])),
    ExpChangesDetail = q("expectations.changes-detail", Expectations, LongText, "What has changed?")
        .rests_on(Basis::WhoWhatWhy)
        .short("What has changed")
        .required("Describe what has changed")
        .shown(Cond::YesNoIn(ExpChanges, YES_OR_UNSURE)),
    ExpObvious = q("expectations.obvious", Expectations, YesNo, "Is your intended purpose and method obvious or widely understood?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Purpose and method obvious or widely understood")
        .required("Select whether your purpose and method are obvious or widely understood"),
    ExpInnovative = q("expectations.innovative", Expectations, YesNo, "Are you intending to do anything new or innovative?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("New or innovative")
        .required("Select whether you intend to do anything new or innovative"),
    ExpEvidence = q("expectations.evidence", Expectations, Multiple(evidence::OPTIONS), "Do you have any actual evidence about expectations, eg from market research, focus groups or other forms of consultation?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Evidence about expectations")
        .hint("Select all that apply. A privacy notice alone does not show what people expect.")
        .required("Select the evidence you have about expectations, or that you have none"),
    ExpEvidenceDetail = q("expectations.evidence-detail", Expectations, LongText, "Describe the evidence")
        .rests_on(Basis::WhoWhatWhy)
        .short("The evidence")
        .shown(Cond::ChoicesAny(ExpEvidence, &[evidence::RESEARCH, evidence::CONSULTATION, evidence::STUDIES, evidence::FEEDBACK, evidence::PRIVACY_NOTICE])),
    ExpOtherFactors = q("expectations.other-factors", Expectations, LongText, "Are there any other factors in the particular circumstances that mean they would or would not expect the processing?")
        .rests_on(Basis::WhoWhatWhy)
        .ico()
        .short("Other factors affecting expectations"),

    // ---- Part 3: likely impact and safeguards (ICO template wording) ---------------
    ImpactPossible = q("impact.possible", Impact, LongText, "What are the possible impacts of the processing on people?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Possible impacts on people")
        .hint("Record every relevant factor, whether or not it supports your conclusion.")
        .required("Describe the possible impacts on people"),
    ImpactHarms = q("impact.harms", Impact, Multiple(harms::OPTIONS), "Might the processing contribute to any of these?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Harms the processing might contribute to")
        .hint("The harms the ICO asks you to think about in particular. Select all that apply.")
        .required("Select the harms the processing might contribute to, or none of these"),
    ImpactControl = q("impact.control", Impact, YesNo, "Will individuals lose any control over the use of their personal data?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Loss of control over their data")
        .required("Select whether people will lose any control over their data"),
    ImpactList = q("impact.list", Impact, Impacts, "What is the likelihood and severity of any potential impact?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Impacts, likelihood and severity")
        .hint("Add each impact, how likely and how severe it is, and what it would be after your safeguards. The scale is the one in the ICO's DPIA template."),
    ImpactObject = q("impact.object", Impact, YesNo, "Are some people likely to object to the processing or find it intrusive?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Some people likely to object")
        .required("Select whether some people are likely to object or find it intrusive"),
    ImpactExplain = q("impact.explain", Impact, YesNo, "Would you be happy to explain the processing to individuals?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Happy to explain it to people")
        .required("Select whether you would be happy to explain the processing"),
    ImpactSafeguards = q("impact.safeguards", Impact, Single(safeguards::OPTIONS), "Can you adopt any safeguards to minimise the impact?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Safeguards")
        .hint("For example collecting less data, limiting who can see it, shorter retention or an opt-out. Safeguards must go beyond what the law already requires.")
        .required("Select whether you can adopt safeguards"),
    ImpactSafeguardsDetail = q("impact.safeguards-detail", Impact, LongText, "Describe the safeguards, or why none are needed")
        .rests_on(Basis::WhoWhatWhy)
        .short("The safeguards")
        .required("Describe the safeguards, or why none are needed")
        .shown(Cond::Answered(ImpactSafeguards)),
    ImpactOptOut = q("impact.opt-out", Impact, YesNo, "Can you offer individuals an opt-out?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Opt-out offered")
        .hint("An opt-out is a safeguard, not consent: not opting out does not show that someone agreed.")
        .required("Select whether you can offer an opt-out"),
    ImpactOptOutHow = q("impact.opt-out-how", Impact, LongText, "How will people opt out?")
        .rests_on(Basis::WhoWhatWhy)
        .short("How people opt out")
        .required("Explain how people will opt out")
        .shown(Cond::YesNoIn(ImpactOptOut, YES)),
    ImpactOptOutWhyNot = q("impact.opt-out-why-not", Impact, LongText, "Why can you not offer an opt-out?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Why there is no opt-out")
        .hint("Not offering one is sometimes right, for example where the processing protects the people themselves; say why it is right here.")
        .required("Explain why you cannot offer an opt-out")
        .shown(Cond::YesNoIn(ImpactOptOut, &[Yn::No])),

    // ---- DPIA screening (UK GDPR Art. 35(3) and the ICO's high-risk list) ----------
    DpiaAutomatedDecisions = q("dpia.automated-decisions", Dpia, YesNo, "Will you systematically and extensively evaluate people using automated processing, including profiling, with legal or similarly significant effects on them?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Automated evaluation with significant effects (Art. 35(3)(a))")
        .hint("UK GDPR Article 35(3)(a).")
        .required("Select whether you will evaluate people using automated processing with significant effects"),
    DpiaLargeScaleSpecial = q("dpia.large-scale-special", Dpia, YesNo, "Will you process special category or criminal offence data on a large scale?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Special category or criminal data on a large scale (Art. 35(3)(b))")
        .hint("UK GDPR Article 35(3)(b). Consider the number of people, the amount of data, how long and how widely.")
        .required("Select whether you will process special category or criminal offence data on a large scale"),
    DpiaPublicMonitoring = q("dpia.public-monitoring", Dpia, YesNo, "Will you systematically monitor a publicly accessible area on a large scale?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Large-scale monitoring of a public area (Art. 35(3)(c))")
        .hint("UK GDPR Article 35(3)(c), for example CCTV covering a street or a shopping centre.")
        .required("Select whether you will monitor a publicly accessible area on a large scale"),
    DpiaInnovative = q("dpia.innovative", Dpia, YesNo, "Will you use innovative technology?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Innovative technology")
        .hint("ICO high-risk list: counts when combined with any other item on this page.")
        .required("Select whether you will use innovative technology"),
    DpiaDenial = q("dpia.denial", Dpia, YesNo, "Will the processing decide whether people get access to a product, service, opportunity or benefit, using automated decisions, profiling or special category data?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Decisions about access to services (denial of service)")
        .hint("ICO high-risk list: denial of service.")
        .required("Select whether the processing decides access to a product, service, opportunity or benefit"),
    DpiaProfiling = q("dpia.profiling", Dpia, YesNo, "Will you profile people on a large scale?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Large-scale profiling")
        .hint("ICO high-risk list.")
        .required("Select whether you will profile people on a large scale"),
    DpiaBiometric = q("dpia.biometric", Dpia, YesNo, "Will you use biometric data to identify people?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Biometric data")
        .hint("ICO high-risk list: counts when combined with any other item on this page.")
        .required("Select whether you will use biometric data to identify people"),
    DpiaGenetic = q("dpia.genetic", Dpia, YesNo, "Will you process genetic data, other than as a GP or health professional giving direct care?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Genetic data")
        .hint("ICO high-risk list.")
        .required("Select whether you will process genetic data"),
    DpiaMatching = q("dpia.matching", Dpia, YesNo, "Will you combine, compare or match personal data from several sources?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Data matching")
        .hint("ICO high-risk list.")
        .required("Select whether you will combine, compare or match data from several sources"),
    DpiaInvisible = q("dpia.invisible", Dpia, YesNo, "Will you process data you did not get from the people themselves, where telling them would be impossible or take disproportionate effort?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Invisible processing")
        .hint("ICO high-risk list: invisible processing (UK GDPR Article 14(5)(b)).")
        .required("Select whether this is invisible processing"),
    DpiaTracking = q("dpia.tracking", Dpia, YesNo, "Will you track people's location or behaviour?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Tracking location or behaviour")
        .hint("ICO high-risk list, for example online tracking, loyalty schemes or location from devices.")
        .required("Select whether you will track people's location or behaviour"),
    DpiaTargetingVulnerable = q("dpia.targeting-vulnerable", Dpia, YesNo, "Will you target children or other vulnerable people for marketing, profiling or automated decisions, or offer online services directly to children?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Targeting children or vulnerable people")
        .hint("ICO high-risk list.")
        .required("Select whether you will target children or other vulnerable people"),
    DpiaPhysicalHarm = q("dpia.physical-harm", Dpia, YesNo, "Could a breach of this data put someone's physical health or safety at risk?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Risk of physical harm")
        .hint("ICO high-risk list.")
        .required("Select whether a breach could put someone's physical health or safety at risk"),
    DpiaDone = q("dpia.done", Dpia, YesNo, "Have you carried out a DPIA for this processing?")
        .short("DPIA carried out")
        .hint("A data protection impact assessment. If you have done one, it can serve as this LIA too.")
        .required("Select whether you have carried out a DPIA"),
    DpiaDate = q("dpia.date", Dpia, Date, "When was the DPIA completed?")
        .short("Date of the DPIA")
        .hint("For example, 2024-12-10.")
        .required("Enter the date the DPIA was completed")
        .shown(Cond::YesNoIn(DpiaDone, YES)),
    DpiaReference = q("dpia.reference", Dpia, ShortText, "What is the DPIA's reference?")
        .short("DPIA reference")
        .hint("Where someone can find it, for example a document number or file location.")
        .shown(Cond::YesNoIn(DpiaDone, YES)),

    // ---- Making the decision (ICO template wording) --------------------------------
    DecisionRely = q("decision.rely", Decision, Single(decision::OPTIONS), "Can you rely on legitimate interests for this processing?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Can rely on legitimate interests")
        .hint("Weigh everything in Parts 1 to 3. If it is a borderline call, it may be safer to use another lawful basis, such as consent.")
        .required("Select whether you can rely on legitimate interests"),
    DecisionJustification = q("decision.justification", Decision, LongText, "Do you have any comments to justify your answer?")
        .rests_on(Basis::WhoWhatWhy)
        .template()
        .short("Justification")
        .hint("Show why the benefits justify the risks you found. The more significant the risks, the more compelling this must be.")
        .required("Enter the justification for your answer"),
    DecisionFactorsFor = q("decision.factors-for", Decision, LongText, "What weighs in favour of the processing?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Factors in favour")
        .required("Enter what weighs in favour of the processing"),
    DecisionFactorsAgainst = q("decision.factors-against", Decision, LongText, "What weighs against it?")
        .rests_on(Basis::WhoWhatWhy)
        .short("Factors against")
        .hint("Record every relevant factor, whether or not it supports your conclusion.")
        .required("Enter what weighs against the processing, or say that nothing does"),

    // ---- Sign-off and review -------------------------------------------------------
    SignOffCompletedName = q("sign-off.completed-name", SignOff, ShortText, "Who completed this assessment?")
        .short("Completed by")
        .required("Enter the name of the person who completed the assessment"),
    SignOffCompletedRole = q("sign-off.completed-role", SignOff, ShortText, "What is their role?")
        .short("Role of the person who completed it")
        .required("Enter the role of the person who completed the assessment"),
    SignOffCompletedDate = q("sign-off.completed-date", SignOff, Date, "When was the assessment completed?")
        .short("Date completed")
        .hint("For example, 2025-03-27.")
        .required("Enter the date the assessment was completed"),
    SignOffApprovedName = q("sign-off.approved-name", SignOff, ShortText, "Who approved this assessment?")
        .short("Approved by")
        .hint("Someone other than the author, with the authority to accept the conclusion.")
        .required("Enter the name of the person approving the assessment"),
    SignOffApprovedRole = q("sign-off.approved-role", SignOff, ShortText, "What is the approver's role?")
        .short("Role of the approver")
        .required("Enter the approver's role"),
    SignOffApprovedDate = q("sign-off.approved-date", SignOff, Date, "When was it approved?")
        .short("Date approved")
        .hint("Filled in when you mark the assessment as approved."),
    SignOffReviewDate = q("sign-off.review-date", SignOff, Date, "When will you next review this assessment?")
        .short("Next review date")
        .hint("Review it sooner if the purpose, nature or context of the processing changes.")
        .required("Enter the date of the next review"),
    SignOffPrivacyInformation = q("sign-off.privacy-information", SignOff, YesNo, "Does your privacy information name the legitimate interests you rely on?")
        .rests_on(Basis::Purpose)
        .ordinary_only()
        .short("Privacy information names the legitimate interests")
        .hint("You must tell people your purpose, that you rely on legitimate interests and what those interests are.")
        .required("Select whether your privacy information names the legitimate interests"),
    SignOffPrivacyRecognised = q("sign-off.privacy-information-recognised", SignOff, YesNo, "Does your privacy information say you rely on a recognised legitimate interest, and name the condition in Annex 1 you use?")
        .rests_on(Basis::Purpose)
        .recognised_only()
        .short("Privacy information names the recognised legitimate interest")
        .hint("The conditions are purposes, so you must name the one you use as well as the lawful basis (for example \"recognised legitimate interest: detecting or preventing crime\").")
        .required("Select whether your privacy information names the recognised legitimate interest and its condition"),
    SignOffObjections = q("sign-off.objections", SignOff, LongText, "How will you handle objections to the processing?")
        .short("How objections are handled")
        .hint("People can object at any time (UK GDPR Article 21(1)): you must then stop, unless you can show compelling legitimate grounds that override their interests, rights and freedoms, or need the data for legal claims. An objection to direct marketing must always be followed (Article 21(2) and (3)). Say who deals with objections, how, and how quickly.")
        .required("Say how you will handle objections to the processing"),
    SignOffChecklist = q("sign-off.checklist", SignOff, Multiple(checklist::OPTIONS), "Which of the ICO's legitimate interests checklist can you confirm?")
        .short("ICO checklist confirmed")
        .hint("Select each statement that is true."),
}
