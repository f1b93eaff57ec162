//! Compares bulletins, for the two questions users ask of them:
//!
//! - **Did the parse change?** [`field_changes`] lists every field that differs
//!   between a stored (expected) bulletin and a fresh one, task by task. It is
//!   what `tongbao check` prints and what users put in their CI.
//! - **What changed since last month?** [`month_over_month`] reports status
//!   transitions, tasks added or removed, changed units and progress, and the
//!   count of tasks per status before and after.
//!
//! ```
//! use tongbao_compare::field_changes;
//! # let bulletin: tongbao_model::Bulletin = serde_json::from_str(include_str!("../../tongbao-export/tests/minimal.json")).unwrap();
//! let mut changed = bulletin.clone();
//! changed.tasks[0].units.pop();
//! let changes = field_changes(&bulletin, &changed);
//! assert_eq!(changes.len(), 1);
//! assert_eq!(changes[0].to_string(), r#"task 1: units[1]: "市乙局" → (absent)"#);
//! ```
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod fields;
mod month;

pub use fields::{FieldChange, field_changes};
pub use month::{MonthDiff, StatusCount, TaskChange, TaskRef, month_over_month};
