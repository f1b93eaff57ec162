use serde::{Deserialize, Serialize};

/// How much a diagnostic matters to someone trusting the output.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: where a value came from, what was skipped on purpose.
    Info,
    /// The output may be incomplete or a guess; a person should look.
    Warning,
}

/// Something odd that a stage tolerated instead of failing: a gap in task
/// numbering, an unknown status word, embedded content not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code in kebab-case, e.g. `task-number-gap`.
    pub code: String,
    /// Short English explanation for a person.
    pub message: String,
    /// The task the diagnostic is about, when there is one.
    pub task_no: Option<u32>,
}

impl Diagnostic {
    /// A warning not tied to a task.
    pub fn warning(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code: code.to_owned(),
            message: message.into(),
            task_no: None,
        }
    }

    /// An informational note not tied to a task.
    pub fn info(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            code: code.to_owned(),
            message: message.into(),
            task_no: None,
        }
    }

    /// The same diagnostic, tied to task `no`.
    pub fn for_task(mut self, no: u32) -> Diagnostic {
        self.task_no = Some(no);
        self
    }
}
