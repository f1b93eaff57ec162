//! `tongbao convert`: many files in parallel, one failure never stops the rest.

use std::cell::Cell;
use std::io::{BufWriter, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tongbao_export::{Exporter, Format};
use tongbao_model::{Bulletin, Severity};

use crate::inputs::{self, Input};
use crate::{OutputTarget, ReadArgs, write};

#[derive(Args)]
pub struct ConvertArgs {
    /// Bulletin files (.docx .xlsx .xlsm .xls .et .ods) or folders to search.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output folder (created if missing), or - for standard output.
    #[arg(short, long, value_name = "DIR", default_value = "-")]
    output: OutputTarget,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
    /// Files converted at once [default: number of cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Print every warning, not just their count.
    #[arg(short, long)]
    verbose: bool,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// One JSON document per bulletin.
    Json,
    /// One line per task, with the bulletin's title, as-of date, file and area.
    Ndjson,
    /// The ndjson rows as CSV (UTF-8 with BOM, for Excel and WPS).
    Csv,
    /// One line per date or figure found in task and progress text.
    Figures,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv,
            FormatArg::Figures => Format::Figures,
        }
    }
}

/// What became of one input.
struct Outcome {
    /// The converted bulletin, kept only when it goes to standard output.
    for_stdout: Option<Bulletin>,
    warnings: Vec<String>,
    error: Option<String>,
}

/// Files converted together before their output goes to standard output:
/// keeps the order stable and memory bounded however large the batch.
const STDOUT_BATCH: usize = 64;

pub fn run(args: &ConvertArgs) -> anyhow::Result<bool> {
    let format = Format::from(args.format);
    let options = args.read.options();
    let (inputs, problems) = inputs::collect(&args.inputs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let progress = progress_bar(inputs.len());
    let mut tally = Tally {
        failed: 0,
        warnings: 0,
        verbose: args.verbose,
    };
    for problem in &problems {
        tally.fail(problem);
    }
    let convert_all = |batch: &[Input]| -> Vec<Outcome> {
        pool.install(|| {
            batch
                .par_iter()
                .map(|input| {
                    let outcome = convert_one(input, &args.output, format, &options);
                    progress.inc(1);
                    outcome
                })
                .collect()
        })
    };
    match &args.output {
        OutputTarget::Stdout => {
            let stdout = std::io::stdout().lock();
            let mut exporter = Exporter::new(format, std::io::BufWriter::new(stdout));
            for batch in inputs.chunks(STDOUT_BATCH) {
                for outcome in convert_all(batch) {
                    if let Some(bulletin) = &outcome.for_stdout {
                        exporter.write(bulletin)?;
                    }
                    tally.record(&outcome);
                }
            }
            exporter.finish()?.flush()?;
        }
        OutputTarget::Dir(_) => {
            for outcome in convert_all(&inputs) {
                tally.record(&outcome);
            }
        }
    }
    progress.finish_and_clear();
    let converted = inputs.len() + problems.len() - tally.failed;
    eprintln!(
        "converted {converted}, failed {}, warnings {}",
        tally.failed, tally.warnings
    );
    Ok(tally.failed == 0)
}

/// Counts failures and warnings, printing them as they are recorded.
struct Tally {
    failed: usize,
    warnings: usize,
    verbose: bool,
}

impl Tally {
    fn fail(&mut self, error: &str) {
        self.failed += 1;
        eprintln!("error: {error}");
    }

    fn record(&mut self, outcome: &Outcome) {
        self.warnings += outcome.warnings.len();
        if self.verbose {
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}");
            }
        }
        if let Some(error) = &outcome.error {
            self.fail(error);
        }
    }
}

fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(u64::try_from(len).unwrap_or(u64::MAX));
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}

fn convert_one(
    input: &Input,
    output: &OutputTarget,
    format: Format,
    options: &tongbao::Options,
) -> Outcome {
    let failure = |error: String| Outcome {
        for_stdout: None,
        warnings: Vec::new(),
        error: Some(error),
    };
    let bulletin = match convert_isolated(input, options) {
        Ok(bulletin) => bulletin,
        Err(error) => return failure(error),
    };
    let warnings = bulletin
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Warning)
        .map(|diagnostic| {
            let task = diagnostic
                .task_no
                .map(|no| format!(" (task {no})"))
                .unwrap_or_default();
            format!("{}: {}{task}", input.path.display(), diagnostic.message)
        })
        .collect();
    match output {
        OutputTarget::Stdout => Outcome {
            for_stdout: Some(bulletin),
            warnings,
            error: None,
        },
        OutputTarget::Dir(dir) => {
            let path = inputs::output_path(dir, input, format.extension());
            match write::atomically(&path, |out| render(format, &bulletin, out)) {
                Ok(()) => Outcome {
                    for_stdout: None,
                    warnings,
                    error: None,
                },
                Err(error) => failure(format!("{}: {error:#}", input.path.display())),
            }
        }
    }
}

thread_local! {
    /// Set while this thread converts one file under `catch_unwind`.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the panic report of a conversion to the one error line its file
/// gets: a reader that panics on a hostile file (calamine does, caught
/// there) must not print a panic and backtrace. Panics anywhere else are
/// reported as usual.
pub fn quiet_isolated_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !ISOLATED.with(Cell::get) {
            report(info);
        }
    }));
}

/// Converts one file; a panic inside the pipeline becomes this file's error
/// instead of ending the batch.
pub fn convert_isolated(input: &Input, options: &tongbao::Options) -> Result<Bulletin, String> {
    ISOLATED.with(|isolated| isolated.set(true));
    let converted = catch_unwind(AssertUnwindSafe(|| {
        tongbao::convert_path(&input.path, options)
    }));
    ISOLATED.with(|isolated| isolated.set(false));
    match converted {
        Ok(Ok(bulletin)) => Ok(bulletin),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err(format!(
            "{}: internal error while converting (please report this file)",
            input.path.display()
        )),
    }
}

/// Exports `bulletin` straight into `out` through a buffer: a bulletin's
/// JSON runs to hundreds of kilobytes, and collecting it first cost a
/// growing copy per file.
fn render(format: Format, bulletin: &Bulletin, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut exporter = Exporter::new(format, BufWriter::with_capacity(RENDER_BUFFER_BYTES, out));
    exporter.write(bulletin)?;
    exporter.finish()?;
    Ok(())
}

const RENDER_BUFFER_BYTES: usize = 64 * 1024;
