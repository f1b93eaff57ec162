//! Splitting a responsible-units cell into one name per unit, with roles.

use crate::header::{Role, UnitRole, classify};
use crate::text::{is_close_bracket, is_open_bracket, trailing_bracket, trim_entry_punctuation};

/// Names read from unit cells, by role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UnitLists {
    pub unspecified: Vec<String>,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Whether any name carried a role (`牵头：…`, `…（配合）`).
    pub role_marked: bool,
}

impl UnitLists {
    /// Reads one cell's lines; `column_role` is the role its column gives.
    pub(crate) fn add_cell<'a>(
        &mut self,
        lines: impl IntoIterator<Item = &'a str>,
        column_role: UnitRole,
    ) {
        let mut role = column_role;
        for line in lines {
            for name in split_names(line) {
                // A role word opens a line or any later piece of it:
                // `牵头单位：甲；配合单位：乙、丙`.
                let (marked_role, name) = split_role_prefix(&name);
                if let Some(marked) = marked_role {
                    role = marked;
                    self.role_marked |= marked != UnitRole::Unspecified;
                }
                let name = trim_entry_punctuation(name);
                if name.is_empty() {
                    continue;
                }
                let (suffix_role, name) = split_role_suffix(name);
                if let Some(suffix) = suffix_role {
                    self.role_marked = true;
                    // `甲（牵头）、乙、丙`: the names after a marked lead support it.
                    if suffix == UnitRole::Lead && role == UnitRole::Unspecified {
                        role = UnitRole::Support;
                    }
                }
                self.push(suffix_role.unwrap_or(role), name);
            }
        }
    }

    fn push(&mut self, role: UnitRole, name: String) {
        let list = match role {
            UnitRole::Unspecified => &mut self.unspecified,
            UnitRole::Lead => &mut self.lead,
            UnitRole::Support => &mut self.support,
        };
        list.push(name);
    }

    /// All names, lead units (and units without a role) first.
    pub(crate) fn all(&self) -> Vec<String> {
        self.lead_first()
            .chain(self.support.iter().cloned())
            .collect()
    }

    /// Lead units, then units without a stated role (which count as lead).
    pub(crate) fn lead_first(&self) -> impl Iterator<Item = String> + '_ {
        self.lead.iter().chain(&self.unspecified).cloned()
    }
}

/// `牵头单位：市发改委` → (Lead, `市发改委`). Only a short role word counts.
fn split_role_prefix(line: &str) -> (Option<UnitRole>, &str) {
    const MAX_ROLE_WORD_CHARS: usize = 6;
    let Some((word, rest)) = line.split_once(['：', ':']) else {
        return (None, line);
    };
    if word.trim().chars().count() > MAX_ROLE_WORD_CHARS {
        return (None, line);
    }
    match classify(word) {
        Some(Role::Units(role)) => (Some(role), rest),
        _ => (None, line),
    }
}

/// A task text ending in a bracketed units note, `完成签约（牵头单位：市发改委；
/// 配合单位：市财政局）。`, split into the text without the note (`完成签约。`)
/// and the note's content. Only a note opening with a units label counts:
/// `（含2个县）` stays text.
pub(crate) fn split_units_note(text: &str) -> Option<(String, &str)> {
    let body = text.trim_end();
    let ending = body.trim_end_matches(['。', '；', ';']);
    let (before, note) = trailing_bracket(ending)?;
    if before.trim().is_empty() || !matches!(split_role_prefix(note), (Some(_), _)) {
        return None;
    }
    let tail = body.get(ending.len()..).unwrap_or_default();
    Some((format!("{before}{tail}"), note))
}

/// `市发改委（牵头）` → (Lead, `市发改委`).
fn split_role_suffix(name: &str) -> (Option<UnitRole>, String) {
    let Some(open_at) = name.rfind(is_open_bracket) else {
        return (None, name.to_owned());
    };
    let (base, bracket) = name.split_at(open_at);
    let inner = bracket
        .trim_start_matches(is_open_bracket)
        .trim_end_matches(is_close_bracket);
    let role = match classify(inner) {
        Some(Role::Units(role)) if role != UnitRole::Unspecified && !base.is_empty() => role,
        _ => return (None, name.to_owned()),
    };
    (Some(role), base.trim().to_owned())
}

/// Splits a line into unit names at `、`, `，`, `；` and spaces, never inside
/// brackets (`各县（市、区）` is one name). A name starting with `各` ("each")
/// governs the `、` list after it: `各县（市、区）、产业集聚区` is one
/// collective name.
pub(crate) fn split_names(line: &str) -> Vec<String> {
    let mut pieces: Vec<(String, Option<char>)> = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if is_open_bracket(c) {
            depth += 1;
        } else if is_close_bracket(c) {
            depth = depth.saturating_sub(1);
        }
        let separator = depth == 0
            && (matches!(c, '、' | '，' | ',' | '；' | ';')
                || (c.is_whitespace() && !chars.peek().is_some_and(|next| is_open_bracket(*next))));
        if separator {
            pieces.push((std::mem::take(&mut current), Some(c)));
        } else {
            current.push(c);
        }
    }
    pieces.push((current, None));

    let mut names: Vec<String> = Vec::new();
    let mut joining = false;
    for (piece, separator) in pieces {
        let piece = trim_entry_punctuation(&piece);
        if piece.is_empty() {
            continue;
        }
        match names.last_mut() {
            Some(last) if joining => {
                last.push('、');
                last.push_str(piece);
            }
            _ => names.push(piece.to_owned()),
        }
        let collective = names.last().is_some_and(|name| name.starts_with('各'));
        joining = collective && separator == Some('、');
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_between_names_not_inside_brackets() {
        assert_eq!(
            split_names("市发改委、市经信局，市财政局；"),
            ["市发改委", "市经信局", "市财政局"]
        );
        assert_eq!(
            split_names("龙湾区（浙南科技城）"),
            ["龙湾区（浙南科技城）"]
        );
        assert_eq!(split_names("市自然资源和规划局"), ["市自然资源和规划局"]);
        assert_eq!(split_names("市发改委  市经信局"), ["市发改委", "市经信局"]);
        assert_eq!(
            split_names("龙湾区 （浙南科技城）"),
            ["龙湾区 （浙南科技城）"]
        );
    }

    #[test]
    fn keeps_collective_each_list_together() {
        assert_eq!(
            split_names("各县（市、区）、产业集聚区"),
            ["各县（市、区）、产业集聚区"]
        );
        assert_eq!(
            split_names("市住建局、各县（市、区）"),
            ["市住建局", "各县（市、区）"]
        );
        assert_eq!(
            split_names("各县（市、区），市直有关单位"),
            ["各县（市、区）", "市直有关单位"]
        );
    }

    #[test]
    fn names_after_a_marked_lead_unit_support_it() {
        let mut lists = UnitLists::default();
        lists.add_cell(
            ["县农业农村局（牵头）、各乡镇", "县财政局"],
            UnitRole::Unspecified,
        );
        assert_eq!(lists.lead, ["县农业农村局"]);
        assert_eq!(lists.support, ["各乡镇", "县财政局"]);
        assert_eq!(lists.all(), ["县农业农村局", "各乡镇", "县财政局"]);
    }

    #[test]
    fn role_words_may_open_any_piece_of_a_line() {
        let mut lists = UnitLists::default();
        lists.add_cell(
            ["牵头单位：区住建局；配合单位：区财政局、城东街道"],
            UnitRole::Unspecified,
        );
        assert_eq!(lists.lead, ["区住建局"]);
        assert_eq!(lists.support, ["区财政局", "城东街道"]);
        let mut spaced = UnitLists::default();
        spaced.add_cell(["牵头： 市发改委 配合： 市财政局"], UnitRole::Unspecified);
        assert_eq!(spaced.lead, ["市发改委"]);
        assert_eq!(spaced.support, ["市财政局"]);
    }

    #[test]
    fn reads_role_markers_inside_a_cell() {
        let mut lists = UnitLists::default();
        lists.add_cell(
            [
                "牵头单位：市发改委",
                "配合：市经信局、市财政局",
                "市商务局",
                "市科技局（牵头）",
            ],
            UnitRole::Unspecified,
        );
        assert_eq!(lists.lead, ["市发改委", "市科技局"]);
        assert_eq!(lists.support, ["市经信局", "市财政局", "市商务局"]);
        assert!(lists.role_marked);
        assert_eq!(
            lists.all(),
            ["市发改委", "市科技局", "市经信局", "市财政局", "市商务局"]
        );
    }
}
