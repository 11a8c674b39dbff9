//! The options of every choice question. Keys are stored in drafts and exports, so they
//! never change once released; the rules refer to them through these constants.

use super::questions::Choice;

pub mod people {
    use super::Choice;
    pub const CUSTOMERS: &str = "customers";
    pub const TENANTS: &str = "tenants";
    pub const EMPLOYEES: &str = "employees";
    pub const APPLICANTS: &str = "applicants";
    pub const SERVICE_APPLICANTS: &str = "service-applicants";
    pub const SUPPORTERS: &str = "supporters";
    pub const SERVICE_USERS: &str = "service-users";
    pub const CHILDREN: &str = "children";
    pub const VULNERABLE: &str = "vulnerable-adults";
    pub const PUBLIC: &str = "public";
    pub const BUSINESS_CONTACTS: &str = "business-contacts";
    pub const FAMILY: &str = "family-contacts";
    pub const OTHER: &str = "other";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(CUSTOMERS, "Customers or clients"),
        Choice::new(TENANTS, "Tenants or residents"),
        Choice::new(EMPLOYEES, "Employees, workers or contractors"),
        Choice::new(APPLICANTS, "Job applicants"),
        Choice::new(
            SERVICE_APPLICANTS,
            "People applying for a service, housing, a benefit or a place",
        )
        .hint("For example a tenancy, a loan, a grant, or a place at a school or on a course"),
        Choice::new(SUPPORTERS, "Members, supporters, donors or volunteers"),
        Choice::new(SERVICE_USERS, "Patients or service users"),
        Choice::new(CHILDREN, "Children (under 18)"),
        Choice::new(VULNERABLE, "Vulnerable adults"),
        Choice::new(PUBLIC, "Members of the public"),
        Choice::new(BUSINESS_CONTACTS, "Contacts at other organisations"),
        Choice::new(FAMILY, "Family members or friends of the people above"),
        Choice::new(OTHER, "Someone else"),
    ];
}

pub mod data {
    use super::Choice;
    pub const CONTACT: &str = "contact";
    pub const IDENTITY: &str = "identity";
    pub const FINANCIAL: &str = "financial";
    pub const LOCATION: &str = "location";
    pub const ONLINE: &str = "online-identifiers";
    pub const BEHAVIOUR: &str = "behaviour";
    pub const EMPLOYMENT: &str = "employment";
    pub const IMAGES: &str = "images";
    pub const COMMUNICATIONS: &str = "communications";
    pub const HEALTH: &str = "health";
    pub const ETHNIC: &str = "ethnic-origin";
    pub const POLITICAL: &str = "political-opinions";
    pub const RELIGION: &str = "beliefs";
    pub const UNION: &str = "trade-union";
    pub const GENETIC: &str = "genetic";
    pub const BIOMETRIC: &str = "biometric";
    pub const SEX_LIFE: &str = "sex-life";
    pub const CRIMINAL: &str = "criminal-offence";
    pub const OTHER: &str = "other";
    /// The UK GDPR Art. 9(1) categories.
    pub const SPECIAL: &[&str] = &[
        HEALTH, ETHNIC, POLITICAL, RELIGION, UNION, GENETIC, BIOMETRIC, SEX_LIFE,
    ];
    /// Data the ICO names as likely to be considered particularly private.
    pub const PRIVATE: &[&str] = &[FINANCIAL, LOCATION, COMMUNICATIONS];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(CONTACT, "Contact details")
            .hint("Name, postal address, e-mail address, phone number"),
        Choice::new(IDENTITY, "Identity details")
            .hint("For example date of birth or reference numbers"),
        Choice::new(FINANCIAL, "Financial details")
            .hint("For example bank details, payments, income or credit history"),
        Choice::new(LOCATION, "Location data"),
        Choice::new(ONLINE, "Online identifiers")
            .hint("For example cookies, IP addresses or device IDs"),
        Choice::new(BEHAVIOUR, "Behaviour, usage or purchase history"),
        Choice::new(EMPLOYMENT, "Employment or education records"),
        Choice::new(IMAGES, "Photographs, video or voice recordings"),
        Choice::new(COMMUNICATIONS, "Content of messages or calls"),
        Choice::new(HEALTH, "Health (special category)"),
        Choice::new(ETHNIC, "Racial or ethnic origin (special category)"),
        Choice::new(POLITICAL, "Political opinions (special category)"),
        Choice::new(
            RELIGION,
            "Religious or philosophical beliefs (special category)",
        ),
        Choice::new(UNION, "Trade union membership (special category)"),
        Choice::new(GENETIC, "Genetic data (special category)"),
        Choice::new(
            BIOMETRIC,
            "Biometric data used to identify someone (special category)",
        ),
        Choice::new(
            SEX_LIFE,
            "Sex life or sexual orientation (special category)",
        ),
        Choice::new(CRIMINAL, "Criminal convictions, offences or allegations"),
        Choice::new(OTHER, "Something else"),
    ];
}

pub mod sources {
    use super::Choice;
    pub const DIRECT: &str = "direct";
    pub const OBSERVED: &str = "observed";
    pub const THIRD_PARTY: &str = "third-party";
    pub const PUBLIC: &str = "public";
    pub const DERIVED: &str = "derived";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(DIRECT, "Directly from the people themselves"),
        Choice::new(OBSERVED, "Observed from how they use our services")
            .hint("For example website, app or building use"),
        Choice::new(
            THIRD_PARTY,
            "From another organisation or person (a third party)",
        ),
        Choice::new(PUBLIC, "From publicly available sources"),
        Choice::new(DERIVED, "Worked out by us from other data")
            .hint("For example scores, segments or predictions"),
    ];
}

pub mod scale {
    use super::Choice;
    pub const UNDER_100: &str = "under-100";
    pub const UNDER_1K: &str = "100-1000";
    pub const UNDER_10K: &str = "1000-10000";
    pub const UNDER_100K: &str = "10000-100000";
    pub const OVER_100K: &str = "over-100000";
    /// Sizes at which the tool suggests "large scale" for DPIA screening.
    pub const LARGE: &[&str] = &[UNDER_100K, OVER_100K];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(UNDER_100, "Fewer than 100"),
        Choice::new(UNDER_1K, "100 to 1,000"),
        Choice::new(UNDER_10K, "1,000 to 10,000"),
        Choice::new(UNDER_100K, "10,000 to 100,000"),
        Choice::new(OVER_100K, "More than 100,000"),
    ];
}

pub mod purpose {
    use super::Choice;
    pub const DIRECT_MARKETING: &str = "direct-marketing";
    pub const FRAUD: &str = "fraud-prevention";
    pub const SECURITY: &str = "network-security";
    pub const CRIME: &str = "crime";
    pub const CRIME_REPORTING: &str = "crime-reporting";
    pub const INTRA_GROUP: &str = "intra-group";
    pub const EMPLOYMENT: &str = "employment";
    pub const ANALYTICS: &str = "analytics-research";
    pub const OTHER: &str = "other";
    /// The purposes for which, "depending on the circumstances", the ICO says an LIA
    /// could be quite brief: fraud prevention and network and information security, each
    /// to the extent strictly necessary, and indicating possible criminal acts or threats
    /// to public security to a competent authority (UK GDPR recitals 47, 49 and 50).
    pub const STRICTLY_NECESSARY: &[&str] = &[FRAUD, SECURITY, CRIME_REPORTING];
    /// Named as possible legitimate interests that still need a fuller LIA.
    pub const NEED_FULLER_LIA: &[&str] = &[DIRECT_MARKETING, INTRA_GROUP];
    /// The DUAA 2025 examples of legitimate interests: not recognised legitimate interests.
    pub const DUAA_EXAMPLES: &[&str] = &[DIRECT_MARKETING, INTRA_GROUP, SECURITY];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(DIRECT_MARKETING, "Direct marketing"),
        Choice::new(FRAUD, "Preventing fraud"),
        Choice::new(SECURITY, "Network and information security"),
        Choice::new(CRIME, "Preventing, detecting or investigating crime"),
        Choice::new(
            CRIME_REPORTING,
            "Telling the police or another competent authority about a possible crime or threat to public security",
        )
        .hint("Passing on what you have seen, in individual cases, to the body that deals with it"),
        Choice::new(
            INTRA_GROUP,
            "Sharing within a group of companies for administration",
        ),
        Choice::new(EMPLOYMENT, "Managing employment"),
        Choice::new(ANALYTICS, "Analytics or research"),
        Choice::new(OTHER, "Something else"),
    ];
}

pub mod recognised {
    use super::Choice;
    pub const DISCLOSURE: &str = "disclosure-for-public-task";
    pub const SECURITY: &str = "national-security";
    pub const EMERGENCY: &str = "emergency";
    pub const CRIME: &str = "crime";
    pub const SAFEGUARDING: &str = "safeguarding";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(DISCLOSURE, "Disclosing data to someone who asks for it for a public task")
            .hint("They need it for a task in the public interest or official authority that has a basis in law (Annex 1, paragraph 1)"),
        Choice::new(SECURITY, "National security, public security or defence").hint("Annex 1, paragraph 2"),
        Choice::new(EMERGENCY, "Responding to an emergency")
            .hint("As defined in Part 2 of the Civil Contingencies Act 2004 (Annex 1, paragraph 3)"),
        Choice::new(CRIME, "Detecting, investigating or preventing crime, or catching or prosecuting offenders")
            .hint("Annex 1, paragraph 4"),
        Choice::new(SAFEGUARDING, "Safeguarding a vulnerable person").hint("Annex 1, paragraph 5"),
        Choice::new(NONE, "None of these"),
    ];
}

pub mod channels {
    use super::Choice;
    pub const POST: &str = "post";
    pub const EMAIL: &str = "email";
    pub const SMS: &str = "sms";
    pub const LIVE_CALLS: &str = "live-calls";
    pub const AUTOMATED_CALLS: &str = "automated-calls";
    pub const ONLINE_ADS: &str = "online-ads";
    /// Channels that PECR regulates.
    pub const ELECTRONIC: &[&str] = &[EMAIL, SMS, LIVE_CALLS, AUTOMATED_CALLS];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(POST, "Post"),
        Choice::new(EMAIL, "E-mail"),
        Choice::new(SMS, "Text messages (SMS or MMS)"),
        Choice::new(LIVE_CALLS, "Live phone calls"),
        Choice::new(AUTOMATED_CALLS, "Automated (recorded) phone calls"),
        Choice::new(ONLINE_ADS, "Online or social media advertising"),
    ];
}

pub mod subscribers {
    use super::Choice;
    pub const INDIVIDUALS: &str = "individuals";
    pub const CORPORATE: &str = "corporate";
    pub const BOTH: &str = "both";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(INDIVIDUALS, "Individuals")
            .hint("Including sole traders and some partnerships"),
        Choice::new(CORPORATE, "Only companies and other corporate bodies")
            .hint("At their corporate e-mail addresses or numbers"),
        Choice::new(BOTH, "Both"),
    ];
}

pub mod pecr_basis {
    use super::Choice;
    pub const CONSENT: &str = "consent";
    pub const SOFT_OPT_IN: &str = "soft-opt-in";
    pub const CHARITY: &str = "charity-soft-opt-in";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(CONSENT, "Consent")
            .hint("The person has specifically agreed to receive these messages from you"),
        Choice::new(SOFT_OPT_IN, "The soft opt-in (regulation 22(3))")
            .hint("Existing customers, about your own similar products and services"),
        Choice::new(CHARITY, "The charity soft opt-in (regulation 22(3A))")
            .hint("Supporters of a charity, about its charitable purposes"),
        Choice::new(NONE, "None of these, or not sure"),
    ];
}

pub mod codes {
    use super::Choice;
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
    pub const NONE_APPLY: &str = "none-apply";
    pub const NOT_SURE: &str = "not-sure";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(YES, "Yes"),
        Choice::new(NO, "No"),
        Choice::new(NONE_APPLY, "No guidelines or codes apply"),
        Choice::new(NOT_SURE, "Not sure"),
    ];
}

pub mod art9 {
    use super::Choice;
    pub const EXPLICIT_CONSENT: &str = "a";
    pub const EMPLOYMENT: &str = "b";
    pub const VITAL_INTERESTS: &str = "c";
    pub const NOT_FOR_PROFIT: &str = "d";
    pub const MADE_PUBLIC: &str = "e";
    pub const LEGAL_CLAIMS: &str = "f";
    pub const PUBLIC_INTEREST: &str = "g";
    pub const HEALTH_CARE: &str = "h";
    pub const PUBLIC_HEALTH: &str = "i";
    pub const RESEARCH: &str = "j";
    pub const NONE: &str = "none";
    /// Conditions that also need a condition in DPA 2018 Schedule 1 (DPA 2018 s.10).
    pub const NEED_SCHEDULE_1: &[&str] = &[
        EMPLOYMENT,
        PUBLIC_INTEREST,
        HEALTH_CARE,
        PUBLIC_HEALTH,
        RESEARCH,
    ];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(EXPLICIT_CONSENT, "(a) Explicit consent"),
        Choice::new(
            EMPLOYMENT,
            "(b) Employment, social security and social protection",
        ),
        Choice::new(VITAL_INTERESTS, "(c) Vital interests"),
        Choice::new(NOT_FOR_PROFIT, "(d) Not-for-profit bodies"),
        Choice::new(MADE_PUBLIC, "(e) Made public by the person"),
        Choice::new(LEGAL_CLAIMS, "(f) Legal claims or judicial acts"),
        Choice::new(
            PUBLIC_INTEREST,
            "(g) Reasons of substantial public interest",
        ),
        Choice::new(HEALTH_CARE, "(h) Health or social care"),
        Choice::new(PUBLIC_HEALTH, "(i) Public health"),
        Choice::new(RESEARCH, "(j) Archiving, research and statistics"),
        Choice::new(NONE, "None identified yet"),
    ];
}

pub mod art10 {
    use super::Choice;
    pub const OFFICIAL_AUTHORITY: &str = "official-authority";
    pub const SCHEDULE_1: &str = "schedule-1";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(OFFICIAL_AUTHORITY, "We process it under official authority"),
        Choice::new(
            SCHEDULE_1,
            "A condition in Schedule 1 to the Data Protection Act 2018",
        ),
        Choice::new(NONE, "None identified yet"),
    ];
}

pub mod capacity {
    use super::Choice;
    pub const PERSONAL: &str = "personal";
    pub const PROFESSIONAL: &str = "professional";
    pub const BOTH: &str = "both";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(PERSONAL, "Personal capacity"),
        Choice::new(PROFESSIONAL, "Professional (work) capacity"),
        Choice::new(BOTH, "Both"),
    ];
}

pub mod collected {
    use super::Choice;
    pub const NOT_YET: &str = "not-yet";
    pub const UNDER_1: &str = "under-1-year";
    pub const UNDER_2: &str = "1-2-years";
    pub const UNDER_5: &str = "2-5-years";
    pub const OVER_5: &str = "over-5-years";
    /// Long enough ago that expectations may have moved on.
    pub const LONG_AGO: &[&str] = &[UNDER_5, OVER_5];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(NOT_YET, "We have not collected it yet"),
        Choice::new(UNDER_1, "Less than a year ago"),
        Choice::new(UNDER_2, "1 to 2 years ago"),
        Choice::new(UNDER_5, "2 to 5 years ago"),
        Choice::new(OVER_5, "More than 5 years ago"),
    ];
}

pub mod evidence {
    use super::Choice;
    pub const RESEARCH: &str = "market-research";
    pub const CONSULTATION: &str = "consultation";
    pub const STUDIES: &str = "studies";
    pub const FEEDBACK: &str = "feedback";
    pub const PRIVACY_NOTICE: &str = "privacy-notice";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(RESEARCH, "Market research or surveys"),
        Choice::new(CONSULTATION, "Focus groups or other consultation"),
        Choice::new(STUDIES, "Published studies of expectations in this context"),
        Choice::new(
            FEEDBACK,
            "Feedback, complaints or questions from the people concerned",
        ),
        Choice::new(PRIVACY_NOTICE, "Our privacy notice"),
        Choice::new(NONE, "We have no evidence").exclusive(),
    ];
}

pub mod harms {
    use super::Choice;
    pub const RIGHTS: &str = "barrier-to-rights";
    pub const ACCESS: &str = "barrier-to-services";
    pub const CONTROL: &str = "loss-of-control";
    pub const PHYSICAL: &str = "physical-harm";
    pub const FINANCIAL: &str = "financial-loss";
    pub const DISADVANTAGE: &str = "other-disadvantage";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(RIGHTS, "a barrier to individuals exercising their rights (including but not limited to privacy rights)"),
        Choice::new(ACCESS, "a barrier to individuals accessing services or opportunities"),
        Choice::new(CONTROL, "any loss of control over the further use of personal data"),
        Choice::new(PHYSICAL, "physical harm"),
        Choice::new(FINANCIAL, "financial loss, identity theft or fraud"),
        Choice::new(DISADVANTAGE, "any other significant economic or social disadvantage (such as discrimination, loss of confidentiality or reputational damage)"),
        Choice::new(NONE, "None of these").exclusive(),
    ];
}

pub mod safeguards {
    use super::Choice;
    pub const YES: &str = "yes";
    pub const NONE_NEEDED: &str = "none-needed";
    pub const NOT_SURE: &str = "not-sure";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(YES, "Yes"),
        Choice::new(NONE_NEEDED, "No safeguards are needed"),
        Choice::new(NOT_SURE, "Not sure"),
    ];
}

pub mod decision {
    use super::Choice;
    pub const YES: &str = "yes";
    pub const NO: &str = "no";
    pub const UNDECIDED: &str = "undecided";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(YES, "Yes"),
        Choice::new(NO, "No"),
        Choice::new(UNDECIDED, "Undecided"),
    ];
}

pub mod checklist {
    use super::Choice;
    /// The ICO's legitimate interests checklist, in its own words.
    pub const OPTIONS: &[Choice] = &[
        Choice::new("most-appropriate", "We have checked that legitimate interests is the most appropriate basis."),
        Choice::new("responsibility", "We understand our responsibility to protect the individual’s interests."),
        Choice::new("lia-recorded", "We have conducted a legitimate interests assessment (LIA) and kept a record of it, to ensure that we can justify our decision."),
        Choice::new("interests-identified", "We have identified the relevant legitimate interests."),
        Choice::new("necessary", "We have checked that the processing is necessary and there is no less intrusive way to achieve the same result."),
        Choice::new("balancing", "We have done a balancing test, and are confident that the individual’s interests do not override those legitimate interests."),
        Choice::new("expected", "We only use individuals’ data in ways they would reasonably expect, unless we have a very good reason."),
        Choice::new("not-intrusive", "We are not using people’s data in ways they would find intrusive or which could cause them harm, unless we have a very good reason."),
        Choice::new("children", "If we process children’s data, we take extra care to make sure we protect their interests."),
        Choice::new("safeguards", "We have considered safeguards to reduce the impact where possible."),
        Choice::new("opt-out", "We have considered whether we can offer an opt out."),
        Choice::new("dpia", "If our LIA identifies a significant privacy impact, we have considered whether we also need to conduct a DPIA."),
        Choice::new("review", "We keep our LIA under review, and repeat it if circumstances change."),
        Choice::new("privacy-information", "We include information about our legitimate interests in our privacy notice."),
    ];
}

/// Why reusing data for a new purpose is compatible with the purpose it was collected
/// for (UK GDPR Article 8A, inserted by the Data (Use and Access) Act 2025 s.71).
pub mod compatible {
    use super::Choice;
    pub const CONSENT: &str = "consent";
    pub const RESEARCH: &str = "research";
    pub const PRINCIPLES: &str = "principles";
    pub const ANNEX_2: &str = "annex-2";
    pub const PUBLIC_INTEREST_LAW: &str = "public-interest-law";
    pub const ASSESSED: &str = "assessed-compatible";
    pub const INCOMPATIBLE: &str = "incompatible";
    pub const NOT_ASSESSED: &str = "not-assessed";
    /// Routes that need a written compatibility assessment.
    pub const ASSESSMENT: &[&str] = &[ASSESSED, INCOMPATIBLE];
    /// Routes closed to data collected on consent (Article 8A(4); ICO, Compatibility and
    /// the reuse of personal information).
    pub const NOT_FOR_CONSENT: &[&str] = &[ASSESSED, RESEARCH];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(CONSENT, "The people have consented to the new purpose")
            .hint("Article 8A(3)(a)"),
        Choice::new(
            RESEARCH,
            "Archiving in the public interest, research or statistics, with the safeguards the law requires",
        )
        .hint("Article 8A(3)(b) and Article 84B"),
        Choice::new(
            PRINCIPLES,
            "To make sure, or show, that we comply with the data protection principles",
        )
        .hint("Article 8A(3)(c)"),
        Choice::new(ANNEX_2, "A condition in Annex 2 to UK GDPR applies")
            .hint("Article 8A(3)(d): for example crime, safeguarding, emergencies, taxation or a legal obligation"),
        Choice::new(
            PUBLIC_INTEREST_LAW,
            "It is necessary to safeguard a public interest objective in Article 23(1)(c) to (j), and the law authorises it",
        )
        .hint("Article 8A(3)(e)"),
        Choice::new(ASSESSED, "We assessed compatibility and the new purpose is compatible")
            .hint("Article 8A(1) and (2): the link between the purposes, the context, the nature of the data, the consequences and the safeguards"),
        Choice::new(INCOMPATIBLE, "We assessed compatibility and the new purpose is not compatible"),
        Choice::new(NOT_ASSESSED, "We have not assessed it yet"),
    ];
}

/// The conditions of Annex 2 to UK GDPR: reuses "to be treated as compatible" with the
/// original purpose (inserted by the Data (Use and Access) Act 2025 s.71 and Sch. 5).
pub mod annex2 {
    use super::Choice;
    pub const OPTIONS: &[Choice] = &[
        Choice::new("public-task-disclosure", "Disclosing data to someone who asks for it for a public task")
            .hint("They say they need it for a task in the public interest or official authority with a basis in law"),
        Choice::new("archiving-disclosure", "Disclosing data, collected on consent, to someone who asks for it for archiving in the public interest"),
        Choice::new("public-security", "Protecting public security"),
        Choice::new("emergency", "Responding to an emergency")
            .hint("As defined in Part 2 of the Civil Contingencies Act 2004"),
        Choice::new("crime", "Detecting, investigating or preventing crime, or catching or prosecuting offenders"),
        Choice::new("vital-interests", "Protecting the vital interests of the person or someone else"),
        Choice::new("safeguarding", "Safeguarding a vulnerable person"),
        Choice::new("taxation", "Assessing or collecting a tax or duty"),
        Choice::new("legal-obligation", "Complying with a legal obligation"),
    ];
}

/// The safeguards UK GDPR Article 22C(2) requires for significant decisions taken by
/// automated means alone (inserted by the Data (Use and Access) Act 2025 s.80).
pub mod adm_safeguards {
    use super::Choice;
    pub const INFORM: &str = "inform";
    pub const REPRESENT: &str = "representations";
    pub const HUMAN: &str = "human-intervention";
    pub const CONTEST: &str = "contest";
    pub const NONE: &str = "none";
    /// Every safeguard Article 22C(2) lists, with what it requires.
    pub const REQUIRED: [(&str, &str); 4] = [
        (INFORM, "information about the decisions (22C(2)(a))"),
        (REPRESENT, "a way to make representations (22C(2)(b))"),
        (HUMAN, "human intervention (22C(2)(c))"),
        (CONTEST, "a way to contest the decisions (22C(2)(d))"),
    ];
    pub const OPTIONS: &[Choice] = &[
        Choice::new(
            INFORM,
            "We tell people about the significant decisions taken about them",
        ),
        Choice::new(
            REPRESENT,
            "People can make representations about a decision",
        )
        .hint("They can tell us anything they think we should take into account"),
        Choice::new(
            HUMAN,
            "People can have a person in our organisation take the decision again",
        )
        .hint("Human intervention: someone with the authority and the information to change it"),
        Choice::new(CONTEST, "People can contest a decision"),
        Choice::new(NONE, "None of these yet").exclusive(),
    ];
}

/// What allows a transfer of personal data outside the UK (UK GDPR Chapter V).
pub mod transfer {
    use super::Choice;
    pub const APPROVED: &str = "approved";
    pub const CONTRACT: &str = "idta";
    pub const BCR: &str = "bcr";
    pub const EXCEPTION: &str = "exception";
    pub const NONE: &str = "none";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(APPROVED, "Transfers there are approved by UK regulations")
            .hint("UK adequacy regulations, such as those for the EU and EEA, or for US organisations in the UK Extension to the Data Privacy Framework"),
        Choice::new(CONTRACT, "An International Data Transfer Agreement (IDTA), or the UK Addendum to the EU standard contractual clauses")
            .hint("Appropriate safeguards under Article 46, with a transfer risk assessment"),
        Choice::new(BCR, "Binding corporate rules approved by the ICO"),
        Choice::new(EXCEPTION, "An exception for a specific situation, such as explicit consent")
            .hint("Article 49: for occasional transfers, not a regular flow of data"),
        Choice::new(NONE, "None identified yet"),
    ];
}

/// Who sends a charity's messages under the charity soft opt-in (PECR regulation 22(3A)).
pub mod charity_sender {
    use super::Choice;
    pub const CHARITY: &str = "charity";
    pub const SUBSIDIARY: &str = "subsidiary";
    pub const OTHER: &str = "other";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(CHARITY, "The charity itself")
            .hint("Including a platform or agency that sends them on the charity's instructions"),
        Choice::new(
            SUBSIDIARY,
            "Its trading subsidiary, or another company of the charity",
        ),
        Choice::new(OTHER, "Another organisation, such as a partner"),
    ];
}

/// Whose appeals, products or services a charity's messages promote.
pub mod charity_about {
    use super::Choice;
    pub const OWN: &str = "own";
    pub const SUBSIDIARY: &str = "subsidiary";
    pub const OTHER: &str = "other";
    pub const OPTIONS: &[Choice] = &[
        Choice::new(
            OWN,
            "The charity's own appeals, campaigns and work for its charitable purposes",
        ),
        Choice::new(SUBSIDIARY, "Products or services of its trading subsidiary")
            .hint("For example its shop, lottery or catalogue"),
        Choice::new(
            OTHER,
            "Another organisation's products, services or appeals",
        )
        .hint("Including another charity's"),
    ];
}
