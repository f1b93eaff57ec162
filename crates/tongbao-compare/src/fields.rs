//! Field-level differences between two bulletins.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;
use tongbao_model::Bulletin;

/// One field whose value differs.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The task the field belongs to; `None` for bulletin-level fields.
    pub task_no: Option<u32>,
    /// JSON path below the task (or the bulletin): `progress[1].text`;
    /// empty when a whole task was added or removed.
    pub path: String,
    /// The expected value; `None` when absent.
    pub old: Option<Value>,
    /// The actual value; `None` when absent.
    pub new: Option<Value>,
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.task_no, self.path.is_empty()) {
            (Some(no), true) => write!(f, "task {no}")?,
            (Some(no), false) => write!(f, "task {no}: {}", self.path)?,
            (None, _) => f.write_str(&self.path)?,
        }
        write!(f, ": {} → {}", shown(&self.old), shown(&self.new))
    }
}

/// A value as one short line: strings quoted, long values cut.
fn shown(value: &Option<Value>) -> String {
    const MAX_CHARS: usize = 120;
    let Some(value) = value else {
        return "(absent)".to_owned();
    };
    let text = value.to_string();
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_CHARS).collect();
    cut.push('…');
    cut
}

/// Every field that differs between `expected` and `actual`, bulletin-level
/// fields first, then tasks in number order. Tasks are matched by number.
pub fn field_changes(expected: &Bulletin, actual: &Bulletin) -> Vec<FieldChange> {
    let (Ok(old), Ok(new)) = (serde_json::to_value(expected), serde_json::to_value(actual)) else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    let (Value::Object(old), Value::Object(new)) = (old, new) else {
        return changes;
    };
    for (key, old_value) in &old {
        if key == "tasks" {
            continue;
        }
        diff(
            None,
            key.clone(),
            Some(old_value),
            new.get(key),
            &mut changes,
        );
    }
    let old_tasks = tasks_by_number(old.get("tasks"));
    let new_tasks = tasks_by_number(new.get("tasks"));
    let mut numbers: Vec<&(u32, usize)> = old_tasks.keys().chain(new_tasks.keys()).collect();
    numbers.sort();
    numbers.dedup();
    for key in numbers {
        let (old_task, new_task) = (old_tasks.get(key).copied(), new_tasks.get(key).copied());
        if old_task.is_some() && new_task.is_some() {
            diff(Some(key.0), String::new(), old_task, new_task, &mut changes);
        } else {
            changes.push(FieldChange {
                task_no: Some(key.0),
                path: String::new(),
                old: old_task.map(|_| Value::String("(task)".into())),
                new: new_task.map(|_| Value::String("(task)".into())),
            });
        }
    }
    changes
}

/// Tasks keyed by (number, occurrence) so a duplicated number is still compared.
fn tasks_by_number(tasks: Option<&Value>) -> BTreeMap<(u32, usize), &Value> {
    let mut by_number = BTreeMap::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    for task in tasks.and_then(Value::as_array).into_iter().flatten() {
        let no = task
            .get("no")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0);
        let occurrence = seen.entry(no).or_insert(0);
        by_number.insert((no, *occurrence), task);
        *occurrence += 1;
    }
    by_number
}

fn diff(
    task_no: Option<u32>,
    path: String,
    old: Option<&Value>,
    new: Option<&Value>,
    changes: &mut Vec<FieldChange>,
) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match (old, new) {
        (Some(Value::Object(old)), Some(Value::Object(new))) => {
            for (key, value) in old {
                diff(task_no, join(key), Some(value), new.get(key), changes);
            }
            for (key, value) in new.iter().filter(|(key, _)| !old.contains_key(*key)) {
                diff(task_no, join(key), None, Some(value), changes);
            }
        }
        (Some(Value::Array(old)), Some(Value::Array(new))) => {
            for index in 0..old.len().max(new.len()) {
                let item_path = format!("{path}[{index}]");
                diff(task_no, item_path, old.get(index), new.get(index), changes);
            }
        }
        (old, new) if old != new => changes.push(FieldChange {
            task_no,
            path,
            old: old.cloned(),
            new: new.cloned(),
        }),
        _ => {}
    }
}
