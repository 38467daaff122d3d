//! What a widget tells its host page: the events of `web/js/widget.d.ts`'s
//! `PartnerMigrationAssistantEventMap`, with the names their details carry. The tests below read
//! that file and compare it with what is here (events, detail fields, steps, failure kinds and the
//! contract's problem codes), so the types portals compile against cannot fall behind the app.

use assistant_core::account::AccountId;
use assistant_core::api::ProblemCode;
use assistant_core::flow::Question;

use crate::backend::client::ClientError;
use crate::route::Step;

/// Something the host hears of.
#[derive(Debug)]
pub enum HostEvent<'a> {
    /// A screen is shown; `account` is none on screens of no account.
    StepStarted {
        step: Step,
        account: Option<&'a AccountId>,
    },
    /// The owner's answer to a question was accepted.
    StepCompleted {
        question: Question,
        account: &'a AccountId,
    },
    /// The API accepted the migration.
    MigrationSubmitted {
        account: &'a AccountId,
        reference: Option<&'a str>,
    },
    /// The migration is complete.
    FlowCompleted {
        account: &'a AccountId,
        reference: Option<&'a str>,
    },
    /// A tick of the offers checklist was saved.
    ChecklistItemChanged {
        account: &'a AccountId,
        item: &'a str,
        done: bool,
    },
    /// A call failed and the widget shows it; `message` is what the user reads.
    FlowError {
        error: &'a ClientError,
        message: String,
    },
}

/// A value of an event's detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailValue<'a> {
    Text(&'a str),
    Flag(bool),
    Null,
}

impl<'a> DetailValue<'a> {
    fn text_or_null(text: Option<&'a str>) -> Self {
        text.map_or(DetailValue::Null, DetailValue::Text)
    }
}

/// What kind of failure a `flow-error` reports (`kind` of its detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// No answer in time.
    Timeout,
    /// The network failed.
    Network,
    /// An answer that is not what the contract says.
    Malformed,
    /// The API answered with a problem of the contract: `code` names it.
    Problem,
}

impl FailureKind {
    /// Every kind.
    pub const ALL: [FailureKind; 4] = [
        FailureKind::Timeout,
        FailureKind::Network,
        FailureKind::Malformed,
        FailureKind::Problem,
    ];

    /// The kind's name.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Timeout => "timeout",
            FailureKind::Network => "network",
            FailureKind::Malformed => "malformed",
            FailureKind::Problem => "problem",
        }
    }

    /// The kind of a failed call, and the contract's code when the API answered with a problem.
    pub fn of(error: &ClientError) -> (FailureKind, Option<ProblemCode>) {
        match error {
            ClientError::Timeout => (FailureKind::Timeout, None),
            ClientError::Network => (FailureKind::Network, None),
            ClientError::Malformed => (FailureKind::Malformed, None),
            ClientError::TooManyRequests { .. } => {
                (FailureKind::Problem, Some(ProblemCode::TooManyRequests))
            }
            ClientError::Problem(problem) => (FailureKind::Problem, Some(problem.code)),
        }
    }
}

impl HostEvent<'_> {
    /// The event's name.
    #[inline(always)]
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::StepStarted { .. } => "step-started",
            HostEvent::StepCompleted { .. } => "step-completed",
            HostEvent::MigrationSubmitted { .. } => "migration-submitted",
            HostEvent::FlowCompleted { .. } => "flow-completed",
            HostEvent::ChecklistItemChanged { .. } => "checklist-item-changed",
            HostEvent::FlowError { .. } => "flow-error",
        }
    }

    /// Gives `field` each field of the event's `detail`, by name. Inlined with
    /// `Placement::emit`.
    #[inline(always)]
    pub fn detail(&self, mut field: impl FnMut(&'static str, DetailValue<'_>)) {
        match self {
            HostEvent::StepStarted { step, account } => {
                field("step", DetailValue::Text(step.as_str()));
                field(
                    "account",
                    DetailValue::text_or_null(account.map(AccountId::as_str)),
                );
            }
            HostEvent::StepCompleted { question, account } => {
                field("step", DetailValue::Text(Step::from(*question).as_str()));
                field("account", DetailValue::Text(account.as_str()));
            }
            HostEvent::MigrationSubmitted { account, reference }
            | HostEvent::FlowCompleted { account, reference } => {
                field("account", DetailValue::Text(account.as_str()));
                field("reference", DetailValue::text_or_null(*reference));
            }
            HostEvent::ChecklistItemChanged {
                account,
                item,
                done,
            } => {
                field("account", DetailValue::Text(account.as_str()));
                field("item", DetailValue::Text(item));
                field("done", DetailValue::Flag(*done));
            }
            HostEvent::FlowError { error, message } => {
                let (kind, code) = FailureKind::of(error);
                field("kind", DetailValue::Text(kind.as_str()));
                field(
                    "code",
                    DetailValue::text_or_null(code.map(ProblemCode::as_str)),
                );
                field("message", DetailValue::Text(message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use assistant_core::api::Problem;

    use super::*;

    /// The types a portal compiles against.
    const TYPES: &str = include_str!("../js/widget.d.ts");

    /// The body of `export type {name} = …;` or `export interface {name} {…}` in the types.
    fn declaration(name: &str) -> &'static str {
        for (start, end) in [
            (format!("export type {name} ="), ";\n"),
            (format!("export interface {name} {{"), "\n}"),
        ] {
            if let Some((_, rest)) = TYPES.split_once(&start) {
                return rest.split_once(end).map_or(rest, |(body, _)| body);
            }
        }
        panic!("widget.d.ts declares no {name}");
    }

    /// The string literals of a union type, such as `'a' | 'b'`.
    fn union(name: &str) -> BTreeSet<String> {
        declaration(name)
            .split('|')
            .filter(|member| !member.trim().is_empty())
            .map(|member| {
                let member = member.trim();
                member
                    .strip_prefix('\'')
                    .and_then(|m| m.strip_suffix('\''))
                    .unwrap_or_else(|| panic!("{name} holds {member:?}, not a string literal"))
                    .to_owned()
            })
            .collect()
    }

    /// The field names of an interface or of an object type's members, such as `{ a: X; b?: Y }`.
    fn fields(name: &str) -> BTreeSet<String> {
        declaration(name)
            .split(['{', '}', ';', '\n', '|'])
            .filter_map(|part| {
                let part = part.trim();
                let (field, _) = part.split_once(':')?;
                let field = field
                    .trim()
                    .trim_start_matches("readonly ")
                    .trim_end_matches('?');
                (!field.is_empty() && !field.starts_with(['/', '*']))
                    .then(|| field.trim_matches('\'').to_owned())
            })
            .collect()
    }

    /// Each field of an interface or object type with its declared type, once per member that
    /// declares it (a union of object types may declare a field twice).
    fn field_types(name: &str) -> Vec<(String, String)> {
        declaration(name)
            .split(['{', '}', ';', '\n'])
            .filter_map(|part| {
                let (field, type_) = part.trim().split_once(':')?;
                let field = field.trim().trim_end_matches('?');
                (!field.is_empty() && !field.starts_with(['/', '*']))
                    .then(|| (field.trim_matches('\'').to_owned(), type_.trim().to_owned()))
            })
            .collect()
    }

    /// Whether a declared type admits a value the widget sends.
    fn admits(type_: &str, value: DetailValue<'_>) -> bool {
        let members: Vec<&str> = type_.split('|').map(str::trim).collect();
        match value {
            DetailValue::Null => members.contains(&"null"),
            DetailValue::Flag(_) => members.contains(&"boolean"),
            DetailValue::Text(text) => members.iter().any(|member| {
                *member == "string"
                    || *member == format!("'{text}'")
                    || ["Step", "AnsweredStep", "FailureKind", "ProblemCode"].contains(member)
                        && union(member).contains(text)
            }),
        }
    }

    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> BTreeSet<String> {
        all.iter().map(|item| name(*item).to_owned()).collect()
    }

    #[test]
    fn the_types_name_every_step() {
        assert_eq!(union("Step"), names(&Step::ALL, Step::as_str));
    }

    #[test]
    fn the_types_name_every_kind_of_failure() {
        assert_eq!(
            union("FailureKind"),
            names(&FailureKind::ALL, FailureKind::as_str)
        );
    }

    #[test]
    fn the_types_name_every_problem_code_of_the_contract() {
        assert_eq!(
            union("ProblemCode"),
            names(&ProblemCode::ALL, ProblemCode::as_str)
        );
    }

    #[test]
    fn the_types_name_every_theme_property_of_the_styles() {
        let styles = include_str!("../style/main.css");
        let properties: BTreeSet<String> = styles
            .split("--pma-")
            .skip(1)
            .map(|rest| {
                rest.split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .filter(|name| !name.is_empty())
            .collect();
        assert_eq!(union("ThemeProperty"), properties);
    }

    #[test]
    fn the_types_name_each_question_whose_answer_completes_a_step() {
        let answered: BTreeSet<String> = [Question::WorkEmail, Question::MpnId]
            .into_iter()
            .map(|question| Step::from(question).as_str().to_owned())
            .collect();
        assert_eq!(union("AnsweredStep"), answered);
    }

    #[test]
    fn the_types_give_every_event_and_each_field_of_its_detail() {
        let account = AccountId::parse("fabrikam").unwrap();
        let refused = ClientError::Problem(Problem::of(ProblemCode::NotOwner));
        let events = [
            HostEvent::StepStarted {
                step: Step::Overview,
                account: None,
            },
            HostEvent::StepCompleted {
                question: Question::WorkEmail,
                account: &account,
            },
            HostEvent::MigrationSubmitted {
                account: &account,
                reference: Some("MIG-1"),
            },
            HostEvent::FlowCompleted {
                account: &account,
                reference: None,
            },
            HostEvent::ChecklistItemChanged {
                account: &account,
                item: "isv_addendum_accepted",
                done: true,
            },
            HostEvent::FlowError {
                error: &refused,
                message: "Only an owner can migrate this account.".into(),
            },
            // Values a field may also take: an account, a reference, a failure with no code.
            HostEvent::StepStarted {
                step: Step::OffersChecklist,
                account: Some(&account),
            },
            HostEvent::FlowCompleted {
                account: &account,
                reference: Some("MIG-1"),
            },
            HostEvent::ChecklistItemChanged {
                account: &account,
                item: "isv_addendum_accepted",
                done: false,
            },
            HostEvent::FlowError {
                error: &ClientError::Network,
                message: "The service could not be reached.".into(),
            },
        ];
        // Each kind of event once: a new kind must be added above before this compiles again.
        let mut seen = BTreeSet::new();
        for event in &events {
            seen.insert(match event {
                HostEvent::StepStarted { .. } => 0,
                HostEvent::StepCompleted { .. } => 1,
                HostEvent::MigrationSubmitted { .. } => 2,
                HostEvent::FlowCompleted { .. } => 3,
                HostEvent::ChecklistItemChanged { .. } => 4,
                HostEvent::FlowError { .. } => 5,
            });
        }
        assert_eq!(seen.len(), 6, "every kind of event");

        let map = declaration("PartnerMigrationAssistantEventMap");
        let typed: BTreeSet<String> = fields("PartnerMigrationAssistantEventMap");
        let sent: BTreeSet<String> = events.iter().map(|e| e.name().to_owned()).collect();
        assert_eq!(
            typed, sent,
            "the event map names each event the widget sends"
        );
        for event in &events {
            let detail = map
                .split_once(&format!("'{}': CustomEvent<", event.name()))
                .and_then(|(_, rest)| rest.split_once('>'))
                .map(|(detail, _)| detail)
                .unwrap_or_else(|| panic!("{} is not a CustomEvent in the map", event.name()));
            let mut keys = BTreeSet::new();
            let declared = field_types(detail);
            event.detail(|key, value| {
                keys.insert(key.to_owned());
                assert!(
                    declared
                        .iter()
                        .any(|(field, type_)| field == key && admits(type_, value)),
                    "{}'s detail ({detail}) gives {key} as {value:?}, which its type does not admit",
                    event.name()
                );
            });
            assert_eq!(fields(detail), keys, "{}'s detail ({detail})", event.name());
        }
    }

    #[test]
    fn a_refused_call_reports_the_contracts_code_and_others_none() {
        let refused = ClientError::Problem(Problem::of(ProblemCode::NotOwner));
        assert_eq!(
            FailureKind::of(&refused),
            (FailureKind::Problem, Some(ProblemCode::NotOwner))
        );
        assert_eq!(
            FailureKind::of(&ClientError::TooManyRequests { retry_after: None }),
            (FailureKind::Problem, Some(ProblemCode::TooManyRequests))
        );
        assert_eq!(
            FailureKind::of(&ClientError::Network),
            (FailureKind::Network, None)
        );
    }
}
