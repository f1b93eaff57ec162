//! `tongbao check`: re-convert and compare with stored JSON (a regression test
//! for users' CI and for tongbao's own golden files).

use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;
use tongbao_model::Bulletin;

use crate::convert::convert_isolated;
use crate::inputs::{self, Input};
use crate::{ReadArgs, write};

#[derive(Args)]
pub struct CheckArgs {
    /// Bulletin files or folders to re-convert.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Folder of stored JSON, laid out as `convert -o` writes it.
    #[arg(long, value_name = "DIR")]
    expected: PathBuf,
    /// Rewrite the stored JSON with the new conversions instead of comparing.
    #[arg(long)]
    update: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// What checking one input found.
enum Outcome {
    /// The conversion matches the stored JSON.
    Same,
    /// The conversion differs: one printable line per changed field.
    Changed(Vec<String>),
    /// `--update` wrote the stored JSON anew (`created` when there was none).
    Written { created: bool },
}

pub fn run(args: &CheckArgs) -> anyhow::Result<bool> {
    let options = args.read.options();
    let (inputs, problems) = inputs::collect(&args.inputs);
    let reports: Vec<Result<Outcome, String>> = inputs
        .par_iter()
        .map(|input| check_one(input, args, &options))
        .collect();

    let mut failing = problems.len();
    let mut written = 0;
    for problem in &problems {
        eprintln!("error: {problem}");
    }
    for (input, report) in inputs.iter().zip(&reports) {
        match report {
            Ok(Outcome::Same) => println!("ok {}", input.path.display()),
            Ok(Outcome::Written { created }) => {
                written += 1;
                let verb = if *created { "created" } else { "updated" };
                println!("{verb} {}", input.path.display());
            }
            Ok(Outcome::Changed(changes)) => {
                failing += 1;
                println!(
                    "changed {} ({} fields)",
                    input.path.display(),
                    changes.len()
                );
                for change in changes {
                    println!("  {change}");
                }
            }
            Err(error) => {
                failing += 1;
                eprintln!("error: {error}");
            }
        }
    }
    let total = inputs.len() + problems.len();
    let unchanged = total - failing - written;
    if args.update {
        eprintln!("checked {total}, unchanged {unchanged}, updated {written}, failing {failing}");
    } else {
        eprintln!("checked {total}, unchanged {unchanged}, failing {failing}");
    }
    Ok(failing == 0)
}

/// Compares one input's conversion with its stored JSON, or with `--update`
/// rewrites that JSON when its bytes differ.
fn check_one(
    input: &Input,
    args: &CheckArgs,
    options: &tongbao::Options,
) -> Result<Outcome, String> {
    let expected_path = inputs::output_path(&args.expected, input, "json");
    let actual = convert_isolated(input, options)?;
    if args.update {
        let text = tongbao_export::to_json(&actual).map_err(|e| e.to_string())?;
        let stored = std::fs::read(&expected_path).ok();
        if stored.as_deref() == Some(text.as_bytes()) {
            return Ok(Outcome::Same);
        }
        write::atomically(&expected_path, |out| Ok(out.write_all(text.as_bytes())?))
            .map_err(|e| format!("{e:#}"))?;
        return Ok(Outcome::Written {
            created: stored.is_none(),
        });
    }
    let stored = std::fs::read_to_string(&expected_path).map_err(|error| {
        format!(
            "{}: cannot read expected {} ({}); run with --update to create it",
            input.path.display(),
            expected_path.display(),
            inputs::short_io(&error)
        )
    })?;
    let expected: Bulletin = serde_json::from_str(&stored).map_err(|error| {
        format!(
            "{}: not a tongbao bulletin: {error}",
            expected_path.display()
        )
    })?;
    let changes: Vec<String> = tongbao_compare::field_changes(&expected, &actual)
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok(if changes.is_empty() {
        Outcome::Same
    } else {
        Outcome::Changed(changes)
    })
}
