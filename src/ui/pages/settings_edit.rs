//! The settings editor (issue 29, `#/settings/edit`): the organisation's settings as a
//! draft held on this page only, started from the settings loaded here (or blank), its
//! questions, checks and DPIA screening questions added, ordered and removed, its
//! defaults and review interval set, tried on a sample assessment, then checked and
//! downloaded as the settings file. Every change is one of `organisation::edit`'s, which
//! refuses in words what it cannot do; what the file would be refused for is `validate`'s;
//! the sample's findings are `Settings::try_on`'s. Nothing here changes the open
//! assessment, the saved drafts or the settings loaded here.
//!
//! A question's label, hint or kind is changed by removing it and adding it again (its
//! checks go with it, and the page says which): one form for adding, no second for
//! changing, in a page whose bytes are counted.
//!
//! Built for bytes: every part that changes is drawn by one boxed closure (`dynamic`),
//! parts are put together as lists of `AnyView`, and the paragraphs, headings, hints,
//! rows and fields each come from one function, so the wasm carries one copy of each
//! view's code rather than one for each place it is shown.

use leptos::prelude::*;

use crate::assessment::model::YesNo;
use crate::assessment::questions::Section;
use crate::assessment::rules::Severity;
use crate::organisation::answering::asked;
use crate::organisation::edit::{options_from_lines, part_of, whens, Move, Part, Refused, SAMPLE};
use crate::organisation::write::{when_key, write};
use crate::organisation::{Answer, Defaults, Kind, Question, Settings, Target, When};
use crate::route::Route;
use crate::ui::components::button::{button, button_with};
use crate::ui::components::error_message::{download_failure, error_message};
use crate::ui::components::error_summary::{error_summary, ErrorItem, ERROR_SUMMARY_ID};
use crate::ui::components::select::select_field;
use crate::ui::components::tag::SeverityTag;
use crate::ui::components::textarea::bound_textarea;
use crate::ui::downloads::download;
use crate::ui::page_title::page_title;
use crate::ui::state::AppState;

/// What a part of the page that changes draws.
type Draw = Box<dyn Fn() -> AnyView + Send + Sync>;

/// A part of the page drawn again whenever what `draw` reads changes: the one reactive
/// view of the page's code.
#[inline(never)]
fn dynamic(draw: Draw) -> AnyView {
    (move || draw()).into_any()
}

fn nothing() -> AnyView {
    ().into_any()
}

#[inline(never)]
fn para(words: String) -> AnyView {
    view! { <p>{words}</p> }.into_any()
}

/// A heading: level 2, level 3, or a small level 3 (a section's name above its questions).
#[inline(never)]
fn heading(level: u8, words: &'static str) -> AnyView {
    match level {
        2 => view! { <h2 class="lia-heading-l">{words}</h2> }.into_any(),
        3 => view! { <h3 class="lia-heading-m">{words}</h3> }.into_any(),
        _ => view! { <h3 class="lia-heading-s">{words}</h3> }.into_any(),
    }
}

#[inline(never)]
fn hint(id: String, words: String) -> AnyView {
    view! { <div class="lia-hint" id=id>{words}</div> }.into_any()
}

/// A live region (`role="status"`) showing what `draw` draws.
#[inline(never)]
fn status(id: &'static str, draw: Draw) -> AnyView {
    view! { <div role="status" id=id tabindex="-1">{dynamic(draw)}</div> }.into_any()
}

#[inline(never)]
fn list_of(rows: Vec<AnyView>) -> AnyView {
    view! { <ul class="lia-plain-list">{rows}</ul> }.into_any()
}

/// The draft and what the page says of the last edit.
#[derive(Clone, Copy)]
struct Editor {
    state: AppState,
    draft: RwSignal<Settings>,
    /// The last edit refused: the id of the place it is shown (a field, a list's row),
    /// and why.
    refusal: RwSignal<Option<(String, String)>>,
    /// What the last edit of a list did, shown above that list: the list's letter.
    notice: RwSignal<Option<(char, String)>>,
    /// Set by "Check and download": from then on, the file's problems follow the draft.
    checked: RwSignal<bool>,
    /// The file's problems, each with its path and the id of the control it is about.
    problems: RwSignal<Vec<ErrorItem>>,
}

impl Editor {
    /// Makes an edit on a copy of the draft: kept if it is made, and otherwise its
    /// refusal shown at `at`, the draft unchanged. True when it was made.
    #[inline(never)]
    fn apply(self, at: &str, change: &mut dyn FnMut(&mut Settings) -> Result<(), Refused>) -> bool {
        let mut draft = self.draft.get_untracked();
        match change(&mut draft) {
            Ok(()) => {
                self.draft.set(draft);
                self.refusal.set(None);
                self.recheck();
                true
            }
            Err(Refused(why)) => {
                self.refusal.set(Some((at.to_string(), why)));
                false
            }
        }
    }

    /// The file's problems again, once "Check and download" has been pressed; true when
    /// there are none.
    fn recheck(self) -> bool {
        if !self.checked.get_untracked() {
            return true;
        }
        let problems: Vec<ErrorItem> = self.draft.with_untracked(|s| match s.validate() {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .into_iter()
                .map(|p| ErrorItem {
                    target: part_of(&p.path).and_then(|part| place(s, part)),
                    message: p.to_string(),
                })
                .collect(),
        });
        let none = problems.is_empty();
        self.problems.set(problems);
        none
    }

    /// The message shown at `id`: the refusal of the last edit (announced at once), or
    /// the file's problem there.
    fn error_at(self, id: &str) -> Option<(bool, String)> {
        let refused = self.refusal.with(|r| {
            r.as_ref()
                .filter(|(at, _)| at == id)
                .map(|(_, why)| (true, why.clone()))
        });
        refused.or_else(|| {
            self.problems.with(|p| {
                p.iter()
                    .find(|e| e.target.as_deref() == Some(id))
                    .map(|e| (false, e.message.clone()))
            })
        })
    }

    /// The refusal or the file's problem at `id`, as a GOV.UK error message.
    fn errors_at(self, id: String) -> AnyView {
        dynamic(Box::new(move || match self.error_at(&id) {
            Some((refused, why)) => {
                let message = error_message(Some(format!("{id}-error")), why);
                if refused {
                    view! { <div role="alert">{message}</div> }.into_any()
                } else {
                    message
                }
            }
            None => nothing(),
        }))
    }

    /// `aria-describedby` of the control `id`: its hint, if any, and its error, if shown.
    fn described_by(self, id: String, hint: bool) -> impl Fn() -> Option<String> + Send + Sync {
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("{id}-hint"));
            }
            if self.error_at(&id).is_some() {
                ids.push(format!("{id}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// What the list `list` last did, in a live region that is always there.
    fn notice_of(self, list: char, id: &'static str) -> AnyView {
        status(
            id,
            Box::new(move || {
                self.notice.with(|n| match n {
                    Some((l, text)) if *l == list => {
                        view! { <p class="lia-inset">{text.clone()}</p> }.into_any()
                    }
                    _ => nothing(),
                })
            }),
        )
    }
}

#[component]
pub fn SettingsEditPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    page_title(|| Some("Edit the organisation's settings".into()));
    let loaded = state.org_settings.get_untracked();
    let draft = RwSignal::new(
        loaded
            .as_deref()
            .cloned()
            .unwrap_or_else(|| Settings::blank("", "")),
    );
    let ed = Editor {
        state,
        draft,
        refusal: RwSignal::new(None),
        notice: RwSignal::new(None),
        checked: RwSignal::new(false),
        problems: RwSignal::new(Vec::new()),
    };
    let start = match &loaded {
        Some(s) => format!(
            "You are editing a copy of “{}” (revision {}), the settings loaded here. The settings loaded here do not change.",
            s.name, s.revision
        ),
        None => "No settings are loaded here, so you start from blank settings: give them a name and a revision below.".into(),
    };
    vec![
        button("lia-back-link lia-link-button", "Back to the start page", move || state.navigate(Route::Start)),
        view! { <h1 class="lia-heading-xl" id="lia-page-heading" tabindex="-1">"Edit the organisation's settings"</h1> }.into_any(),
        error_summary(ERROR_SUMMARY_ID, ed.problems),
        para("Your organisation's settings add its own questions to the ICO's, checks on their answers, DPIA screening questions, defaults and a review policy. Here you can change them without writing the settings file by hand, try them on a sample assessment, and download the file.".into()),
        para(start),
        view! {
            <div class="lia-warning-text"><p><strong>
                "Your edits are kept only while this page is open: nothing is saved in this browser. "
                "Download the settings file to keep them."
            </strong></p></div>
        }.into_any(),
        heading(2, "About these settings"),
        draft_field(ed, "lia-set-name", "Name of these settings", "What your organisation calls them, such as “Riverside HA assessments”.", |s| s.name.clone(), |s, v| { s.set_name(v); Ok(()) }),
        draft_field(ed, "lia-set-revision", "Revision", "Your own label for this edition, such as “2026.2”. Change it when you change the settings: each assessment records the revision it was made under.", |s| s.revision.clone(), |s, v| { s.set_revision(v); Ok(()) }),
        questions(ed),
        checks(ed),
        screening(ed),
        other(ed),
        try_on(ed),
        download_part(ed),
    ]
    .into_any()
}

/// The id of the control (or the list's row) a part of the settings is shown in.
fn place(s: &Settings, part: Part) -> Option<String> {
    let row = |list: char, id: Option<&String>| id.map(|id| row_of(list, id));
    Some(match part {
        Part::Name => "lia-set-name".into(),
        Part::Revision => "lia-set-revision".into(),
        Part::Question(i) => return row('q', s.questions.get(i).map(|q| &q.id)),
        Part::Check(i) => return row('c', s.checks.get(i).map(|c| &c.id)),
        Part::Screening(i) => return row('s', s.policy.screening.get(i).map(|q| &q.id)),
        Part::Organisation => "lia-set-organisation".into(),
        Part::DpoContact => "lia-set-dpo".into(),
        Part::NoticeTitle => "lia-set-notice".into(),
        Part::NoticeUrl => "lia-set-notice-url".into(),
        Part::ReviewMonths => "lia-set-review".into(),
        Part::Consult | Part::Approvers => return None,
    })
}

/// A one-line text box (GOV.UK): its label, any hint, its error, the box.
#[inline(never)]
fn text_field(
    ed: Editor,
    id: String,
    label: String,
    words: &'static str,
    value: Signal<String>,
    input: Box<dyn Fn(String)>,
) -> AnyView {
    let has_hint = !words.is_empty();
    let shown_hint = if has_hint {
        hint(format!("{id}-hint"), words.into())
    } else {
        nothing()
    };
    view! {
        <div class="lia-field">
            <label class="lia-label" for=id.clone()>{label}</label>
            {shown_hint}
            {ed.errors_at(id.clone())}
            <input class="lia-input" type="text" id=id.clone() autocomplete="off"
                aria-describedby=ed.described_by(id, has_hint)
                prop:value=move || value.get()
                on:input=move |ev| input(event_target_value(&ev)) />
        </div>
    }
    .into_any()
}

/// A text box for one part of the draft: shows it as it was, and each change is `set`.
fn draft_field(
    ed: Editor,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&Settings) -> String,
    set: fn(&mut Settings, &str) -> Result<(), Refused>,
) -> AnyView {
    let value = RwSignal::new(ed.draft.with_untracked(get));
    text_field(
        ed,
        id.into(),
        label.into(),
        hint,
        value.into(),
        Box::new(move |v| {
            value.set(v.clone());
            ed.apply(id, &mut |s| set(s, &v));
        }),
    )
}

/// A paragraph box (GOV.UK): its label, hint and error around the shared textarea.
#[inline(never)]
fn textarea_field(
    ed: Editor,
    id: &'static str,
    label: &'static str,
    words: &'static str,
    value: RwSignal<String>,
) -> AnyView {
    view! {
        <div class="lia-field">
            <label class="lia-label" for=id>{label}</label>
            {hint(format!("{id}-hint"), words.into())}
            {ed.errors_at(id.to_string())}
            {bound_textarea(id.to_string(), "3", Some(Box::new(ed.described_by(id.to_string(), true))), value)}
        </div>
    }
    .into_any()
}

/// Radios (GOV.UK) in a fieldset whose legend is `legend`: each option's value, label
/// and hint; `chosen` is the value chosen, `pick` gets the value picked. The first
/// radio's id is `name`, so a label or link can point at the group.
#[inline(never)]
fn radios(
    name: String,
    legend: String,
    words: Option<String>,
    options: Vec<(String, String, &'static str)>,
    chosen: Signal<String>,
    pick: std::rc::Rc<dyn Fn(String)>,
) -> AnyView {
    let hint_id = format!("{name}-hint");
    let described = words.is_some().then(|| hint_id.clone());
    let shown_hint = words.map_or_else(nothing, |w| hint(hint_id, w));
    let items: Vec<AnyView> = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, words))| {
            let id = if i == 0 { name.clone() } else { format!("{name}-{value}") };
            let hint_id = format!("{id}-hint");
            let has_hint = !words.is_empty();
            let shown_hint = if has_hint { hint(hint_id.clone(), words.into()) } else { nothing() };
            let pick = pick.clone();
            let v = value.clone();
            view! {
                <div class="lia-radio">
                    <input class="lia-radio__input" type="radio" id=id.clone() name=name.clone() value=value.clone()
                        aria-describedby=has_hint.then_some(hint_id)
                        prop:checked=move || chosen.with(|c| *c == v)
                        on:change=move |_| pick(value.clone()) />
                    <label class="lia-radio__label" for=id>{label}</label>
                    {shown_hint}
                </div>
            }
            .into_any()
        })
        .collect();
    view! {
        <div class="lia-field">
            <fieldset class="lia-fieldset" aria-describedby=described>
                <legend class="lia-legend">{legend}</legend>
                {shown_hint}
                <div class="lia-radios">{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// Radios whose choice is held in `value`.
fn radios_into(
    name: &str,
    legend: &str,
    options: Vec<(String, String, &'static str)>,
    value: RwSignal<String>,
) -> AnyView {
    radios(
        name.into(),
        legend.into(),
        None,
        options,
        value.into(),
        std::rc::Rc::new(move |v| value.set(v)),
    )
}

/// One item of a list (a question, a check, a screening question): what it is, and
/// "Move up", "Move down" and "Remove", each named after it; a refusal shown beside them.
/// After a move, focus stays on the button pressed; after a removal it goes to the
/// notice saying what went.
#[inline(never)]
fn item(
    ed: Editor,
    list: char,
    id: String,
    name: String,
    title: String,
    detail: String,
) -> AnyView {
    let row = row_of(list, &id);
    let named = name.clone();
    let act = move |dir: Option<Move>, button: String| {
        let name = &named;
        let mut gone = Vec::new();
        let done = ed.apply(&row_of(list, &id), &mut |s| match (list, dir) {
            ('q', Some(d)) => s.move_question(&id, d),
            ('q', None) => s.remove_question(&id).map(|g| gone = g),
            ('c', Some(d)) => s.move_check(&id, d),
            ('c', None) => s.remove_check(&id).map(|_| ()),
            (_, Some(d)) => s.move_screening(&id, d),
            (_, None) => s.remove_screening(&id).map(|g| gone = g),
        });
        if !done {
            return;
        }
        let text = match dir {
            Some(Move::Up) => format!("Moved {name} up."),
            Some(Move::Down) => format!("Moved {name} down."),
            None if gone.is_empty() => format!("Removed {name}."),
            None => {
                let ids: Vec<String> = gone.iter().map(|c| format!("“{}”", c.id)).collect();
                format!(
                    "Removed {name}, and with it the {} on it: {}.",
                    if ids.len() == 1 { "check" } else { "checks" },
                    ids.join(", ")
                )
            }
        };
        ed.notice.set(Some((list, text)));
        ed.state.focus(match dir {
            Some(_) => button,
            None => format!("lia-edit-{list}-notice"),
        });
    };
    let act = std::rc::Rc::new(act);
    let buttons: Vec<AnyView> = [
        ("up", "Move up", Some(Move::Up)),
        ("down", "Move down", Some(Move::Down)),
        ("remove", "Remove", None),
    ]
    .into_iter()
    .map(|(key, label, dir)| {
        let (act, button) = (act.clone(), format!("{row}-{key}"));
        // The visible words first: the name begins with what is seen.
        let words = format!("{label} {name}");
        button_with(
            "lia-link-button",
            Some(button.clone()),
            Some(words),
            label.into_any(),
            move || act(dir, button.clone()),
        )
    })
    .collect();
    view! {
        <li id=row.clone() tabindex="-1">
            <p><strong>{title}</strong><br /><span class="lia-hint">{detail}</span></p>
            {ed.errors_at(row.clone())}
            <div class="lia-row-actions">{buttons}</div>
        </li>
    }
    .into_any()
}

fn row_of(list: char, id: &str) -> String {
    format!("lia-edit-{list}-{id}")
}

/// After an item is added: says so above its list, and puts focus on its row.
fn added(ed: Editor, list: char, id: &str, text: String) {
    ed.notice.set(Some((list, text)));
    ed.state.focus(row_of(list, id));
}

/// The rows of a list as the draft has them (`q`, `c` or `s`), or what it says when empty.
fn rows(ed: Editor, list: char) -> AnyView {
    dynamic(Box::new(move || {
        ed.draft.with(|s| {
            let (empty, rows): (&str, Vec<AnyView>) = match list {
                'q' => (
                    "These settings have no questions of their own yet.",
                    Section::ALL
                        .into_iter()
                        .filter(|&section| s.questions.iter().any(|q| q.section == section))
                        .flat_map(|section| {
                            let rows = s
                                .questions
                                .iter()
                                .filter(|q| q.section == section)
                                .map(|q| {
                                    item(
                                        ed,
                                        'q',
                                        q.id.clone(),
                                        format!("“{}”", q.label),
                                        q.label.clone(),
                                        question_detail(q),
                                    )
                                })
                                .collect();
                            [heading(4, section.title()), list_of(rows)]
                        })
                        .collect(),
                ),
                'c' => (
                    "These settings have no checks yet.",
                    s.checks
                        .iter()
                        .map(|c| {
                            let q = s.questions.iter().find(|q| q.id == c.question);
                            let on = q.map_or(c.question.as_str(), |q| q.label.as_str());
                            let key = when_key(&c.when);
                            let words = q
                                .and_then(|q| whens(&q.kind).into_iter().find(|(k, _)| k == key))
                                .map_or_else(|| key.to_string(), |(_, w)| w);
                            let detail = format!("{}. On “{on}”: {words}", c.severity.label());
                            item(
                                ed,
                                'c',
                                c.id.clone(),
                                format!("the check “{}”", c.id),
                                c.message.clone(),
                                detail,
                            )
                        })
                        .collect(),
                ),
                _ => (
                    "These settings add no screening questions.",
                    s.policy
                        .screening
                        .iter()
                        .map(|q| {
                            item(
                                ed,
                                's',
                                q.id.clone(),
                                format!("“{}”", q.label),
                                q.label.clone(),
                                q.hint.clone().unwrap_or_default(),
                            )
                        })
                        .collect(),
                ),
            };
            match (rows.is_empty(), list) {
                (true, _) => para(empty.into()),
                (false, 'q') => rows.into_any(),
                (false, _) => list_of(rows),
            }
        })
    }))
}

const KINDS: [(&str, &str, &str); 3] = [
    ("text", "Text", "The author types an answer."),
    ("yes-no", "Yes, no or not sure", ""),
    (
        "choice",
        "One of a list of options",
        "You give the options below.",
    ),
];

/// The question's words for its kind, required or not, and hint.
fn question_detail(q: &Question) -> String {
    let kind = match &q.kind {
        Kind::Text => "Text".to_string(),
        Kind::YesNo => "Yes, no or not sure".to_string(),
        Kind::Choice(o) => format!(
            "One of: {}",
            o.iter()
                .map(|(_, l)| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let required = if q.required { "required" } else { "optional" };
    match &q.hint {
        Some(h) => format!("{kind}; {required}. Hint: {h}"),
        None => format!("{kind}; {required}"),
    }
}

fn questions(ed: Editor) -> AnyView {
    let (section, kind) = (
        RwSignal::new(Section::About),
        RwSignal::new("text".to_string()),
    );
    let (label, hint, required, options) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new("no".to_string()),
        RwSignal::new(String::new()),
    );
    let add = move || {
        let mut id = String::new();
        let new_kind = match kind.get_untracked().as_str() {
            "yes-no" => Kind::YesNo,
            "choice" => Kind::Choice(options_from_lines(&options.get_untracked())),
            _ => Kind::Text,
        };
        let at = section.get_untracked();
        if ed.apply("lia-new-q-label", &mut |s| {
            id = s.add_question(
                at,
                new_kind.clone(),
                &label.get_untracked(),
                &hint.get_untracked(),
                required.get_untracked() == "yes",
            )?;
            Ok(())
        }) {
            let text = format!(
                "Added “{}”, asked last of your questions in “{}”.",
                label.get_untracked().trim(),
                at.title()
            );
            for field in [label, hint, options] {
                field.set(String::new());
            }
            added(ed, 'q', &id, text);
        }
    };
    let sections: Vec<AnyView> = Section::ALL
        .into_iter()
        .map(|s| view! { <option value=s.key()>{s.title()}</option> }.into_any())
        .collect();
    vec![
        heading(2, "Your questions"),
        para("Each is asked after the ICO's questions in its section, in this order.".into()),
        ed.notice_of('q', "lia-edit-q-notice"),
        rows(ed, 'q'),
        heading(3, "Add a question"),
        select_field(
            "lia-new-q-section",
            "Section it is asked in",
            sections.into_any(),
            move |key| section.set(Section::from_key(&key).unwrap_or(Section::About)),
        ),
        radios_into(
            "lia-new-q-kind",
            "Kind of answer",
            KINDS
                .iter()
                .map(|&(k, l, h)| (k.into(), l.into(), h))
                .collect(),
            kind,
        ),
        dynamic(Box::new(move || {
            if kind.get() == "choice" {
                textarea_field(
                    ed,
                    "lia-new-q-options",
                    "Options",
                    "One option a line, in the order they are offered. Give at least two.",
                    options,
                )
            } else {
                nothing()
            }
        })),
        text_field(
            ed,
            "lia-new-q-label".into(),
            "Question".into(),
            "As the author will read it. Its id in the file is made from it.",
            label.into(),
            Box::new(move |v| label.set(v)),
        ),
        text_field(
            ed,
            "lia-new-q-hint".into(),
            "Hint (optional)".into(),
            "Shown under the question, to help the author answer.",
            hint.into(),
            Box::new(move |v| hint.set(v)),
        ),
        radios_into(
            "lia-new-q-required",
            "Must it be answered?",
            vec![
                ("no".into(), "No, it may be left empty".into(), ""),
                (
                    "yes".into(),
                    "Yes, it is required".into(),
                    "“Save and continue” refuses its section while it is unanswered.",
                ),
            ],
            required,
        ),
        button("lia-button", "Add the question", add),
    ]
    .into_any()
}

const SEVERITIES: [(&str, &str); 3] = [
    (
        "Blocker",
        "Must be put right before sign-off: the assessment cannot be approved while it stands.",
    ),
    (
        "Warning",
        "A reviewer would challenge it: the author puts it right, or accepts it with a reason.",
    ),
    ("Advice", "Worth knowing: nothing is wrong."),
];

/// The question a new check is on: the one chosen, or the first until one is.
fn chosen_question<'s>(s: &'s Settings, id: &str) -> Option<&'s Question> {
    s.questions
        .iter()
        .find(|q| q.id == id)
        .or(s.questions.first())
}

/// `<option>`s, each a value and its words, `selected` the one selected.
#[inline(never)]
fn options_of(items: Vec<(String, String)>, selected: Option<String>) -> AnyView {
    items
        .into_iter()
        .map(|(value, words)| {
            let on = selected.as_deref() == Some(value.as_str());
            view! { <option value=value selected=on>{words}</option> }.into_any()
        })
        .collect::<Vec<_>>()
        .into_any()
}

fn checks(ed: Editor) -> AnyView {
    let (question, when, severity, message) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new("Warning".to_string()),
        RwSignal::new(String::new()),
    );
    // The answers a check on the chosen question can be for, and the one chosen (the
    // first until one is).
    let answers = move |s: &Settings| {
        let all = chosen_question(s, &question.get())
            .map(|q| whens(&q.kind))
            .unwrap_or_default();
        let chosen = when.with(|w| {
            all.iter()
                .find(|(k, _)| k == w)
                .or(all.first())
                .map(|(k, _)| k.clone())
        });
        (all, chosen)
    };
    let add = move || {
        let mut id = String::new();
        let (q, (_, w)) = ed.draft.with_untracked(|s| {
            (
                chosen_question(s, &question.get_untracked()).map(|q| q.id.clone()),
                answers(s),
            )
        });
        let (Some(q), Some(w)) = (q, w) else { return };
        let s = match severity.get_untracked().as_str() {
            "Blocker" => Severity::Blocker,
            "Advice" => Severity::Advice,
            _ => Severity::Warning,
        };
        if ed.apply("lia-new-c-message", &mut |d| {
            id = d.add_check(&q, When::from_key(&w), s, &message.get_untracked())?;
            Ok(())
        }) {
            message.set(String::new());
            added(ed, 'c', &id, format!("Added the check “{id}”."));
        }
    };
    let form = move || {
        if ed.draft.with(|s| s.questions.is_empty()) {
            return para("Add a question first: a check is on one of your questions.".into());
        }
        let question_options = dynamic(Box::new(move || {
            ed.draft.with(|s| {
                let current = chosen_question(s, &question.get()).map(|q| q.id.clone());
                options_of(
                    s.questions
                        .iter()
                        .map(|q| (q.id.clone(), q.label.clone()))
                        .collect(),
                    current,
                )
            })
        }));
        let when_options = dynamic(Box::new(move || {
            ed.draft.with(|s| {
                let (all, chosen) = answers(s);
                options_of(all, chosen)
            })
        }));
        vec![
            select_field(
                "lia-new-c-question",
                "The question it is on",
                question_options,
                move |id| question.set(id),
            ),
            select_field(
                "lia-new-c-when",
                "When the answer is",
                when_options,
                move |key| when.set(key),
            ),
            radios_into(
                "lia-new-c-severity",
                "How serious it is",
                SEVERITIES
                    .iter()
                    .map(|&(s, h)| (s.into(), s.into(), h))
                    .collect(),
                severity,
            ),
            textarea_field(
                ed,
                "lia-new-c-message",
                "What the finding says",
                "Say what is wrong and what to do about it, in plain words.",
                message,
            ),
            button("lia-button", "Add the check", add),
        ]
        .into_any()
    };
    vec![
        heading(2, "Checks on the answers"),
        para("A check gives a finding, beside the tool's own, when one of your questions is answered a given way. Findings come in this order.".into()),
        ed.notice_of('c', "lia-edit-c-notice"),
        rows(ed, 'c'),
        heading(3, "Add a check"),
        dynamic(Box::new(form)),
    ]
    .into_any()
}

fn screening(ed: Editor) -> AnyView {
    let (label, hint) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add = move || {
        let mut id = String::new();
        if ed.apply("lia-new-s-label", &mut |s| {
            id = s.add_screening(&label.get_untracked(), &hint.get_untracked())?;
            Ok(())
        }) {
            let text = format!("Added “{}”.", label.get_untracked().trim());
            label.set(String::new());
            hint.set(String::new());
            added(ed, 's', &id, text);
        }
    };
    vec![
        heading(2, "DPIA screening questions"),
        para("A data protection impact assessment (DPIA) is needed when processing is likely to result in a high risk to people. Your screening questions are asked after the ICO's, as yes or no questions: a yes gives a warning that a DPIA is needed.".into()),
        ed.notice_of('s', "lia-edit-s-notice"),
        rows(ed, 's'),
        heading(3, "Add a screening question"),
        text_field(ed, "lia-new-s-label".into(), "Screening question".into(), "", label.into(), Box::new(move |v| label.set(v))),
        text_field(ed, "lia-new-s-hint".into(), "Hint (optional)".into(), "", hint.into(), Box::new(move |v| hint.set(v))),
        button("lia-button", "Add the screening question", add),
    ]
    .into_any()
}

/// The defaults and the review interval; what cannot be edited here is kept as it is.
fn other(ed: Editor) -> AnyView {
    let kept = ed.draft.with_untracked(|s| {
        let cards = s.approvers.cards.len();
        if cards > 0 || s.policy.consult.is_some() {
            para(format!(
                "The approvers' key cards ({cards}), whether an author may approve their own assessment, and who to consult are kept as they are: change them in the file."
            ))
        } else {
            nothing()
        }
    });
    vec![
        heading(2, "Defaults"),
        para("Filled in on new assessments made under these settings, and used in their wording. Leave empty what you do not want.".into()),
        draft_field(ed, "lia-set-organisation", "Organisation's name", "", |s| s.defaults.organisation.clone().unwrap_or_default(), |s, v| set_default(s, v, |d| &mut d.organisation)),
        draft_field(ed, "lia-set-dpo", "Data Protection Officer's contact", "The DPO is who people and authors ask about data protection, such as “dpo@example.org”.", |s| s.defaults.dpo_contact.clone().unwrap_or_default(), |s, v| set_default(s, v, |d| &mut d.dpo_contact)),
        draft_field(ed, "lia-set-notice", "Privacy notice's title", "The privacy notice tells people how their data is used.", |s| s.defaults.privacy_notice_title.clone().unwrap_or_default(), |s, v| set_default(s, v, |d| &mut d.privacy_notice_title)),
        draft_field(ed, "lia-set-notice-url", "Privacy notice's address", "Starting https:// (or http://).", |s| s.defaults.privacy_notice_url.clone().unwrap_or_default(), |s, v| set_default(s, v, |d| &mut d.privacy_notice_url)),
        heading(2, "Review"),
        draft_field(ed, "lia-set-review", "Longest time to the next review, in months (optional)", "From 1 to 60. An assessment whose next review is later than this gets a warning.", |s| s.policy.max_review_months.map(|m| m.to_string()).unwrap_or_default(), |s, v| {
            let months = match v.trim() {
                "" => None,
                v => Some(v.parse().map_err(|_| Refused("Enter the number of months as a whole number, such as 12.".into()))?),
            };
            s.set_review_months(months)
        }),
        kept,
    ]
    .into_any()
}

/// Sets one of the defaults (empty: none).
fn set_default(
    s: &mut Settings,
    v: &str,
    field: fn(&mut Defaults) -> &mut Option<String>,
) -> Result<(), Refused> {
    let mut d = s.defaults.clone();
    *field(&mut d) = Some(v.to_string());
    s.set_defaults(d);
    Ok(())
}

/// The draft's questions answered on a sample assessment, and what the draft finds.
fn try_on(ed: Editor) -> AnyView {
    let answers: RwSignal<Vec<(String, Answer)>> = RwSignal::new(Vec::new());
    let today = Some(crate::ui::browser::today());
    let give = move |id: String, answer: Answer| {
        answers.update(|a| {
            a.retain(|(i, _)| *i != id);
            a.push((id, answer));
        })
    };
    let yes_no = || {
        YesNo::ALL
            .map(|y| (y.key().to_string(), y.label().to_string(), ""))
            .to_vec()
    };
    // Redrawn when the draft changes, not as it is answered.
    let form = move || {
        ed.draft.with(|s| {
            let asked = s.questions.iter().map(|q| {
                let options = match &q.kind {
                    Kind::Text => None,
                    Kind::YesNo => Some(yes_no()),
                    Kind::Choice(o) => {
                        Some(o.iter().map(|(i, l)| (i.clone(), l.clone(), "")).collect())
                    }
                };
                (&q.id, &q.label, &q.hint, options)
            });
            let screening = s
                .policy
                .screening
                .iter()
                .map(|q| (&q.id, &q.label, &q.hint, Some(yes_no())));
            asked
                .chain(screening)
                .map(|(id, label, hint, options)| {
                    let id = id.clone();
                    let given = {
                        let id = id.clone();
                        Signal::derive(move || {
                            answers.with(|a| {
                                a.iter()
                                    .find(|(i, _)| *i == id)
                                    .map(|(_, answer)| match answer {
                                        Answer::Text(t) => t.clone(),
                                        Answer::YesNo(y) => y.key().to_string(),
                                        Answer::Choice(c) => c.clone(),
                                    })
                                    .unwrap_or_default()
                            })
                        })
                    };
                    let name = format!("lia-try-{id}");
                    match options {
                        Some(options) => {
                            let yes_no = options.len() == 3 && options[0].0 == "yes";
                            radios(
                                name,
                                label.clone(),
                                hint.clone(),
                                options,
                                given,
                                std::rc::Rc::new(move |v: String| {
                                    let answer = match YesNo::from_key(&v).filter(|_| yes_no) {
                                        Some(y) => Answer::YesNo(y),
                                        None => Answer::Choice(v),
                                    };
                                    give(id.clone(), answer)
                                }),
                            )
                        }
                        None => text_field(
                            ed,
                            name,
                            label.clone(),
                            "",
                            given,
                            Box::new(move |v| give(id.clone(), Answer::Text(v))),
                        ),
                    }
                })
                .collect::<Vec<_>>()
                .into_any()
        })
    };
    let found = move || ed.draft.with(|s| answers.with(|a| s.try_on(a, today)));
    let shown = move || {
        ed.draft.with(|s| {
            found()
                .into_iter()
                .map(|f| {
                    let about = match &f.target {
                        Some(Target::Organisation(id)) => asked(s, id).map(|(_, l)| l.to_string()),
                        Some(Target::Tool(q)) => Some(q.question().text.to_string()),
                        None => None,
                    };
                    view! {
                        <li class=format!("lia-finding lia-finding--{}", f.severity.label().to_ascii_lowercase()) data-finding=f.id>
                            <p class="lia-finding__message"><SeverityTag severity=f.severity />" "{f.message}</p>
                            {about.map(|a| view! { <p class="lia-finding__source">"About: "{a}</p> })}
                        </li>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>()
                .into_any()
        })
    };
    let title = crate::assessment::examples::example(SAMPLE).map_or("", |e| e.title);
    vec![
        heading(2, "Try them on a sample"),
        para(format!(
            "Answer your questions as an author would, on a copy of the tool's example “{title}”. These answers are kept on this page only: they change no assessment, no saved draft and not the settings loaded here."
        )),
        dynamic(Box::new(form)),
        heading(3, "What your settings find"),
        status("lia-try-count", Box::new(move || para(match found().len() {
            0 => "Nothing: no check, screening question or review policy of these settings finds anything in the sample.".to_string(),
            1 => "1 finding.".to_string(),
            n => format!("{n} findings."),
        }))),
        view! { <ul class="lia-findings__list" id="lia-try-findings">{dynamic(Box::new(shown))}</ul> }.into_any(),
    ]
    .into_any()
}

/// "Check and download": the file's problems listed, or the file downloaded.
fn download_part(ed: Editor) -> AnyView {
    let failed = RwSignal::new(None);
    let done = RwSignal::new(None::<String>);
    let check = move || {
        ed.checked.set(true);
        done.set(None);
        if !ed.recheck() {
            ed.state.focus(ERROR_SUMMARY_ID);
            return;
        }
        let Ok(valid) = ed.draft.with_untracked(Settings::validate) else {
            return;
        };
        let name = valid.file_name();
        match download(&name, "application/json", &write(&valid)) {
            Ok(()) => {
                failed.set(None);
                done.set(Some(format!(
                    "Downloaded “{name}”. Give it to the tool to use these settings."
                )));
            }
            Err(why) => failed.set(Some(why)),
        }
    };
    vec![
        heading(2, "Check and download"),
        para("The settings are checked as the tool checks a file it is given. Any problem is listed at the top of this page, with where it is; with none, the settings file is downloaded.".into()),
        button("lia-button", "Check and download the settings file", check),
        download_failure(failed),
        status("lia-downloaded", Box::new(move || done.get().map_or_else(nothing, para))),
    ]
    .into_any()
}
