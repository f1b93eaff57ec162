//! `tongbao`: convert 销号 bulletins (Word/Excel) to JSON, NDJSON or CSV;
//! check conversions against stored JSON; diff two months.
//!
//! The command is thin: it finds input files, runs the `tongbao` pipeline on
//! each in parallel, and writes what `tongbao-export` produces.

mod check;
mod convert;
mod diff;
mod inputs;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tongbao_model::ReadLimits;

// Each bulletin allocates and frees a few large buffers (inflated parts,
// rendered JSON) and many small strings; glibc's allocator returns the large
// ones to the kernel and faults them back in for the next file.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "tongbao",
    version,
    about = "Turn 销号 bulletins (督查通报, .docx/.xlsx/.xls) into structured JSON",
    long_about = "Turn 销号 bulletins (督查通报, .docx/.xlsx/.xlsm/.xls/.et/.ods) into structured JSON.\n\n\
        Examples:\n  \
        tongbao convert bulletins/ -o out/              one JSON file per bulletin\n  \
        tongbao convert a.docx --format csv -o - > a.csv  one CSV row per task\n  \
        tongbao check bulletins/ --expected golden/      fail when a conversion changed\n  \
        tongbao diff 2019-08.docx 2019-09.docx           what changed since last month"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert bulletins (files or folders, searched recursively).
    Convert(convert::ConvertArgs),
    /// Re-convert bulletins and compare with stored JSON; exit 1 on any difference.
    Check(check::CheckArgs),
    /// Show what changed between two bulletins (or their JSON): statuses, tasks, units, progress.
    Diff(diff::DiffArgs),
    /// Print the JSON Schema of the output.
    Schema(SchemaArgs),
}

#[derive(Args)]
struct SchemaArgs {
    /// Which schema to print.
    #[arg(long, value_enum, default_value_t = SchemaKind::Bulletin)]
    kind: SchemaKind,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    /// The JSON document `convert` writes per bulletin.
    Bulletin,
    /// One NDJSON/CSV row per task (`--format ndjson|csv`).
    TaskRow,
    /// One NDJSON row per date or figure (`--format figures`).
    FigureRow,
}

/// Options shared by every command that reads bulletins.
#[derive(Args, Clone)]
struct ReadArgs {
    /// Year for month-day expressions when the bulletin does not state one.
    #[arg(long)]
    year: Option<i32>,
    /// Largest input file accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = ReadLimits::default().max_file_bytes >> 20)]
    max_file_mib: u64,
    /// Largest decompressed size of one part of a package, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = ReadLimits::default().max_part_bytes >> 20)]
    max_part_mib: u64,
    /// Largest decompression ratio accepted for one part.
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_compression_ratio)]
    max_ratio: u64,
    /// Largest decompressed size of all parts read from one file, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = ReadLimits::default().max_total_bytes >> 20)]
    max_total_mib: u64,
    /// Most entries a zip package may list.
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_zip_entries)]
    max_entries: usize,
    /// Deepest XML element nesting accepted.
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_xml_depth)]
    max_depth: usize,
    /// Most table rows accepted in one document.
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_rows)]
    max_rows: usize,
    /// Most table cells accepted in one document.
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_cells)]
    max_cells: usize,
}

impl ReadArgs {
    fn options(&self) -> tongbao::Options {
        tongbao::Options {
            limits: ReadLimits {
                max_file_bytes: mib_to_bytes(self.max_file_mib),
                max_part_bytes: mib_to_bytes(self.max_part_mib),
                max_total_bytes: mib_to_bytes(self.max_total_mib),
                max_compression_ratio: self.max_ratio,
                max_zip_entries: self.max_entries,
                max_xml_depth: self.max_depth,
                max_rows: self.max_rows,
                max_cells: self.max_cells,
            },
            year: self.year,
        }
    }
}

/// A size given in MiB, in bytes; a number too large to shift means "no limit".
fn mib_to_bytes(mib: u64) -> u64 {
    mib.saturating_mul(1 << 20)
}

fn main() -> ExitCode {
    convert::quiet_isolated_panics();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Convert(args) => convert::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Schema(args) => print_schema(args.kind),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn print_schema(kind: SchemaKind) -> anyhow::Result<bool> {
    let wanted = match kind {
        SchemaKind::Bulletin => "bulletin.schema.json",
        SchemaKind::TaskRow => "task-row.schema.json",
        SchemaKind::FigureRow => "figure-row.schema.json",
    };
    let schema = tongbao_export::schema_files()
        .into_iter()
        .find(|file| file.file_name == wanted)
        .ok_or_else(|| anyhow::anyhow!("no schema named {wanted}"))?;
    print!("{}", schema.text);
    Ok(true)
}

/// Where outputs go: a directory, or standard output for `-`.
#[derive(Clone, Debug)]
enum OutputTarget {
    Stdout,
    Dir(PathBuf),
}

impl std::str::FromStr for OutputTarget {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<OutputTarget, Self::Err> {
        Ok(if text == "-" {
            OutputTarget::Stdout
        } else {
            OutputTarget::Dir(PathBuf::from(text))
        })
    }
}
