//! What DPOs expect an assessment to record beside the ICO's questions: how long the
//! data is kept, the processors and their contracts (Article 28), and transfers outside
//! the UK (Chapter V). Each is asked only where it applies.

use super::sources::*;
use super::Severity::*;
use super::Weight::*;
use super::{when, Hit, Rule};
use crate::assessment::choices::transfer;
use crate::assessment::model::YesNo;
use crate::assessment::questions::{QuestionId as Q, Section};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "record.retention-missing",
        severity: Warning,
        weight: Record,
        section: Section::About,
        message: "Say how long you will keep the data, and why that long. Personal data must be kept no longer than the purpose needs, and people must be told the period.",
        source: &RETENTION,
        check: |c| {
            when(
                c.started(Section::About) && !c.has_text(Q::AboutRetention),
                Q::AboutRetention,
            )
        },
    },
    Rule {
        id: "record.processors-transfers-unanswered",
        severity: Warning,
        weight: Record,
        section: Section::About,
        message: "Say whether another organisation will handle the data for you, and whether the data will go outside the UK: each needs a safeguard of its own (a contract, a lawful route).",
        source: &PROCESSORS,
        check: |c| {
            let open: Vec<Q> = [Q::AboutProcessors, Q::AboutTransfers]
                .into_iter()
                .filter(|q| c.yes_no(*q).is_none())
                .collect();
            (c.started(Section::About) && !open.is_empty())
                .then(|| Hit::at_all(&open))
                .flatten()
        },
    },
    Rule {
        id: "record.processor-contract",
        severity: Blocker,
        weight: Record,
        section: Section::About,
        message: "A processor may handle the data only under a binding contract with the terms UK GDPR Article 28(3) lists. Put one in place with each processor before the processing starts.",
        source: &PROCESSORS,
        check: |c| when(c.is_no(Q::AboutProcessorContract), Q::AboutProcessorContract),
    },
    Rule {
        id: "record.processor-contract-unsure",
        severity: Warning,
        weight: Record,
        section: Section::About,
        message: "Find out whether each processor's contract has the terms UK GDPR Article 28(3) requires, and put them in if not.",
        source: &PROCESSORS,
        check: |c| {
            when(
                c.yes_no(Q::AboutProcessorContract) == Some(YesNo::NotSure),
                Q::AboutProcessorContract,
            )
        },
    },
    Rule {
        id: "transfers.no-safeguard",
        severity: Blocker,
        weight: Record,
        section: Section::About,
        message: "Data may go outside the UK only if the transfer is approved by regulations, has appropriate safeguards (such as the IDTA) or falls under an exception. Identify which, or keep the data in the UK.",
        source: &TRANSFERS,
        check: |c| {
            when(
                c.is_yes(Q::AboutTransfers)
                    && c.choice(Q::AboutTransferSafeguard) == Some(transfer::NONE),
                Q::AboutTransferSafeguard,
            )
        },
    },
    Rule {
        id: "transfers.unsure",
        severity: Warning,
        weight: Record,
        section: Section::About,
        message: "Find out whether the data, or access to it, goes outside the UK (ask each supplier where they store it and where their staff reach it from). If it does, the transfer needs a lawful route.",
        source: &TRANSFERS,
        check: |c| {
            when(
                c.yes_no(Q::AboutTransfers) == Some(YesNo::NotSure),
                Q::AboutTransfers,
            )
        },
    },
];
