//! What changed between two months' bulletins.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde::Serialize;
use tongbao_model::{Bulletin, CalendarDate, StatusCode, Task};

/// The changes from an older bulletin to a newer one. Tasks are matched by
/// their number, which offices keep stable from month to month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthDiff {
    pub old: BulletinRef,
    pub new: BulletinRef,
    /// Tasks per status code, before and after; codes absent from both are left out.
    pub status_counts: Vec<StatusCount>,
    /// Tasks whose status code changed.
    pub status_changes: Vec<TaskChange>,
    pub added: Vec<TaskRef>,
    pub removed: Vec<TaskRef>,
    /// Tasks whose responsible units changed (joined with `、`).
    pub units_changed: Vec<TaskChange>,
    /// Tasks whose progress text changed (items joined with line breaks).
    pub progress_changed: Vec<TaskChange>,
}

/// Which bulletin a side of the diff is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulletinRef {
    pub file: String,
    pub as_of_date: Option<CalendarDate>,
    pub as_of_text: Option<String>,
    pub tasks: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusCount {
    pub status: StatusCode,
    pub old: usize,
    pub new: usize,
}

/// A task present on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRef {
    pub no: u32,
    pub area: Option<String>,
    pub text: String,
}

/// One field of one task, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskChange {
    pub no: u32,
    /// The task text in the newer bulletin.
    pub text: String,
    pub old: String,
    pub new: String,
    /// For progress changes: the figures found in the new progress (`4.08亿元`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_figures: Vec<String>,
}

/// Compares `old` (an earlier month) with `new`.
pub fn month_over_month(old: &Bulletin, new: &Bulletin) -> MonthDiff {
    let old_tasks = by_number(old);
    let new_tasks = by_number(new);
    let mut diff = MonthDiff {
        old: bulletin_ref(old),
        new: bulletin_ref(new),
        status_counts: status_counts(old, new),
        status_changes: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        units_changed: Vec::new(),
        progress_changed: Vec::new(),
    };
    for (key, before) in &old_tasks {
        let Some(after) = new_tasks.get(key) else {
            diff.removed.push(task_ref(before));
            continue;
        };
        let change = |old: String, new: String| TaskChange {
            no: before.no,
            text: after.text.clone(),
            old,
            new,
            new_figures: Vec::new(),
        };
        if before.status.code != after.status.code {
            diff.status_changes.push(change(
                before.status.code.as_str().to_owned(),
                after.status.code.as_str().to_owned(),
            ));
        }
        if before.units != after.units {
            diff.units_changed
                .push(change(before.units.join("、"), after.units.join("、")));
        }
        let (old_progress, new_progress) = (progress_text(before), progress_text(after));
        if old_progress != new_progress {
            diff.progress_changed.push(TaskChange {
                new_figures: after
                    .progress
                    .iter()
                    .flat_map(|item| item.figures.iter().map(|figure| figure.text.clone()))
                    .collect(),
                ..change(old_progress, new_progress)
            });
        }
    }
    diff.added = new_tasks
        .iter()
        .filter(|(key, _)| !old_tasks.contains_key(*key))
        .map(|(_, task)| task_ref(task))
        .collect();
    diff
}

/// Tasks by number and, for a number written more than once (a task in
/// parts), by occurrence: the second task 1 of one month meets the second
/// task 1 of the other, as `check` pairs them.
fn by_number(bulletin: &Bulletin) -> BTreeMap<(u32, usize), &Task> {
    let mut tasks = BTreeMap::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    for task in &bulletin.tasks {
        let occurrence = seen.entry(task.no).or_insert(0);
        tasks.insert((task.no, *occurrence), task);
        *occurrence += 1;
    }
    tasks
}

fn bulletin_ref(bulletin: &Bulletin) -> BulletinRef {
    BulletinRef {
        file: bulletin.source.file.clone(),
        as_of_date: bulletin.as_of.date,
        as_of_text: bulletin.as_of.text.clone(),
        tasks: bulletin.tasks.len(),
    }
}

fn task_ref(task: &Task) -> TaskRef {
    TaskRef {
        no: task.no,
        area: task.area.clone(),
        text: task.text.clone(),
    }
}

fn progress_text(task: &Task) -> String {
    let items: Vec<&str> = task
        .progress
        .iter()
        .map(|item| item.text.as_str())
        .collect();
    items.join("\n")
}

fn status_counts(old: &Bulletin, new: &Bulletin) -> Vec<StatusCount> {
    let mut counts: BTreeMap<StatusCode, (usize, usize)> = BTreeMap::new();
    for task in &old.tasks {
        counts.entry(task.status.code).or_default().0 += 1;
    }
    for task in &new.tasks {
        counts.entry(task.status.code).or_default().1 += 1;
    }
    counts
        .into_iter()
        .map(|(status, (old, new))| StatusCount { status, old, new })
        .collect()
}

impl fmt::Display for MonthDiff {
    /// A readable report for a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |side: &BulletinRef| {
            let when = side
                .as_of_date
                .map(|date| date.to_string())
                .or_else(|| side.as_of_text.clone())
                .unwrap_or_else(|| "as-of unknown".to_owned());
            format!("{} ({when}, {} tasks)", side.file, side.tasks)
        };
        writeln!(f, "{} → {}", side(&self.old), side(&self.new))?;
        writeln!(f, "\nstatus          old   new")?;
        for count in &self.status_counts {
            writeln!(
                f,
                "  {:<12} {:>4}  {:>4}",
                count.status.as_str(),
                count.old,
                count.new
            )?;
        }
        section(f, "status changes", &self.status_changes, |out, c| {
            write!(out, "{} → {}  {}", c.old, c.new, short(&c.text))
        })?;
        section(f, "tasks added", &self.added, |out, t| {
            write!(out, "{}", short(&t.text))
        })?;
        section(f, "tasks removed", &self.removed, |out, t| {
            write!(out, "{}", short(&t.text))
        })?;
        section(f, "units changed", &self.units_changed, |out, c| {
            write!(out, "{} → {}", c.old, c.new)
        })?;
        section(f, "progress changed", &self.progress_changed, |out, c| {
            write!(out, "{}", short(&c.new.replace('\n', " / ")))?;
            if !c.new_figures.is_empty() {
                write!(out, "  [{}]", c.new_figures.join(", "))?;
            }
            Ok(())
        })
    }
}

/// Something listed in a section, identified by its task number.
trait Numbered {
    fn no(&self) -> u32;
}

impl Numbered for TaskChange {
    fn no(&self) -> u32 {
        self.no
    }
}

impl Numbered for TaskRef {
    fn no(&self) -> u32 {
        self.no
    }
}

fn section<T: Numbered>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    items: &[T],
    line: impl Fn(&mut String, &T) -> fmt::Result,
) -> fmt::Result {
    writeln!(f, "\n{title} ({})", items.len())?;
    for item in items {
        let mut text = String::new();
        line(&mut text, item)?;
        writeln!(f, "  task {:<3} {text}", item.no())?;
    }
    Ok(())
}

fn short(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_CHARS).collect();
    cut.push('…');
    cut
}
