//! `tongbao diff`: what changed from one month's bulletin to the next.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use tongbao_model::Bulletin;

use crate::ReadArgs;
use crate::convert::convert_isolated;
use crate::inputs::Input;

#[derive(Args)]
pub struct DiffArgs {
    /// The earlier bulletin, or the JSON `convert` wrote for it.
    old: PathBuf,
    /// The later bulletin, or its JSON.
    new: PathBuf,
    /// Report format.
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// A readable report.
    Text,
    /// JSON, for machines.
    Json,
}

pub fn run(args: &DiffArgs) -> anyhow::Result<bool> {
    let options = args.read.options();
    let old = load(&args.old, &options)?;
    let new = load(&args.new, &options)?;
    let diff = tongbao_compare::month_over_month(&old, &new);
    match args.format {
        DiffFormat::Text => print!("{diff}"),
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&diff)?),
    }
    Ok(true)
}

/// A bulletin from its JSON (`.json`) or by converting the document.
fn load(path: &Path, options: &tongbao::Options) -> anyhow::Result<Bulletin> {
    let is_json = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
    if is_json {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return serde_json::from_str(&text)
            .with_context(|| format!("{}: not a tongbao bulletin", path.display()));
    }
    let input = Input {
        path: path.to_path_buf(),
        output_stem: PathBuf::new(),
    };
    convert_isolated(&input, options).map_err(anyhow::Error::msg)
}
